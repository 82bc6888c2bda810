// Full re-verification of a tenant's chain as a background job: from seq 1 to the head
// at the start, through the same walk as the offline verifier (its findings are exactly
// those of GET /v1/audit/verify from seq 1), with progress saved as it goes. It is what
// catches an edit made before the last verified position, which incremental
// verification by design no longer reads.
//
// The job runs in the process that accepted it; its row in audit_verification_jobs is
// the truth every process reads. One active job per tenant (a partial unique index): a
// second start returns the running one. A running job moves its heartbeat (updated_at)
// at every batch; a job whose heartbeat stopped for STALE_SECONDS was left by a process
// that died, and is marked failed the next time anyone starts or reads one. A server
// that shuts down marks its own jobs failed on the way out.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import { inTenantTx } from '../db/tenant-tx.js';
import { notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { readInTenant } from '../services/scope.js';
import type { AuditServiceDeps } from './audit.service.js';
import type { SignedCheckpoint } from './checkpoint/checkpoint.js';
import {
  advancePosition,
  frontierSeed,
  listCheckpoints,
  walkFrom,
  type AuditVerificationView,
} from './verification.service.js';
import { viewOf } from './verification/verification-view.js';
import * as auditRepo from './audit.repository.js';
import * as repo from './verification.repository.js';

// Rows per read: two batches are alive at once (one hashed, one prefetched), and at ~1.3 KB
// a row, 20,000 made 50 MB of strings that outlived V8's young generation, so every batch
// was copied and promoted before it died (garbage collection was 19% of the job's profile).
const JOB_BATCH = 5_000;
/** seconds without a heartbeat after which a running job is taken for abandoned */
export const STALE_SECONDS = 60;
const PROGRESS_EVERY_MS = 500;

export interface VerificationJobView {
  id: string;
  tenantId: string;
  status: repo.JobStatus;
  requestedBy: string;
  /** events in the chain when the job started */
  totalEvents: number;
  eventsChecked: number;
  eventsPerSecond: number;
  createdAt: string;
  startedAt: string | null;
  updatedAt: string;
  finishedAt: string | null;
  /** why a failed job stopped (no event content) */
  error: string | null;
  /** the verification report once succeeded: ok, findings, ... as GET /v1/audit/verify shows them */
  result: AuditVerificationView | null;
}

function viewOfJob(row: repo.VerificationJobRow): VerificationJobView {
  const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());
  return {
    id: row.id,
    tenantId: row.tenant_id,
    status: row.status,
    requestedBy: row.requested_by,
    totalEvents: row.total_events,
    eventsChecked: row.events_checked,
    eventsPerSecond: row.events_per_second,
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: iso(row.started_at),
    updatedAt: new Date(row.updated_at).toISOString(),
    finishedAt: iso(row.finished_at),
    error: row.error,
    result: (row.result as AuditVerificationView | null) ?? null,
  };
}

function isStale(row: repo.VerificationJobRow): boolean {
  return Date.now() - new Date(row.updated_at).getTime() > STALE_SECONDS * 1000;
}

/** The jobs this process runs, per database: stopped (and marked failed) when the app closes. */
class JobRunner {
  readonly #running = new Map<string, Promise<void>>();
  readonly #abort = new AbortController();

  launch(id: string, work: (signal: AbortSignal) => Promise<void>): void {
    const done = work(this.#abort.signal)
      .catch(() => undefined)
      .finally(() => this.#running.delete(id));
    this.#running.set(id, done);
  }

  async stop(): Promise<void> {
    this.#abort.abort();
    await Promise.all(this.#running.values());
  }
}

const runners = new WeakMap<Kysely<Database>, JobRunner>();

export function jobRunnerFor(db: Kysely<Database>): JobRunner {
  let runner = runners.get(db);
  if (runner === undefined) {
    runner = new JobRunner();
    runners.set(db, runner);
  }
  return runner;
}

/** Stops this process's jobs on `db` (app shutdown): they are marked failed, to be started again. */
export async function stopVerificationJobs(db: Kysely<Database>): Promise<void> {
  await runners.get(db)?.stop();
  runners.delete(db);
}

export interface StartedJob {
  job: VerificationJobView;
  /** false: the tenant already had an active job, which is returned instead */
  created: boolean;
}

/** Starts a full re-verification of the caller's tenant, or returns the one already running. */
export async function startVerificationJob(deps: AuditServiceDeps, actor: Actor): Promise<StartedJob> {
  const tenantId = actor.tenantId;
  const id = randomUUID();
  const { checkpoints, problem } = await listCheckpoints(deps.sink, tenantId);
  const { headSeq, active } = await readInTenant(deps, actor, async (s) => {
    s.assertCan('verify', 'AuditEvent');
    const headSeq = await auditRepo.lastSeq(s.tx, tenantId);
    const active = await repo.activeJob(s.tx, tenantId);
    const live = active !== undefined && !isStale(active) ? active : undefined;
    s.record({
      action: 'audit.verification_start',
      resourceType: 'AuditEvent',
      resourceId: live?.id ?? id,
      outcome: 'allowed',
    });
    return { headSeq, active: live };
  });
  if (active) return { job: viewOfJob(active), created: false };
  await repo.failStaleJobs(deps.db, tenantId, STALE_SECONDS);
  const inserted = await repo.insertJob(deps.db, { id, tenantId, requestedBy: actor.id, totalEvents: headSeq });
  if (inserted === undefined) {
    // another request won the race: theirs is the tenant's job
    const theirs = await inTenantTx(deps.db, tenantId, (tx) => repo.activeJob(tx, tenantId), { readOnly: true });
    if (theirs) return { job: viewOfJob(theirs), created: false };
    throw new Error('no verification job could be started, and none is active');
  }
  jobRunnerFor(deps.db).launch(id, (signal) =>
    runJob(deps, actor, inserted, { checkpoints, problem, headSeq }, signal),
  );
  return { job: viewOfJob(inserted), created: true };
}

/** A verification job of the caller's tenant: progress, and the report once done. */
export async function getVerificationJob(
  deps: AuditServiceDeps,
  actor: Actor,
  id: string,
): Promise<VerificationJobView> {
  const tenantId = actor.tenantId;
  const row = await readInTenant(deps, actor, async (s) => {
    s.assertCan('verify', 'AuditEvent');
    const found = isUuid(id) ? await repo.job(s.tx, tenantId, id.toLowerCase()) : undefined;
    if (found === undefined) throw notFound('verification job');
    s.record({
      action: 'audit.verification_read',
      resourceType: 'AuditEvent',
      resourceId: found.id,
      outcome: 'allowed',
    });
    return found;
  });
  if ((row.status === 'running' || row.status === 'queued') && isStale(row)) {
    await repo.failStaleJobs(deps.db, tenantId, STALE_SECONDS);
    const again = await inTenantTx(deps.db, tenantId, (tx) => repo.job(tx, tenantId, row.id), { readOnly: true });
    if (again) return viewOfJob(again);
  }
  return viewOfJob(row);
}

async function runJob(
  deps: AuditServiceDeps,
  actor: Actor,
  job: repo.VerificationJobRow,
  start: { checkpoints: SignedCheckpoint[]; problem: string | null; headSeq: number },
  signal: AbortSignal,
): Promise<void> {
  const tenantId = job.tenant_id;
  const began = performance.now();
  let lastSaved = 0;
  const rate = (rows: number) => Math.round(rows / Math.max((performance.now() - began) / 1000, 0.001));
  try {
    await repo.markProgress(deps.db, job.id, { eventsChecked: 0, eventsPerSecond: 0, started: true });
    // the trigger fingerprint at the start: a position saved by this walk is only as good as it
    const { guard, position } = await inTenantTx(
      deps.db,
      tenantId,
      async (tx) => ({ guard: await repo.appendOnlyGuard(tx), position: await repo.verifiedPosition(tx, tenantId) }),
      { readOnly: true },
    );
    const read = (after: number, limit: number, upto: number) =>
      inTenantTx(deps.db, tenantId, (tx) => auditRepo.eventsAfter(tx, tenantId, after, limit, upto), {
        readOnly: true,
      });
    const readSlices = (after: number, limit: number, upto: number) =>
      inTenantTx(deps.db, tenantId, (tx) => repo.chainSlices(tx, tenantId, after, limit, upto), { readOnly: true });
    const result = await walkFrom(
      read,
      readSlices,
      tenantId,
      undefined,
      start.headSeq,
      start.checkpoints,
      deps.publicKeys,
      {
        batchSize: JOB_BATCH,
        seed: frontierSeed(position, start.checkpoints),
        onBatch: async (rows) => {
          if (signal.aborted) throw new Error('interrupted: the server shut down; start the verification again');
          if (performance.now() - lastSaved < PROGRESS_EVERY_MS) return;
          lastSaved = performance.now();
          await repo.markProgress(deps.db, job.id, { eventsChecked: rows, eventsPerSecond: rate(rows) });
        },
      },
    );
    const pending = await inTenantTx(deps.db, tenantId, (tx) => auditRepo.pendingStats(tx), { readOnly: true });
    const view = viewOf(deps, result, {
      pending,
      checkpoints: start.checkpoints.length,
      checkpointStoreProblem: start.problem,
      startedFrom: null,
      positionProblem: null,
      brokenAt: undefined,
      headSeq: start.headSeq,
    });
    const checked = result.walker.eventsChecked;
    await repo.finishJob(deps.db, job.id, {
      status: 'succeeded',
      eventsChecked: checked,
      eventsPerSecond: rate(checked),
      result: view,
    });
    if (view.ok) await advancePosition(deps.db, result, guard, job.id);
    await deps.audit.writeDetached(tenantId, actor, [
      { action: 'audit.verify', resourceType: 'AuditEvent', resourceId: job.id, outcome: 'allowed' },
    ]);
  } catch (error) {
    const message =
      error instanceof Error && error.message.startsWith('interrupted:')
        ? error.message
        : 'the verification could not run to its end (database or checkpoint store unavailable); start it again';
    await repo.finishJob(deps.db, job.id, { status: 'failed', error: message }).catch(() => undefined);
  }
}
