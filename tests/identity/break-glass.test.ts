// Break-glass (164.312(a)(2)(ii)): time-boxed emergency access with a mandatory reason;
// recorded, announced, expiring by itself, listed and reviewed by the privacy officer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { client, mintKey, seedTenant, type Client, type SeededTenant } from '../helpers/actors.js';

let t: TestApp;
let tenant: SeededTenant;
let agent: Client;
let agentId: string;
let officer: Client;
const contactId = '0f8fad5b-d9cb-469f-a165-70867728950e';

beforeAll(async () => {
  t = await startTestApp({ env: { BREAK_GLASS_MAX_MINUTES: '30' } });
  tenant = await seedTenant(t);
  const agentKey = await mintKey(t.app, tenant.adminKey, ['agent']);
  agentId = agentKey.id;
  agent = client(t.app, { apiKey: agentKey.secret });
  officer = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['privacy_officer'])).secret });
});
afterAll(async () => t?.close());

describe('break-glass', () => {
  it('requires a real reason and a bounded duration', async () => {
    const short = await agent.post('/v1/break-glass', { resourceType: 'Contact', resourceId: contactId, reason: 'because', durationMinutes: 5 });
    expect(short.statusCode).toBe(400);
    expect(short.json().code).toBe('VALIDATION_FAILED');
    const long = await agent.post('/v1/break-glass', { resourceType: 'Contact', resourceId: contactId, reason: 'patient collapsed at front desk', durationMinutes: 31 });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].path).toBe('/durationMinutes');
  });

  it('opens a grant that is recorded, announced, audited, listed and reviewable', async () => {
    const opened = await agent.post('/v1/break-glass', { resourceType: 'Contact', resourceId: contactId, reason: 'patient collapsed at front desk', durationMinutes: 10 });
    expect(opened.statusCode).toBe(201);
    const grant = opened.json();
    expect(grant).toMatchObject({ actorId: agentId, resourceType: 'Contact', resourceId: contactId, active: true, review: null });
    expect(new Date(grant.expiresAt).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);

    // the actor now carries the grant: read access to that one record
    const events = await t.database.db.selectFrom('domain_events').select(['type', 'payload']).where('tenant_id', '=', tenant.tenantId).execute();
    expect(events).toContainEqual({ type: 'break_glass.opened', payload: expect.objectContaining({ grantId: grant.id, resourceId: contactId }) });
    const audit = await auditEvents(t.database.db, tenant.tenantId);
    expect(audit.find((e) => e['action'] === 'break_glass.open')).toMatchObject({ breakGlassReason: 'patient collapsed at front desk', outcome: 'allowed', resource: { type: 'Contact', id: contactId } });

    const listed = await officer.get('/v1/break-glass?active=true');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((g: { id: string }) => g.id)).toContain(grant.id);

    expect((await agent.post(`/v1/break-glass/${grant.id}/review`, { outcome: 'justified' })).statusCode).toBe(403);
    const reviewed = await officer.post(`/v1/break-glass/${grant.id}/review`, { outcome: 'justified', note: 'confirmed with ED log' });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json().review).toMatchObject({ outcome: 'justified', note: 'confirmed with ED log' });
  });

  it('expires by itself', async () => {
    const grant = (await agent.post('/v1/break-glass', { resourceType: 'Ticket', resourceId: contactId, reason: 'on-call escalation at night', durationMinutes: 1 })).json();
    expect((await agent.get('/v1/me')).statusCode).toBe(200);
    // time passes: move the expiry into the past (owner connection; the API offers no such thing)
    await t.database.db.updateTable('break_glass_grants').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', grant.id).execute();
    const mine = (await agent.get('/v1/break-glass')).json().items as Array<{ id: string; active: boolean }>;
    expect(mine.find((g) => g.id === grant.id)?.active).toBe(false);
    const active = (await officer.get('/v1/break-glass?active=true')).json().items as Array<{ id: string }>;
    expect(active.map((g) => g.id)).not.toContain(grant.id);
  });

  it('agents see only their own grants; requester-less integrations cannot open one', async () => {
    const other = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['agent'])).secret });
    expect((await other.get('/v1/break-glass')).json().items).toEqual([]);
    const integration = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['integration'], ['tickets:read'])).secret });
    expect((await integration.post('/v1/break-glass', { resourceType: 'Contact', resourceId: contactId, reason: 'automated emergency pull', durationMinutes: 5 })).statusCode).toBe(403);
  });

  it('gives the holder read access to exactly the named record, until it expires', async () => {
    const supervisor = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['supervisor'])).secret });
    const target = (await supervisor.post('/v1/tickets', { subject: 'Overdose follow-up' })).json().id as string;
    const other = (await supervisor.post('/v1/tickets', { subject: 'Another patient' })).json().id as string;
    expect((await agent.get(`/v1/tickets/${target}`)).statusCode).toBe(404);
    const grant = (await agent.post('/v1/break-glass', { resourceType: 'Ticket', resourceId: target, reason: 'patient unresponsive, need history', durationMinutes: 5 })).json();
    const read = await agent.get(`/v1/tickets/${target}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: target, masked: false, subject: 'Overdose follow-up' });
    expect((await agent.get(`/v1/tickets/${other}`)).statusCode).toBe(404);
    await t.database.db.updateTable('break_glass_grants').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', grant.id).execute();
    expect((await agent.get(`/v1/tickets/${target}`)).statusCode).toBe(404);
  });
});
