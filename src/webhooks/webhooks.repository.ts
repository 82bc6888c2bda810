// Webhook endpoints, their sealed secrets and their delivery attempts in SQL, inside a
// tenant transaction (RLS scopes every statement). Secrets arrive sealed.
import { sql } from 'kysely';
import type { Sealed } from '../crypto/sealed.js';
import type { Tx } from '../db/tenant-tx.js';

const endpointColumns = [
  'webhook_endpoints.id',
  'webhook_endpoints.url',
  'webhook_endpoints.description',
  'webhook_endpoints.event_types',
  'webhook_endpoints.baa_id',
  'webhook_endpoints.phi_fields',
  'webhook_endpoints.enabled',
  'webhook_endpoints.disabled_at',
  'webhook_endpoints.disabled_reason',
  'webhook_endpoints.consecutive_failures',
  'webhook_endpoints.created_at',
  'webhook_endpoints.updated_at',
] as const;

export const selectEndpoints = (tx: Tx) => tx.selectFrom('webhook_endpoints').select(endpointColumns);

export async function getEndpoint(tx: Tx, id: string) {
  return selectEndpoints(tx).where('webhook_endpoints.id', '=', id).executeTakeFirst();
}

export type EndpointRow = NonNullable<Awaited<ReturnType<typeof getEndpoint>>>;

export interface EndpointFields {
  url: string;
  description: string | null;
  event_types: string[];
  baa_id: string | null;
  phi_fields?: string[];
}

export async function insertEndpoint(tx: Tx, row: EndpointFields & { tenant_id: string; created_by: string }) {
  const { id } = await tx.insertInto('webhook_endpoints').values(row).returning('id').executeTakeFirstOrThrow();
  return (await getEndpoint(tx, id))!;
}

export async function updateEndpoint(
  tx: Tx,
  id: string,
  patch: Partial<EndpointFields> & { enabled?: boolean; disabled_at?: null; disabled_reason?: null },
) {
  // re-enabling starts the failure count afresh
  const reset = patch.enabled === true ? { consecutive_failures: 0 } : {};
  await tx
    .updateTable('webhook_endpoints')
    .set({ ...patch, ...reset, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return (await getEndpoint(tx, id))!;
}

export async function deleteEndpoint(tx: Tx, id: string) {
  await tx.deleteFrom('webhook_endpoints').where('id', '=', id).execute();
}

export async function agreementExists(tx: Tx, id: string): Promise<boolean> {
  const row = await tx.selectFrom('business_associate_agreements').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

export async function insertSecret(
  tx: Tx,
  row: { id: string; tenant_id: string; endpoint_id: string; secret_sealed: Sealed<string>; key_version: number },
) {
  await tx.insertInto('webhook_secrets').values(row).execute();
}

/** Every secret still signing at `at` now retires at `at` (or earlier, if it already would). */
export async function retireSecrets(tx: Tx, endpointId: string, at: Date) {
  await tx
    .updateTable('webhook_secrets')
    .set({ retires_at: sql<Date>`least(coalesce(retires_at, ${at}), ${at})` })
    .where('endpoint_id', '=', endpointId)
    .execute();
}

export function selectAttempts(tx: Tx, endpointId: string) {
  return tx
    .selectFrom('webhook_attempts')
    .innerJoin('webhook_deliveries', 'webhook_deliveries.id', 'webhook_attempts.delivery_id')
    .innerJoin('webhook_events', 'webhook_events.id', 'webhook_deliveries.event_id')
    .select([
      'webhook_attempts.id',
      'webhook_attempts.delivery_id',
      'webhook_events.type as event_type',
      'webhook_deliveries.status as delivery_status',
      'webhook_attempts.attempt',
      'webhook_attempts.created_at',
      'webhook_attempts.duration_ms',
      'webhook_attempts.status_code',
      'webhook_attempts.error',
      'webhook_attempts.carried_phi',
    ])
    .where('webhook_attempts.endpoint_id', '=', endpointId);
}

/** Queues a delivery again from its first attempt, with the same webhook-id (receivers deduplicate). */
export async function requeueDelivery(tx: Tx, endpointId: string, deliveryId: string): Promise<boolean> {
  const row = await tx
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: new Date() })
    .where('id', '=', deliveryId)
    .where('endpoint_id', '=', endpointId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
