// The typed shape of every table, as Kysely sees it. PHI columns are Sealed<T>
// (src/crypto/sealed.ts) so plaintext cannot be written to them by mistake.
import type { ColumnType, Generated } from 'kysely';
import type { BlindIndex, Sealed } from '../crypto/sealed.js';
import type { TenantKeyStatus } from '../crypto/tenant-key-store.js';

/** set by the database on insert, never written by the application */
type Stamp = ColumnType<Date, undefined, never>;
/** defaults on insert, may be written on update */
type MutableStamp = ColumnType<Date, Date | undefined, Date>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export type TenantStatus = 'active' | 'suspended' | 'shredded';

export interface TenantsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  status: ColumnType<TenantStatus, TenantStatus | undefined, TenantStatus>;
  require_mfa_for_phi: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Stamp;
  updated_at: MutableStamp;
}

export interface TenantIssuersTable {
  id: Generated<string>;
  tenant_id: string;
  issuer: string;
  jwks_uri: string;
  audience: string;
  roles_claim: ColumnType<string, string | undefined, string>;
  groups_claim: ColumnType<string, string | undefined, string>;
  created_at: Stamp;
}

export interface UsersTable {
  id: Generated<string>;
  tenant_id: string;
  issuer: string | null;
  subject: string | null;
  email: string | null;
  display_name: string;
  roles: TextArray;
  contact_id: string | null;
  status: ColumnType<'active' | 'disabled', 'active' | 'disabled' | undefined, 'active' | 'disabled'>;
  sessions_revoked_after: Date | null;
  last_seen_at: Date | null;
  created_at: Stamp;
  updated_at: MutableStamp;
}

export interface GroupsTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  description: string | null;
  created_at: Stamp;
  updated_at: MutableStamp;
}

export interface GroupMembersTable {
  tenant_id: string;
  group_id: string;
  user_id: string;
  created_at: Stamp;
}

export interface ApiKeysTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  prefix: string;
  secret_hash: Buffer;
  roles: TextArray;
  scopes: TextArray;
  allowed_cidrs: string[] | null;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  created_by: string | null;
  created_at: Stamp;
}

export interface BreakGlassGrantsTable {
  id: Generated<string>;
  tenant_id: string;
  actor_id: string;
  actor_kind: string;
  resource_type: string;
  resource_id: string;
  /** plaintext, only on grants opened before reasons were sealed (migration 0009); a review seals it and sets it null */
  reason: ColumnType<string | null, never, null>;
  reason_sealed: Sealed<string> | null;
  reason_length: number;
  opened_at: Stamp;
  expires_at: Date;
  closed_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_outcome: 'justified' | 'unjustified' | null;
  /** plaintext, only on grants reviewed before notes were sealed (migration 0009) */
  review_note: ColumnType<string | null, never, null>;
  review_note_sealed: Sealed<string> | null;
  review_note_length: number | null;
  /** the key version of the row's sealed columns; null on legacy plaintext rows */
  key_version: number | null;
  created_at: Stamp;
}

export interface DomainEventsTable {
  id: Generated<string>;
  tenant_id: string;
  type: string;
  payload: ColumnType<Record<string, unknown>, string, never>;
  created_at: Stamp;
}

export interface AuditInboxTable {
  id: string;
  tenant_id: string;
  occurred_at: Date;
  /** JSON text of the event body without seq/prevHash/hash (AuditEventBody minus seq) */
  body: ColumnType<string, string, never>;
  inserted_at: ColumnType<Date, undefined, never>;
}

export interface AuditEventsTable {
  tenant_id: string;
  seq: ColumnType<number, number, never>;
  id: string;
  occurred_at: Date;
  actor_id: string;
  action: string;
  resource_type: string;
  resource_id: string;
  subject_contact_id: string | null;
  outcome: string;
  /**
   * The canonical JSON that was hashed; for an event naming several records (v2), that
   * JSON with each entity group's ids and contactIds left out (the group says how many)
   * and held in the two columns below instead (see src/audit/chain/stored-event.ts).
   */
  body: string;
  /** every entity group's ids, in order; null for single-record events */
  entity_ids: string[] | null;
  /** the patient of each of entity_ids (null where none); null for single-record events */
  entity_contact_ids: Array<string | null> | null;
  prev_hash: string;
  hash: string;
  chained_at: ColumnType<Date, undefined, never>;
}

export interface AuditChainHeadsTable {
  tenant_id: string;
  seq: number;
  hash: string;
  /** Merkle subtree roots over hashes 1..seq, largest first */
  merkle_frontier: ColumnType<string[], string[], string[]>;
  checkpointed_seq: ColumnType<number, number | undefined, number>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

/** Wrapped tenant keys (version 0 = blind-index root). Owner connection only. */
export interface TenantKeysTable {
  tenant_id: string;
  version: number;
  wrapped: Buffer;
  master_key_id: string;
  status: TenantKeyStatus;
  created_at: Date;
  updated_at: MutableStamp;
}

/** A PHI column: envelope ciphertext only; NULL when the field is empty or erased. */
type SealedColumn = Sealed<string> | null;

export interface ContactsTable {
  /** generated by the application: the row id is bound into every sealed value */
  id: string;
  tenant_id: string;
  name: SealedColumn;
  email: SealedColumn;
  phone: SealedColumn;
  date_of_birth: SealedColumn;
  /** JSON of the structured address */
  address: SealedColumn;
  mrn: SealedColumn;
  health_plan_member_id: SealedColumn;
  /** JSON array of {system, value}, e.g. a FHIR Patient reference */
  external_ids: SealedColumn;
  email_bidx: BlindIndex | null;
  phone_bidx: BlindIndex | null;
  mrn_bidx: BlindIndex | null;
  dob_name_bidx: BlindIndex | null;
  /** the tenant key version every sealed column of the row is sealed under */
  key_version: number;
  version: ColumnType<number, number | undefined, number>;
  created_at: Stamp;
  updated_at: MutableStamp;
  deleted_at: Date | null;
}

export type ResealJobStatus = 'running' | 'completed' | 'superseded' | 'cancelled';

export interface ResealJobsTable {
  id: Generated<string>;
  tenant_id: string;
  target_version: number;
  status: ColumnType<ResealJobStatus, ResealJobStatus | undefined, ResealJobStatus>;
  /** where the next batch starts: {"table": ..., "afterId": ...} */
  cursor: ColumnType<{ table?: string; afterId?: string }, string | undefined, string>;
  total_rows: ColumnType<number, number | undefined, number>;
  rows_done: ColumnType<number, number | undefined, number>;
  fields_done: ColumnType<number, number | undefined, number>;
  rows_failed: ColumnType<number, number | undefined, number>;
  started_at: Stamp;
  updated_at: MutableStamp;
  finished_at: Date | null;
}

export type TicketStatus = 'new' | 'open' | 'pending' | 'on_hold' | 'solved' | 'closed';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';
export type TicketType = 'question' | 'incident' | 'problem' | 'task';
export type TicketChannel = 'api' | 'web' | 'email' | 'phone' | 'chat';
export type CustomFieldType = 'text' | 'number' | 'date' | 'enum' | 'boolean';

export interface CustomFieldDefinitionsTable {
  id: Generated<string>;
  tenant_id: string;
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[] | null;
  phi: boolean;
  created_at: Stamp;
}

export interface SlaPoliciesTable {
  id: Generated<string>;
  tenant_id: string;
  priority: TicketPriority;
  first_response_minutes: number;
  resolution_minutes: number;
  business_hours: ColumnType<BusinessHours | null, string | null, string | null>;
  created_at: Stamp;
  updated_at: MutableStamp;
}

export interface BusinessHours {
  timezone: string;
  /** ISO weekdays, 1 = Monday .. 7 = Sunday */
  days: number[];
  /** HH:MM, local time */
  start: string;
  end: string;
}

export interface TicketsTable {
  /** generated by the application: the row id is bound into every sealed value */
  id: string;
  tenant_id: string;
  subject: Sealed<string>;
  description: Sealed<string> | null;
  status: TicketStatus;
  priority: TicketPriority;
  type: TicketType;
  channel: TicketChannel;
  requester_id: string | null;
  assignee_id: string | null;
  group_id: string | null;
  tags: TextArray;
  /** non-PHI custom field values only */
  custom_fields: ColumnType<Record<string, unknown>, string | undefined, string>;
  /** sealed JSON: PHI custom fields and external references */
  sealed_fields: Sealed<string> | null;
  key_version: number;
  version: ColumnType<number, number | undefined, number>;
  first_response_due_at: Date | null;
  resolution_due_at: Date | null;
  first_responded_at: Date | null;
  solved_at: Date | null;
  deleted_at: Date | null;
  /** the first-response due time whose breach was announced (migration 0019); null: none yet */
  first_response_breach_announced_for: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** the resolution due time whose breach was announced; null: none yet */
  resolution_breach_announced_for: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_by: string;
  created_at: Stamp;
  updated_at: MutableStamp;
}

export interface TicketCommentsTable {
  id: string;
  tenant_id: string;
  ticket_id: string;
  author_id: string;
  author_kind: string;
  public: boolean;
  body: Sealed<string>;
  key_version: number;
  revision: ColumnType<number, number | undefined, number>;
  redacted: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Stamp;
  updated_at: MutableStamp;
}

export interface TicketCommentRevisionsTable {
  id: string;
  tenant_id: string;
  comment_id: string;
  revision: number;
  body: Sealed<string>;
  key_version: number;
  edited_by: string;
  created_at: Stamp;
}

export interface TicketEventsTable {
  id: Generated<string>;
  tenant_id: string;
  ticket_id: string;
  actor_id: string;
  type: string;
  changes: ColumnType<Record<string, unknown>, string, never>;
  created_at: Stamp;
}

export interface IdempotencyKeysTable {
  tenant_id: string;
  actor_id: string;
  key: string;
  operation: string;
  request_hash: string;
  resource_id: string;
  created_at: Stamp;
  expires_at: Date;
}

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

export interface Database {
  tenants: TenantsTable;
  tenant_issuers: TenantIssuersTable;
  users: UsersTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  api_keys: ApiKeysTable;
  break_glass_grants: BreakGlassGrantsTable;
  domain_events: DomainEventsTable;
  audit_inbox: AuditInboxTable;
  audit_events: AuditEventsTable;
  audit_chain_heads: AuditChainHeadsTable;
  tenant_keys: TenantKeysTable;
  contacts: ContactsTable;
  reseal_jobs: ResealJobsTable;
  custom_field_definitions: CustomFieldDefinitionsTable;
  sla_policies: SlaPoliciesTable;
  tickets: TicketsTable;
  ticket_comments: TicketCommentsTable;
  ticket_comment_revisions: TicketCommentRevisionsTable;
  ticket_events: TicketEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  attachment_settings: AttachmentSettingsTable;
  attachments: AttachmentsTable;
  attachment_chunks: AttachmentChunksTable;
  business_associate_agreements: BusinessAssociateAgreementsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_secrets: WebhookSecretsTable;
  webhook_events: WebhookEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  access_requests: AccessRequestsTable;
  access_request_bundles: AccessRequestBundlesTable;
  accounting_requests: AccountingRequestsTable;
  disclosures: DisclosuresTable;
}
