// The typed shape of every table, as Kysely sees it. PHI columns are Sealed<T>
// (src/crypto/sealed.ts) so plaintext cannot be written to them by mistake.
import type { ColumnType, Generated } from 'kysely';

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
  reason: string;
  opened_at: Stamp;
  expires_at: Date;
  closed_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_outcome: 'justified' | 'unjustified' | null;
  review_note: string | null;
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
  /** the event body without seq/prevHash/hash (AuditEventBody minus seq) */
  body: ColumnType<Record<string, unknown>, string, never>;
  inserted_at: ColumnType<Date, undefined, never>;
}

export interface AuditEventsTable {
  tenant_id: string;
  seq: ColumnType<number, number, never>;
  id: string;
  occurred_at: Date;
  actor_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  subject_contact_id: string | null;
  outcome: string;
  body: string;
  prev_hash: string;
  hash: string;
  chained_at: ColumnType<Date, undefined, never>;
}

export interface AuditChainHeadsTable {
  tenant_id: string;
  seq: number;
  hash: string;
  updated_at: ColumnType<Date, Date | undefined, Date>;
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
}
