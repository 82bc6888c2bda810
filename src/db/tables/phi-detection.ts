// PHI detection settings (migration 0029, src/phi-detection): per tenant, what an outgoing
// text's findings lead to, and the tenant's own MRN and account formats. No PHI.
import type { TextArray } from '../column-types.js';
import type { ColumnType } from 'kysely';

export type PhiDetectionActionColumn = 'off' | 'warn' | 'redact' | 'hold' | 'block';

export interface PhiDetectionSettingsTable {
  tenant_id: string;
  other_patient_action: PhiDetectionActionColumn;
  pattern_action: PhiDetectionActionColumn;
  pattern_kinds: TextArray;
  mrn_patterns: TextArray;
  account_patterns: TextArray;
  updated_by: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}
