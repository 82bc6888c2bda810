// The integration surface's tables: Business Associate Agreements, webhooks and attachments.
import type { ColumnType, Generated } from 'kysely';
import type { Sealed } from '../../crypto/sealed.js';
import type { MutableStamp, Stamp, TextArray } from '../column-types.js';

// Business Associate Agreements (migration 0016) and webhooks (migration 0017).
export interface BusinessAssociateAgreementsTable {
  id: Generated<string>;
  tenant_id: string;
  counterparty: string;
  scope: string;
  /** dates as 'YYYY-MM-DD' (pg date columns are read as text: see src/baa/baa.repository.ts) */
  effective_on: ColumnType<string, string, string>;
  expires_on: ColumnType<string | null, string | null | undefined, string | null>;
  document_ref: string | null;
  terminated_at: Date | null;
  created_by: string;
  created_at: Stamp;
  updated_at: MutableStamp;
}

export interface WebhookEndpointsTable {
  id: Generated<string>;
  tenant_id: string;
  url: string;
  description: string | null;
  event_types: string[];
  baa_id: string | null;
  /** the PHI fields deliveries may carry (minimum necessary); migration 0032 */
  phi_fields: ColumnType<string[], string[] | undefined, string[]>;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  disabled_at: Date | null;
  disabled_reason: string | null;
  consecutive_failures: ColumnType<number, number | undefined, number>;
  created_by: string;
  created_at: Stamp;
  updated_at: MutableStamp;
}

export interface WebhookSecretsTable {
  id: string;
  tenant_id: string;
  endpoint_id: string;
  secret_sealed: Sealed<string>;
  key_version: number;
  created_at: Stamp;
  retires_at: Date | null;
}

export interface WebhookEventsTable {
  id: Generated<string>;
  tenant_id: string;
  type: string;
  payload: ColumnType<Record<string, unknown>, string, never>;
  created_at: Stamp;
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  tenant_id: string;
  event_id: string;
  endpoint_id: string;
  status: ColumnType<WebhookDeliveryStatus, WebhookDeliveryStatus | undefined, WebhookDeliveryStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: MutableStamp;
  delivered_at: Date | null;
  created_at: Stamp;
}

export interface WebhookAttemptsTable {
  id: Generated<string>;
  tenant_id: string;
  delivery_id: string;
  endpoint_id: string;
  attempt: number;
  /** when the attempt started */
  created_at: ColumnType<Date, Date | undefined, never>;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
  carried_phi: boolean;
}

// Attachments (migration 0015, src/attachments): sealed chunks of one secretstream each.
export interface AttachmentSettingsTable {
  tenant_id: string;
  max_bytes: ColumnType<string, number | string, number | string>;
  allowed_types: TextArray;
  updated_at: MutableStamp;
}

export interface AttachmentsTable {
  id: string;
  tenant_id: string;
  ticket_id: string;
  comment_id: string | null;
  content_type: string;
  /** bigint: pg returns it as a string */
  size_bytes: ColumnType<string, number, number>;
  chunk_count: number;
  chunk_bytes: number;
  stream_header: Buffer;
  /** the secretstream key, base64, sealed under the tenant's data key */
  stream_key: Sealed<string>;
  filename: Sealed<string>;
  key_version: number;
  created_by: string;
  created_at: Stamp;
}

export interface AttachmentChunksTable {
  tenant_id: string;
  attachment_id: string;
  index: number;
  /** secretstream output: ciphertext and tag, the chunk index bound in as additional data */
  sealed: Buffer;
}
