// The tenant's row of phi_detection_settings. In a tenant transaction RLS leaves only the
// caller's row; the owner connection (the webhook dispatcher) names the tenant.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { PhiPatternKind } from './patterns.js';
import { defaultPhiDetectionSettings, type PhiDetectionSettings } from './settings.model.js';

const columns = [
  'other_patient_action',
  'pattern_action',
  'pattern_kinds',
  'mrn_patterns',
  'account_patterns',
  'updated_at',
] as const;

type Row = Awaited<ReturnType<typeof selectRow>>;
const selectRow = (db: Kysely<Database>, tenantId: string) =>
  db.selectFrom('phi_detection_settings').select(columns).where('tenant_id', '=', tenantId).executeTakeFirst();

export function fromRow(row: Omit<NonNullable<Row>, 'updated_at'>): PhiDetectionSettings {
  return {
    otherPatientAction: row.other_patient_action,
    patternAction: row.pattern_action,
    patternKinds: row.pattern_kinds as PhiPatternKind[],
    mrnPatterns: row.mrn_patterns,
    accountPatterns: row.account_patterns,
  };
}

export async function getRow(db: Kysely<Database>, tenantId: string) {
  return selectRow(db, tenantId);
}

/** The settings in force for a tenant: its row, or the defaults. */
export async function settingsOf(db: Kysely<Database>, tenantId: string): Promise<PhiDetectionSettings> {
  const row = await selectRow(db, tenantId);
  return row
    ? fromRow(row)
    : { ...defaultPhiDetectionSettings, patternKinds: [...defaultPhiDetectionSettings.patternKinds] };
}

export async function putRow(db: Kysely<Database>, tenantId: string, actorId: string, s: PhiDetectionSettings) {
  const values = {
    other_patient_action: s.otherPatientAction,
    pattern_action: s.patternAction,
    pattern_kinds: [...s.patternKinds],
    mrn_patterns: [...s.mrnPatterns],
    account_patterns: [...s.accountPatterns],
    updated_by: actorId,
  };
  return db
    .insertInto('phi_detection_settings')
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...values, updated_at: new Date() }))
    .returning(columns)
    .executeTakeFirstOrThrow();
}
