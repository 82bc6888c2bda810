// Acceptance 1: a tamper suite against a real database. Someone with the database
// owner's credentials turns the append-only triggers off and edits the trail; the
// verifier (GET /v1/audit/verify, and `phidesk audit verify` on the export) catches
// every edit, the recomputed chain through the signed checkpoints, and passes the
// untouched log. The in-process sequencer is off: the test chains and signs by hand.
// Reads (the auditor's own verification and export among them) are chained as they
// happen, so each case starts from the saved chain and its saved head.
import { storedForm } from '../../src/audit/chain/stored-event.js';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadAuditKeys, type AuditKeys } from '../../src/audit/checkpoint/audit-keys.js';
import { DirectoryCheckpointSink } from '../../src/audit/checkpoint/checkpoint-sink.js';
import { checkpointPass } from '../../src/audit/checkpoint/checkpointer.service.js';
import { canonicalEventJson, computeEventHash } from '../../src/audit/chain/event-hash.js';
import type { AuditEventBody } from '../../src/audit/capture/event.js';
import { MerkleAccumulator } from '../../src/audit/checkpoint/merkle.js';
import { publicKeyToBase64 } from '../../src/audit/checkpoint/signing-key.js';
import { runAuditVerify } from '../../src/cli/audit-verify.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, seedTenant, type Client, type SeededTenant } from '../helpers/actors.js';
import { asAttacker, drainInbox, storedChain, verifyStored } from './trail-fixture.js';

let t: TestApp;
let tenant: SeededTenant;
let admin: Client;
let auditor: Client;
let keys: AuditKeys;
let dir: string;
let checkpointDir: string;
let size: number;
const db = () => t.database.db;

async function checkpoint(): Promise<number> {
  await drainInbox(db());
  const { signed } = await checkpointPass(
    db(),
    keys.signingKey,
    new DirectoryCheckpointSink(t.config.audit.checkpointDir),
  );
  return signed.find((c) => c.tenantId === tenant.tenantId)!.treeSize;
}

/** The API's verdict, and the offline CLI's on the API's export with this tenant's checkpoints. */
async function verdicts(): Promise<{ api: Record<string, any>; cli: { code: number; report: Record<string, any> } }> {
  const api = await auditor.get('/v1/audit/verify');
  expect(api.statusCode).toBe(200);
  const exported = await auditor.get('/v1/audit/events/export');
  expect(exported.statusCode).toBe(200);
  const file = path.join(dir, `export-${Date.now()}-${Math.random().toString(36).slice(2)}.ndjson`);
  await writeFile(file, exported.body);
  let stdout = '';
  const code = await runAuditVerify(
    [
      '--file',
      file,
      '--public-key',
      publicKeyToBase64(keys.signingKey.publicKey),
      '--checkpoints',
      checkpointDir,
      '--json',
    ],
    {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
    },
  );
  const report = JSON.parse(stdout);
  return { api: api.json(), cli: { code, report: report.tenants?.[0] ?? report } };
}

async function expectDamage(damage: string, seq: number | undefined, opts: { offline?: boolean } = {}): Promise<void> {
  const { api, cli } = await verdicts();
  expect(api.ok).toBe(false);
  expect(api.damage).toBe(damage);
  expect(api.firstBadSeq).toBe(seq);
  if (opts.offline === false) return;
  expect(cli.code).toBe(1);
  expect(cli.report.damage).toBe(damage);
  expect(cli.report.firstBadSeq).toBe(seq);
}

beforeAll(async () => {
  t = await startTestApp({ auditJobs: false });
  keys = await loadAuditKeys(t.config);
  dir = await mkdtemp(path.join(tmpdir(), 'phidesk-tamper-'));
  tenant = await seedTenant(t);
  admin = client(t.app, { apiKey: tenant.adminKey });
  auditor = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['auditor'])).secret });
  const userIds: string[] = [];
  for (let i = 0; i < 8; i++) {
    const res = await admin.post('/v1/users', { displayName: `User ${i}` });
    expect(res.statusCode).toBe(201);
    userIds.push(res.json().id);
  }
  // single-record reads (form v1) and one list (one event naming every user, form v2)
  for (const id of userIds.slice(0, 3)) expect((await admin.get(`/v1/users/${id}`)).statusCode).toBe(200);
  expect((await admin.get('/v1/users?limit=100')).statusCode).toBe(200);
  const first = await checkpoint();
  for (let i = 0; i < 4; i++) expect((await admin.get('/v1/users?limit=3')).statusCode).toBe(200);
  size = await checkpoint();
  expect(first).toBeGreaterThan(10);
  expect(size).toBeGreaterThan(first);
  // the auditor's copy of this tenant's checkpoints
  checkpointDir = path.join(dir, 'checkpoints');
  const copy = new DirectoryCheckpointSink(checkpointDir);
  for (const c of await new DirectoryCheckpointSink(t.config.audit.checkpointDir).list(tenant.tenantId))
    await copy.write(c);
  await sql`create table tamper_backup as select * from audit_events where tenant_id = ${tenant.tenantId}`.execute(
    db(),
  );
  await sql`create table tamper_head_backup as select * from audit_chain_heads where tenant_id = ${tenant.tenantId}`.execute(
    db(),
  );
});
afterAll(async () => t?.close());

// Every case starts from the untouched chain.
beforeEach(async () => {
  await asAttacker(db(), async (tx) => {
    await sql`delete from audit_events where tenant_id = ${tenant.tenantId}`.execute(tx);
    await sql`insert into audit_events select * from tamper_backup`.execute(tx);
    await sql`update audit_chain_heads h set seq = b.seq, hash = b.hash, merkle_frontier = b.merkle_frontier, checkpointed_seq = b.checkpointed_seq
      from tamper_head_backup b where h.tenant_id = b.tenant_id`.execute(tx);
  });
});

const body = async (seq: number): Promise<AuditEventBody> => {
  const row = await db()
    .selectFrom('audit_events')
    .select('body')
    .where('tenant_id', '=', tenant.tenantId)
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  return JSON.parse(row.body) as AuditEventBody;
};

describe('the tamper suite', () => {
  it('passes the untouched log, with both checkpoints, and reports the pending events', async () => {
    // a write: its events wait in the inbox, unchained, because the sequencer is off here
    expect((await admin.post('/v1/users', { displayName: 'Pending' })).statusCode).toBe(201);
    const { api, cli } = await verdicts();
    expect(api).toMatchObject({
      ok: true,
      checked: size,
      headSeq: size,
      checkpointsVerified: 2,
      checkpointedSize: size,
      findings: [],
    });
    expect(api.pending.count).toBeGreaterThan(0);
    expect(api.pending.oldestAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(cli.code).toBe(0);
    // the export, taken after the verification, holds the verification's own event too
    expect(cli.report).toMatchObject({ checked: size + 1, checkpointsVerified: 2, findings: [] });
  });

  it('catches a changed field (who did it, rewritten in the body and its column)', async () => {
    const victim = await body(7);
    await asAttacker(db(), (tx) =>
      sql`update audit_events set actor_id = 'someone-else', body = ${canonicalEventJson({ ...victim, actor: { ...victim.actor, id: 'someone-else' } })}
      where tenant_id = ${tenant.tenantId} and seq = 7`.execute(tx),
    );
    await expectDamage('hash_mismatch', 7);
  });

  it('catches a query column changed on its own (an access hidden from "what did this user touch")', async () => {
    await asAttacker(db(), (tx) =>
      sql`update audit_events set actor_id = 'someone-else' where tenant_id = ${tenant.tenantId} and seq = 9`.execute(
        tx,
      ),
    );
    // the hashed bodies are intact, so the export verifies; the server cross-checks the columns
    await expectDamage('hash_mismatch', 9, { offline: false });
  });

  it('catches a deleted middle row', async () => {
    await asAttacker(db(), (tx) =>
      sql`delete from audit_events where tenant_id = ${tenant.tenantId} and seq = 5`.execute(tx),
    );
    await expectDamage('gap', 5);
  });

  it('catches a forged row inserted in the middle (later rows renumbered to make room)', async () => {
    const k = 6;
    const prev = (await storedChain(db(), tenant.tenantId))[k - 2]!.hash;
    const forged = {
      ...(await body(k)),
      id: '00000000-0000-4000-8000-00000000f0f0',
      action: 'user.create',
      resource: { type: 'User', id: 'forged' },
    };
    await asAttacker(db(), async (tx) => {
      await sql`update audit_events set seq = seq + 1000000 where tenant_id = ${tenant.tenantId} and seq >= ${k}`.execute(
        tx,
      );
      await sql`update audit_events set seq = seq - 999999 where tenant_id = ${tenant.tenantId} and seq > 1000000`.execute(
        tx,
      );
      await sql`insert into audit_events (tenant_id, seq, id, occurred_at, actor_id, action, resource_type, resource_id, subject_contact_id, outcome, body, prev_hash, hash)
        values (${tenant.tenantId}, ${k}, ${forged.id}, ${forged.occurredAt}, ${forged.actor.id}, ${forged.action}, 'User', 'forged', null, ${forged.outcome},
                ${canonicalEventJson(forged)}, ${prev}, ${computeEventHash(prev, forged)})`.execute(tx);
      // the chain is one longer now: without this, the next event appended would collide and every audited read fail (closed)
      await sql`update audit_chain_heads set seq = seq + 1 where tenant_id = ${tenant.tenantId}`.execute(tx);
    });
    // the forged row links and hashes; the renumbered original after it cannot
    await expectDamage('duplicate_or_reordered', k);
  });

  it('catches two swapped rows', async () => {
    await asAttacker(db(), async (tx) => {
      await sql`update audit_events set seq = case seq when 11 then 1000012 else 1000011 end where tenant_id = ${tenant.tenantId} and seq in (11, 12)`.execute(
        tx,
      );
      await sql`update audit_events set seq = seq - 1000000 where tenant_id = ${tenant.tenantId} and seq > 1000000`.execute(
        tx,
      );
    });
    await expectDamage('duplicate_or_reordered', 11);
  });

  it('catches a cut tail through the signed checkpoints', async () => {
    // a thorough attacker also moves the chain head back, so new events link on where the cut was
    const kept = (await storedChain(db(), tenant.tenantId)).slice(0, size - 3);
    const merkle = new MerkleAccumulator();
    for (const event of kept) merkle.push(event.hash);
    await asAttacker(db(), async (tx) => {
      await sql`delete from audit_events where tenant_id = ${tenant.tenantId} and seq > ${size - 3}`.execute(tx);
      await sql`update audit_chain_heads set seq = ${size - 3}, hash = ${kept.at(-1)!.hash}, merkle_frontier = ${merkle.frontier().subtreeRoots}::text[]
        where tenant_id = ${tenant.tenantId}`.execute(tx);
    });
    const { api, cli } = await verdicts();
    expect(api).toMatchObject({ ok: false, damage: 'truncated', firstBadSeq: size - 2 });
    // the export came after the verification, whose own event was chained where the cut was:
    // the chain it holds is longer, and still ends short of the signed checkpoint
    expect(cli.code).toBe(1);
    expect(cli.report.damage).toBe('truncated');
    expect(cli.report.headSeq).toBeGreaterThan(size - 3);
    expect(cli.report.headSeq).toBeLessThan(size);
    expect(cli.report.firstBadSeq).toBe(cli.report.headSeq + 1);
  });

  it('catches a chain recomputed end to end after an edit, through the signed checkpoints', async () => {
    const chain = await storedChain(db(), tenant.tenantId);
    const k = 4;
    await asAttacker(db(), async (tx) => {
      let prev = chain[k - 2]!.hash;
      for (const event of chain.slice(k - 1)) {
        const { prevHash: _p, hash: _h, ...original } = event;
        const edited = event.seq === k ? { ...original, actor: { ...original.actor, id: 'someone-else' } } : original;
        const hash = computeEventHash(prev, edited);
        const stored = storedForm(edited, event.seq, canonicalEventJson(edited)).body;
        await sql`update audit_events set actor_id = ${edited.actor.id}, body = ${stored}, prev_hash = ${prev}, hash = ${hash}
          where tenant_id = ${tenant.tenantId} and seq = ${event.seq}`.execute(tx);
        prev = hash;
      }
    });
    // the chain alone is consistent again: only the checkpoints, signed outside the database, tell
    expect((await verifyStored(db(), tenant.tenantId, keys.signingKey.publicKey)).ok).toBe(true);
    await expectDamage('checkpoint_mismatch', 1);
    const { api } = await verdicts();
    expect(api.findings[0]).toMatchObject({ damage: 'checkpoint_mismatch', lastSuspectSeq: expect.any(Number) });
    expect(api.findings[0].lastSuspectSeq).toBeGreaterThanOrEqual(k);
  });
});
