// SIEM sinks (migration 0027): where a tenant's chained audit events are streamed, with
// the cursor the streamer advances only on the receiver's acknowledgement.
import type { ColumnType } from 'kysely';
import type { Sealed } from '../../crypto/sealed.js';
import type { MutableStamp, Stamp, TextArray } from '../column-types.js';

export type SiemSinkKind = 'otlp_http' | 'syslog_tls';

export interface SiemSinksTable {
  id: string;
  tenant_id: string;
  kind: SiemSinkKind;
  endpoint: string;
  description: string | null;
  header_names: TextArray;
  /** the extra request headers (an auth token) as one sealed JSON object */
  headers_sealed: Sealed<string>;
  key_version: number;
  /** syslog_tls: the CA that signed the receiver's certificate (PEM, public); null: the system's CAs */
  tls_ca_pem: string | null;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  /** last seq of the tenant's chain the receiver acknowledged (int8, read as a number) */
  cursor_seq: ColumnType<number, number | undefined, number>;
  last_ack_at: Date | null;
  last_attempt_at: Date | null;
  last_error: string | null;
  consecutive_failures: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | undefined, Date>;
  created_by: string;
  created_at: Stamp;
  updated_at: MutableStamp;
}
