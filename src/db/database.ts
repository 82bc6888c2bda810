// The typed shape of every table, as Kysely sees it. PHI columns are Sealed<T>
// (src/crypto/sealed.ts) so plaintext cannot be written to them by mistake.
import type { ColumnType, Generated } from 'kysely';
import type { BlindIndex, Sealed } from '../crypto/sealed.js';
import type { TenantKeyStatus } from '../crypto/tenant-key-store.js';

import type { MutableStamp, Stamp, TextArray } from './column-types.js';

export type TenantStatus = 'active' | 'suspended' | 'shredded';

export interface TenantsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  status: ColumnType<TenantStatus, TenantStatus | undefined, TenantStatus>;
  require_mfa_for_phi: ColumnType<boolean, boolean | undefined, boolean>;
  /** per record type and role, the PHI fields opened (migration 0031; src/minimum-necessary) */
  minimum_necessary: ColumnType<Record<string, unknown>, string | undefined, string>;
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
  /** blind indexes (contacts/surname, contacts/address keys) of the self-declared surname and address (activity review) */
  surname_bidx: ColumnType<BlindIndex | null, BlindIndex | null | undefined, BlindIndex | null>;
  address_bidx: ColumnType<BlindIndex | null, BlindIndex | null | undefined, BlindIndex | null>;
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
  surname_bidx: ColumnType<BlindIndex | null, BlindIndex | null | undefined, BlindIndex | null>;
  address_bidx: ColumnType<BlindIndex | null, BlindIndex | null | undefined, BlindIndex | null>;
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
import type {
  CustomFieldDefinitionsTable,
  SlaPoliciesTable,
  TicketsTable,
  TicketCommentsTable,
  TicketCommentRevisionsTable,
  TicketEventsTable,
  IdempotencyKeysTable,
} from './tables/tickets.js';
import type {
  BusinessAssociateAgreementsTable,
  WebhookEndpointsTable,
  WebhookSecretsTable,
  WebhookEventsTable,
  WebhookDeliveriesTable,
  WebhookAttemptsTable,
  AttachmentSettingsTable,
  AttachmentsTable,
  AttachmentChunksTable,
} from './tables/integration.js';
import type {
  AccessRequestsTable,
  AccessRequestBundlesTable,
  AccountingRequestsTable,
  DisclosuresTable,
} from './tables/patient-rights.js';
import type { RetentionPoliciesTable, LegalHoldsTable, RetentionRunsTable } from './tables/retention.js';
export type { RetentionPoliciesTable, LegalHoldsTable, RetentionRunsTable, LegalHoldKind } from './tables/retention.js';
import type { SiemSinksTable } from './tables/siem.js';
import type { PhiDetectionSettingsTable } from './tables/phi-detection.js';
export type { PhiDetectionSettingsTable } from './tables/phi-detection.js';
import type {
  ContactVerificationsTable,
  PersonalRepresentativesTable,
  DisclosureSettingsTable,
  HeldRepliesTable,
} from './tables/disclosure.js';
export type * from './tables/disclosure.js';
export type { SiemSinkKind, SiemSinksTable } from './tables/siem.js';
import type {
  ActivityReviewSettingsTable,
  ActivityReviewCursorsTable,
  ActivityTalliesTable,
  ReviewFindingsTable,
  IncidentsTable,
  IncidentPatientsTable,
} from './tables/incidents.js';
export type * from './tables/incidents.js';
export type {
  TicketStatus,
  TicketPriority,
  TicketType,
  TicketChannel,
  CustomFieldType,
  CustomFieldDefinitionsTable,
  SlaPoliciesTable,
  BusinessHours,
  TicketsTable,
  TicketCommentsTable,
  TicketCommentRevisionsTable,
  TicketEventsTable,
  IdempotencyKeysTable,
} from './tables/tickets.js';
export type {
  BusinessAssociateAgreementsTable,
  WebhookEndpointsTable,
  WebhookSecretsTable,
  WebhookEventsTable,
  WebhookDeliveryStatus,
  WebhookDeliveriesTable,
  WebhookAttemptsTable,
  AttachmentSettingsTable,
  AttachmentsTable,
  AttachmentChunksTable,
} from './tables/integration.js';
export type {
  AccessRequestsTable,
  AccessRequestBundlesTable,
  AccountingRequestsTable,
  DisclosuresTable,
} from './tables/patient-rights.js';

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
  retention_policies: RetentionPoliciesTable;
  legal_holds: LegalHoldsTable;
  retention_runs: RetentionRunsTable;
  siem_sinks: SiemSinksTable;
  phi_detection_settings: PhiDetectionSettingsTable;
  contact_verifications: ContactVerificationsTable;
  personal_representatives: PersonalRepresentativesTable;
  disclosure_settings: DisclosureSettingsTable;
  held_replies: HeldRepliesTable;
  activity_review_settings: ActivityReviewSettingsTable;
  activity_review_cursors: ActivityReviewCursorsTable;
  activity_tallies: ActivityTalliesTable;
  review_findings: ReviewFindingsTable;
  incidents: IncidentsTable;
  incident_patients: IncidentPatientsTable;
}
