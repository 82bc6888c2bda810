// The audit event: who did what to which record, when, from where, why, and with
// what outcome. It names PHI fields but never holds PHI values, so the trail can
// outlive crypto-shredding of a tenant's data and be handed to an auditor as is.

export const actorKinds = ['user', 'api_key', 'system', 'anonymous'] as const;
export type ActorKind = (typeof actorKinds)[number];

export const authMethods = ['jwt', 'api_key', 'system', 'none'] as const;
export type AuthMethod = (typeof authMethods)[number];

export const auditOutcomes = ['allowed', 'denied', 'error'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

export interface AuditActor {
  id: string;
  kind: ActorKind;
  authMethod: AuthMethod;
  sessionId?: string | null;
  keyId?: string | null;
}

export interface AuditResource {
  /** e.g. 'contact', 'ticket' */
  type: string;
  /** '' when the event is about no particular record */
  id: string;
}

/**
 * Records of one kind that one operation touched the same way (same action, same PHI
 * fields): FHIR AuditEvent's `entity`, IHE ATNA's participant objects, one group per kind.
 * `contactIds[i]` is the patient `ids[i]` is about (a contact is about itself), null when
 * the record is about no patient (a user, a group).
 */
export interface AuditEntityGroup {
  /** what was done to these records, e.g. 'contact.read' (the event's own action may differ) */
  action: string;
  /** e.g. 'Ticket' */
  type: string;
  /** names of the PHI fields touched on each of them; never their values */
  phiFields: string[];
  /** lowercase uuids */
  ids: string[];
  /** as long as `ids` */
  contactIds: Array<string | null>;
}

/** Which part of a split operation an event is (an operation too large for one event). */
export interface AuditEventPart {
  /** from 1 */
  index: number;
  count: number;
}

/**
 * The event as captured, before the sequencer gives it a place in its tenant's chain.
 *
 * Every string is hashed byte for byte, so whatever stores an event must give back
 * exactly the string that was hashed: lowercase uuids, `occurredAt` in the form it was
 * hashed in (`Date#toISOString()`, millisecond precision, `Z`). Optional fields may be
 * absent or null; both hash the same (see event-hash.ts).
 */
export interface AuditEventBody {
  tenantId: string;
  /**
   * Position in the tenant's chain, from 1, without gaps. A JS number: exact up to
   * 2^53 - 1 (Number.MAX_SAFE_INTEGER), i.e. 285 years at a million events a second
   * per tenant. A Postgres bigint must be range-checked when read back.
   */
  seq: number;
  /** uuid, lowercase */
  id: string;
  /** server time, ISO 8601 UTC */
  occurredAt: string;
  actor: AuditActor;
  /** '<area>.<verb>', e.g. 'contact.read' */
  action: string;
  resource: AuditResource;
  /** names of the PHI fields touched, e.g. ['contact.ssn']; never their values */
  phiFields: string[];
  /** the patient (contact) the data is about, for "who looked at this patient" */
  subjectContactId?: string | null;
  requestId?: string | null;
  /** keyed hash of the client address; the address itself is an identifier */
  clientAddrHash?: string | null;
  userAgentFamily?: string | null;
  purposeOfUse?: string | null;
  /** staff-entered reason for emergency access; the product treats it as non-PHI */
  breakGlassReason?: string | null;
  outcome: AuditOutcome;
  /** e.g. the AppError code of a denial or failure */
  reasonCode?: string | null;
  /**
   * Every record an operation touched, when it touched more than one (a list, a page with
   * its requesters): one event per operation, not per record. Absent on single-record
   * events, which `resource`, `phiFields` and `subjectContactId` describe fully, and on
   * every event written before operations were recorded this way (hash form v1; with
   * entities the form is v2, see event-hash.ts).
   */
  entities?: AuditEntityGroup[] | undefined;
  /** set when an operation's entities were split over several chained events */
  part?: AuditEventPart | null | undefined;
}

/** A chained event: `hash` covers every other field, `prevHash` is the hash of seq - 1. */
export interface AuditEvent extends AuditEventBody {
  /** lowercase hex SHA-256; GENESIS_HASH for seq 1 */
  prevHash: string;
  /** lowercase hex SHA-256, see computeEventHash */
  hash: string;
}

/** prevHash of the first event of every chain. */
export const GENESIS_HASH = '0'.repeat(64);
