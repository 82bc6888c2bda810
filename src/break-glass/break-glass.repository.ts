// Break-glass grants in SQL. Reasons and review notes arrive sealed (break-glass.sealing.ts).
import type { Sealed } from '../crypto/sealed.js';
import type { Tx } from '../db/tenant-tx.js';
import type { Where } from '../db/where.js';
import type { BreakGlassResourceType } from './break-glass.service.js';

export const grantColumns = [
  'break_glass_grants.id',
  'break_glass_grants.tenant_id',
  'break_glass_grants.actor_id',
  'break_glass_grants.actor_kind',
  'break_glass_grants.resource_type',
  'break_glass_grants.resource_id',
  'break_glass_grants.reason',
  'break_glass_grants.reason_sealed',
  'break_glass_grants.reason_length',
  'break_glass_grants.opened_at',
  'break_glass_grants.expires_at',
  'break_glass_grants.closed_at',
  'break_glass_grants.reviewed_by',
  'break_glass_grants.reviewed_at',
  'break_glass_grants.review_outcome',
  'break_glass_grants.review_note',
  'break_glass_grants.review_note_sealed',
  'break_glass_grants.review_note_length',
  'break_glass_grants.key_version',
  'break_glass_grants.created_at',
] as const;

export function selectGrants(tx: Tx) {
  return tx.selectFrom('break_glass_grants').select(grantColumns);
}

/** The grants `where` allows; with `activeAt`, only those open then (not expired, not closed). */
export function selectGrantsWhere(tx: Tx, where: Where, activeAt?: Date) {
  const q = selectGrants(tx).where(where);
  return activeAt
    ? q.where('break_glass_grants.expires_at', '>', activeAt).where('break_glass_grants.closed_at', 'is', null)
    : q;
}

export async function getGrant(tx: Tx, id: string) {
  return selectGrants(tx).where('break_glass_grants.id', '=', id).executeTakeFirst();
}

export type GrantRow = NonNullable<Awaited<ReturnType<typeof getGrant>>>;

/** Whether the record a grant would name exists in the caller's tenant (RLS scopes the lookup). */
export async function resourceExists(tx: Tx, type: BreakGlassResourceType, id: string): Promise<boolean> {
  const table = type === 'Contact' ? 'contacts' : 'tickets';
  const row = await tx
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertGrant(
  tx: Tx,
  row: {
    id: string;
    tenant_id: string;
    actor_id: string;
    actor_kind: string;
    resource_type: string;
    resource_id: string;
    reason_sealed: Sealed<string>;
    reason_length: number;
    key_version: number;
    expires_at: Date;
  },
): Promise<GrantRow> {
  return tx.insertInto('break_glass_grants').values(row).returning(grantColumns).executeTakeFirstOrThrow();
}

export async function closeGrant(tx: Tx, id: string, at: Date) {
  await tx
    .updateTable('break_glass_grants')
    .set({ closed_at: at })
    .where('id', '=', id)
    .where('closed_at', 'is', null)
    .execute();
}

/**
 * The review. Both sealed columns end up under `key_version` (the reason is re-sealed with
 * the note), and a legacy plaintext reason or note is replaced by its sealed form.
 */
export async function reviewGrant(
  tx: Tx,
  id: string,
  review: {
    reviewed_by: string;
    reviewed_at: Date;
    review_outcome: 'justified' | 'unjustified';
    review_note_sealed: Sealed<string> | null;
    review_note_length: number | null;
    reason_sealed: Sealed<string>;
    key_version: number;
  },
) {
  await tx
    .updateTable('break_glass_grants')
    .set({ ...review, reason: null, review_note: null })
    .where('id', '=', id)
    .execute();
}

export async function insertDomainEvent(
  tx: Tx,
  row: { tenant_id: string; type: string; payload: Record<string, unknown> },
) {
  await tx
    .insertInto('domain_events')
    .values({ ...row, payload: JSON.stringify(row.payload) })
    .execute();
}
