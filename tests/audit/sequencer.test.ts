// The sequencer and checkpointer against real PostgreSQL: capture order becomes a
// gapless chain with the exact hashed bytes stored; the Merkle frontier kept in the
// chain head matches the tree over the whole chain; a held tenant lock makes a second
// sequencer step aside; malformed input stops nothing but its own batch; checkpoints are
// signed only for chains that grew, and never for a head the chain disagrees with.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/actor.js';
import type { AuditAction } from '../../src/audit/actions.js';
import { AuditJobs } from '../../src/audit/audit-jobs.js';
import { tryLockChain } from '../../src/audit/audit.repository.js';
import { DirectoryCheckpointSink } from '../../src/audit/checkpoint/checkpoint-sink.js';
import { checkpointPass } from '../../src/audit/checkpoint/checkpointer.service.js';
import { canonicalEventJson } from '../../src/audit/chain/event-hash.js';
import { createAuditInbox } from '../../src/audit/capture/inbox.service.js';
import { merkleRoot } from '../../src/audit/checkpoint/merkle.js';
import { sequencePass, sequenceTenantBatch } from '../../src/audit/chain/sequencer.service.js';
import { verifyCheckpointSignature } from '../../src/audit/checkpoint/checkpoint.js';
import { connectDatabase } from '../../src/db/kysely.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { testKey } from './chain-fixture.js';
import { inboxCount, storedChain, verifyStored } from './trail-fixture.js';

let database: TestDatabase;
const tenantA = randomUUID();
const tenantB = randomUUID();
const port = () => createAuditInbox(database.db, { addressHashKey: Buffer.alloc(32, 7) });
const actor = (tenantId: string): Actor => ({
  tenantId,
  id: randomUUID(),
  kind: 'user',
  authMethod: 'jwt',
  roles: [],
  groupIds: [],
  scopes: [],
  mfa: true,
  requireMfaForPhi: false,
  breakGlass: [],
  requestId: 'req-sequencer-test',
});

/** Captures events into the inbox the way a write transaction does (detached events skip the inbox). */
async function capture(tenantId: string, count: number, label: AuditAction = 'user.update'): Promise<void> {
  const events = Array.from({ length: count }, (_, i) => ({
    action: label,
    resourceType: 'User',
    resourceId: `r${i}`,
    outcome: 'allowed' as const,
  }));
  // one at a time, so capture order is well defined
  for (const event of events)
    await database.db.transaction().execute((tx) => port().writeInTx(tx, actor(tenantId), [event]));
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

describe('sequencer', () => {
  it('chains captured events in capture order, gapless, storing exactly the hashed bytes, and empties the inbox', async () => {
    await capture(tenantA, 7);
    await capture(tenantB, 3);
    const pass = await sequencePass(database.db);
    expect(pass).toEqual({ chained: 10, busyTenants: 0, failed: [] });
    expect(await inboxCount(database.db)).toBe(0);
    const chain = await storedChain(database.db, tenantA);
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(chain.map((e) => e.resource.id)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    const rows = await database.db
      .selectFrom('audit_events')
      .select(['body', 'seq'])
      .where('tenant_id', '=', tenantA)
      .orderBy('seq')
      .execute();
    rows.forEach((row, i) => expect(row.body).toBe(canonicalEventJson(chain[i]!)));
    expect((await verifyStored(database.db, tenantA, testKey.publicKey)).ok).toBe(true);
    expect((await storedChain(database.db, tenantB)).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('resumes across batches from the head and Merkle frontier it keeps', async () => {
    await capture(tenantA, 10);
    let total = 0;
    for (
      let batch = await sequenceTenantBatch(database.db, tenantA, 3);
      batch.chained > 0;
      batch = await sequenceTenantBatch(database.db, tenantA, 3)
    )
      total += batch.chained;
    expect(total).toBe(10);
    const chain = await storedChain(database.db, tenantA);
    expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    const head = await database.db
      .selectFrom('audit_chain_heads')
      .selectAll()
      .where('tenant_id', '=', tenantA)
      .executeTakeFirstOrThrow();
    expect(Number(head.seq)).toBe(17);
    expect(head.hash).toBe(chain[16]!.hash);
    const sink = new DirectoryCheckpointSink(await mkdtemp(path.join(tmpdir(), 'phidesk-seq-')));
    const { signed } = await checkpointPass(database.db, testKey, sink);
    expect(signed.find((c) => c.tenantId === tenantA)?.merkleRoot).toBe(merkleRoot(chain.map((e) => e.hash)));
  });

  it('steps aside while another sequencer holds the tenant, and only for that tenant', async () => {
    await capture(tenantA, 2);
    await capture(tenantB, 2);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const holding = new Promise<void>((r) => (locked = r));
    const holder = database.db.transaction().execute(async (tx) => {
      expect(await tryLockChain(tx, tenantA)).toBe(true);
      locked();
      await released;
    });
    await holding;
    expect(await sequenceTenantBatch(database.db, tenantA)).toEqual({ chained: 0, busy: true });
    expect(await sequencePass(database.db)).toEqual({ chained: 2, busyTenants: 1, failed: [] });
    release();
    await holder;
    expect(await sequencePass(database.db)).toEqual({ chained: 2, busyTenants: 0, failed: [] });
    expect((await verifyStored(database.db, tenantA, testKey.publicKey)).ok).toBe(true);
  });

  it('refuses a malformed inbox row without touching the chain; capture refuses what cannot be chained', async () => {
    const before = (await storedChain(database.db, tenantB)).length;
    await database.db
      .insertInto('audit_inbox')
      .values({ id: randomUUID(), tenant_id: tenantB, occurred_at: new Date(), body: '{"not":"an event"}' })
      .execute();
    await expect(sequenceTenantBatch(database.db, tenantB)).rejects.toThrow(/malformed audit event/);
    expect((await storedChain(database.db, tenantB)).length).toBe(before);
    expect(await inboxCount(database.db, tenantB)).toBe(1);
    // one tenant's broken chain holds up no other tenant
    await capture(tenantA, 1);
    const pass = await sequencePass(database.db);
    expect(pass.chained).toBe(1);
    expect(pass.failed.map((f) => f.tenantId)).toEqual([tenantB]);
    await database.db.deleteFrom('audit_inbox').where('tenant_id', '=', tenantB).execute();

    await expect(
      port().writeDetached(tenantB, actor(tenantB), [
        { action: 'contact.read', resourceType: 'Contact', subjectContactId: 'Jane Doe', outcome: 'allowed' },
      ]),
    ).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    expect(await inboxCount(database.db, tenantB)).toBe(0);
    expect((await storedChain(database.db, tenantB)).length).toBe(before);
  });
});

describe('checkpoints', () => {
  it('signs each chain that grew, once, and refuses a head the chain disagrees with', async () => {
    const sink = new DirectoryCheckpointSink(await mkdtemp(path.join(tmpdir(), 'phidesk-cp-')));
    const first = await checkpointPass(database.db, testKey, sink, new Date('2026-11-27T10:00:00Z'));
    expect(first.signed.map((c) => c.tenantId).sort()).toEqual([tenantA, tenantB].sort());
    for (const c of first.signed) expect(verifyCheckpointSignature(c, testKey.publicKey)).toBe(true);
    expect((await checkpointPass(database.db, testKey, sink)).signed).toEqual([]);

    await capture(tenantA, 1);
    await sequencePass(database.db);
    // the head row is bookkeeping in the database: if it disagrees with the chain, nothing is signed
    const { hash } = await database.db
      .selectFrom('audit_chain_heads')
      .select('hash')
      .where('tenant_id', '=', tenantA)
      .executeTakeFirstOrThrow();
    await sql`update audit_chain_heads set hash = repeat('a', 64) where tenant_id = ${tenantA}`.execute(database.db);
    const refused = await checkpointPass(database.db, testKey, sink);
    expect(refused.signed).toEqual([]);
    expect(refused.refused).toEqual([
      { tenantId: tenantA, reason: expect.stringMatching(/does not match the stored event/) },
    ]);
    await sql`update audit_chain_heads set hash = ${hash} where tenant_id = ${tenantA}`.execute(database.db);
    expect((await checkpointPass(database.db, testKey, sink)).signed.map((c) => c.tenantId)).toEqual([tenantA]);
  });

  it('the in-process jobs chain on a nudge and leave a signed head when stopped', async () => {
    const tenant = randomUUID();
    const sink = new DirectoryCheckpointSink(await mkdtemp(path.join(tmpdir(), 'phidesk-jobs-')));
    const logs: unknown[] = [];
    const jobs = new AuditJobs({
      db: database.db,
      log: { error: (...a: unknown[]) => logs.push(a), warn: () => undefined, info: () => undefined } as never,
      signingKey: testKey,
      sink,
      sequencerIntervalMs: 60_000,
      checkpointIntervalMs: 60_000,
    });
    jobs.start();
    const nudged = createAuditInbox(database.db, {
      addressHashKey: Buffer.alloc(32),
      onCommitted: (tenantId) => jobs.nudge(tenantId),
    });
    await database.db
      .transaction()
      .execute((tx) =>
        nudged.writeInTx(tx, actor(tenant), [
          { action: 'user.update', resourceType: 'User', resourceId: 'x', outcome: 'allowed' },
        ]),
      );
    nudged.committed(tenant);
    const until = Date.now() + 5000;
    while ((await storedChain(database.db, tenant)).length === 0 && Date.now() < until)
      await new Promise((r) => setTimeout(r, 5));
    expect((await storedChain(database.db, tenant)).length).toBe(1);
    await jobs.stop();
    expect((await sink.list(tenant)).map((c) => c.treeSize)).toEqual([1]);
    expect(logs).toEqual([]);
  });
});

describe('detached events (reads, denials) chained at capture', () => {
  it('are in the chain when the write resolves, with no inbox row', async () => {
    const tenant = randomUUID();
    await port().writeDetached(tenant, actor(tenant), [
      { action: 'user.read', resourceType: 'User', resourceId: 'a', outcome: 'allowed' },
      { action: 'user.read', resourceType: 'User', resourceId: 'b', outcome: 'allowed' },
    ]);
    expect(await inboxCount(database.db, tenant)).toBe(0);
    const chain = await storedChain(database.db, tenant);
    expect(chain.map((e) => [e.seq, e.resource.id])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect((await verifyStored(database.db, tenant, testKey.publicKey)).ok).toBe(true);
  });

  it('interleave with the sequencer and with other writers (other processes) into one gapless chain per tenant', async () => {
    const tenants = [randomUUID(), randomUUID()];
    // separate ports over separate pools stand for separate server processes
    const other = connectDatabase(database.url, { poolMax: 4 });
    const ports = [port(), createAuditInbox(other.db, { addressHashKey: Buffer.alloc(32, 7) })];
    try {
      const work: Array<Promise<unknown>> = [];
      for (let i = 0; i < 40; i++) {
        for (const tenant of tenants) {
          work.push(
            ports[i % 2]!.writeDetached(tenant, actor(tenant), [
              { action: 'user.read', resourceType: 'User', resourceId: `d${i}`, outcome: 'allowed' },
            ]),
          );
          if (i % 4 === 0) work.push(capture(tenant, 1).then(() => sequencePass(database.db, { tenants: [tenant] })));
        }
      }
      await Promise.all(work);
      await sequencePass(database.db);
      for (const tenant of tenants) {
        const chain = await storedChain(database.db, tenant);
        expect(chain.map((e) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
        expect(new Set(chain.map((e) => e.id)).size).toBe(50);
        expect((await verifyStored(database.db, tenant, testKey.publicKey)).ok).toBe(true);
      }
    } finally {
      await other.close();
    }
  });
});
