// The dispatcher's SQL. It runs as the table owner across tenants (as the audit sequencer
// does), so every statement names the tenant or the row ids it works on explicitly.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

type Db = Kysely<Database>;

export interface ClaimedDelivery {
  id: string;
  tenant_id: string;
  event_id: string;
  endpoint_id: string;
  attempts: number;
}

/**
 * Claims up to `limit` due deliveries. SKIP LOCKED lets several processes claim at once
 * without waiting on each other; moving next_attempt_at past the attempt's time is the
 * lease: if this process dies mid-attempt, the delivery comes due again by itself.
 */
export async function claimDue(db: Db, limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
  const { rows } = await sql<ClaimedDelivery>`update webhook_deliveries d
    set next_attempt_at = now() + ${leaseMs} * interval '1 millisecond', attempts = d.attempts + 1
    from (select id from webhook_deliveries where status = 'pending' and next_attempt_at <= now()
          order by next_attempt_at limit ${limit} for update skip locked) due
    where d.id = due.id
    returning d.id, d.tenant_id, d.event_id, d.endpoint_id, d.attempts`.execute(db);
  return rows;
}

export async function loadEndpoint(db: Db, tenantId: string, id: string) {
  return db
    .selectFrom('webhook_endpoints')
    .select(['id', 'url', 'enabled', 'baa_id', 'phi_fields'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function loadEvent(db: Db, tenantId: string, id: string) {
  return db
    .selectFrom('webhook_events')
    .select(['id', 'type', 'payload', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The secrets signing now: the current one and any still in their rotation overlap. */
export async function signingSecrets(db: Db, tenantId: string, endpointId: string) {
  return db
    .selectFrom('webhook_secrets')
    .select(['id', 'secret_sealed'])
    .where('tenant_id', '=', tenantId)
    .where('endpoint_id', '=', endpointId)
    .where((eb) => eb.or([eb('retires_at', 'is', null), eb('retires_at', '>', new Date())]))
    .orderBy('created_at', 'desc')
    .execute();
}

export async function loadAgreement(db: Db, tenantId: string, id: string) {
  return db
    .selectFrom('business_associate_agreements')
    .select([
      sql<string>`effective_on::text`.as('effective_on'),
      sql<string | null>`expires_on::text`.as('expires_on'),
      'terminated_at',
    ])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function loadTicketPhi(db: Db, tenantId: string, ticketId: string) {
  return db
    .selectFrom('tickets')
    .select(['id', 'subject', 'requester_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', ticketId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function loadCommentBody(db: Db, tenantId: string, commentId: string) {
  return db
    .selectFrom('ticket_comments')
    .select(['id', 'body'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', commentId)
    .executeTakeFirst();
}

export async function recordAttempt(
  db: Db,
  row: {
    tenant_id: string;
    delivery_id: string;
    endpoint_id: string;
    attempt: number;
    created_at: Date;
    duration_ms: number;
    status_code: number | null;
    error: string | null;
    carried_phi: boolean;
  },
): Promise<void> {
  await db.insertInto('webhook_attempts').values(row).execute();
}

export async function markDelivered(db: Db, delivery: ClaimedDelivery): Promise<void> {
  await db
    .updateTable('webhook_deliveries')
    .set({ status: 'delivered', delivered_at: new Date() })
    .where('id', '=', delivery.id)
    .execute();
  await db
    .updateTable('webhook_endpoints')
    .set({ consecutive_failures: 0 })
    .where('id', '=', delivery.endpoint_id)
    .where('consecutive_failures', '>', 0)
    .execute();
}

/**
 * A failed attempt: due again at `retryAt`, or failed for good when null. Returns the
 * endpoint's failures in a row, counted in the same statement so concurrent attempts
 * of one endpoint never lose a count.
 */
export async function markAttemptFailed(db: Db, delivery: ClaimedDelivery, retryAt: Date | null): Promise<number> {
  await db
    .updateTable('webhook_deliveries')
    .set(retryAt ? { next_attempt_at: retryAt } : { status: 'failed' })
    .where('id', '=', delivery.id)
    .execute();
  const row = await db
    .updateTable('webhook_endpoints')
    .set((eb) => ({ consecutive_failures: eb('consecutive_failures', '+', 1) }))
    .where('id', '=', delivery.endpoint_id)
    .returning('consecutive_failures')
    .executeTakeFirst();
  return row?.consecutive_failures ?? 0;
}

/** A delivery that cannot be made (its endpoint is disabled): failed, replayable. */
export async function markUndeliverable(db: Db, delivery: ClaimedDelivery): Promise<void> {
  await db.updateTable('webhook_deliveries').set({ status: 'failed' }).where('id', '=', delivery.id).execute();
}

/** Disables an endpoint once; true for the caller that did it (so it is announced once). */
export async function disableEndpoint(db: Db, endpointId: string, reason: string): Promise<boolean> {
  const row = await db
    .updateTable('webhook_endpoints')
    .set({ enabled: false, disabled_at: new Date(), disabled_reason: reason })
    .where('id', '=', endpointId)
    .where('enabled', '=', true)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
