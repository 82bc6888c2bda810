// Retention tables (migration 0026, src/retention): per-tenant retention periods, legal
// holds (the reason sealed) and purge runs with their saved progress.
import type { ColumnType } from 'kysely';
import type { Sealed } from '../../crypto/sealed.js';
import type { MutableStamp, Stamp } from '../column-types.js';

export interface RetentionPoliciesTable {
  tenant_id: string;
  /** days a closed ticket (with its comments, attachments and timeline) is kept; null: for ever */
  closed_ticket_days: number | null;
  comment_days: number | null;
  attachment_days: number | null;
  /** days a contact with no tickets left is kept after its last change */
  contact_days: number | null;
  updated_by: string;
  updated_at: MutableStamp;
}

export type LegalHoldKind = 'contact' | 'ticket' | 'query';

export interface LegalHoldsTable {
  id: string;
  tenant_id: string;
  kind: LegalHoldKind;
  contact_id: string | null;
  ticket_id: string | null;
  created_from: Date | null;
  created_to: Date | null;
  statuses: string[] | null;
  reason_sealed: Sealed<string>;
  key_version: number;
  created_by: string;
  created_at: Stamp;
  released_at: Date | null;
  released_by: string | null;
}

export interface RetentionRunsTable {
  id: ColumnType<string, string | undefined, never>;
  tenant_id: string;
  status: 'running' | 'completed';
  as_of: Date;
  batches: ColumnType<number, number | undefined, number>;
  removed: ColumnType<Record<string, number>, string | undefined, string>;
  started_at: Stamp;
  updated_at: MutableStamp;
  finished_at: Date | null;
}
