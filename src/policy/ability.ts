// Every ability in phidesk is defined here, role by role. Deny by default: an actor can
// do only what a rule below grants. Conditions use record fields (camelCase) so that
// src/policy/sql.ts can turn them into SQL for list queries.
import { AbilityBuilder, createMongoAbility, type MongoAbility, type MongoQuery } from '@casl/ability';
import type { Actor, Role } from '../auth/actor.js';
import {
  allowedFieldsFor,
  minimumNecessaryFields,
  minimumNecessaryRecordTypes,
} from '../minimum-necessary/minimum-necessary.model.js';

export const subjects = [
  'Tenant',
  'User',
  'Group',
  'ApiKey',
  'BreakGlass',
  'AuditEvent',
  'Contact',
  'Ticket',
  'Comment',
  'BusinessAssociateAgreement',
  'WebhookEndpoint',
  'AccessRequest',
  'AccountingRequest',
  'Disclosure',
  'RetentionPolicy',
  'LegalHold',
  'SiemSink',
  'ReviewFinding',
  'Incident',
  'ContactVerification',
  'PersonalRepresentative',
  'HeldReply',
  'MinimumNecessary',
] as const;
export type SubjectType = (typeof subjects)[number];

/** `read_phi` gates PHI fields (minimum necessary): without it they are masked. */
export const actions = [
  'read',
  'read_phi',
  'create',
  'update',
  'delete',
  'revoke',
  'open',
  'review',
  'verify',
  'redact',
] as const;
export type Action = (typeof actions)[number];

export type AppAbility = MongoAbility<[Action | 'manage', SubjectType | 'all'], MongoQuery<Record<string, unknown>>>;

/** An active break-glass grant: emergency read access to one named record. */
export interface BreakGlassGrant {
  resourceType: 'Contact' | 'Ticket';
  resourceId: string;
  expiresAt: Date;
}

// CASL's builder types conditions against subject classes; ours are plain type names
// with record-shaped conditions, so rules are declared through this narrower signature.
type Can = (
  action: Action | Action[],
  subject: SubjectType | SubjectType[],
  conditions?: Record<string, unknown>,
) => unknown;
/** The same with CASL field-level rules: the rule covers only the named fields. */
type CanFields = (
  action: Action | Action[],
  subject: SubjectType,
  fields: readonly string[],
  conditions?: Record<string, unknown>,
) => unknown;

/**
 * Ticket fields a requester may set when filing a ticket. Triage (assigneeId, groupId,
 * status, priority: who works it, how urgent, where it stands) is staff's call.
 */
export const requesterTicketFields = [
  'subject',
  'description',
  'type',
  'channel',
  'requesterId',
  'tags',
  'customFields',
  'externalRefs',
] as const;

const staffReadable: SubjectType[] = ['Contact', 'Ticket', 'Comment'];
/** Patient rights (164.524, 164.528): the privacy officer runs them; tenant admins see where they stand. */
const patientRights: SubjectType[] = ['AccessRequest', 'AccountingRequest', 'Disclosure'];
/** Activity review findings and incidents: the privacy officer works them; admins and auditors read. */
const activityReview: SubjectType[] = ['ReviewFinding', 'Incident'];

function roleRules(role: Role, actor: Actor, can: Can, canFields: CanFields): void {
  switch (role) {
    case 'tenant_admin':
      can(['read', 'update'], 'Tenant');
      can(['read', 'create', 'update', 'revoke'], 'User');
      can(['read', 'create', 'update', 'delete'], 'Group');
      // keys with any roles, staff roles included (scoped key managers mint integration keys only)
      can(['read', 'create', 'revoke'], 'ApiKey');
      can('read', staffReadable); // administers the desk; PHI is not needed for that
      ownBreakGlass(actor, can);
      can(['read', 'create', 'update'], 'BusinessAssociateAgreement');
      can(['read', 'create', 'update', 'delete'], 'WebhookEndpoint');
      // where the tenant's audit trail is streamed (its SIEM), and how far behind it is
      can(['read', 'create', 'update', 'delete'], 'SiemSink');
      can('read', patientRights); // deadlines and status; the sealed free text is the privacy officer's
      can('read', activityReview); // the review queue and incidents; the sealed notes are the officer's
      // how long records are kept, and what litigation holds keep longer (164.316(b)(2))
      can(['read', 'update'], 'RetentionPolicy');
      can(['read', 'read_phi', 'create', 'update'], 'LegalHold');
      can('read', ['ContactVerification', 'PersonalRepresentative']);
      // which PHI fields each role needs (164.514(d)(2)): field names only, no PHI
      can(['read', 'update'], 'MinimumNecessary');
      return;
    case 'privacy_officer':
      can('read', 'Tenant');
      can('read', ['User', 'Group']);
      can(['read', 'verify'], 'AuditEvent');
      // reads and reviews every grant, reason and note included (sealed free text)
      can(['read', 'read_phi', 'review', 'revoke'], 'BreakGlass');
      can(['read', 'read_phi'], staffReadable);
      can('redact', 'Comment');
      // keeps the agreements PHI may leave under, and sees where it leaves to
      can(['read', 'create', 'update'], 'BusinessAssociateAgreement');
      can('read', 'WebhookEndpoint');
      can('read', 'SiemSink'); // sees that the trail reaches the SIEM, and its lag
      // answers access and accounting requests, keeps the disclosure records
      can(['read', 'read_phi', 'create', 'update'], patientRights);
      // works the activity-review queue (164.308(a)(1)(ii)(D)) and the breach workflow (164.402-410)
      can(['read', 'read_phi', 'create', 'update'], activityReview);
      // places and releases litigation holds (their sealed reasons included); sees retention
      can('read', 'RetentionPolicy');
      can(['read', 'read_phi', 'create', 'update'], 'LegalHold');
      // who may receive a patient's PHI (164.502(g), 164.514(h)); reviews held public replies
      can(['read', 'create', 'revoke'], 'ContactVerification');
      can(['read', 'create', 'update', 'delete'], 'PersonalRepresentative');
      can(['read', 'read_phi', 'review'], 'HeldReply');
      // sets which PHI fields each role needs (164.514(d)(2)), with the tenant admins
      can(['read', 'update'], 'MinimumNecessary');
      return;
    case 'supervisor':
      can('read', 'Tenant');
      can('read', ['User', 'Group']);
      // edits anyone's comment (an agent edits only their own)
      can(['read', 'read_phi', 'create', 'update'], ['Contact', 'Ticket', 'Comment']);
      can('delete', ['Ticket', 'Contact']); // deleting a contact erases its PHI
      can('redact', 'Comment');
      ownBreakGlass(actor, can);
      // verifies identities (and revokes a wrong one), records representatives, and
      // releases or rejects the public replies a disclosure check held
      can(['read', 'create', 'revoke'], 'ContactVerification');
      can(['read', 'create', 'update', 'delete'], 'PersonalRepresentative');
      can(['read', 'read_phi', 'review'], 'HeldReply');
      return;
    case 'agent':
      can('read', 'Tenant');
      can('read', ['User', 'Group']);
      can(['read', 'read_phi', 'create', 'update'], 'Contact');
      can('create', 'Ticket');
      // Agents see what is assigned to them or to their groups.
      can(['read', 'read_phi', 'update'], 'Ticket', { assigneeId: actor.id });
      can(['read', 'read_phi', 'update'], 'Ticket', { groupId: { $in: [...actor.groupIds] } });
      can(['read', 'read_phi', 'create'], 'Comment', { ticketAssigneeId: actor.id });
      can(['read', 'read_phi', 'create'], 'Comment', { ticketGroupId: { $in: [...actor.groupIds] } });
      // ...and edit only what they wrote
      can('update', 'Comment', { ticketAssigneeId: actor.id, authorId: actor.id });
      can('update', 'Comment', { ticketGroupId: { $in: [...actor.groupIds] }, authorId: actor.id });
      ownBreakGlass(actor, can);
      // agents verify the caller in front of them (164.514(h)) and see who represents whom;
      // revoking a verification and naming representatives is a supervisor's call
      can(['read', 'create'], 'ContactVerification');
      can('read', 'PersonalRepresentative');
      return;
    case 'auditor':
      // Audit metadata only: no PHI anywhere (a grant's reason shows as its length only).
      can(['read', 'verify'], 'AuditEvent');
      can('read', 'BreakGlass');
      can('read', 'MinimumNecessary'); // what each role may see is what access is judged against
      can('read', activityReview); // that reviews happen and incidents are assessed; no sealed notes
      // what is kept and what is held (a hold's reason is free text: not theirs)
      can('read', ['RetentionPolicy', 'LegalHold']);
      return;
    case 'requester':
      // A patient or contact: their own record, their own tickets, public comments only.
      if (!actor.contactId) return;
      can(['read', 'read_phi'], 'Contact', { id: actor.contactId });
      can(['read', 'read_phi'], 'Ticket', { requesterId: actor.contactId });
      canFields('create', 'Ticket', requesterTicketFields, { requesterId: actor.contactId });
      can(['read', 'read_phi'], 'Comment', { ticketRequesterId: actor.contactId, public: true });
      can('create', 'Comment', { ticketRequesterId: actor.contactId, public: true });
      // downloads the bundle that answers their own access request (with its link's token)
      can('read_phi', 'AccessRequest', { contactId: actor.contactId });
      return;
    case 'integration':
      scopeRules(actor.scopes, can);
      return;
  }
}

/** Staff open emergency access and see, read the reason of and close their own grants. */
function ownBreakGlass(actor: Actor, can: Can): void {
  can('open', 'BreakGlass');
  can(['read', 'read_phi', 'revoke'], 'BreakGlass', { actorId: actor.id });
}

/** API-key scopes: an integration can do exactly what its scopes name, nothing else. */
export const scopeCatalogue: Record<string, (can: Can) => void> = {
  'tickets:create': (can) => can('create', 'Ticket'),
  'tickets:read': (can) => can('read', 'Ticket'),
  'tickets:write': (can) => can(['create', 'update'], 'Ticket'),
  'comments:read': (can) => can('read', 'Comment'),
  'comments:write': (can) => can('create', 'Comment'),
  'contacts:read': (can) => can('read', 'Contact'),
  'contacts:write': (can) => can(['create', 'update'], 'Contact'),
  'phi:read': (can) => can('read_phi', ['Contact', 'Ticket', 'Comment']),
  'audit:read': (can) => can(['read', 'verify'], 'AuditEvent'),
  'users:read': (can) => can('read', ['User', 'Group']),
  'users:write': (can) => can(['create', 'update', 'revoke'], 'User'),
  'groups:write': (can) => can(['create', 'update', 'delete'], 'Group'),
  // a key manager mints integration keys only; keys with staff roles are a tenant admin's
  'api-keys:manage': (can) => {
    can(['read', 'revoke'], 'ApiKey');
    can('create', 'ApiKey', { staffRoles: false });
  },
  'tenant:manage': (can) => can(['read', 'update'], 'Tenant'),
};

function scopeRules(scopes: readonly string[], can: Can): void {
  for (const scope of scopes) scopeCatalogue[scope]?.(can);
}

/**
 * Minimum necessary (164.502(b), 164.514(d)(2)): the PHI fields of a contact or ticket the
 * tenant did not list for the actor's roles are withheld, as CASL field rules on read_phi
 * (a check without a field still answers for the record). A role counts only for the record
 * types its own rules let it read PHI of, so an agent who is also an auditor keeps the agent's
 * list. A break-glass grant opens every field of its record: emergency treatment is exempt
 * (164.502(b)(2)(i)), and the one who opened it answers for it at review.
 */
function minimumNecessaryRules(actor: Actor, now: Date, cannotFields: CanFields): void {
  if (!actor.minimumNecessary || Object.keys(actor.minimumNecessary).length === 0) return;
  const ofRole = new Map<Role, AppAbility>();
  const readsPhi = (role: Role, type: SubjectType) => {
    if (!ofRole.has(role)) ofRole.set(role, roleAbility(role, actor));
    return ofRole.get(role)!.can('read_phi', type);
  };
  for (const type of minimumNecessaryRecordTypes) {
    const allowed = allowedFieldsFor(actor.minimumNecessary, type, actor.roles, (role) => readsPhi(role, type));
    if (allowed === null) continue;
    const withheld = minimumNecessaryFields[type].filter((f) => !allowed.includes(f));
    if (withheld.length === 0) continue;
    const granted = actor.breakGlass
      .filter((g) => g.resourceType === type && g.expiresAt > now)
      .map((g) => g.resourceId);
    cannotFields('read_phi', type, withheld, granted.length > 0 ? { id: { $nin: granted } } : undefined);
  }
}

/** One role's own rules, alone: whether it reads PHI of a record type at all. */
function roleAbility(role: Role, actor: Actor): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  roleRules(role, actor, builder.can as unknown as Can, builder.can as unknown as CanFields);
  return builder.build();
}

export function defineAbilityFor(actor: Actor, now: Date = new Date()): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  const can = builder.can as unknown as Can;
  for (const role of actor.roles) roleRules(role, actor, can, builder.can as unknown as CanFields);

  // Break-glass: time-boxed read of one named record, whatever the role says.
  for (const grant of actor.breakGlass) {
    if (grant.expiresAt > now) can(['read', 'read_phi'], grant.resourceType, { id: grant.resourceId });
  }
  minimumNecessaryRules(actor, now, builder.cannot as unknown as CanFields);
  // Nobody reviews their own emergency access (separation of duties).
  (builder.cannot as unknown as Can)('review', 'BreakGlass', { actorId: actor.id });
  if (actor.requireMfaForPhi && !actor.mfa) builder.cannot('read_phi', 'all');
  return builder.build();
}
