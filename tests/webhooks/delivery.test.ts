// Acceptance 2: a receiver on 127.0.0.1 that fails its first attempts and then is down a
// while still gets every event, signed per Standard Webhooks (verified with the
// standardwebhooks package), with one webhook-id per event and endpoint so a receiver
// that deduplicates keeps each exactly once; attempts are listed and replayable; no PHI
// reaches an endpoint without an agreement in force.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app.js';
import { canary, desk, ok, type Desk } from '../tickets/helpers.js';
import { Receiver, receiverPool, startWebhookApp, until } from './helpers.js';

let t: TestApp;
let d: Desk;
const receivers = receiverPool();

beforeAll(async () => {
  t = await startWebhookApp();
  d = await desk(t);
}, 60_000);
afterAll(async () => {
  await receivers.stopAll();
  await t?.close();
});

const receiver = (): Promise<Receiver> => receivers.start();

const allEvents = ['ticket.created', 'ticket.updated', 'ticket.solved', 'comment.added', 'break_glass.opened'];

describe('delivery', () => {
  it('fails, is down a while, comes back: every event arrives once per id, signed', async () => {
    const r = await receiver();
    r.answer = (n) => (n <= 3 ? 500 : 200); // its first attempts fail
    const { endpoint, secret } = await ok(
      d.admin.post('/v1/webhook-endpoints', { url: r.url, eventTypes: allEvents }),
      201,
    );
    expect(secret).toMatch(/^whsec_/);
    const subject = canary('SUBJECT');
    const tickets: string[] = [];
    for (let i = 0; i < 3; i++) tickets.push((await ok(d.supervisor.post('/v1/tickets', { subject }), 201)).id);
    await until(
      () => r.arrivals.length,
      (n) => n >= 4,
    );
    const port = r.port;
    await r.stop(); // down a while: connections refused, deliveries back off
    await ok(d.supervisor.post(`/v1/tickets/${tickets[0]}/comments`, { body: canary('BODY'), public: true }), 201);
    await ok(d.supervisor.patch(`/v1/tickets/${tickets[1]}`, { status: 'solved' }));
    await new Promise((res) => setTimeout(res, 1500));
    // back, but it loses some acknowledgements: those deliveries come again under the same id
    r.answer = (n) => (n % 4 === 0 ? 500 : 200);
    await r.start(port);
    // 3 created + 1 comment + updated and solved for the solved ticket
    const accepted = await until(
      () => r.accepted(),
      (m) => m.size >= 6,
      20_000,
    );
    await new Promise((res) => setTimeout(res, 500)); // nothing further trickles in
    expect(r.accepted().size).toBe(6);
    const bodies = [...accepted.values()].map((a) => Receiver.verify(secret, a));
    expect(bodies.map((b) => b.type).sort()).toEqual(
      ['comment.added', 'ticket.created', 'ticket.created', 'ticket.created', 'ticket.solved', 'ticket.updated'].sort(),
    );
    expect(new Set(bodies.filter((b) => b.type === 'ticket.created').map((b) => b.data['ticketId']))).toEqual(
      new Set(tickets),
    );
    // a redelivery is the same message: same id, same body
    for (const a of r.arrivals) if (accepted.has(a.id)) expect(a.body).toBe(accepted.get(a.id)!.body);
    // without an agreement: ids only, never the PHI
    for (const a of r.arrivals) expect(a.body).not.toContain('CANARY');
    expect(r.arrivals.every((a) => a.headers['webhook-signature']?.toString().startsWith('v1,'))).toBe(true);

    const attempts = await ok(d.admin.get(`/v1/webhook-endpoints/${endpoint.id}/attempts?limit=100`));
    expect(attempts.items.some((a: { statusCode: number | null }) => a.statusCode === 500)).toBe(true);
    expect(attempts.items.some((a: { error: string | null }) => a.error === 'network')).toBe(true);
    expect(attempts.items.every((a: { carriedPhi: boolean }) => !a.carriedPhi)).toBe(true);

    // replay: the same webhook-id again
    const one = attempts.items.find((a: { statusCode: number | null }) => a.statusCode === 200);
    const before = r.arrivals.length;
    await ok(d.admin.post(`/v1/webhook-endpoints/${endpoint.id}/deliveries/${one.deliveryId}/replay`), 202);
    await until(
      () => r.arrivals.length,
      (n) => n > before,
    );
    expect(r.arrivals.at(-1)!.id).toBe(one.deliveryId);
  }, 60_000);

  it('a tenant without a subscribed endpoint writes no outbox rows', async () => {
    const quiet = await desk(t);
    await ok(quiet.supervisor.post('/v1/tickets', { subject: 'No hooks here' }), 201);
    const rows = await t.database.db
      .selectFrom('webhook_events')
      .select('id')
      .where('tenant_id', '=', quiet.tenantId)
      .execute();
    expect(rows).toEqual([]);
  });
});
