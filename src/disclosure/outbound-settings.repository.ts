// Both settings a public reply's checks apply, in one round trip: the tenant's disclosure
// settings (recipient check) and its PHI detection settings. Either row may be absent (the
// defaults apply); RLS leaves only the caller's tenant's rows.
//
// With `lookup` (the reply's value candidates, hashed), the same statement also returns
// the contacts those blind indexes match, when the tenant's value check is on: PHI
// detection then adds no round trip to the reply (the server skips the lookup when the
// check is off).
import { sql } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Tx } from '../db/tenant-tx.js';
import {
  contactsMatching,
  noCandidates,
  type HashedCandidates,
  type MatchedContact,
} from '../phi-detection/value-lookup.js';

export async function outboundSettingsRows(tx: Tx, tenantId: string, lookup?: HashedCandidates) {
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
      // null: not looked up (no candidates, or the tenant's value check is off)
      (lookup && !noCandidates(lookup)
        ? sql<MatchedContact[] | null>`case when exists (
            select from phi_detection_settings
            where tenant_id = ${tenantId} and other_patient_action <> 'off'
          ) then ${contactsMatching(tenantId, lookup.values)} end`
        : sql<MatchedContact[] | null>`null`
      ).as('valueMatches'),
    ])
    .executeTakeFirstOrThrow();
}
