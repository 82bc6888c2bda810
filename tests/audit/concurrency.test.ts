// Acceptance 2: several hundred concurrent audited requests across two app instances
// sharing one database (two composeApp, two connection pools, two in-process sequencers
// on a 5 ms timer, both signing checkpoints every second) for two tenants yield one
// gapless, valid chain per tenant holding every request's events exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuditKeys } from '../../src/audit/checkpoint/audit-keys.js';
import { DirectoryCheckpointSink } from '../../src/audit/checkpoint/checkpoint-sink.js';
import { checkpointPass } from '../../src/audit/checkpoint/checkpointer.service.js';
import { verifyChain } from '../../src/audit/export/verify.js';
import { connectDatabase } from '../../src/db/kysely.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, seedTenant, type Client, type SeededTenant } from '../helpers/actors.js';
import type { TestDatabase } from '../helpers/db.js';
import { drainInbox, storedChain } from './trail-fixture.js';

const REQUESTS_PER_APP = 240;
let one: TestApp;
let two: TestApp;
let tenants: SeededTenant[];

beforeAll(async () => {
  const jobsEnv = { AUDIT_SEQUENCER_INTERVAL_MS: '5', AUDIT_CHECKPOINT_INTERVAL_SECONDS: '1', DB_POOL_MAX: '10' };
  one = await startTestApp({ env: jobsEnv });
  // A second instance as a second process would be: its own pool, the same key and checkpoint store.
  const pool = connectDatabase(one.database.url, { poolMax: 10 });
  const second: TestDatabase = { ...pool, url: one.database.url, name: one.database.name, drop: () => pool.close() };
  two = await startTestApp({
    database: second,
    env: {
      ...jobsEnv,
      AUDIT_SIGNING_KEY_FILE: one.config.audit.signingKeyFile,
      AUDIT_CHECKPOINT_DIR: one.config.audit.checkpointDir,
    },
  });
  tenants = [await seedTenant(one), await seedTenant(one)];
  for (const tenant of tenants) {
    const admin = client(one.app, { apiKey: tenant.adminKey });
    for (let i = 0; i < 5; i++)
      expect((await admin.post('/v1/users', { displayName: `Seed ${i}` })).statusCode).toBe(201);
  }
});
afterAll(async () => {
  await two?.app.close();
  await two?.database.drop();
  await one?.close();
});

interface Sent {
  tenantId: string;
  requestId: string;
  /** events this request must have left in the trail */
  events: number;
}

async function fire(app: TestApp, appIndex: number, userIds: Map<string, string[]>): Promise<Sent[]> {
  return Promise.all(
    Array.from({ length: REQUESTS_PER_APP }, async (_, i) => {
      const tenant = tenants[i % 2]!;
      const c: Client = client(app.app, { apiKey: tenant.adminKey });
      const requestId = `conc-${appIndex}-${String(i).padStart(4, '0')}`;
      const headers = { 'x-request-id': requestId };
      const kind = i % 3;
      if (kind === 0) {
        const ids = userIds.get(tenant.tenantId)!;
        const res = await c.get(`/v1/users/${ids[i % ids.length]}`, headers);
        expect(res.statusCode, res.body).toBe(200);
        return { tenantId: tenant.tenantId, requestId, events: 1 };
      }
      if (kind === 1) {
        const res = await c.get('/v1/users?limit=4', headers);
        expect(res.statusCode, res.body).toBe(200);
        // one operation, one event naming every user listed
        return { tenantId: tenant.tenantId, requestId, events: res.json().items.length > 0 ? 1 : 0 };
      }
      const res = await c.post('/v1/groups', { name: `g-${requestId}` }, headers);
      expect(res.statusCode, res.body).toBe(201);
      return { tenantId: tenant.tenantId, requestId, events: 1 };
    }),
  );
}

describe('two app instances, two tenants, one database', () => {
  it("yield one gapless, valid chain per tenant with every request's events exactly once", async () => {
    const userIds = new Map<string, string[]>();
    for (const tenant of tenants) {
      const res = await client(one.app, { apiKey: tenant.adminKey }).get('/v1/users?limit=100');
      userIds.set(
        tenant.tenantId,
        res.json().items.map((u: { id: string }) => u.id),
      );
    }
    const sent = (await Promise.all([fire(one, 1, userIds), fire(two, 2, userIds)])).flat();
    expect(sent).toHaveLength(2 * REQUESTS_PER_APP);

    await drainInbox(one.database.db);
    const keys = await loadAuditKeys(one.config);
    const sink = new DirectoryCheckpointSink(one.config.audit.checkpointDir);
    await checkpointPass(one.database.db, keys.signingKey, sink);

    for (const tenant of tenants) {
      const chain = await storedChain(one.database.db, tenant.tenantId);
      expect(chain.map((e) => e.seq)).toEqual(chain.map((_, i) => i + 1));
      const report = await verifyChain(chain, {
        publicKey: keys.publicKeys,
        checkpoints: await sink.list(tenant.tenantId),
      });
      expect(report.ok, JSON.stringify(report.tenants[0]?.findings)).toBe(true);
      expect(report.tenants[0]!.checkpointedSize).toBe(chain.length);
      expect(new Set(chain.map((e) => e.id)).size).toBe(chain.length);

      const byRequest = new Map<string, number>();
      for (const e of chain) if (e.requestId) byRequest.set(e.requestId, (byRequest.get(e.requestId) ?? 0) + 1);
      for (const s of sent.filter((x) => x.tenantId === tenant.tenantId))
        expect(byRequest.get(s.requestId) ?? 0, s.requestId).toBe(s.events);
    }
    // both processes signed: the checkpoint store holds checkpoints from concurrent signers without conflict
    expect((await sink.list()).length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
