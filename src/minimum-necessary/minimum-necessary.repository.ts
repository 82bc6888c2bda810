// The tenant's minimum-necessary lists: a column of its own tenants row (migration 0031),
// read in a tenant transaction (RLS leaves only the caller's tenant). Authentication reads
// the same column with the rest of the row it needs (users.repository tenantActorRules,
// api-keys.repository findApiKeyForAuth), so a request pays no extra round trip for it.
import type { Tx } from '../db/tenant-tx.js';
import { minimumNecessaryFrom, type MinimumNecessary } from './minimum-necessary.model.js';

export async function getLists(tx: Tx, tenantId: string): Promise<MinimumNecessary | undefined> {
  const row = await tx.selectFrom('tenants').select('minimum_necessary').where('id', '=', tenantId).executeTakeFirst();
  return row ? minimumNecessaryFrom(row.minimum_necessary) : undefined;
}

/**
 * Replaces the lists; the tenants change notice drops the cached actors of the tenant, so
 * the next request of each authenticates with the new lists.
 */
export async function putLists(
  tx: Tx,
  tenantId: string,
  lists: MinimumNecessary,
): Promise<MinimumNecessary | undefined> {
  const row = await tx
    .updateTable('tenants')
    .set({ minimum_necessary: JSON.stringify(lists), updated_at: new Date() })
    .where('id', '=', tenantId)
    .returning('minimum_necessary')
    .executeTakeFirst();
  return row ? minimumNecessaryFrom(row.minimum_necessary) : undefined;
}
