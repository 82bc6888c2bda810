// Break-glass (164.312(a)(2)(ii)): time-boxed emergency access with a mandatory reason;
// recorded, announced, expiring by itself, listed and reviewed by the privacy officer.
// Reasons and review notes are free text that may hold PHI: sealed, shown to the privacy
// officer and the grant's holder only, never to auditors, never in the audit trail.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditInbox } from '../../src/audit/index.js';
import { cliActor } from '../../src/cli/system-actor.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { canary, createContact, staffTenant, type StaffTenant } from '../contacts/helpers.js';

let t: TestApp;
let tenant: StaffTenant;
let other: StaffTenant;
let agent: Client;
let agentId: string;
let officer: Client;
let auditor: Client;
let contactId: string;
let ticketId: string;

beforeAll(async () => {
  t = await startTestApp({ env: { BREAK_GLASS_MAX_MINUTES: '30' } });
  tenant = await staffTenant(t);
  other = await staffTenant(t);
  agent = tenant.agent;
  agentId = tenant.agentKeyId;
  officer = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['privacy_officer'])).secret });
  auditor = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['auditor'])).secret });
  contactId = (await createContact(tenant.supervisor)).id;
  ticketId = (await tenant.supervisor.post('/v1/tickets', { subject: 'Chest pain follow-up' })).json().id;
});
afterAll(async () => t?.close());

const open = (c: Client, body: Record<string, unknown>) =>
  c.post('/v1/break-glass', { resourceType: 'Contact', resourceId: contactId, durationMinutes: 5, ...body });
const grantRow = (id: string) =>
  t.database.db.selectFrom('break_glass_grants').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('break-glass', () => {
  it('requires a real reason and a bounded duration', async () => {
    const short = await open(agent, { reason: 'because' });
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('VALIDATION_FAILED');
    const long = await open(agent, { reason: 'patient collapsed at front desk', durationMinutes: 31 });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].pointer).toBe('/durationMinutes');
  });

  it("refuses a record that is not the tenant's: another tenant's contact or ticket, or no record at all", async () => {
    const foreignContact = (await createContact(other.supervisor)).id;
    const foreignTicket = (await other.supervisor.post('/v1/tickets', { subject: 'Theirs' })).json().id as string;
    const before = await t.database.db
      .selectFrom('break_glass_grants')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    for (const [resourceType, resourceId] of [
      ['Contact', foreignContact],
      ['Ticket', foreignTicket],
      ['Contact', '0f8fad5b-d9cb-469f-a165-70867728950e'],
      ['Ticket', contactId],
    ]) {
      const res = await open(agent, { resourceType, resourceId, reason: 'patient collapsed at front desk' });
      expect(res.statusCode, `${resourceType} ${resourceId}`).toBe(422);
      expect(res.json()).toMatchObject({ code: 'UNPROCESSABLE', errors: [{ pointer: '/resourceId' }] });
    }
    const gql = await agent.gql('mutation($i: OpenBreakGlassInput!) { openBreakGlass(input: $i) { id } }', {
      i: {
        resourceType: 'Contact',
        resourceId: 'not-a-uuid',
        reason: 'patient collapsed at front desk',
        durationMinutes: 5,
      },
    });
    expect(gql.errors?.[0]?.extensions?.code).toMatch(/UNPROCESSABLE|VALIDATION_FAILED|BAD_USER_INPUT/);
    const after = await t.database.db
      .selectFrom('break_glass_grants')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('opens a grant that is recorded, announced, audited, listed and reviewable, its reason sealed', async () => {
    const reason = `Patient in ED, unresponsive ${canary('REASON')}`;
    const note = `confirmed with ED log ${canary('NOTE')}`;
    const opened = await open(agent, { reason, durationMinutes: 10 });
    expect(opened.statusCode).toBe(201);
    const grant = opened.json();
    expect(grant).toMatchObject({
      actorId: agentId,
      resourceType: 'Contact',
      resourceId: contactId,
      active: true,
      review: null,
      reason,
      reasonLength: reason.length,
    });
    expect(new Date(grant.expiresAt).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);

    // stored sealed: no plaintext column, and the canary is in no byte of the row or the trail
    const row = await grantRow(grant.id);
    expect(row.reason).toBeNull();
    expect(row.reason_sealed).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain('CANARY');
    expect(Buffer.from(row.reason_sealed as unknown as Buffer).includes(Buffer.from('CANARY'))).toBe(false);
    const events = await t.database.db
      .selectFrom('domain_events')
      .select(['type', 'payload'])
      .where('tenant_id', '=', tenant.tenantId)
      .execute();
    expect(events).toContainEqual({
      type: 'break_glass.opened',
      payload: expect.objectContaining({ grantId: grant.id, resourceId: contactId }),
    });
    const audit = await auditEvents(t.database.db, tenant.tenantId);
    expect(audit.find((e) => e['action'] === 'break_glass.open')).toMatchObject({
      breakGlassReason: `break_glass_grants/${grant.id}`,
      outcome: 'allowed',
      resource: { type: 'Contact', id: contactId },
    });
    expect(JSON.stringify(audit)).not.toContain('CANARY');

    // the holder and the privacy officer read the reason; the auditor sees that it exists and its length
    expect((await agent.get(`/v1/break-glass/${grant.id}`)).json().reason).toBe(reason);
    const listed = await officer.get('/v1/break-glass?active=true');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.find((g: { id: string }) => g.id === grant.id)).toMatchObject({
      reason,
      reasonLength: reason.length,
    });
    const seenByAuditor = await auditor.get(`/v1/break-glass/${grant.id}`);
    expect(seenByAuditor.json()).toMatchObject({ reason: null, reasonLength: reason.length });

    // the holder cannot review their own access; the refusal is in the trail
    const own = await agent.post(`/v1/break-glass/${grant.id}/review`, { outcome: 'justified' });
    expect(own.statusCode).toBe(403);
    const denials = (await auditEvents(t.database.db, tenant.tenantId)).filter(
      (e) => e['action'] === 'break_glass.review' && e['outcome'] === 'denied',
    );
    expect(denials.map((e) => e['resource']['id'])).toContain(grant.id);

    const reviewed = await officer.post(`/v1/break-glass/${grant.id}/review`, { outcome: 'justified', note });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json().review).toMatchObject({ outcome: 'justified', note, noteLength: note.length });
    const reviewedRow = await grantRow(grant.id);
    expect(reviewedRow.review_note).toBeNull();
    expect(JSON.stringify(reviewedRow)).not.toContain('CANARY');
    const auditorView = (await auditor.get(`/v1/break-glass/${grant.id}`)).json();
    expect(auditorView).toMatchObject({
      reason: null,
      review: { outcome: 'justified', note: null, noteLength: note.length },
    });
    const gqlView = await auditor.gql(
      '{ breakGlassGrants(limit: 100) { items { id reason reasonLength review { note noteLength } } } }',
    );
    expect(JSON.stringify(gqlView)).not.toContain('CANARY');
    expect(JSON.stringify((await auditor.get('/v1/audit/events?limit=100')).json())).not.toContain('CANARY');
  });

  it('a reason moved to another grant does not open there', async () => {
    const first = (await open(agent, { reason: `first reason ${canary('MOVED')}` })).json();
    const second = (await open(agent, { reason: 'second reason, a different one' })).json();
    const { reason_sealed } = await grantRow(first.id);
    const original = (await grantRow(second.id)).reason_sealed;
    await t.database.db.updateTable('break_glass_grants').set({ reason_sealed }).where('id', '=', second.id).execute();
    const read = await officer.get(`/v1/break-glass/${second.id}`);
    expect(read.statusCode).toBe(500);
    expect(read.json().code).toBe('UNSEAL_FAILED');
    expect(read.body).not.toContain('CANARY');
    // put it back: a value that fails to open fails every list that holds it, closed
    await t.database.db
      .updateTable('break_glass_grants')
      .set({ reason_sealed: original })
      .where('id', '=', second.id)
      .execute();
    expect((await officer.get(`/v1/break-glass/${second.id}`)).statusCode).toBe(200);
  });

  it('a grant opened before reasons were sealed shows its reason as a sealed one would, and a review seals it', async () => {
    const legacyReason = `legacy plaintext reason ${canary('LEGACY')}`;
    const [row] = await sql<{
      id: string;
    }>`insert into break_glass_grants (tenant_id, actor_id, actor_kind, resource_type, resource_id, reason, reason_length, expires_at)
      values (${tenant.tenantId}, ${agentId}, 'api_key', 'Contact', ${contactId}, ${legacyReason}, ${legacyReason.length}, now() + interval '5 minutes')
      returning id`
      .execute(t.database.db)
      .then((r) => r.rows);
    expect((await auditor.get(`/v1/break-glass/${row!.id}`)).json()).toMatchObject({
      reason: null,
      reasonLength: legacyReason.length,
    });
    expect((await officer.get(`/v1/break-glass/${row!.id}`)).json().reason).toBe(legacyReason);
    expect((await officer.post(`/v1/break-glass/${row!.id}/review`, { outcome: 'unjustified' })).statusCode).toBe(200);
    const sealed = await grantRow(row!.id);
    expect(sealed.reason).toBeNull();
    expect(JSON.stringify(sealed)).not.toContain('CANARY');
    expect((await officer.get(`/v1/break-glass/${row!.id}`)).json().reason).toBe(legacyReason);
  });

  it('an audit event written before reasons were sealed shows its text only to those who may read reasons', async () => {
    const legacyReason = `legacy audited reason ${canary('LEGACYEVENT')}`;
    const inbox = createAuditInbox(t.database.db, { addressHashKey: randomBytes(32) });
    await inbox.writeDetached(tenant.tenantId, cliActor(tenant.tenantId), [
      {
        action: 'break_glass.open',
        resourceType: 'Contact',
        resourceId: contactId,
        outcome: 'allowed',
        breakGlassReason: legacyReason,
      },
    ]);
    const search = (c: Client) => c.get(`/v1/audit/events?resourceType=Contact&resourceId=${contactId}&limit=100`);
    const seenByAuditor = await search(auditor);
    expect(seenByAuditor.statusCode).toBe(200);
    expect(seenByAuditor.body).not.toContain('CANARY');
    expect(seenByAuditor.json().items.map((e: { breakGlassReason: string | null }) => e.breakGlassReason)).toContain(
      '[sealed: legacy reason text withheld]',
    );
    const seenByOfficer = await search(officer);
    expect(seenByOfficer.json().items.map((e: { breakGlassReason: string | null }) => e.breakGlassReason)).toContain(
      legacyReason,
    );
  });

  it('expires by itself', async () => {
    const grant = (
      await agent.post('/v1/break-glass', {
        resourceType: 'Ticket',
        resourceId: ticketId,
        reason: 'on-call escalation at night',
        durationMinutes: 1,
      })
    ).json();
    expect((await agent.get('/v1/me')).statusCode).toBe(200);
    // time passes: move the expiry into the past (owner connection; the API offers no such thing)
    await t.database.db
      .updateTable('break_glass_grants')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', grant.id)
      .execute();
    const mine = (await agent.get('/v1/break-glass')).json().items as Array<{ id: string; active: boolean }>;
    expect(mine.find((g) => g.id === grant.id)?.active).toBe(false);
    const active = (await officer.get('/v1/break-glass?active=true')).json().items as Array<{ id: string }>;
    expect(active.map((g) => g.id)).not.toContain(grant.id);
  });

  it('agents see only their own grants and close only their own; integrations cannot open one', async () => {
    const otherAgent = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['agent'])).secret });
    expect((await otherAgent.get('/v1/break-glass')).json().items).toEqual([]);
    const mine = (await open(agent, { reason: 'patient collapsed at front desk' })).json();
    expect((await otherAgent.post(`/v1/break-glass/${mine.id}/close`, {})).statusCode).toBe(404);
    expect((await auditor.post(`/v1/break-glass/${mine.id}/close`, {})).statusCode).toBe(403);
    const closed = await agent.post(`/v1/break-glass/${mine.id}/close`, {});
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ active: false, reason: 'patient collapsed at front desk' });
    const integration = client(t.app, {
      apiKey: (await mintKey(t.app, tenant.adminKey, ['integration'], ['tickets:read'])).secret,
    });
    expect((await open(integration, { reason: 'automated emergency pull' })).statusCode).toBe(403);
  });

  it('gives the holder read access to exactly the named record, until it expires', async () => {
    const supervisor = tenant.supervisor;
    const target = (await supervisor.post('/v1/tickets', { subject: 'Overdose follow-up' })).json().id as string;
    const another = (await supervisor.post('/v1/tickets', { subject: 'Another patient' })).json().id as string;
    expect((await agent.get(`/v1/tickets/${target}`)).statusCode).toBe(404);
    const grant = (
      await agent.post('/v1/break-glass', {
        resourceType: 'Ticket',
        resourceId: target,
        reason: 'patient unresponsive, need history',
        durationMinutes: 5,
      })
    ).json();
    const read = await agent.get(`/v1/tickets/${target}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: target, masked: false, subject: 'Overdose follow-up' });
    expect((await agent.get(`/v1/tickets/${another}`)).statusCode).toBe(404);
    await t.database.db
      .updateTable('break_glass_grants')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', grant.id)
      .execute();
    expect((await agent.get(`/v1/tickets/${target}`)).statusCode).toBe(404);
  });
});
