// The tenant's row of disclosure_settings (RLS leaves only the caller's tenant's row).
import type { RecipientCheckMode } from '../db/tables/disclosure.js';
import type { Tx } from '../db/tenant-tx.js';

export async function getSettingsRow(tx: Tx) {
  return tx
    .selectFrom('disclosure_settings')
    .select(['recipient_check', 'verification_valid_days', 'updated_at'])
    .executeTakeFirst();
}

/** Creates or replaces the tenant's row. */
export async function putSettingsRow(
  tx: Tx,
  tenantId: string,
  values: { recipient_check: RecipientCheckMode; verification_valid_days: number; updated_by: string },
): Promise<void> {
  await tx
    .insertInto('disclosure_settings')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}
