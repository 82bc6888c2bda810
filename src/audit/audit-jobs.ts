// The audit trail's background work in one server process: the sequencer on a short
// timer (and nudged whenever events commit, so chaining follows within tens of ms),
// and signed checkpoints on a longer one. Several processes may run these against one
// database: the per-tenant advisory lock keeps the chains single-writer, and a
// checkpoint signed twice for the same tree state is stored once.
// Failures are logged (throttled) and retried on the next tick: the events are durable
// in the inbox, so a sequencer outage delays chaining but loses nothing.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import type { CheckpointSink } from './checkpoint/checkpoint-sink.js';
import { checkpointPass, type CheckpointPassResult } from './checkpoint/checkpointer.service.js';
import { sequencePass, type PassResult } from './chain/sequencer.service.js';
import type { CheckpointSigningKey } from './checkpoint/signing-key.js';

export interface AuditJobsOptions {
  db: Kysely<Database>;
  log: Pick<Logger, 'error' | 'warn' | 'info'>;
  signingKey: CheckpointSigningKey;
  sink: CheckpointSink;
  sequencerIntervalMs: number;
  checkpointIntervalMs: number;
  /** how long a nudge waits so that events committing together are chained together */
  nudgeDelayMs?: number;
}

const ERROR_LOG_INTERVAL_MS = 30_000;

export class AuditJobs {
  readonly #opts: AuditJobsOptions;
  #timers: NodeJS.Timeout[] = [];
  #nudge: NodeJS.Timeout | undefined;
  /** tenants with events committed since the last nudged pass: that pass looks at them only */
  #dirty = new Set<string>();
  #sequencing: Promise<PassResult> | undefined;
  #again = false;
  #checkpointing: Promise<CheckpointPassResult> | undefined;
  #stopped = false;
  /** the last pass failed (database unreachable?): stop() then skips its final passes */
  #failing = false;
  #lastErrorLog = new Map<string, number>();

  constructor(opts: AuditJobsOptions) {
    this.#opts = opts;
  }

  start(): void {
    if (this.#stopped || this.#timers.length > 0) return;
    const every = (ms: number, fn: () => unknown) => {
      const timer = setInterval(fn, ms);
      timer.unref(); // never what keeps a process alive
      this.#timers.push(timer);
    };
    // The timer pass looks at every tenant: events other processes captured, and retries.
    every(this.#opts.sequencerIntervalMs, () => void this.sequenceNow().catch(() => undefined));
    every(this.#opts.checkpointIntervalMs, () => void this.checkpointNow().catch(() => undefined));
    void this.sequenceNow().catch(() => undefined);
  }

  /**
   * Events of `tenantId` were committed: chain them soon. Cheap; the nudges within the
   * delay share one pass over just those tenants, so each pass is a bigger batch.
   */
  nudge(tenantId: string): void {
    if (this.#stopped || this.#timers.length === 0) return;
    this.#dirty.add(tenantId);
    if (this.#nudge !== undefined) return;
    this.#nudge = setTimeout(() => {
      this.#nudge = undefined;
      const tenants = [...this.#dirty];
      this.#dirty.clear();
      void this.sequenceNow(tenants).catch(() => undefined);
    }, this.#opts.nudgeDelayMs ?? 50);
    this.#nudge.unref();
  }

  /**
   * Runs sequencer passes (over `tenants`, or every tenant with pending events) until
   * nothing is left that this process may chain; a call while one runs makes it run again
   * over every tenant.
   */
  sequenceNow(tenants?: readonly string[]): Promise<PassResult> {
    if (this.#sequencing) {
      this.#again = true;
      return this.#sequencing;
    }
    const run = async (): Promise<PassResult> => {
      const total: PassResult = { chained: 0, busyTenants: 0, failed: [] };
      try {
        let only = tenants;
        do {
          this.#again = false;
          const pass = await sequencePass(this.#opts.db, { tenants: only });
          total.chained += pass.chained;
          total.busyTenants = pass.busyTenants;
          total.failed = pass.failed;
          for (const { tenantId, error } of pass.failed) this.#logFailure(`sequencer:${tenantId}`, error, { tenantId });
          only = undefined;
        } while (this.#again);
        this.#failing = false;
        return total;
      } catch (err) {
        this.#failing = true;
        this.#logFailure('sequencer', err);
        throw err;
      } finally {
        this.#sequencing = undefined;
      }
    };
    this.#sequencing = run();
    return this.#sequencing;
  }

  /** Signs a checkpoint of every chain that grew; joins a running pass. */
  checkpointNow(): Promise<CheckpointPassResult> {
    if (this.#checkpointing) return this.#checkpointing;
    const run = async (): Promise<CheckpointPassResult> => {
      try {
        const result = await checkpointPass(this.#opts.db, this.#opts.signingKey, this.#opts.sink);
        for (const refused of result.refused) {
          this.#opts.log.error(
            { tenantId: refused.tenantId, reason: refused.reason },
            'audit checkpoint refused: the chain needs investigation',
          );
        }
        return result;
      } catch (err) {
        this.#logFailure('checkpointer', err);
        throw err;
      } finally {
        this.#checkpointing = undefined;
      }
    };
    this.#checkpointing = run();
    return this.#checkpointing;
  }

  /** Stops the timers, then chains and checkpoints what is there, so a clean stop leaves a signed head. */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
    if (this.#nudge) clearTimeout(this.#nudge);
    this.#nudge = undefined;
    await this.#sequencing?.catch(() => undefined);
    if (this.#failing) return;
    await this.sequenceNow().catch(() => undefined);
    await this.#checkpointing?.catch(() => undefined);
    await this.checkpointNow().catch(() => undefined);
  }

  // Throttled per job (and per tenant for a tenant's failing chain), so a persistent
  // fault is reported every 30 s rather than on every pass.
  #logFailure(job: string, err: unknown, context: Record<string, string> = {}): void {
    const now = Date.now();
    if (now - (this.#lastErrorLog.get(job) ?? 0) < ERROR_LOG_INTERVAL_MS) return;
    this.#lastErrorLog.set(job, now);
    const name = job.split(':')[0];
    this.#opts.log.error(
      { err, job: name, ...context },
      `audit ${name} failed; captured events stay durable in the inbox and it is retried`,
    );
  }
}
