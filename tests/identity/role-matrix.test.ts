// Acceptance 4 (role matrix): every role x action x resource, table-driven. A cell is
// 'all' (any record), 'own' (only records matching the actor: a condition), or '-' (never).
import { describe, expect, it } from 'vitest';
import { defineAbilityFor, subjects, actions, type Action, type SubjectType } from '../../src/policy/ability.js';
import type { Role } from '../../src/auth/actor.js';
import { policyActor } from '../helpers/policy-actor.js';

const base = policyActor();

type Cell = 'all' | 'own' | '-';
// Columns follow `actions`: read, read_phi, create, update, delete, revoke, open, review, verify, redact
const matrix: Record<Role, Partial<Record<SubjectType, string>>> = {
  tenant_admin: {
    Tenant: 'all - - all - - - - - -',
    User: 'all - all all - all - - - -',
    Group: 'all - all all all - - - - -',
    ApiKey: 'all - all - - all - - - -',
    BreakGlass: 'own own - - - own all - - -',
    AuditEvent: '- - - - - - - - - -',
    Contact: 'all - - - - - - - - -',
    Ticket: 'all - - - - - - - - -',
    Comment: 'all - - - - - - - - -',
    BusinessAssociateAgreement: 'all - all all - - - - - -',
    WebhookEndpoint: 'all - all all all - - - - -',
    AccessRequest: 'all - - - - - - - - -',
    AccountingRequest: 'all - - - - - - - - -',
    Disclosure: 'all - - - - - - - - -',
    RetentionPolicy: 'all - - all - - - - - -',
    LegalHold: 'all all all all - - - - - -',
    SiemSink: 'all - all all all - - - - -',
    ReviewFinding: 'all - - - - - - - - -',
    Incident: 'all - - - - - - - - -',
    ContactVerification: 'all - - - - - - - - -',
    PersonalRepresentative: 'all - - - - - - - - -',
    HeldReply: '- - - - - - - - - -',
    MinimumNecessary: 'all - - all - - - - - -',
  },
  privacy_officer: {
    Tenant: 'all - - - - - - - - -',
    User: 'all - - - - - - - - -',
    Group: 'all - - - - - - - - -',
    ApiKey: '- - - - - - - - - -',
    BreakGlass: 'all all - - - all - all - -',
    AuditEvent: 'all - - - - - - - all -',
    Contact: 'all all - - - - - - - -',
    Ticket: 'all all - - - - - - - -',
    Comment: 'all all - - - - - - - all',
    BusinessAssociateAgreement: 'all - all all - - - - - -',
    WebhookEndpoint: 'all - - - - - - - - -',
    AccessRequest: 'all all all all - - - - - -',
    AccountingRequest: 'all all all all - - - - - -',
    Disclosure: 'all all all all - - - - - -',
    RetentionPolicy: 'all - - - - - - - - -',
    LegalHold: 'all all all all - - - - - -',
    SiemSink: 'all - - - - - - - - -',
    ReviewFinding: 'all all all all - - - - - -',
    Incident: 'all all all all - - - - - -',
    ContactVerification: 'all - all - - all - - - -',
    PersonalRepresentative: 'all - all all all - - - - -',
    HeldReply: 'all all - - - - - all - -',
    MinimumNecessary: 'all - - all - - - - - -',
  },
  supervisor: {
    Tenant: 'all - - - - - - - - -',
    User: 'all - - - - - - - - -',
    Group: 'all - - - - - - - - -',
    ApiKey: '- - - - - - - - - -',
    BreakGlass: 'own own - - - own all - - -',
    AuditEvent: '- - - - - - - - - -',
    Contact: 'all all all all all - - - - -',
    Ticket: 'all all all all all - - - - -',
    Comment: 'all all all all - - - - - all',
    BusinessAssociateAgreement: '- - - - - - - - - -',
    WebhookEndpoint: '- - - - - - - - - -',
    AccessRequest: '- - - - - - - - - -',
    AccountingRequest: '- - - - - - - - - -',
    Disclosure: '- - - - - - - - - -',
    RetentionPolicy: '- - - - - - - - - -',
    LegalHold: '- - - - - - - - - -',
    SiemSink: '- - - - - - - - - -',
    ReviewFinding: '- - - - - - - - - -',
    Incident: '- - - - - - - - - -',
    ContactVerification: 'all - all - - all - - - -',
    PersonalRepresentative: 'all - all all all - - - - -',
    HeldReply: 'all all - - - - - all - -',
    MinimumNecessary: '- - - - - - - - - -',
  },
  agent: {
    Tenant: 'all - - - - - - - - -',
    User: 'all - - - - - - - - -',
    Group: 'all - - - - - - - - -',
    ApiKey: '- - - - - - - - - -',
    BreakGlass: 'own own - - - own all - - -',
    AuditEvent: '- - - - - - - - - -',
    Contact: 'all all all all - - - - - -',
    Ticket: 'own own all own - - - - - -',
    Comment: 'own own own own - - - - - -',
    BusinessAssociateAgreement: '- - - - - - - - - -',
    WebhookEndpoint: '- - - - - - - - - -',
    AccessRequest: '- - - - - - - - - -',
    AccountingRequest: '- - - - - - - - - -',
    Disclosure: '- - - - - - - - - -',
    RetentionPolicy: '- - - - - - - - - -',
    LegalHold: '- - - - - - - - - -',
    SiemSink: '- - - - - - - - - -',
    ReviewFinding: '- - - - - - - - - -',
    Incident: '- - - - - - - - - -',
    ContactVerification: 'all - all - - - - - - -',
    PersonalRepresentative: 'all - - - - - - - - -',
    HeldReply: '- - - - - - - - - -',
    MinimumNecessary: '- - - - - - - - - -',
  },
  auditor: {
    Tenant: '- - - - - - - - - -',
    User: '- - - - - - - - - -',
    Group: '- - - - - - - - - -',
    ApiKey: '- - - - - - - - - -',
    BreakGlass: 'all - - - - - - - - -',
    AuditEvent: 'all - - - - - - - all -',
    Contact: '- - - - - - - - - -',
    Ticket: '- - - - - - - - - -',
    Comment: '- - - - - - - - - -',
    BusinessAssociateAgreement: '- - - - - - - - - -',
    WebhookEndpoint: '- - - - - - - - - -',
    AccessRequest: '- - - - - - - - - -',
    AccountingRequest: '- - - - - - - - - -',
    Disclosure: '- - - - - - - - - -',
    RetentionPolicy: 'all - - - - - - - - -',
    LegalHold: 'all - - - - - - - - -',
    SiemSink: '- - - - - - - - - -',
    ReviewFinding: 'all - - - - - - - - -',
    Incident: 'all - - - - - - - - -',
    ContactVerification: '- - - - - - - - - -',
    PersonalRepresentative: '- - - - - - - - - -',
    HeldReply: '- - - - - - - - - -',
    MinimumNecessary: 'all - - - - - - - - -',
  },
  requester: {
    Tenant: '- - - - - - - - - -',
    User: '- - - - - - - - - -',
    Group: '- - - - - - - - - -',
    ApiKey: '- - - - - - - - - -',
    BreakGlass: '- - - - - - - - - -',
    AuditEvent: '- - - - - - - - - -',
    Contact: 'own own - - - - - - - -',
    Ticket: 'own own own - - - - - - -',
    Comment: 'own own own - - - - - - -',
    BusinessAssociateAgreement: '- - - - - - - - - -',
    WebhookEndpoint: '- - - - - - - - - -',
    AccessRequest: '- own - - - - - - - -',
    AccountingRequest: '- - - - - - - - - -',
    Disclosure: '- - - - - - - - - -',
    RetentionPolicy: '- - - - - - - - - -',
    LegalHold: '- - - - - - - - - -',
    SiemSink: '- - - - - - - - - -',
    ReviewFinding: '- - - - - - - - - -',
    Incident: '- - - - - - - - - -',
    ContactVerification: '- - - - - - - - - -',
    PersonalRepresentative: '- - - - - - - - - -',
    HeldReply: '- - - - - - - - - -',
    MinimumNecessary: '- - - - - - - - - -',
  },
  integration: Object.fromEntries(subjects.map((s) => [s, '- - - - - - - - - -'])),
};

function cellFor(role: Role, subject: SubjectType, action: Action): Cell {
  const row = matrix[role][subject];
  if (!row) throw new Error(`matrix misses ${role} x ${subject}`);
  const cells = row.split(' ');
  expect(cells).toHaveLength(actions.length);
  // a typo in a cell must fail, not silently assert nothing
  for (const cell of cells) expect(['all', 'own', '-'], `${role} x ${subject}: "${cell}"`).toContain(cell);
  return cells[actions.indexOf(action)] as Cell;
}

const cases = (Object.keys(matrix) as Role[]).flatMap((role) =>
  subjects.flatMap((subject) => actions.map((action) => [role, subject, action] as const)),
);

describe('role matrix', () => {
  it('covers every role, resource and action', () => {
    expect(cases).toHaveLength(7 * subjects.length * actions.length);
  });

  it.each(cases)('%s may %s %s as the matrix says', (role, subject, action) => {
    const ability = defineAbilityFor({ ...base, roles: [role] });
    const expected = cellFor(role, subject, action);
    const anyRecord = ability.can(action, subject);
    // a record that matches no condition of the actor (someone else's)
    const foreign = ability.can(action, {
      __caslSubjectType__: subject,
      id: 'x',
      actorId: 'other',
      assigneeId: 'other',
      groupId: 'g9',
      requesterId: 'c9',
      ticketAssigneeId: 'other',
      ticketGroupId: 'g9',
      ticketRequesterId: 'c9',
      public: true,
      authorId: 'other',
      staffRoles: true,
    } as never);
    if (expected === 'all') expect([anyRecord, foreign]).toEqual([true, true]);
    if (expected === 'own') expect([anyRecord, foreign]).toEqual([true, false]);
    if (expected === '-') expect(anyRecord).toBe(false);
  });

  it('integration keys can do exactly what their scopes name', () => {
    const ability = defineAbilityFor({ ...base, roles: ['integration'], scopes: ['tickets:create', 'phi:read'] });
    expect(ability.can('create', 'Ticket')).toBe(true);
    expect(ability.can('read', 'Ticket')).toBe(false);
    expect(ability.can('read_phi', 'Contact')).toBe(true);
    expect(ability.can('create', 'Contact')).toBe(false);
  });

  it("an agent edits only comments they wrote; a supervisor edits anyone's", () => {
    const onMyTicket = {
      __caslSubjectType__: 'Comment',
      ticketAssigneeId: 'me',
      ticketGroupId: 'g9',
      ticketRequesterId: 'c9',
      public: true,
    };
    const agent = defineAbilityFor({ ...base, roles: ['agent'] });
    expect(agent.can('update', { ...onMyTicket, authorId: 'me' } as never)).toBe(true);
    expect(agent.can('update', { ...onMyTicket, authorId: 'someone-else' } as never)).toBe(false);
    expect(agent.can('create', { ...onMyTicket, authorId: 'me' } as never)).toBe(true);
    const supervisor = defineAbilityFor({ ...base, roles: ['supervisor'] });
    expect(supervisor.can('update', { ...onMyTicket, authorId: 'someone-else' } as never)).toBe(true);
  });

  it('a requester sets the fields of their own ticket but no triage field; staff set every field', () => {
    const mine = { __caslSubjectType__: 'Ticket', requesterId: 'c1' };
    const requester = defineAbilityFor({ ...base, roles: ['requester'] });
    for (const field of ['subject', 'description', 'type', 'channel', 'tags', 'customFields', 'externalRefs']) {
      expect(requester.can('create', mine as never, field), field).toBe(true);
    }
    for (const field of ['assigneeId', 'groupId', 'status', 'priority']) {
      expect(requester.can('create', mine as never, field), field).toBe(false);
    }
    expect(requester.can('create', { ...mine, requesterId: 'c9' } as never, 'subject')).toBe(false);
    const agent = defineAbilityFor({ ...base, roles: ['agent'] });
    for (const field of ['assigneeId', 'groupId', 'status', 'priority'])
      expect(agent.can('create', mine as never, field), field).toBe(true);
  });

  it('keys with staff roles are minted by tenant admins only; a key manager mints integration keys', () => {
    const admin = defineAbilityFor({ ...base, roles: ['tenant_admin'] });
    const manager = defineAbilityFor({ ...base, roles: ['integration'], scopes: ['api-keys:manage'] });
    for (const staffRoles of [true, false]) {
      expect(admin.can('create', { __caslSubjectType__: 'ApiKey', staffRoles } as never)).toBe(true);
      expect(manager.can('create', { __caslSubjectType__: 'ApiKey', staffRoles } as never)).toBe(!staffRoles);
    }
  });

  it('without MFA, a tenant that requires it masks PHI for every role', () => {
    for (const role of ['supervisor', 'privacy_officer', 'agent'] as const) {
      const ability = defineAbilityFor({ ...base, roles: [role], mfa: false, requireMfaForPhi: true });
      expect(ability.can('read_phi', 'Contact')).toBe(false);
      expect(ability.can('read', 'Contact')).toBe(true);
    }
  });

  it('break-glass grants read of one named record until it expires', () => {
    const now = new Date();
    const grant = { resourceType: 'Contact' as const, resourceId: 'c42', expiresAt: new Date(now.getTime() + 60_000) };
    const ability = defineAbilityFor({ ...base, roles: ['auditor'], breakGlass: [grant] }, now);
    expect(ability.can('read_phi', { __caslSubjectType__: 'Contact', id: 'c42' } as never)).toBe(true);
    expect(ability.can('read_phi', { __caslSubjectType__: 'Contact', id: 'c43' } as never)).toBe(false);
    const later = defineAbilityFor(
      { ...base, roles: ['auditor'], breakGlass: [grant] },
      new Date(now.getTime() + 120_000),
    );
    expect(later.can('read_phi', { __caslSubjectType__: 'Contact', id: 'c42' } as never)).toBe(false);
  });
});
