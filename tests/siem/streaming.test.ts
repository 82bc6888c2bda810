// Issue 17, acceptance 4: a loopback OTLP/HTTP receiver that refuses (503), then is down,
// while the server restarts in between, still gets every chained audit event of its
// tenant once it is back: in seq order, none missing, none twice among the batches it
// acknowledged, compared event by event (seq, id, hash) with the chain in the database,
// and never an event of another tenant. The cursor only moves on an acknowledgement,
// lives in the database (a restart resumes from it), and several streamers at once
// neither skip nor repeat a batch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiemStreamer } from '../../src/siem/siem-streamer.service.js';
import { Keyring } from '../../src/crypto/keyring.js';
import { PgTenantKeyStore } from '../../src/crypto/pg-tenant-key-store.js';
import type { TestApp } from '../helpers/app.js';
import { client, type Client } from '../helpers/actors.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { canary, desk, ok, type Desk } from '../tickets/helpers.js';
import {
  acknowledged,
  chainOf,
  Receiver,
  receiverPool,
  recordsOf,
  startSiemApp,
  until,
  webhookEnv,
} from './helpers.js';

const TOKEN = canary('SIEMTOKEN');
let database: TestDatabase;
let t: TestApp;
let a: Desk;
let b: Desk;
const receivers = receiverPool();

beforeAll(async () => {
  database = await createTestDatabase();
  t = await startSiemApp({ database, env: webhookEnv });
  a = await desk(t);
  b = await desk(t);
}, 60_000);
afterAll(async () => {
  await receivers.stopAll();
  await t?.close();
  await database?.drop();
});

const receiver = (): Promise<Receiver> => receivers.start();

async function register(admin: Client, r: Receiver, headers: Record<string, string> = {}) {
  return ok(admin.post('/v1/siem-sinks', { kind: 'otlp_http', endpoint: `http://127.0.0.1:${r.port}`, headers }), 201);
}

/** Waits until the tenant's whole chain (nothing left in the inbox) has been acknowledged by `r`. */
async function caughtUp(tenantId: string, r: Receiver) {
  return until(
    async () => ({ chain: await chainOf(database.db, tenantId), got: acknowledged(r.arrivals) }),
    (v) => v.chain.pending === 0 && v.chain.events.length > 0 && v.got.at(-1)?.seq === v.chain.events.length,
    20_000,
  );
}

async function tickets(d: Desk, n: number) {
  for (let i = 0; i < n; i++) await ok(d.supervisor.post('/v1/tickets', { subject: canary('SUBJECT') }), 201);
}

describe('streaming to an OTLP/HTTP receiver', () => {
  it('every event of the tenant once it is back, in order, none missing, across a refusal, an outage and a restart', async () => {
    const ra = await receiver();
    const rb = await receiver();
    const sink = await register(a.admin, ra, { Authorization: `Bearer ${TOKEN}` });
    expect(sink.headerNames).toEqual(['authorization']);
    expect(JSON.stringify(sink)).not.toContain(TOKEN);
    await register(b.admin, rb);

    await tickets(a, 3);
    await tickets(b, 2);
    await caughtUp(a.tenantId, ra);
    expect(ra.arrivals[0]!.headers['authorization']).toBe(`Bearer ${TOKEN}`);

    // the receiver refuses: nothing is acknowledged, the cursor stays, the lag shows
    ra.answer = () => 503;
    const refusedFrom = ra.arrivals.length;
    await tickets(a, 3);
    await until(
      () => ra.arrivals.length,
      (n) => n >= refusedFrom + 2,
    );
    const during = await ok(a.admin.get(`/v1/siem-sinks/${sink.id}`));
    expect(during.delivery.lastError).toBe('http_503');
    expect(during.delivery.lagEvents).toBeGreaterThan(0);
    expect(during.delivery.lagSeconds).toBeGreaterThanOrEqual(0);
    expect(during.delivery.headSeq - during.delivery.cursorSeq).toBe(during.delivery.lagEvents);
    expect(during.delivery.cursorSeq).toBe(acknowledged(ra.arrivals).at(-1)!.seq);

    // then it is down (connections refused), and the server restarts meanwhile
    const port = ra.port;
    await ra.stop();
    await tickets(a, 2);
    await until(
      async () => (await ok(a.admin.get(`/v1/siem-sinks/${sink.id}`))).delivery.lastError,
      (e) => e === 'network',
    );
    const cursorBefore = (await ok(a.admin.get(`/v1/siem-sinks/${sink.id}`))).delivery.cursorSeq;
    await t.close();
    t = await startSiemApp({ database, env: webhookEnv, masterKey: t.masterKey });
    const admin = client(t.app, { apiKey: a.adminKey });
    for (let i = 0; i < 3; i++) await ok(admin.get(`/v1/siem-sinks/${sink.id}`)); // events while down
    const after = await ok(admin.get(`/v1/siem-sinks/${sink.id}`));
    expect(after.delivery.cursorSeq).toBe(cursorBefore); // resumed from the stored cursor, not the head
    expect(after.delivery.lagEvents).toBeGreaterThan(0);
    // the probe shows the furthest-behind sink's lag (counts only) and stays ready
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().details.siem).toMatchObject({ sinks: 2 });
    expect(ready.json().details.siem.events).toBeGreaterThanOrEqual(after.delivery.lagEvents);
    expect(ready.json().details.siem.seconds).toBeGreaterThanOrEqual(0);
    expect(ready.body).not.toContain(a.tenantId);

    // back: everything arrives
    ra.answer = () => 200;
    await ra.start(port);
    const { chain, got } = await caughtUp(a.tenantId, ra);
    expect(got.map((e) => e.seq)).toEqual(chain.events.map((e) => e.seq)); // 1..head, in order, each once
    expect(got.map(({ seq, eventId, hash }) => ({ seq, eventId, hash }))).toEqual(chain.events);
    expect(new Set(got.map((e) => e.tenantId))).toEqual(new Set([a.tenantId]));
    // what it refused or never answered was only ever the tenant's own events, sent again later
    const all = ra.arrivals.flatMap(recordsOf);
    expect(all.every((e) => e.tenantId === a.tenantId && e.seq >= 1 && e.seq <= chain.events.length)).toBe(true);
    expect(ra.arrivals.filter((x) => x.answered === 503).length).toBeGreaterThan(0);

    // the other tenant's receiver got exactly its chain, and none of this tenant's events
    const other = await caughtUp(b.tenantId, rb);
    expect(other.got.map(({ seq, eventId, hash }) => ({ seq, eventId, hash }))).toEqual(other.chain.events);
    const aIds = new Set(chain.events.map((e) => e.eventId));
    expect(other.got.some((e) => aIds.has(e.eventId) || e.tenantId !== b.tenantId)).toBe(false);

    // lag back to nothing; the token never reached a log line
    await until(
      async () => (await ok(admin.get(`/v1/siem-sinks/${sink.id}`))).delivery,
      (d) => d.lagEvents === 0 && d.lastError === null && d.lagSeconds === 0,
    );
    expect(t.logs.text).not.toContain(TOKEN);
  }, 90_000);

  it('several streamers at once share the sinks: no batch skipped, none sent twice', async () => {
    const r = await receiver();
    const keyring = new Keyring({
      masterKey: t.masterKey,
      store: new PgTenantKeyStore(database.db),
      cacheMaxAgeMs: 60_000,
    });
    const deps = {
      db: database.db,
      keyring,
      urlPolicy: { allowPrivate: true, allowHttpLoopback: true },
      timeoutMs: 2000,
      retryBaseMs: 50,
      retryMaxMs: 400,
      pollMs: 20,
      batchSize: 3, // many small batches: many chances to race
      batchesPerClaim: 2,
    };
    const extra = [startSiemStreamer(deps, t.app.log), startSiemStreamer(deps, t.app.log)];
    try {
      await register(client(t.app, { apiKey: a.adminKey }), r);
      const { chain, got } = await caughtUp(a.tenantId, r);
      expect(got.map((e) => e.seq)).toEqual(chain.events.map((e) => e.seq));
      expect(r.arrivals.every((x) => x.answered === 200)).toBe(true);
    } finally {
      await Promise.all(extra.map((s) => s.stop()));
    }
  }, 60_000);
});
