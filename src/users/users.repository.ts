import type { Tx } from '../db/tenant-tx.js';
import { minimumNecessaryFrom, type MinimumNecessary } from '../minimum-necessary/minimum-necessary.model.js';
import { narrowedBy, rowsWithIds, type Where } from '../db/where.js';

export const userColumns = [
  'users.id',
  'users.tenant_id',
  'users.issuer',
  'users.subject',
  'users.email',
  'users.display_name',
  'users.roles',
  'users.contact_id',
  'users.status',
  'users.sessions_revoked_after',
  'users.last_seen_at',
  'users.created_at',
  'users.updated_at',
] as const;

/** Users, only those `where` allows when given (a policy's where-clause). */
export function selectUsers(tx: Tx, where?: Where) {
  return narrowedBy(tx.selectFrom('users').select(userColumns), where);
}

export const getUsersByIds = (tx: Tx, ids: readonly string[], where: Where) =>
  rowsWithIds(selectUsers(tx, where), 'users.id', ids);

export async function getUser(tx: Tx, id: string) {
  return selectUsers(tx).where('users.id', '=', id).executeTakeFirst();
}

export async function findUserByIdentity(tx: Tx, issuer: string, subject: string) {
  return selectUsers(tx).where('users.issuer', '=', issuer).where('users.subject', '=', subject).executeTakeFirst();
}

export interface NewUserRow {
  tenant_id: string;
  issuer: string | null;
  subject: string | null;
  email: string | null;
  display_name: string;
  roles: string[];
  contact_id: string | null;
}

export async function insertUser(tx: Tx, row: NewUserRow) {
  return (
    tx
      .insertInto('users')
      .values(row)
      // two first requests of one new user race: the loser reads the winner's row
      .onConflict((oc) => oc.constraint('users_tenant_identity').doUpdateSet({ updated_at: new Date() }))
      .returning(userColumns)
      .executeTakeFirstOrThrow()
  );
}

/** Whether a live contact with this id is the tenant's (RLS scopes the lookup). */
export async function contactExists(tx: Tx, id: string): Promise<boolean> {
  return (
    (await tx
      .selectFrom('contacts')
      .select('id')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()) !== undefined
  );
}

export async function updateUser(
  tx: Tx,
  id: string,
  patch: Partial<{
    email: string | null;
    display_name: string;
    roles: string[];
    status: 'active' | 'disabled';
    contact_id: string | null;
    sessions_revoked_after: Date;
    last_seen_at: Date;
  }>,
) {
  return tx
    .updateTable('users')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returning(userColumns)
    .executeTakeFirst();
}

export async function groupIdsOfUser(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx.selectFrom('group_members').select('group_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.group_id);
}

export async function groupIdsByName(tx: Tx, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = await tx
    .selectFrom('groups')
    .select('id')
    .where('name', 'in', [...names])
    .execute();
  return rows.map((r) => r.id);
}

export async function activeBreakGlass(tx: Tx, actorId: string, now: Date) {
  return tx
    .selectFrom('break_glass_grants')
    .select(['resource_type', 'resource_id', 'expires_at'])
    .where('actor_id', '=', actorId)
    .where('expires_at', '>', now)
    .where('closed_at', 'is', null)
    .execute();
}

/** The tenant rules an actor carries: MFA for PHI, and the minimum-necessary field lists (one read of the row). */
export async function tenantActorRules(
  tx: Tx,
  tenantId: string,
): Promise<{ requireMfaForPhi: boolean; minimumNecessary: MinimumNecessary }> {
  const row = await tx
    .selectFrom('tenants')
    .select(['require_mfa_for_phi', 'minimum_necessary'])
    .where('id', '=', tenantId)
    .executeTakeFirst();
  return {
    requireMfaForPhi: row?.require_mfa_for_phi ?? false,
    minimumNecessary: minimumNecessaryFrom(row?.minimum_necessary),
  };
}
