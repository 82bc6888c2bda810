// The public-reply guard: verdicts combine (refuse beats hold beats allow, every check's
// errors listed), a refusing check stops a public reply over REST with problem+json naming
// what is missing (not the body), the refused body (a canary) is in no log, no audit event
// and no comment row, and an internal note never passes through the guard.
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  guardPublicReply,
  publicReplyChecks,
  type PublicReplyCheck,
  type PublicReplyContext,
} from '../../src/disclosure/public-reply-guard.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { canary, desk, expectNoCanary, ok, type Desk } from '../tickets/helpers.js';

const ctx = {
  ticket: { id: 't', requesterId: null },
  recipientContactIds: [],
  body: 'x',
} as unknown as PublicReplyContext;
const allow: PublicReplyCheck = async () => ({ verdict: 'allow' });
const hold: PublicReplyCheck = async () => ({ verdict: 'hold', errors: [{ pointer: '/recipients/0', detail: 'h' }] });
const refuse: PublicReplyCheck = async () => ({
  verdict: 'refuse',
  errors: [{ pointer: '/recipients/1', detail: 'recipient identity not verified' }],
});

describe('guardPublicReply combines its checks', () => {
  it('allows when every check allows, or when there are none', async () => {
    expect(await guardPublicReply(ctx, [])).toEqual({ verdict: 'allow', errors: [], body: 'x' });
    expect(await guardPublicReply(ctx, [allow, allow])).toEqual({ verdict: 'allow', errors: [], body: 'x' });
  });
  it('refuse beats hold beats allow, and lists every missing thing', async () => {
    expect((await guardPublicReply(ctx, [allow, hold])).verdict).toBe('hold');
    const d = await guardPublicReply(ctx, [hold, refuse, allow]);
    expect(d.verdict).toBe('refuse');
    expect(d.errors.map((e) => e.pointer)).toEqual(['/recipients/0', '/recipients/1']);
  });
});

describe('the comments service applies the guard to public replies only', () => {
  let t: TestApp;
  let d: Desk;
  let ticketId: string;
  const canaries: string[] = [];
  beforeAll(async () => {
    t = await startTestApp();
    d = await desk(t);
    const requesterId = (await ok(d.supervisor.post('/v1/contacts', { name: 'Guard Requester' }), 201)).id;
    ticketId = (await ok(d.supervisor.post('/v1/tickets', { subject: 'Guard', description: 'd', requesterId }), 201))
      .id;
  });
  afterEach(() => {
    publicReplyChecks.length = 0;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a refused public reply is 422 naming what is missing, stored nowhere, logged and audited nowhere', async () => {
    const body = canary('REFUSED_REPLY');
    canaries.push(body);
    let sawBody = false;
    publicReplyChecks.push(async (c) => {
      sawBody = c.body === body;
      return refuse(c);
    });
    const r = await d.supervisor.post(`/v1/tickets/${ticketId}/comments`, { body, public: true });
    expect(r.statusCode, r.body).toBe(422);
    expect(sawBody).toBe(true);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    expect(r.json().errors).toEqual([{ pointer: '/recipients/1', detail: 'recipient identity not verified' }]);
    expectNoCanary(r.body, canaries, 'response');
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from ticket_comments where ticket_id = ${ticketId}`.execute(t.database.db);
    expect(rows[0]!.n).toBe(0);
    expectNoCanary(t.logs.text, canaries, 'logs');
    expectNoCanary(JSON.stringify(await auditEvents(t.database.db, d.tenantId)), canaries, 'audit events');
  });

  it('a held reply is not sent: it goes to the hold queue (202, see hold-queue.test.ts)', async () => {
    publicReplyChecks.push(hold);
    const r = await d.supervisor.post(`/v1/tickets/${ticketId}/comments`, { body: 'held', public: true });
    expect(r.statusCode, r.body).toBe(202);
    expect(r.json()).toMatchObject({
      status: 'held',
      body: null,
      reasons: [{ pointer: '/recipients/0', detail: 'h' }],
    });
  });

  it('an internal note never passes through the guard; an allowed reply goes through', async () => {
    publicReplyChecks.push(refuse);
    const note = await d.supervisor.post(`/v1/tickets/${ticketId}/comments`, { body: 'note', public: false });
    expect(note.statusCode, note.body).toBe(201);
    publicReplyChecks.length = 0;
    publicReplyChecks.push(allow);
    const reply = await d.supervisor.post(`/v1/tickets/${ticketId}/comments`, { body: 'reply', public: true });
    expect(reply.statusCode, reply.body).toBe(201);
  });
});
