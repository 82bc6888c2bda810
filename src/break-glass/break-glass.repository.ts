import type { Tx } from '../db/tenant-tx.js';

export const grantColumns = ['break_glass_grants.id', 'break_glass_grants.tenant_id', 'break_glass_grants.actor_id', 'break_glass_grants.actor_kind',
  'break_glass_grants.resource_type', 'break_glass_grants.resource_id', 'break_glass_grants.reason', 'break_glass_grants.opened_at',
  'break_glass_grants.expires_at', 'break_glass_grants.closed_at', 'break_glass_grants.reviewed_by', 'break_glass_grants.reviewed_at',
  'break_glass_grants.review_outcome', 'break_glass_grants.review_note', 'break_glass_grants.created_at'] as const;

export function selectGrants(tx: Tx) {
  return tx.selectFrom('break_glass_grants').select(grantColumns);
}

export async function getGrant(tx: Tx, id: string) {
  return selectGrants(tx).where('break_glass_grants.id', '=', id).executeTakeFirst();
}

export async function insertGrant(tx: Tx, row: { tenant_id: string; actor_id: string; actor_kind: string; resource_type: string; resource_id: string; reason: string; expires_at: Date }) {
  const { id } = await tx.insertInto('break_glass_grants').values(row).returning('id').executeTakeFirstOrThrow();
  return (await getGrant(tx, id))!;
}

export async function closeGrant(tx: Tx, id: string, at: Date) {
  await tx.updateTable('break_glass_grants').set({ closed_at: at }).where('id', '=', id).where('closed_at', 'is', null).execute();
}

export async function reviewGrant(tx: Tx, id: string, review: { reviewed_by: string; reviewed_at: Date; review_outcome: 'justified' | 'unjustified'; review_note: string | null }) {
  await tx.updateTable('break_glass_grants').set(review).where('id', '=', id).execute();
}

export async function insertDomainEvent(tx: Tx, row: { tenant_id: string; type: string; payload: Record<string, unknown> }) {
  await tx.insertInto('domain_events').values({ ...row, payload: JSON.stringify(row.payload) }).execute();
}
