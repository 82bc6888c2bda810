// Patient-rights tables (src/patient-rights).
import type { ColumnType } from 'kysely';
import type { Sealed } from '../../crypto/sealed.js';
import type { MutableStamp } from '../column-types.js';

// Patient rights (migration 0020, src/patient-rights): access requests (164.524), their
// single-use bundles, accounting requests and disclosure records (164.528).
export interface AccessRequestsTable {
  id: string;
  tenant_id: string;
  contact_id: string;
  verification_method: string;
  verification_note_sealed: Sealed<string> | null;
  status: ColumnType<'open' | 'fulfilled' | 'denied', 'open' | undefined, 'fulfilled' | 'denied'>;
  opened_at: Date;
  due_at: Date;
  extended_at: Date | null;
  extension_reason_sealed: Sealed<string> | null;
  fulfilled_at: Date | null;
  denied_at: Date | null;
  denial_ground: string | null;
  denial_note_sealed: Sealed<string> | null;
  key_version: number;
  created_by: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  /** the due time whose "due soon" was announced (migration 0023); null: none yet */
  due_soon_announced_for: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** the due time whose "overdue" was announced; null: none yet */
  overdue_announced_for: ColumnType<Date | null, Date | null | undefined, Date | null>;
  updated_at: MutableStamp;
}

export interface AccessRequestBundlesTable {
  id: string;
  tenant_id: string;
  request_id: string;
  token_hash: Buffer;
  expires_at: Date;
  downloaded_at: Date | null;
  bundle_sealed: Sealed<string> | null;
  key_version: number;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface AccountingRequestsTable {
  id: string;
  tenant_id: string;
  contact_id: string;
  status: ColumnType<'open' | 'fulfilled', 'open' | undefined, 'fulfilled'>;
  requested_at: Date;
  due_at: Date;
  extended_at: Date | null;
  extension_reason_sealed: Sealed<string> | null;
  fulfilled_at: Date | null;
  chargeable: boolean;
  key_version: number;
  created_by: string;
  created_at: ColumnType<Date, Date | undefined, never>;
  /** the due time whose "due soon" was announced (migration 0023); null: none yet */
  due_soon_announced_for: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** the due time whose "overdue" was announced; null: none yet */
  overdue_announced_for: ColumnType<Date | null, Date | null | undefined, Date | null>;
  updated_at: MutableStamp;
}

export interface DisclosuresTable {
  id: string;
  tenant_id: string;
  contact_id: string;
  disclosed_at: Date;
  source: string;
  source_ref: string | null;
  purpose: string;
  exclusion: string | null;
  recipient_sealed: Sealed<string> | null;
  recipient_address_sealed: Sealed<string> | null;
  description_sealed: Sealed<string>;
  key_version: number;
  created_by: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}
