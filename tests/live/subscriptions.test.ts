// GraphQL subscriptions in one process (no REDIS_URL): over a real websocket with the
// graphql-ws client. A committed change reaches the subscribers who may see it, with the
// ticket as they may see it now and its read audited; it reaches no one else (another
// tenant, an agent outside the ticket's group, a requester for an internal note), which is
// proven by order: the refused change is published before one the same subscriber does
// receive. The credential is checked at connection_init and again while the socket stays
// open: a revoked key and an expired token end it with 4401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey } from '../helpers/actors.js';
import { startFakeIdp, type FakeIdp } from '../helpers/idp.js';
import { auditEvents, touches } from '../helpers/audit.js';
import { canary, desk, expectNoCanary, ok, type Desk } from '../tickets/helpers.js';
import { changeUntilReceived, listen, subscribe, type Subscriber } from './helpers.js';

const AUD = 'phidesk-api';
let t: TestApp;
let idp: FakeIdp;
let d: Desk;
let url: string;
const canaries: string[] = [];
const c = (label: string) => {
  const v = canary(label);
  canaries.push(v);
  return v;
};
const open: Subscriber[] = [];
const sub = (params: Record<string, string>, query?: string, variables?: Record<string, unknown>) => {
  const s = subscribe(url, params, query, variables);
  open.push(s);
  return s;
};

let patient: string;
let groupId: string;
let inGroup: string; // the patient's ticket, in the agent's group
let loose: string; // another patient's ticket, in no group
let agentToken: string;
let requesterToken: string;

function token(sub: string, claims: Record<string, unknown> = {}, lifetimeSeconds = 3600): string {
  const now = Math.floor(Date.now() / 1000);
  return idp.sign({
    aud: AUD,
    sub,
    name: `User ${sub}`,
    iat: now,
    exp: now + lifetimeSeconds,
    amr: ['pwd', 'otp'],
    ...claims,
  });
}

const touch = (ticketId: string) => (n: number) =>
  ok(d.supervisor.patch(`/v1/tickets/${ticketId}`, { tags: [`touch-${n}`] }));
let touches_ = 0;
const touchTicket = (ticketId: string) => () => touch(ticketId)(++touches_);

beforeAll(async () => {
  t = await startTestApp({
    env: { ALLOW_HTTP_JWKS: 'true', JWT_CLOCK_SKEW_SECONDS: '0', SUBSCRIPTION_RECHECK_MS: '200' },
    authCache: true,
  });
  idp = await startFakeIdp();
  d = await desk(t, { issuer: { issuer: idp.issuer, jwksUri: idp.jwksUri, audience: AUD } });
  url = await listen(t);
  patient = (await ok(d.supervisor.post('/v1/contacts', { name: c('PATIENT') }), 201)).id;
  const other = (await ok(d.supervisor.post('/v1/contacts', { name: c('OTHER') }), 201)).id;
  groupId = (await ok(d.admin.post('/v1/groups', { name: 'Pharmacy' }), 201)).id;
  agentToken = token('agent-1', { roles: ['agent'] });
  const agent = await ok(client(t.app, { bearer: agentToken }).get('/v1/me'));
  await ok(d.admin.put(`/v1/groups/${groupId}/members/${agent.id}`));
  requesterToken = token('portal-1');
  const requester = await ok(client(t.app, { bearer: requesterToken }).get('/v1/me'));
  await ok(d.admin.patch(`/v1/users/${requester.id}`, { roles: ['requester'], contactId: patient }));
  inGroup = (await ok(d.supervisor.post('/v1/tickets', { subject: c('INGROUP'), requesterId: patient, groupId }), 201))
    .id;
  loose = (await ok(d.supervisor.post('/v1/tickets', { subject: c('LOOSE'), requesterId: other }), 201)).id;
});

afterAll(async () => {
  await Promise.all(open.map((s) => s.dispose()));
  if (t) expectNoCanary(t.logs.text, canaries, 'logs');
  await idp?.close();
  await t?.close();
});

describe('GraphQL subscriptions', () => {
  it('deliver a committed change with the ticket as the subscriber may see it, its read audited', async () => {
    const s = sub({ 'x-api-key': d.supervisor ? (await supervisorKey()).secret : '' });
    const got = await changeUntilReceived(s, touchTicket(inGroup), (e) => e.ticketId === inGroup);
    expect(got).toMatchObject({ type: 'ticket.updated', ticketId: inGroup, commentId: null });
    expect(got.ticket).toMatchObject({ id: inGroup, masked: false });
    expect(got.ticket.subject).toMatch(/^CANARYINGROUP/);
    expect(s.errors).toEqual([]);
    // the delivery's read is in the trail, under the subscriber's key
    const reads = (await auditEvents(t.database.db, d.tenantId)).filter(
      (e) => e['actor']?.id === lastKeyId && touches(e).some((x) => x.action === 'ticket.read' && x.id === inGroup),
    );
    expect(reads.length).toBeGreaterThanOrEqual(1);
  });

  it('reach no one who may not see the change: another tenant, an agent outside the group', async () => {
    const agent = sub({ authorization: `Bearer ${agentToken}` });
    const other = await desk(t);
    const otherTicket = (await ok(other.supervisor.post('/v1/tickets', { subject: 'x' }), 201)).id;
    const stranger = sub({ 'x-api-key': other.adminKey });
    await changeUntilReceived(agent, touchTicket(inGroup), (e) => e.ticketId === inGroup);
    await changeUntilReceived(
      stranger,
      () => ok(other.supervisor.patch(`/v1/tickets/${otherTicket}`, { tags: ['x'] })),
      (e) => e.ticketId === otherTicket,
    );
    // published in this order: the loose ticket's change first, then one the agent may see
    await touchTicket(loose)();
    const marker = ++touches_;
    await touch(inGroup)(marker);
    await agent.waitFor((e) => e.ticketId === inGroup && e.occurredAt && agent.events.length > 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(agent.events.map((e) => e.ticketId)).not.toContain(loose);
    expect(stranger.events.map((e) => e.ticketId)).not.toContain(loose);
    expect(stranger.events.map((e) => e.ticketId)).not.toContain(inGroup);
    expect(agent.errors).toEqual([]);
  });

  it('leave out internal notes for a requester, and deliver the public reply that followed', async () => {
    const requester = sub({ authorization: `Bearer ${requesterToken}` });
    await changeUntilReceived(requester, touchTicket(inGroup), (e) => e.ticketId === inGroup);
    const note = (
      await ok(d.supervisor.post(`/v1/tickets/${inGroup}/comments`, { body: c('NOTE'), public: false }), 201)
    ).id;
    const reply = (
      await ok(d.supervisor.post(`/v1/tickets/${inGroup}/comments`, { body: c('REPLY'), public: true }), 201)
    ).id;
    const got = await requester.waitFor((e) => e.commentId === reply);
    expect(got).toMatchObject({ type: 'comment.added', ticketId: inGroup });
    expect(requester.events.map((e) => e.commentId)).not.toContain(note);
  });

  it('follow one ticket when asked to', async () => {
    const one = sub({ 'x-api-key': (await supervisorKey()).secret }, undefined, { ticketId: loose });
    await changeUntilReceived(one, touchTicket(loose), (e) => e.ticketId === loose);
    await touchTicket(inGroup)();
    await touchTicket(loose)();
    await one.waitFor((e) => e.ticketId === loose && one.events.length >= 2);
    expect(one.events.every((e) => e.ticketId === loose)).toBe(true);
  });

  it('end when the key is revoked (4401), with nothing delivered after', async () => {
    const key = await supervisorKey();
    const s = sub({ 'x-api-key': key.secret });
    await changeUntilReceived(s, touchTicket(inGroup), (e) => e.ticketId === inGroup);
    await ok(d.admin.delete(`/v1/api-keys/${key.id}`));
    expect(await s.waitClosed(5000)).toBe(4401);
    const before = s.events.length;
    await touchTicket(inGroup)();
    await new Promise((r) => setTimeout(r, 300));
    expect(s.events.length).toBe(before);
  });

  it('end when the token expires (4401)', async () => {
    const short = token('agent-1', { roles: ['agent'] }, 3);
    const s = sub({ authorization: `Bearer ${short}` });
    await changeUntilReceived(s, touchTicket(inGroup), (e) => e.ticketId === inGroup);
    expect(await s.waitClosed(8000)).toBe(4401);
  });

  it('refuse a connection without a valid credential at connection_init, auditing the refusal', async () => {
    const forged = `phk_${'x'.repeat(40)}`;
    for (const params of [{}, { 'x-api-key': forged }, { authorization: 'Bearer not-a-token' }] as Array<
      Record<string, string>
    >) {
      const s = sub(params);
      expect(await s.waitClosed(5000)).toBe(4403);
      expect(s.events).toEqual([]);
    }
    await touchTicket(inGroup)();
    const failed = (await auditEvents(t.database.db)).filter((e) => e['action'] === 'auth.failed');
    expect(failed.length).toBeGreaterThanOrEqual(1);
  });

  it('refuse a credential that may not read tickets with FORBIDDEN, and record the denial', async () => {
    const integration = await mintKey(t.app, d.adminKey, ['integration'], []);
    const s = sub({ 'x-api-key': integration.secret });
    await waitForError(s);
    expect(JSON.stringify(s.errors)).toContain('FORBIDDEN');
    const denied = (await auditEvents(t.database.db, d.tenantId)).filter(
      (e) => e['actor']?.id === integration.id && e['outcome'] === 'denied',
    );
    expect(denied.length).toBe(1);
  });

  it('hold subscription documents to the query rules (unknown fields, aliases) and check arguments at once', async () => {
    const key = (await supervisorKey()).secret;
    const unknown = sub({ 'x-api-key': key }, 'subscription { ticketEvents { nope } }');
    await waitForError(unknown);
    expect(JSON.stringify(unknown.errors)).toContain('GRAPHQL_VALIDATION_FAILED');
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: type`).join(' ');
    const tooMany = sub({ 'x-api-key': key }, `subscription { ticketEvents { ${aliases} } }`);
    await waitForError(tooMany);
    expect(JSON.stringify(tooMany.errors)).toMatch(/alias/i);
    expect(JSON.stringify(tooMany.errors)).toContain('GRAPHQL_VALIDATION_FAILED');
    const badId = sub({ 'x-api-key': key }, undefined, { ticketId: 'not-a-uuid' });
    await waitForError(badId);
    expect(JSON.stringify(badId.errors)).toContain('NOT_FOUND');
  });
});

let lastKeyId = '';
async function supervisorKey(): Promise<{ id: string; secret: string }> {
  const key = await mintKey(t.app, d.adminKey, ['supervisor']);
  lastKeyId = key.id;
  return key;
}

async function waitForError(s: Subscriber, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (s.errors.length === 0) {
    if (Date.now() - started > timeoutMs) throw new Error('no error arrived');
    await new Promise((r) => setTimeout(r, 20));
  }
}
