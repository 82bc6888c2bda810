// Verification that does not grow with history (issue 14): GET /v1/audit/verify walks
// from the last verified signed checkpoint to the head, and the full walk from seq 1 is a
// background job with progress. Edits here are made the way a superuser could without
// touching the append-only triggers' catalogue rows (session_replication_role = replica),
// so the verified position stays trusted and each walk is seen doing its own part; the
// tamper suite (tamper.test.ts) covers the edits made by disabling the triggers.
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadAuditKeys, type AuditKeys } from '../../src/audit/checkpoint/audit-keys.js';
import { DirectoryCheckpointSink } from '../../src/audit/checkpoint/checkpoint-sink.js';
import { checkpointPass } from '../../src/audit/checkpoint/checkpointer.service.js';
import { canonicalEventJson } from '../../src/audit/chain/event-hash.js';
import type { AuditEventBody } from '../../src/audit/capture/event.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, seedTenant, type Client, type SeededTenant } from '../helpers/actors.js';
import { auditEvents } from '../helpers/audit.js';
import { asAttacker, drainInbox } from './trail-fixture.js';

let t: TestApp;
let tenant: SeededTenant;
let admin: Client;
let auditor: Client;
let keys: AuditKeys;
const db = () => t.database.db;

async function checkpoint(): Promise<number> {
  await drainInbox(db());
  const { signed } = await checkpointPass(
    db(),
    keys.signingKey,
    new DirectoryCheckpointSink(t.config.audit.checkpointDir),
  );
  return signed.find((c) => c.tenantId === tenant.tenantId)?.treeSize ?? 0;
}

async function grow(reads: number): Promise<void> {
  for (let i = 0; i < reads; i++) expect((await admin.get('/v1/users?limit=5')).statusCode).toBe(200);
}

/** original bodies of the events a case edited, put back after it */
const edited = new Map<number, string>();

/** Rewrites one event's actor in its body and column, as a superuser can without disabling a trigger. */
async function editQuietly(seq: number): Promise<void> {
  await db()
    .transaction()
    .execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      const row = await tx
        .selectFrom('audit_events')
        .select('body')
        .where('tenant_id', '=', tenant.tenantId)
        .where('seq', '=', seq)
        .executeTakeFirstOrThrow();
      edited.set(seq, row.body);
      const body = JSON.parse(row.body) as AuditEventBody;
      const altered = { ...body, actor: { ...body.actor, id: 'someone-else' } };
      // an event naming several records stores its body without their ids (stored-event.ts)
      const stored = body.entities ? JSON.stringify(altered) : canonicalEventJson(altered);
      await sql`update audit_events set actor_id = 'someone-else', body = ${stored}
        where tenant_id = ${tenant.tenantId} and seq = ${seq}`.execute(tx);
    });
}

async function verify(): Promise<Record<string, any>> {
  const res = await auditor.get('/v1/audit/verify');
  expect(res.statusCode).toBe(200);
  return res.json();
}

async function finishedJob(id: string): Promise<Record<string, any>> {
  for (let i = 0; i < 400; i++) {
    const res = await auditor.get(`/v1/audit/verifications/${id}`);
    expect(res.statusCode).toBe(200);
    if (res.json().status !== 'queued' && res.json().status !== 'running') return res.json();
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the verification job did not finish');
}

beforeAll(async () => {
  t = await startTestApp({ auditJobs: false });
  keys = await loadAuditKeys(t.config);
  tenant = await seedTenant(t);
  admin = client(t.app, { apiKey: tenant.adminKey });
  auditor = client(t.app, { apiKey: (await mintKey(t.app, tenant.adminKey, ['auditor'])).secret });
  for (let i = 0; i < 6; i++)
    expect((await admin.post('/v1/users', { displayName: `User ${i}` })).statusCode).toBe(201);
  await grow(3);
});
afterAll(async () => t?.close());
afterEach(async () => {
  await db()
    .transaction()
    .execute(async (tx) => {
      await sql`set local session_replication_role = replica`.execute(tx);
      for (const [seq, body] of edited) {
        const actorId = (JSON.parse(body) as AuditEventBody).actor.id;
        await sql`update audit_events set actor_id = ${actorId}, body = ${body}
          where tenant_id = ${tenant.tenantId} and seq = ${seq}`.execute(tx);
      }
    });
  edited.clear();
});
// each case starts without a verified position (a walk from seq 1 sets one)
beforeEach(async () => {
  await sql`delete from audit_verified_positions`.execute(db());
});

describe('GET /v1/audit/verify, incremental', () => {
  it('starts from the last verified checkpoint and says what it checked', async () => {
    const first = await checkpoint();
    const full = await verify();
    expect(full).toMatchObject({ ok: true, startedFrom: null, positionProblem: null, complete: true });
    expect(full.checkedRange).toEqual({ fromSeq: 1, toSeq: full.headSeq });
    expect(full.eventsChecked).toBe(full.headSeq);
    await grow(2);
    const second = await checkpoint();
    expect(second).toBeGreaterThan(first);
    const next = await verify();
    expect(next).toMatchObject({
      ok: true,
      startedFrom: { seq: first, checkpointTreeSize: first, verifiedBy: 'request' },
      checkedRange: { fromSeq: first + 1, toSeq: next.headSeq },
      newCheckpointsVerified: 1,
      checkpointedSize: second,
      complete: true,
      uncheckedEvents: 0,
      pending: { count: 0 },
    });
    expect(next.eventsChecked).toBe(next.headSeq - first);
    expect(next.checked).toBe(next.headSeq);
    expect(next.checkpointsVerified).toBe(full.checkpointsVerified + 1);
    expect(Date.parse(next.startedFrom.verifiedAt)).toBeLessThanOrEqual(Date.parse(next.verifiedAt));
    // and the next call starts where this one got to
    expect((await verify()).startedFrom.seq).toBe(second);
  });

  it('detects tampering inside the newly checked range', async () => {
    const from = await checkpoint();
    expect((await verify()).ok).toBe(true);
    await grow(2);
    await checkpoint();
    await editQuietly(from + 2);
    const report = await verify();
    expect(report).toMatchObject({ ok: false, damage: 'hash_mismatch', firstBadSeq: from + 2 });
    expect(report.startedFrom.seq).toBe(from);
  });

  it('does not trust a position once the append-only triggers were disabled, and starts again at seq 1', async () => {
    await checkpoint();
    expect((await verify()).ok).toBe(true);
    await asAttacker(db(), async () => undefined);
    const report = await verify();
    expect(report.startedFrom).toBeNull();
    expect(report.positionProblem).toMatch(/append-only triggers/);
    expect(report.checkedRange.fromSeq).toBe(1);
    expect(report.ok).toBe(true);
  });

  it('the runtime role cannot write a verified position', async () => {
    await checkpoint();
    await verify();
    const attempt = db()
      .transaction()
      .execute(async (tx) => {
        await sql`set local role phidesk_app`.execute(tx);
        await sql`select set_config('app.tenant_id', ${tenant.tenantId}, true)`.execute(tx);
        await sql`update audit_verified_positions set seq = seq + 1000`.execute(tx);
      });
    await expect(attempt).rejects.toThrow(/permission denied/);
  });
});

describe('full re-verification job', () => {
  it('catches a row edited before the verified position, which the incremental walk no longer reads', async () => {
    await checkpoint();
    expect((await verify()).ok).toBe(true);
    await grow(1);
    await checkpoint();
    await editQuietly(3);
    expect((await verify()).ok).toBe(true); // by design: seq 3 lies before the position
    const started = await auditor.post('/v1/audit/verifications');
    expect(started.statusCode).toBe(202);
    expect(started.headers['location']).toBe(`/v1/audit/verifications/${started.json().id}`);
    const job = await finishedJob(started.json().id);
    expect(job).toMatchObject({ status: 'succeeded', error: null });
    expect(job.result).toMatchObject({ ok: false, damage: 'hash_mismatch', firstBadSeq: 3, startedFrom: null });
    expect(job.result.findings[0]).toMatchObject({ damage: 'hash_mismatch', seq: 3 });
  });

  it('reports progress and its result, one active job per tenant, audited', async () => {
    await checkpoint();
    expect((await verify()).ok).toBe(true); // a position: the job's own Merkle tree starts from it
    await grow(1);
    await checkpoint();
    const started = await auditor.post('/v1/audit/verifications');
    expect(started.statusCode).toBe(202);
    const id = started.json().id as string;
    expect(started.json()).toMatchObject({ status: 'queued', eventsChecked: 0, result: null });
    expect(started.json().totalEvents).toBeGreaterThan(10);
    const again = await auditor.post('/v1/audit/verifications');
    if (again.statusCode === 200)
      expect(again.json().id).toBe(id); // still active: the same job
    else expect(again.statusCode).toBe(202); // already done: a new one
    const job = await finishedJob(id);
    expect(job).toMatchObject({ status: 'succeeded', result: { ok: true, findings: [], complete: true } });
    expect(job.eventsChecked).toBeGreaterThanOrEqual(job.totalEvents);
    expect(job.eventsPerSecond).toBeGreaterThan(0);
    expect(job.finishedAt).not.toBeNull();
    await drainInbox(db());
    const actions = (await auditEvents(db(), tenant.tenantId)).filter((e) => e['resource']?.id === id);
    expect(actions.map((e) => e['action'])).toEqual(
      expect.arrayContaining(['audit.verification_start', 'audit.verification_read', 'audit.verify']),
    );
    // a job that ran to its end leaves the position where the next incremental walk starts
    const position = await verify();
    // (the second start above may have made a job of its own when the first was already done)
    expect(position).toMatchObject({ ok: true, positionProblem: null });
    expect(position.startedFrom.verifiedBy).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('a job left running by a dead process is marked failed when read', async () => {
    const id = '0b6c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4';
    await sql`insert into audit_verification_jobs (id, tenant_id, status, requested_by, updated_at)
      values (${id}, ${tenant.tenantId}, 'running', 'someone', now() - interval '10 minutes')`.execute(db());
    const job = (await auditor.get(`/v1/audit/verifications/${id}`)).json();
    expect(job).toMatchObject({ status: 'failed', error: expect.stringMatching(/^interrupted/) });
  });

  it("404 for an unknown, malformed or other tenant's job; 403 without verify", async () => {
    expect((await auditor.get('/v1/audit/verifications/6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f')).statusCode).toBe(404);
    const malformed = await auditor.get('/v1/audit/verifications/not-a-job');
    expect(malformed.statusCode).toBe(404);
    expect(malformed.json().code).toBe('NOT_FOUND');
    const other = await seedTenant(t);
    const otherAuditor = client(t.app, { apiKey: (await mintKey(t.app, other.adminKey, ['auditor'])).secret });
    const mine = await auditor.post('/v1/audit/verifications');
    await finishedJob(mine.json().id);
    expect((await otherAuditor.get(`/v1/audit/verifications/${mine.json().id}`)).statusCode).toBe(404);
    expect((await admin.post('/v1/audit/verifications')).statusCode).toBe(403);
  });

  it('GraphQL: the same job, the same policy', async () => {
    const started = await auditor.gql('mutation { startAuditVerification { id status totalEvents } }');
    expect(started.errors).toBeUndefined();
    const id = started.data.startAuditVerification.id as string;
    await finishedJob(id);
    const read = await auditor.gql(
      'query($id: ID!) { auditVerificationJob(id: $id) { id status eventsChecked result { ok findings { damage } } } }',
      { id },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data.auditVerificationJob).toMatchObject({
      id,
      status: 'succeeded',
      result: { ok: true, findings: [] },
    });
    const refused = await admin.gql('mutation { startAuditVerification { id } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
