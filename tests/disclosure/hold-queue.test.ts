// The supervisor hold queue: with the tenant's recipient check on "hold", a public reply to
// an unentitled recipient is 202 and stored sealed in the queue: no comment, no timeline
// entry, no webhook outbox row, invisible to the requester. A supervisor reads it and
// releases it (it becomes the public comment, same id) or rejects it with a sealed reason.
// Agents may not see the queue; another tenant's supervisor gets 404. Canaries (the held
// body, the rejection reason) are in no log, audit event or plaintext database column.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { auditEvents } from '../helpers/audit.js';
import { client, mintKey, type Client } from '../helpers/actors.js';
import { databaseDump } from '../helpers/database-dump.js';
import { canary, desk, expectNoCanary, gqlOk, ok, type Desk } from '../tickets/helpers.js';

let t: TestApp;
let d: Desk;
let other: Desk;
let agent: Client;
let ticketId: string;
const heldBody = canary('HELDBODY');
const rejectedBody = canary('REJECTEDBODY');
const rejectReason = canary('REJECTREASON');
let heldId: string;

const count = async (table: string, column: string, id: string) =>
  (
    await sql<{
      n: number;
    }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} = ${id}`.execute(t.database.db)
  ).rows[0]!.n;

beforeAll(async () => {
  t = await startTestApp();
  d = await desk(t);
  other = await desk(t);
  agent = client(t.app, { apiKey: (await mintKey(t.app, d.adminKey, ['agent'])).secret });
  const patient = (await ok(d.supervisor.post('/v1/contacts', { name: 'Held Patient' }), 201)).id;
  ticketId = (await ok(d.supervisor.post('/v1/tickets', { subject: 'Held', requesterId: patient }), 201)).id;
  await ok(d.admin.put('/v1/disclosure-settings', { recipientCheck: 'hold', verificationValidDays: 90 }));
});
afterAll(async () => t?.close());

describe('a held public reply', () => {
  it('is 202, not a comment, not on the timeline, not announced', async () => {
    const r = await d.supervisor.post(`/v1/tickets/${ticketId}/comments`, { body: heldBody, public: true });
    expect(r.statusCode, r.body).toBe(202);
    const held = r.json();
    heldId = held.id;
    expect(r.headers.location).toBe(`/v1/held-replies/${held.id}`);
    expect(held).toMatchObject({ ticketId, status: 'held', body: null });
    expect(held.reasons).toEqual([{ pointer: '/requester', detail: "the patient's identity is not verified" }]);
    expectNoCanary(r.body, [heldBody], 'response');
    expect(await count('ticket_comments', 'ticket_id', ticketId)).toBe(0);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ticket_events
      where ticket_id = ${ticketId} and type = 'reply_added'`.execute(t.database.db);
    expect(rows[0]!.n).toBe(0);
    const listed = await ok(d.supervisor.get(`/v1/tickets/${ticketId}/comments`));
    expect(listed.items).toEqual([]);
  });

  it('is in the queue for supervisors only, its body only when one is read', async () => {
    expect((await agent.get('/v1/held-replies')).statusCode).toBe(403);
    expect((await agent.get(`/v1/held-replies/${heldId}`)).statusCode).toBe(403);
    expect((await agent.post(`/v1/held-replies/${heldId}/release`)).statusCode).toBe(403);
    expect((await other.supervisor.get(`/v1/held-replies/${heldId}`)).statusCode).toBe(404);
    expect((await other.supervisor.post(`/v1/held-replies/${heldId}/release`)).statusCode).toBe(404);
    const list = await ok(d.supervisor.get('/v1/held-replies?status=held'));
    expect(list.items.map((i: { id: string; body: null }) => [i.id, i.body])).toEqual([[heldId, null]]);
    expect((await ok(d.supervisor.get(`/v1/held-replies/${heldId}`))).body).toBe(heldBody);
  });

  it('released, becomes the public comment of the same id, once', async () => {
    const released = await ok(d.supervisor.post(`/v1/held-replies/${heldId}/release`));
    expect(released.heldReply.status).toBe('released');
    expect(released.comment).toMatchObject({ id: heldId, ticketId, public: true, body: heldBody });
    const comments = await ok(d.supervisor.get(`/v1/tickets/${ticketId}/comments`));
    expect(comments.items.map((c: { id: string }) => c.id)).toEqual([heldId]);
    const again = await d.supervisor.post(`/v1/held-replies/${heldId}/release`);
    expect(again.statusCode, again.body).toBe(409);
  });

  it('rejected, is never sent, and its reason is sealed', async () => {
    const r = await d.supervisor.post(`/v1/tickets/${ticketId}/comments`, { body: rejectedBody, public: true });
    expect(r.statusCode, r.body).toBe(202);
    const id = r.json().id;
    const blank = await d.supervisor.post(`/v1/held-replies/${id}/reject`, { reason: '   ' });
    expect(blank.statusCode, blank.body).toBe(400);
    const rejected = await ok(d.supervisor.post(`/v1/held-replies/${id}/reject`, { reason: rejectReason }));
    expect(rejected).toMatchObject({ status: 'rejected', rejectionReason: null, body: null });
    expect((await ok(d.supervisor.get(`/v1/held-replies/${id}`))).rejectionReason).toBe(rejectReason);
    expect((await d.supervisor.post(`/v1/held-replies/${id}/release`)).statusCode).toBe(409);
    expect(await count('ticket_comments', 'id', id)).toBe(0);
  });

  it('over GraphQL: addComment says the reply is held; the queue and settings are there too', async () => {
    const res = await d.supervisor.gql(
      'mutation($t: ID!) { addComment(ticketId: $t, input: { body: "gql held", public: true }) { id } }',
      { t: ticketId },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('UNPROCESSABLE');
    const data = await gqlOk(
      d.supervisor,
      '{ heldReplies(status: "held") { nodes { id status reasons { pointer detail } } } disclosureSettings { recipientCheck verificationValidDays } }',
    );
    expect(data.heldReplies.nodes).toHaveLength(1);
    expect(data.disclosureSettings).toEqual({ recipientCheck: 'hold', verificationValidDays: 90 });
    const id = data.heldReplies.nodes[0].id;
    const rejected = await gqlOk(
      d.supervisor,
      'mutation($id: ID!) { rejectHeldReply(id: $id, reason: "no") { status } }',
      {
        id,
      },
    );
    expect(rejected.rejectHeldReply.status).toBe('rejected');
  });

  it('left the held text and the reason nowhere in the clear', async () => {
    const secrets = [heldBody, rejectedBody, rejectReason];
    expectNoCanary(t.logs.text, secrets, 'logs');
    const events = await auditEvents(t.database.db, d.tenantId);
    expectNoCanary(JSON.stringify(events), secrets, 'audit events');
    for (const action of ['held_reply.create', 'held_reply.read', 'held_reply.release', 'held_reply.reject'])
      expect(
        events.some((e) => e['action'] === action),
        action,
      ).toBe(true);
    const dump = await databaseDump(t.database);
    // the released body is a comment now (sealed there too); none of them is plaintext anywhere
    expectNoCanary(dump.text, secrets, `database (${dump.how})`);
  });
});
