// The purge: hard-deletes what is past its tenant's retention and under no legal hold.
// Tenant keys are per tenant, so one record cannot be crypto-shredded on its own; its rows
// are deleted instead (an attachment's sealed chunks with it). Audit events are never
// touched: the chain must keep verifying, and 164.316(b)(2) keeps them six years.
//
// In batches, each its own transaction: choose up to N rows, delete them (children before
// parents: attachments, comment revisions, comments, timeline, then tickets; contacts
// last), save the run's progress and write one audit event naming every record removed,
// all committed together. A run killed midway (SIGKILL, a deploy) is resumed by the next
// invocation: the running run row is picked up and its rows chosen afresh from the same
// "as of" time, so what a dead batch did not commit is simply chosen again.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import type { AuditEventInput, AuditPort } from '../services/audit-port.js';
import * as purge from './purge.repository.js';
import { lockTenantRetention } from './retention.repository.js';
import * as runs from './retention-runs.repository.js';

export interface PurgeDeps {
  db: Kysely<Database>;
  audit: AuditPort;
  /** who the purge acts as in the audit trail (the CLI's system actor, or the job's) */
  actorFor: (tenantId: string) => Actor;
  clock?: (() => Date) | undefined;
}

export interface PurgeOptions {
  /** records chosen per batch (default 500) */
  batchSize?: number;
  /** a pause after each committed batch: throttling, and the tests' window to kill a run */
  pauseMs?: number;
  /** stop after this many batches, leaving the run to be resumed */
  maxBatches?: number;
  onBatch?: (progress: PurgeProgress) => void;
}

export const purgedKinds = ['attachments', 'comments', 'tickets', 'contacts'] as const;
export type PurgedKind = (typeof purgedKinds)[number];
export type RemovedCounts = Record<PurgedKind | 'commentRevisions' | 'ticketEvents', number>;

export interface PurgeProgress {
  runId: string;
  tenantId: string;
  phase: PurgedKind;
  batches: number;
  removed: RemovedCounts;
}

export interface PurgeResult extends Omit<PurgeProgress, 'phase'> {
  status: 'completed' | 'paused' | 'no_policy';
  /** the run had been started before (and stopped, or killed) and was finished by this one */
  resumed: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

type PolicyRow = NonNullable<Awaited<ReturnType<typeof runs.policyOf>>>;
interface Phase {
  kind: PurgedKind;
  days: (p: PolicyRow) => number | null;
  choose: typeof purge.expiredTickets;
  remove: typeof purge.deleteTickets;
}
// Order matters for foreign keys only within a batch (each remove deletes children
// first); across phases it lets the contacts phase see the tickets just purged.
const phases: readonly Phase[] = [
  {
    kind: 'attachments',
    days: (p) => p.attachment_days,
    choose: purge.expiredAttachments,
    remove: purge.deleteAttachments,
  },
  { kind: 'comments', days: (p) => p.comment_days, choose: purge.expiredComments, remove: purge.deleteComments },
  { kind: 'tickets', days: (p) => p.closed_ticket_days, choose: purge.expiredTickets, remove: purge.deleteTickets },
  { kind: 'contacts', days: (p) => p.contact_days, choose: purge.expiredContacts, remove: purge.deleteContacts },
];

const zero = (): RemovedCounts => ({
  attachments: 0,
  comments: 0,
  tickets: 0,
  contacts: 0,
  commentRevisions: 0,
  ticketEvents: 0,
});

/** One event per batch: every record removed, by kind (merged into one operation event). */
function batchEvents(r: purge.Removed): AuditEventInput[] {
  const named: Array<[string, string[]]> = [
    ['Attachment', r.attachments],
    ['Comment', r.comments],
    ['Ticket', r.tickets],
    ['Contact', r.contacts],
  ];
  return named.flatMap(([resourceType, ids]) =>
    ids.map((id) => ({ action: 'retention.purge', resourceType, resourceId: id, outcome: 'allowed' }) as const),
  );
}

async function startOrResume(deps: PurgeDeps, tenantId: string): Promise<{ run: runs.RunRow; resumed: boolean }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const running = await runs.runningRun(deps.db, tenantId);
    if (running) return { run: running, resumed: true };
    const inserted = await runs.insertRun(deps.db, tenantId, deps.clock?.() ?? new Date());
    if (inserted) return { run: inserted, resumed: false };
  }
  throw new AppError('CONFLICT', 'Another purge run for this tenant keeps starting; retry.');
}

export async function purgeTenant(deps: PurgeDeps, tenantId: string, options: PurgeOptions = {}): Promise<PurgeResult> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000)
    throw new AppError('VALIDATION_FAILED', 'The batch size must be 1..5000.');
  const policy = await runs.policyOf(deps.db, tenantId);
  if (!policy || phases.every((p) => p.days(policy) === null))
    return { runId: '', tenantId, batches: 0, removed: zero(), status: 'no_policy', resumed: false };
  const { run, resumed } = await startOrResume(deps, tenantId);
  const state = { batches: run.batches, removed: { ...zero(), ...run.removed } as RemovedCounts, thisRun: 0 };
  const result = (status: PurgeResult['status']): PurgeResult => ({
    runId: run.id,
    tenantId,
    batches: state.batches,
    removed: { ...state.removed },
    status,
    resumed,
  });

  for (const phase of phases) {
    for (;;) {
      if (options.maxBatches !== undefined && state.thisRun >= options.maxBatches) return result('paused');
      const batch = await purgeBatch(deps, run, phase, batchSize, state);
      if (batch === undefined) break;
      state.removed = batch.removed; // committed
      state.batches += 1;
      const chosen = batch.chosen;
      state.thisRun += 1;
      deps.audit.committed(tenantId);
      options.onBatch?.({ ...result('paused'), phase: phase.kind });
      if (options.pauseMs) await sleep(options.pauseMs);
      if (chosen < batchSize) break; // everything expired in this phase was in this batch
    }
  }
  await runs.finishRun(deps.db, run.id);
  return result('completed');
}

async function purgeBatch(
  deps: PurgeDeps,
  run: runs.RunRow,
  phase: Phase,
  batchSize: number,
  state: { readonly batches: number; readonly removed: RemovedCounts },
): Promise<{ chosen: number; removed: RemovedCounts } | undefined> {
  return deps.db.transaction().execute(async (tx) => {
    await lockTenantRetention(tx, run.tenant_id);
    const current = await runs.runningRun(tx, run.tenant_id, true); // one runner per run at a time
    if (!current || current.id !== run.id)
      throw new AppError('CONFLICT', 'The purge run was finished by another process.');
    // read under the lock: a retention period lengthened meanwhile applies to this batch
    const policy = await runs.policyOf(tx, run.tenant_id);
    const days = policy ? phase.days(policy) : null;
    if (days === null) return undefined;
    const cutoff = new Date(run.as_of.getTime() - days * DAY_MS);
    const ids = await phase.choose(tx, run.tenant_id, cutoff, batchSize);
    if (ids.length === 0) return undefined;
    const removed = await phase.remove(tx, run.tenant_id, ids);
    const counts = { ...state.removed };
    for (const kind of purgedKinds) counts[kind] += removed[kind].length;
    counts.commentRevisions += removed.commentRevisions;
    counts.ticketEvents += removed.ticketEvents;
    await runs.saveProgress(tx, run.id, counts, state.batches + 1);
    await deps.audit.writeInTx(tx, deps.actorFor(run.tenant_id), batchEvents(removed));
    return { chosen: ids.length, removed: counts };
  });
}

/** The tenants that set retention periods (the ones a purge of every tenant walks). */
export const tenantsToPurge = (db: Kysely<Database>): Promise<string[]> => runs.tenantsWithPolicy(db);

/** Every tenant that set a retention period, one after another. */
export async function purgeAllTenants(deps: PurgeDeps, options: PurgeOptions = {}): Promise<PurgeResult[]> {
  const results: PurgeResult[] = [];
  for (const tenantId of await runs.tenantsWithPolicy(deps.db))
    results.push(await purgeTenant(deps, tenantId, options));
  return results;
}
