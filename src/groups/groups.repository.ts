import type { Tx } from '../db/tenant-tx.js';
import { narrowedBy, rowsWithIds, type Where } from '../db/where.js';

export const groupColumns = [
  'groups.id',
  'groups.tenant_id',
  'groups.name',
  'groups.description',
  'groups.created_at',
  'groups.updated_at',
] as const;

/** Groups, only those `where` allows when given (a policy's where-clause). */
export function selectGroups(tx: Tx, where?: Where) {
  return narrowedBy(tx.selectFrom('groups').select(groupColumns), where);
}

export const getGroupsByIds = (tx: Tx, ids: readonly string[], where: Where) =>
  rowsWithIds(selectGroups(tx, where), 'groups.id', ids);

export async function getGroup(tx: Tx, id: string) {
  return selectGroups(tx).where('groups.id', '=', id).executeTakeFirst();
}

export async function findGroupByName(tx: Tx, name: string) {
  return selectGroups(tx).where('groups.name', '=', name).executeTakeFirst();
}

export async function insertGroup(tx: Tx, row: { tenant_id: string; name: string; description: string | null }) {
  return tx.insertInto('groups').values(row).returning(groupColumns).executeTakeFirstOrThrow();
}

export async function updateGroup(tx: Tx, id: string, patch: { name?: string; description?: string | null }) {
  return tx
    .updateTable('groups')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returning(groupColumns)
    .executeTakeFirst();
}

export async function deleteGroup(tx: Tx, id: string) {
  return tx.deleteFrom('groups').where('id', '=', id).executeTakeFirst();
}

export async function memberIds(tx: Tx, groupId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('group_members')
    .select('user_id')
    .where('group_id', '=', groupId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => r.user_id);
}

export async function addMember(tx: Tx, row: { tenant_id: string; group_id: string; user_id: string }) {
  await tx
    .insertInto('group_members')
    .values(row)
    .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
    .execute();
}

export async function removeMember(tx: Tx, groupId: string, userId: string) {
  return tx
    .deleteFrom('group_members')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function userExists(tx: Tx, userId: string): Promise<boolean> {
  return (await tx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()) !== undefined;
}

export async function memberIdsOfGroups(tx: Tx, groupIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (groupIds.length === 0) return out;
  const rows = await tx
    .selectFrom('group_members')
    .select(['group_id', 'user_id'])
    .where('group_id', 'in', [...groupIds])
    .orderBy('created_at')
    .execute();
  for (const r of rows) out.set(r.group_id, [...(out.get(r.group_id) ?? []), r.user_id]);
  return out;
}
