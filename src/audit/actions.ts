// The closed catalogue of audit actions: every `action` an audit event can carry, with
// what it means. AuditEventInput.action is an AuditAction, so a literal missing here
// fails typecheck. The names are stored and hashed as they are: this file documents
// them, it never renames one. README.md's "Audit actions" table mirrors it (a test
// compares them).
import { actions as policyActions, subjects, type Action, type SubjectType } from '../policy/ability.js';

/** Actions services and the auth layer write by name, each with when it is written. */
export const namedAuditActions = {
  'access_request.deny':
    'an access request (164.524) was denied on a ground of 164.524(a)(2)-(3) (the explanation sealed)',
  'access_request.download':
    "an access request's bundle was downloaded through its single-use link (the patient's record disclosed to them)",
  'access_request.extend': "an access request's 30-day deadline was extended once (the reason sealed)",
  'access_request.fulfil':
    "an access request was fulfilled: the patient's record bundled behind a single-use link and a disclosure recorded",
  'access_request.open': 'an access request (164.524) was opened for a patient, with how their identity was verified',
  'access_request.read':
    'an access request was shown (a list names every request; sealed notes, when disclosed, in phiFields)',
  'accounting_request.extend': "an accounting request's 60-day deadline was extended once (the reason sealed)",
  'accounting_request.fulfil':
    'an accounting of disclosures (164.528) was produced for a patient and the request closed',
  'accounting_request.open': 'an accounting of disclosures (164.528) was requested for a patient',
  'accounting_request.read':
    'an accounting request, or its report of disclosures, was shown (a list names every request)',
  'api_key.create': 'an API key was minted',
  'api_key.read': 'an API key (its metadata, never its secret) was shown (a list names every key)',
  'api_key.revoke': 'an API key was revoked',
  'attachment_settings.put': "the tenant's attachment limits (largest file, accepted types) were set",
  'attachment_settings.read': "the tenant's attachment limits were shown",
  'attachment.create': 'a file was attached to a ticket or a comment (its content and filename sealed)',
  'attachment.download': "an attachment's content was streamed to the caller",
  'attachment.read':
    "an attachment's metadata was shown (a list names every attachment; the filename, when disclosed, in phiFields)",
  'baa.create': 'a Business Associate Agreement was registered',
  'baa.read': 'a Business Associate Agreement was shown (a list names every agreement)',
  'baa.update': 'a Business Associate Agreement was changed or terminated',
  'audit.export': 'audit events were exported as NDJSON (API or CLI)',
  'audit.search': 'audit events were searched',
  'audit.verification_read': "a full re-verification job's progress or result was read",
  'audit.verification_start':
    "a full re-verification of the tenant's audit chain was started (or the running one returned)",
  'audit.verify':
    "a tenant's audit chain was verified (incrementally by a request, or from seq 1 by a job when it ends)",
  'auth.failed': 'a JWT or API key was refused (reason code says why); no actor is known',
  'auth.jwks_fetch_failed': "a trusted issuer's JWKS could not be fetched (outcome error)",
  'break_glass.close': 'a break-glass grant was closed before it expired',
  'break_glass.open': "break-glass (emergency) access to one record was opened, with the staff member's reason",
  'break_glass.read': 'a break-glass grant was shown (its sealed reason and note, when disclosed, in phiFields)',
  'break_glass.review': 'a privacy officer reviewed a break-glass grant',
  'comment.create': 'a ticket comment was added',
  'comment.read': 'a ticket comment was shown, or its stored body failed to open (outcome error)',
  'comment.redact': 'a ticket comment was redacted (its revisions erased)',
  'comment.update': 'a ticket comment was edited',
  'contact.create': 'a contact (patient) was created',
  'contact.delete': 'a contact was deleted (its PHI erased)',
  'contact.read':
    'a contact was shown (disclosed PHI fields in phiFields), or its stored PHI failed to open (outcome error)',
  'contact.search':
    'contacts were searched by PHI (one event naming every match, or one with no record when nothing matched)',
  'contact.update': 'a contact was changed',
  // who may receive a patient's PHI (src/disclosure, issue 18): ids, fixed lists and dates only
  'contact_verification.create':
    "a contact's identity was marked verified (164.514(h)): the fixed method in reasonCode, by whom and when",
  'contact_verification.read': "a contact's identity verifications were listed",
  'contact_verification.revoke': "a contact's identity verification was revoked",
  'disclosure_settings.put':
    "the tenant's disclosure settings were set (recipient check off, refuse or hold; verification validity days)",
  'disclosure_settings.read': "the tenant's disclosure settings were shown",
  'held_reply.create':
    'a public reply was held for a supervisor by a disclosure check (body sealed; reasons as pointers, never PHI)',
  'held_reply.read':
    'a held public reply was shown (its sealed body, when disclosed, in phiFields; a list names every one)',
  'held_reply.reject': 'a supervisor rejected a held public reply (the reason sealed); it was never sent',
  'held_reply.release': 'a supervisor released a held public reply: it became the public comment of the same id',
  'personal_representative.create': 'a personal representative (164.502(g)) was recorded for a patient',
  'personal_representative.delete': 'a personal representative was removed',
  'personal_representative.read': 'a personal representative was shown (a list names every one)',
  'personal_representative.update': "a personal representative's relationship, scope or effective days changed",
  'custom_field.create': 'a ticket custom field was defined for the tenant',
  'disclosure.create':
    "a disclosure of a patient's PHI was recorded for the accounting (by hand, or by a fulfilled access request)",
  'disclosure.read':
    "a patient's disclosure records were listed (recipients and descriptions, when disclosed, in phiFields)",
  'group.create': 'a group was created',
  'group.delete': 'a group was deleted',
  'group.member_add': 'a user was added to a group',
  'group.member_remove': 'a user was removed from a group',
  'group.read': 'a group was shown (a list names every group)',
  'group.update': 'a group was renamed or described',
  'incident.create':
    'an incident was opened (from a review finding or by hand), its affected patients computed from the audit trail',
  'incident.letters':
    "notification letters were generated for a page of an incident's affected patients (each patient's read as contact.read; nothing stored)",
  'incident.log_export':
    'the HHS yearly breach log (164.408(c)) was exported as CSV (year and row count in reasonCode)',
  'incident.read':
    'an incident, its affected patients or its deadlines were shown (sealed risk notes, when disclosed, in phiFields)',
  'incident.update': "an incident's risk assessment (164.402(2)) or status was changed (notes sealed)",
  'legal_hold.create':
    'a legal hold was placed on a patient, a ticket or a query of tickets (its reason sealed); what it covers is not purged',
  'legal_hold.read':
    'a legal hold was shown (a list names every hold; the sealed reason, when disclosed, in phiFields)',
  'legal_hold.release': 'a legal hold was released: what it covered may be purged again once past retention',
  'minimum_necessary.read': "the tenant's minimum-necessary field lists (per record type and role) were shown",
  'minimum_necessary.update':
    "the tenant's minimum-necessary field lists were replaced (in force from the next request)",
  'retention.purge':
    'a purge batch hard-deleted records past retention and under no hold (one event per batch naming every record removed; CLI or job)',
  'retention_policy.put': "the tenant's retention periods were set",
  'retention_policy.read': "the tenant's retention periods were shown",
  'siem_sink.create': 'a SIEM sink was registered, or its endpoint refused by the outbound-URL guard (outcome denied)',
  'siem_sink.delete': 'a SIEM sink was removed (streaming to it stops)',
  'siem_sink.read': 'a SIEM sink and its streaming lag were shown (a list names every sink)',
  'siem_sink.update':
    'a SIEM sink was changed (endpoint, headers, enabled), or its new endpoint refused (outcome denied)',
  'phi_detection.finding':
    'PHI detection found identifiers in an outgoing text (a public reply, a webhook payload or an access-request bundle): reasonCode lists channel, action taken, each kind and position, and the count; never a value (outcome denied when blocked or held)',
  'phi_detection_settings.put':
    "the tenant's PHI detection settings (actions, kinds, MRN and account formats) were set",
  'phi_detection_settings.read': "the tenant's PHI detection settings were shown",
  'sla_policy.delete': "the tenant's SLA policy was removed",
  'sla_policy.put': "the tenant's SLA policy was set",
  'tenant.issuer_add': 'a trusted JWT issuer was registered, or its registration refused (outcome denied)',
  'tenant.issuer_read': 'a trusted issuer was shown (a list names every issuer)',
  'tenant.issuer_remove': 'a trusted issuer was removed',
  'tenant.issuer_update': "a trusted issuer's settings were changed, or the change refused (outcome denied)",
  'tenant.key_use': "the tenant's data key could not seal or be loaded (outcome error)",
  'tenant.read': "the tenant's settings were shown",
  'tenant.shred': "a tenant's keys were destroyed (crypto-shredding, CLI)",
  'tenant.update': "the tenant's settings were changed",
  'tenant_key.reseal': 'stored values were resealed under the active key version, one event per sealed table (CLI)',
  'tenant_key.retire': 'an old key version was retired, or its retirement refused (outcome denied) (CLI)',
  'tenant_key.rotate': "a new version of the tenant's data key became active (CLI)",
  'tenant_keys.rewrap': "the tenant's data keys were rewrapped under a new master key (CLI)",
  'review_finding.acknowledge': 'a privacy officer acknowledged an activity-review finding',
  'review_finding.create':
    'the activity-review detectors raised a finding (off-hours access, unusual volume, denied burst) about an actor (system)',
  'review_finding.dismiss': 'a privacy officer dismissed an activity-review finding (the reason sealed)',
  'review_finding.read': 'activity-review findings were shown (a list names every finding)',
  'review_settings.put':
    "the tenant's activity-review settings (business hours, thresholds, relationship match) were set",
  'review_settings.read': "the tenant's activity-review settings were shown",
  'ticket.create': 'a ticket was filed',
  'ticket.delete': 'a ticket was deleted',
  'ticket.read':
    'a ticket was shown (disclosed PHI fields in phiFields), or its stored PHI failed to open (outcome error)',
  'ticket.timeline_read': "a ticket's timeline (its change events) was shown",
  'ticket.update': 'a ticket was changed',
  'user.create': 'a user was created',
  'user.read': 'a user was shown (a list names every user)',
  'user.relationship_hashes_set':
    "a user's self-declared surname / address blind indexes (activity review's relationship match) were set (never the values)",
  'user.sessions_revoke': "a user's sessions were revoked",
  'user.update': 'a user was changed',
  'webhook.disclose':
    'a webhook delivery carried PHI (one event per record: the record and its patient, the fields in phiFields, the recipient endpoint and its agreement in reasonCode as `endpoint:<id> baa:<id>`); durable before the delivery leaves',
  'webhook_endpoint.attempts_read': "a webhook endpoint's delivery attempts were listed",
  'webhook_endpoint.create': 'a webhook endpoint was registered, or its URL refused (outcome denied)',
  'webhook_endpoint.delete': 'a webhook endpoint was removed',
  'webhook_endpoint.disable': 'a webhook endpoint was disabled after failing too many deliveries in a row (system)',
  'webhook_endpoint.read': 'a webhook endpoint was shown (a list names every endpoint)',
  'webhook_endpoint.replay': 'a webhook delivery was queued again by hand',
  'webhook_endpoint.rotate_secret':
    "a webhook endpoint's signing secret was rotated (the old one signs until it retires)",
  'webhook_endpoint.update': 'a webhook endpoint was changed (URL, events, agreement, PHI fields, enabled)',
} as const satisfies Record<string, string>;

export type NamedAuditAction = keyof typeof namedAuditActions;

/**
 * The name a policy subject goes by in audit actions, the same prefix its allowed events
 * use (api_key.read allowed, api_key.read denied), so one action filter finds both.
 */
export const auditPrefixOf = {
  Tenant: 'tenant',
  User: 'user',
  Group: 'group',
  ApiKey: 'api_key',
  BreakGlass: 'break_glass',
  AuditEvent: 'audit',
  Contact: 'contact',
  Ticket: 'ticket',
  Comment: 'comment',
  BusinessAssociateAgreement: 'baa',
  WebhookEndpoint: 'webhook_endpoint',
  AccessRequest: 'access_request',
  AccountingRequest: 'accounting_request',
  Disclosure: 'disclosure',
  RetentionPolicy: 'retention_policy',
  LegalHold: 'legal_hold',
  SiemSink: 'siem_sink',
  ReviewFinding: 'review_finding',
  Incident: 'incident',
  ContactVerification: 'contact_verification',
  PersonalRepresentative: 'personal_representative',
  HeldReply: 'held_reply',
  MinimumNecessary: 'minimum_necessary',
} as const satisfies Record<SubjectType, string>;

/**
 * What a policy gate (a route's or a GraphQL field's declared policy, or a service's
 * assertCan) writes when it refuses: `<subject's audit prefix>.<CASL action>`, outcome
 * denied, reason FORBIDDEN. Every subject/action pair is in the catalogue, so whatever
 * a gate can be declared with has a name here by construction.
 */
export type DenialAction = `${(typeof auditPrefixOf)[SubjectType]}.${Action}`;

/** Every action an audit event can carry. */
export type AuditAction = NamedAuditAction | DenialAction;

/** The action a gate's refusal of `action` on `subject` is recorded as. */
export function denialAction(subject: SubjectType, action: Action): DenialAction {
  return `${auditPrefixOf[subject]}.${action}`;
}

/** Meaning of a denial-only name (a named action with the same name keeps its own meaning). */
export const denialMeaning =
  'a policy gate refused this action on this kind of record (outcome denied, reason FORBIDDEN)';

/** Every denial name a gate can produce: each subject with each CASL action. */
export const denialActions: readonly DenialAction[] = subjects.flatMap((subject) =>
  policyActions.map((action) => denialAction(subject, action)),
);

/** The whole catalogue, name -> when it is written. */
export const auditActions: ReadonlyMap<AuditAction, string> = new Map<AuditAction, string>([
  ...denialActions.map((name): [AuditAction, string] => [name, denialMeaning]),
  ...(Object.entries(namedAuditActions) as [NamedAuditAction, string][]),
]);

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === 'string' && auditActions.has(value as AuditAction);
}
