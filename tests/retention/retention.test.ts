// Retention periods and legal holds over REST: who may set and see them (CASL), that
// every action is audited, that a hold's reason is sealed (canary nowhere in the row, the
// audit trail or the logs) and shown only to those who manage holds, and that another
// tenant can neither see nor target them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents, touches } from '../helpers/audit.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { canary, desk, expectNoCanary, gqlCode, gqlOk, ok, type Desk } from '../tickets/helpers.js';

let t: TestApp;
let d: Desk;
let other: Desk;
let officer: Client;
let auditor: Client;
let agent: Client;

beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
  other = await desk(t);
  officer = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['privacy_officer'])).secret });
  auditor = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['auditor'])).secret });
  agent = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['agent'])).secret });
}, 60_000);
afterAll(async () => t?.close());

const policy = { closedTicketDays: 2190, commentDays: null, attachmentDays: 730, contactDays: 3650 };

describe('retention policy over REST', () => {
  it('starts unset, is set by the tenant admin, read by officer and auditor; audited', async () => {
    expect(await ok(d.admin.get('/v1/retention-policy'))).toMatchObject({
      closedTicketDays: null,
      commentDays: null,
      attachmentDays: null,
      contactDays: null,
      auditEventsPurged: false,
      updatedAt: null,
    });
    const put = await ok(d.admin.put('/v1/retention-policy', policy));
    expect(put).toMatchObject({ ...policy, auditEventsPurged: false });
    expect(put.updatedAt).toBeTruthy();
    expect(await ok(officer.get('/v1/retention-policy'))).toMatchObject(policy);
    expect(await ok(auditor.get('/v1/retention-policy'))).toMatchObject(policy);
    // another tenant's periods are its own
    expect((await ok(other.admin.get('/v1/retention-policy'))).closedTicketDays).toBeNull();
    const actions = (await auditEvents(t.database.db, d.tenantId))
      .filter((e) => e['resource'].type === 'RetentionPolicy')
      .map((e) => e['action']);
    expect(actions).toEqual(expect.arrayContaining(['retention_policy.put', 'retention_policy.read']));
  });

  it('refuses other roles and bad periods', async () => {
    await ok(officer.put('/v1/retention-policy', policy), 403);
    await ok(auditor.put('/v1/retention-policy', policy), 403);
    await ok(d.supervisor.put('/v1/retention-policy', policy), 403);
    await ok(d.supervisor.get('/v1/retention-policy'), 403);
    await ok(agent.get('/v1/retention-policy'), 403);
    await ok(d.admin.put('/v1/retention-policy', { ...policy, commentDays: 0 }), 400);
    await ok(d.admin.put('/v1/retention-policy', { ...policy, contactDays: 36501 }), 400);
    await ok(d.admin.put('/v1/retention-policy', { closedTicketDays: 10 }), 400);
    await ok(d.admin.put('/v1/retention-policy', { ...policy, auditEventDays: 1 }), 400);
    expect(await ok(d.admin.get('/v1/retention-policy'))).toMatchObject(policy);
    const denied = (await auditEvents(t.database.db, d.tenantId)).filter(
      (e) => e['action'] === 'retention_policy.update' && e['outcome'] === 'denied',
    );
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });
});

describe('legal holds over REST', () => {
  it('placed by patient, ticket and query; listed, read, released; each action audited; the reason sealed', async () => {
    const reason = canary('HOLDREASON');
    const contactId = (await ok(d.supervisor.post('/v1/contacts', { name: 'Held Patient' }), 201)).id;
    const ticketId = (await ok(d.supervisor.post('/v1/tickets', { subject: 'Held ticket' }), 201)).id;
    const byContact = await ok(officer.post('/v1/legal-holds', { kind: 'contact', contactId, reason }), 201);
    expect(byContact).toMatchObject({ kind: 'contact', contactId, ticketId: null, query: null, reason, active: true });
    const byTicket = await ok(d.admin.post('/v1/legal-holds', { kind: 'ticket', ticketId, reason: 'Claim 7' }), 201);
    const byQuery = await ok(
      officer.post('/v1/legal-holds', {
        kind: 'query',
        query: {
          createdFrom: '2020-01-01T00:00:00Z',
          createdTo: '2021-01-01T00:00:00Z',
          statuses: ['closed', 'solved'],
        },
        reason: 'Audit of 2020',
      }),
      201,
    );
    expect(byQuery.query).toEqual({
      createdFrom: '2020-01-01T00:00:00.000Z',
      createdTo: '2021-01-01T00:00:00.000Z',
      statuses: ['closed', 'solved'],
    });

    expect((await ok(officer.get(`/v1/legal-holds/${byContact.id}`))).reason).toBe(reason);
    const seenByAuditor = await ok(auditor.get(`/v1/legal-holds/${byContact.id}`));
    expect(seenByAuditor).toMatchObject({ id: byContact.id, kind: 'contact', reason: null });
    const active = await ok(auditor.get('/v1/legal-holds'));
    expect(active.items.map((h: { id: string }) => h.id).sort()).toEqual(
      [byContact.id, byTicket.id, byQuery.id].sort(),
    );

    const released = await ok(officer.post(`/v1/legal-holds/${byTicket.id}/release`));
    expect(released).toMatchObject({ active: false, releasedBy: expect.any(String) });
    expect(released.releasedAt).toBeTruthy();
    expect((await ok(officer.post(`/v1/legal-holds/${byTicket.id}/release`))).releasedAt).toBe(released.releasedAt);
    expect((await ok(d.admin.get('/v1/legal-holds'))).items.map((h: { id: string }) => h.id)).not.toContain(
      byTicket.id,
    );
    expect((await ok(d.admin.get('/v1/legal-holds?state=released'))).items.map((h: { id: string }) => h.id)).toEqual([
      byTicket.id,
    ]);
    const page = await ok(d.admin.get('/v1/legal-holds?state=all&limit=2'));
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBeTruthy();

    // audited: create, read (the reason named as disclosed only where it was), release
    const events = (await auditEvents(t.database.db, d.tenantId)).flatMap(touches);
    const about = (id: string) => events.filter((e) => e.id === id);
    expect(about(byContact.id).map((e) => e.action)).toEqual(
      expect.arrayContaining(['legal_hold.create', 'legal_hold.read']),
    );
    expect(about(byContact.id).find((e) => e.action === 'legal_hold.create')!.contactId).toBe(contactId);
    expect(about(byTicket.id).map((e) => e.action)).toContain('legal_hold.release');
    const reads = about(byContact.id).filter((e) => e.action === 'legal_hold.read');
    expect(reads.some((e) => e.phiFields.includes('legal_hold.reason'))).toBe(true);
    expect(reads.some((e) => e.phiFields.length === 0)).toBe(true); // the auditor's

    // sealed: the canary is nowhere in the stored row, the audit trail or the logs
    const { rows } = await sql<{
      row: string;
    }>`select l::text as row from legal_holds l where id = ${byContact.id}`.execute(t.database.db);
    expectNoCanary(rows[0]!.row, [reason], 'the stored hold');
    expectNoCanary(JSON.stringify(await auditEvents(t.database.db, d.tenantId)), [reason], 'the audit trail');
    expectNoCanary(t.logs.text, [reason], 'the logs');
  });

  it('refuses other roles, other tenants and malformed holds', async () => {
    const ticketId = (await ok(d.supervisor.post('/v1/tickets', { subject: 'Another' }), 201)).id;
    const hold = await ok(d.admin.post('/v1/legal-holds', { kind: 'ticket', ticketId, reason: 'Why' }), 201);
    await ok(d.supervisor.get('/v1/legal-holds'), 403);
    await ok(d.supervisor.post('/v1/legal-holds', { kind: 'ticket', ticketId, reason: 'Why' }), 403);
    await ok(agent.post('/v1/legal-holds', { kind: 'ticket', ticketId, reason: 'Why' }), 403);
    await ok(auditor.post('/v1/legal-holds', { kind: 'ticket', ticketId, reason: 'Why' }), 403);
    await ok(auditor.post(`/v1/legal-holds/${hold.id}/release`), 403);
    // another tenant: cannot see it, release it, or hold this tenant's records
    await ok(other.admin.get(`/v1/legal-holds/${hold.id}`), 404);
    await ok(other.admin.post(`/v1/legal-holds/${hold.id}/release`), 404);
    expect((await ok(other.admin.get('/v1/legal-holds?state=all'))).items).toEqual([]);
    await ok(other.admin.post('/v1/legal-holds', { kind: 'ticket', ticketId, reason: 'Why' }), 400);
    expect((await ok(d.admin.get(`/v1/legal-holds/${hold.id}`))).active).toBe(true);
    // malformed
    await ok(d.admin.post('/v1/legal-holds', { kind: 'ticket', reason: 'Why' }), 400);
    await ok(d.admin.post('/v1/legal-holds', { kind: 'contact', ticketId, reason: 'Why' }), 400);
    await ok(d.admin.post('/v1/legal-holds', { kind: 'query', query: {}, reason: 'Why' }), 400);
    await ok(
      d.admin.post('/v1/legal-holds', {
        kind: 'query',
        query: { createdFrom: '2021-01-01T00:00:00Z', createdTo: '2020-01-01T00:00:00Z' },
        reason: 'Why',
      }),
      400,
    );
    await ok(d.admin.post('/v1/legal-holds', { kind: 'query', query: { statuses: ['lost'] }, reason: 'Why' }), 400);
    await ok(d.admin.post('/v1/legal-holds', { kind: 'ticket', ticketId, reason: '' }), 400);
    await ok(d.admin.post('/v1/legal-holds', { kind: 'everything', reason: 'Why' }), 400);
    await ok(d.admin.get('/v1/legal-holds/not-a-uuid'), 400);
    await ok(d.admin.get('/v1/legal-holds?state=gone'), 400);
  });
});

describe('retention and legal holds over GraphQL', () => {
  it('the same services: periods set and read, a hold placed, listed and released', async () => {
    const set = await gqlOk(
      d.admin,
      `mutation { setRetentionPolicy(input: { closedTicketDays: 400, attachmentDays: 800 }) {
        closedTicketDays commentDays attachmentDays contactDays auditEventsPurged } }`,
    );
    expect(set.setRetentionPolicy).toEqual({
      closedTicketDays: 400,
      commentDays: null,
      attachmentDays: 800,
      contactDays: null,
      auditEventsPurged: false,
    });
    expect((await gqlOk(auditor, '{ retentionPolicy { closedTicketDays } }')).retentionPolicy.closedTicketDays).toBe(
      400,
    );
    expect(await gqlCode(officer, 'mutation { setRetentionPolicy(input: { commentDays: 5 }) { commentDays } }')).toBe(
      'FORBIDDEN',
    );

    const reason = canary('GQLHOLD');
    const created = await gqlOk(
      officer,
      `mutation($input: CreateLegalHoldInput!) { createLegalHold(input: $input) { id kind query { createdFrom statuses } reason active } }`,
      { input: { kind: 'query', query: { createdFrom: '2024-01-01T00:00:00Z', statuses: ['closed'] }, reason } },
    );
    const id = created.createLegalHold.id;
    expect(created.createLegalHold).toMatchObject({
      kind: 'query',
      query: { createdFrom: '2024-01-01T00:00:00.000Z', statuses: ['closed'] },
      reason,
      active: true,
    });
    const listed = await gqlOk(auditor, `{ legalHolds(first: 50) { nodes { id reason } pageInfo { hasNextPage } } }`);
    expect(listed.legalHolds.nodes).toContainEqual({ id, reason: null });
    expect(await gqlCode(d.supervisor, `{ legalHolds { nodes { id } } }`)).toBe('FORBIDDEN');
    expect(
      await gqlCode(officer, `mutation { createLegalHold(input: { kind: query, reason: "No target" }) { id } }`),
    ).toBe('VALIDATION_FAILED');
    const released = await gqlOk(officer, `mutation($id: ID!) { releaseLegalHold(id: $id) { active releasedAt } }`, {
      id,
    });
    expect(released.releaseLegalHold.active).toBe(false);
    expect((await gqlOk(d.admin, `query($id: ID!) { legalHold(id: $id) { active } }`, { id })).legalHold.active).toBe(
      false,
    );
    expectNoCanary(t.logs.text, [reason], 'the logs');
  });
});
