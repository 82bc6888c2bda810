// Both settings a public reply's checks apply, in one round trip: the tenant's disclosure
// settings (recipient check) and its PHI detection settings. Either row may be absent (the
// defaults apply); RLS leaves only the caller's tenant's rows.
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Tx } from '../db/tenant-tx.js';

export async function outboundSettingsRows(tx: Tx, tenantId: string) {
  return tx
    .selectNoFrom((eb) => [
      jsonObjectFrom(
        eb.selectFrom('disclosure_settings').select(['recipient_check', 'verification_valid_days', 'updated_at']),
      ).as('disclosure'),
      jsonObjectFrom(
        eb
          .selectFrom('phi_detection_settings')
          .select(['other_patient_action', 'pattern_action', 'pattern_kinds', 'mrn_patterns', 'account_patterns'])
          .where('tenant_id', '=', tenantId),
      ).as('phiDetection'),
    ])
    .executeTakeFirstOrThrow();
}
