// Activity review and incident tables (migration 0025, src/activity-review, src/incidents).
import type { ColumnType, Generated } from 'kysely';
import type { Sealed } from '../../crypto/sealed.js';
import type { MutableStamp, Stamp } from '../column-types.js';

/** break_glass: an emergency access grant opened and not yet reviewed (acknowledged by its review) */
export type FindingKind = 'off_hours' | 'volume' | 'denied_burst' | 'break_glass' | 'relationship_match';
export type FindingStatus = 'open' | 'acknowledged' | 'dismissed' | 'incident_opened';

export interface ActivityReviewSettingsTable {
  tenant_id: string;
  time_zone: string;
  /** minutes after local midnight */
  business_start: number;
  business_end: number;
  /** ISO weekdays, 1 = Monday */
  business_days: number[];
  off_hours_min_records: number;
  volume_min_records: number;
  volume_factor: number;
  denied_burst_min: number;
  /** relationship-match detector: compare surnames / addresses (blind indexes) of staff and patients */
  relationship_surname: Generated<boolean>;
  relationship_address: Generated<boolean>;
  updated_by: string;
  updated_at: MutableStamp;
}

export interface ActivityReviewCursorsTable {
  tenant_id: string;
  /** the last chained seq the detectors have read (int8, read as a number) */
  last_seq: number;
  updated_at: MutableStamp;
}

export interface ActivityTalliesTable {
  tenant_id: string;
  kind: FindingKind;
  actor_id: string;
  period_key: string;
  records: number;
  first_at: Date;
  last_at: Date;
}

export interface ReviewFindingsTable {
  id: string;
  tenant_id: string;
  kind: FindingKind;
  actor_id: string;
  actor_kind: string;
  period_key: string;
  window_start: Date;
  window_end: Date;
  records: number;
  baseline: number | null;
  status: ColumnType<FindingStatus, FindingStatus | undefined, FindingStatus>;
  dismiss_reason_sealed: Sealed<string> | null;
  key_version: ColumnType<number, number | undefined, number>;
  incident_id: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Stamp;
  updated_at: MutableStamp;
}

export interface IncidentsTable {
  id: string;
  tenant_id: string;
  discovered_at: Date;
  source_finding_id: string | null;
  scope_actor_id: string | null;
  scope_session_id: string | null;
  scope_from: Date;
  scope_to: Date;
  status: ColumnType<'open' | 'closed', 'open' | 'closed' | undefined, 'open' | 'closed'>;
  /** the four factors' closed codes (no PHI); notes are sealed in risk_notes_sealed */
  risk_assessment: ColumnType<Record<string, unknown>, string | undefined, string>;
  risk_notes_sealed: Sealed<string> | null;
  affected_count: number;
  key_version: ColumnType<number, number | undefined, number>;
  created_by: string;
  created_at: Stamp;
  updated_at: MutableStamp;
}

export interface IncidentPatientsTable {
  id: string;
  tenant_id: string;
  incident_id: string;
  contact_id: string;
  actions: string[];
  phi_fields: string[];
  events: number;
  first_at: Date;
  last_at: Date;
  created_at: Stamp;
}
