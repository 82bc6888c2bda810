// The tenant's row of attachment_settings (its own upload limits). RLS leaves only the
// caller's tenant's row, and confines the upsert to it (migration 0018).
import type { Tx } from '../db/tenant-tx.js';

export async function getSettings(tx: Tx) {
  return tx.selectFrom('attachment_settings').select(['max_bytes', 'allowed_types', 'updated_at']).executeTakeFirst();
}

/** Creates or replaces the tenant's row; returns it as stored. */
export async function putSettings(tx: Tx, row: { tenant_id: string; max_bytes: number; allowed_types: string[] }) {
  return tx
    .insertInto('attachment_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('tenant_id').doUpdateSet({
        max_bytes: row.max_bytes,
        allowed_types: row.allowed_types,
        updated_at: new Date(),
      }),
    )
    .returning(['max_bytes', 'allowed_types', 'updated_at'])
    .executeTakeFirstOrThrow();
}
