// Disclosure safeguard tables (migration 0028, src/disclosure): identity verifications of
// contacts, personal representatives (164.502(g)), the tenant's disclosure settings and the
// supervisor hold queue of public replies. Only held_replies holds PHI, sealed.
import type { ColumnType } from 'kysely';
import type { Sealed } from '../../crypto/sealed.js';
import type { MutableStamp, Stamp } from '../column-types.js';

export const verificationMethods = [
  'government_id',
  'date_of_birth_and_address',
  'knowledge_based',
  'callback_to_number_on_file',
  'in_person',
  'patient_portal_login',
] as const;
export type VerificationMethod = (typeof verificationMethods)[number];

export const representativeRelationships = [
  'parent',
  'legal_guardian',
  'healthcare_power_of_attorney',
  'spouse',
  'executor',
  'other_authorised',
] as const;
export type RepresentativeRelationship = (typeof representativeRelationships)[number];

/** What a reply is about; a representative's scope is one of these or 'all'. */
export const replyTopics = ['billing', 'appointments', 'clinical'] as const;
export type ReplyTopic = (typeof replyTopics)[number];
export const representativeScopes = ['all', ...replyTopics] as const;
export type RepresentativeScope = (typeof representativeScopes)[number];

export const recipientCheckModes = ['off', 'refuse', 'hold'] as const;
export type RecipientCheckMode = (typeof recipientCheckModes)[number];

export type HeldReplyStatus = 'held' | 'released' | 'rejected';

export interface ContactVerificationsTable {
  id: ColumnType<string, string | undefined, never>;
  tenant_id: string;
  contact_id: string;
  method: VerificationMethod;
  verified_by: string;
  verified_at: ColumnType<Date, Date | undefined, never>;
  revoked_at: Date | null;
  revoked_by: string | null;
  created_at: Stamp;
}

export interface PersonalRepresentativesTable {
  id: ColumnType<string, string | undefined, never>;
  tenant_id: string;
  patient_contact_id: string;
  representative_contact_id: string;
  relationship: RepresentativeRelationship;
  scope: RepresentativeScope;
  /** pg date, read back as YYYY-MM-DD text by the repository */
  effective_from: string;
  effective_to: string | null;
  created_by: string;
  created_at: Stamp;
  updated_at: MutableStamp;
}

export interface DisclosureSettingsTable {
  tenant_id: string;
  recipient_check: RecipientCheckMode;
  verification_valid_days: number;
  updated_by: string;
  updated_at: MutableStamp;
}

export interface HeldRepliesTable {
  id: string;
  tenant_id: string;
  ticket_id: string;
  author_id: string;
  author_kind: string;
  recipient_contact_ids: ColumnType<string[], string[] | undefined, never>;
  topic: ReplyTopic | null;
  /** the fixed-phrase reasons the checks gave (pointers, never PHI) */
  reasons: ColumnType<{ pointer: string; detail: string }[], string, never>;
  body: Sealed<string>;
  status: ColumnType<HeldReplyStatus, HeldReplyStatus | undefined, HeldReplyStatus>;
  decided_by: string | null;
  decided_at: Date | null;
  rejection_reason_sealed: Sealed<string> | null;
  key_version: number;
  created_at: Stamp;
  updated_at: MutableStamp;
}
