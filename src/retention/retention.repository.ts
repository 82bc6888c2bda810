// Retention policies and legal holds in SQL, inside the caller's tenant transaction (RLS).
import { sql } from 'kysely';
import type { Tx } from '../db/tenant-tx.js';
import type { LegalHoldKind } from '../db/database.js';

export async function getPolicy(tx: Tx) {
  return tx.selectFrom('retention_policies').selectAll().executeTakeFirst();
}

export type PolicyRow = NonNullable<Awaited<ReturnType<typeof getPolicy>>>;

export interface PolicyFields {
  closed_ticket_days: number | null;
  comment_days: number | null;
  attachment_days: number | null;
  contact_days: number | null;
}

export async function putPolicy(
  tx: Tx,
  row: PolicyFields & { tenant_id: string; updated_by: string },
): Promise<PolicyRow> {
  return tx
    .insertInto('retention_policies')
    .values(row)
    .onConflict((oc) =>
      oc.column('tenant_id').doUpdateSet({
        closed_ticket_days: row.closed_ticket_days,
        comment_days: row.comment_days,
        attachment_days: row.attachment_days,
        contact_days: row.contact_days,
        updated_by: row.updated_by,
        updated_at: sql<Date>`clock_timestamp()`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * Serialises hold changes with purge batches of the same tenant: a hold placed while a
 * batch runs waits for it to commit, and the next batch sees the hold.
 */
export async function lockTenantRetention(tx: Tx, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('phidesk.retention'), hashtext(${tenantId}))`.execute(tx);
}

export function selectHolds(tx: Tx) {
  return tx.selectFrom('legal_holds').selectAll('legal_holds');
}

export async function getHold(tx: Tx, id: string) {
  return selectHolds(tx).where('legal_holds.id', '=', id).executeTakeFirst();
}

export type HoldRow = NonNullable<Awaited<ReturnType<typeof getHold>>>;

export interface HoldFields {
  id: string;
  tenant_id: string;
  kind: LegalHoldKind;
  contact_id: string | null;
  ticket_id: string | null;
  created_from: Date | null;
  created_to: Date | null;
  statuses: string[] | null;
  reason_sealed: HoldRow['reason_sealed'];
  key_version: number;
  created_by: string;
}

export async function insertHold(tx: Tx, row: HoldFields): Promise<HoldRow> {
  return tx.insertInto('legal_holds').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function releaseHold(tx: Tx, id: string, by: string): Promise<HoldRow> {
  return tx
    .updateTable('legal_holds')
    .set({ released_at: sql<Date>`clock_timestamp()`, released_by: by })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Holds by state, for the list (active: not released). */
export function holdsIn(tx: Tx, state: 'active' | 'released' | 'all') {
  const q = selectHolds(tx);
  if (state === 'active') return q.where('legal_holds.released_at', 'is', null);
  if (state === 'released') return q.where('legal_holds.released_at', 'is not', null);
  return q;
}

export async function contactExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.selectFrom('contacts').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function ticketExists(tx: Tx, id: string): Promise<boolean> {
  return (await tx.selectFrom('tickets').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
