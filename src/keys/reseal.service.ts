// The re-seal job: moves every sealed value of a tenant onto its active key version,
// in batches, so an old version can be retired. Resumable: progress (table, last id,
// counts) is saved in reseal_jobs in the same transaction as each batch, so a job
// that stops (crash, Ctrl-C, a deploy) continues where it was from the next run.
//
// Each batch locks its rows (FOR UPDATE), so a request updating one of them waits a
// few milliseconds instead of racing; requests write under the active version anyway.
// Servers that cached the key rows before the rotation may seal under the old version
// for up to KEY_CACHE_SECONDS more, so the job ends with a final pass once that has
// passed; retirement checks the ciphertext headers again in any case.
import { setTimeout as sleep } from 'node:timers/promises';
import { resealValue, sealedKeyVersion } from '../crypto/envelope.js';
import { UnsealError } from '../crypto/errors.js';
import type { Sealed } from '../crypto/sealed.js';
import { AppError } from '../errors.js';
import * as repo from './keys.repository.js';
import { settledAt, type KeysDeps, type TenantRef } from './keys.service.js';
import { sealedTables, type SealedTableSpec } from './sealed-tables.js';

export interface ResealProgress {
  jobId: string;
  targetVersion: number;
  table: string;
  /** rows to re-seal when the job started (rows written under the old version since then add to it) */
  totalRows: number;
  rowsDone: number;
  fieldsDone: number;
  rowsFailed: number;
  /** fields re-sealed per second in this run */
  fieldsPerSecond: number;
}

export interface ResealOptions {
  batchSize?: number;
  onProgress?: (progress: ResealProgress) => void;
  /** stop after this many batches, leaving the job to be resumed (tests, throttled runs) */
  maxBatches?: number;
  /** wait for servers' key caches to expire, then make a final pass (default true) */
  waitForSettle?: boolean;
  /** called before waiting for the settle time */
  onWait?: (until: Date, alreadyPast: boolean) => void;
}

export interface ResealResult extends ResealProgress {
  status: 'completed' | 'paused';
  /** ids of rows whose values would not open (tampered, destroyed key...): they keep their old version */
  failedRowIds: string[];
}

type Cursor = { table?: string; afterId?: string };

async function startOrResume(deps: KeysDeps, tenantId: string, target: number): Promise<repo.ResealJobRow> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const running = await repo.runningJob(deps.db, tenantId);
    if (running && running.target_version === target) return running;
    if (running) await repo.finishJob(deps.db, running.id, 'superseded'); // a newer rotation happened meanwhile
    let total = 0;
    for (const spec of sealedTables) total += await repo.countRowsToReseal(deps.db, spec, tenantId, target);
    const inserted = await repo.insertJob(deps.db, tenantId, target, total);
    if (inserted) return inserted;
  }
  throw new AppError('CONFLICT', 'Another re-seal job for this tenant keeps starting; retry.');
}

export async function resealTenant(
  deps: KeysDeps,
  tenant: TenantRef,
  options: ResealOptions = {},
): Promise<ResealResult> {
  if (tenant.status === 'shredded')
    throw new AppError('CONFLICT', 'The tenant was shredded; there is nothing to re-seal.');
  const batchSize = options.batchSize ?? 500;
  const target = await deps.keyring.activeKey(tenant.id);
  const job = await startOrResume(deps, tenant.id, target.version);
  let started = Date.now();
  const state = {
    cursor: job.cursor as Cursor,
    rowsDone: job.rows_done,
    fieldsDone: job.fields_done,
    rowsFailed: job.rows_failed,
    fieldsThisRun: 0,
    batches: 0,
  };
  let failed: string[] = [];
  const progress = (table: string): ResealProgress => ({
    jobId: job.id,
    targetVersion: target.version,
    table,
    totalRows: Math.max(job.total_rows, state.rowsDone),
    rowsDone: state.rowsDone,
    fieldsDone: state.fieldsDone,
    rowsFailed: state.rowsFailed,
    fieldsPerSecond: Math.round(state.fieldsThisRun / Math.max((Date.now() - started) / 1000, 0.001)),
  });

  /** One pass over every sealed table from the cursor; false if stopped by maxBatches. */
  const pass = async (): Promise<boolean> => {
    const startIndex = Math.max(
      0,
      sealedTables.findIndex((s) => s.table === state.cursor.table),
    );
    for (const spec of sealedTables.slice(startIndex)) {
      let afterId = state.cursor.table === spec.table ? (state.cursor.afterId ?? null) : null;
      for (;;) {
        if (options.maxBatches !== undefined && state.batches >= options.maxBatches) return false;
        const batch = await resealBatch(deps, spec, tenant.id, target.version, afterId, batchSize, job.id, state);
        state.batches += 1;
        failed = failed.concat(batch.failed);
        options.onProgress?.(progress(spec.table));
        if (batch.lastId === null) break;
        afterId = batch.lastId;
      }
      state.cursor = {};
    }
    return true;
  };

  if (!(await pass())) return { ...progress(state.cursor.table ?? ''), status: 'paused', failedRowIds: failed };
  const settle = await settledAt(deps, tenant.id);
  const mustWait = Date.now() < settle.getTime();
  if (options.waitForSettle !== false) options.onWait?.(settle, !mustWait);
  if (options.waitForSettle !== false && mustWait) {
    await sleep(settle.getTime() - Date.now());
    started = Date.now(); // the rate is of re-sealing, not of waiting
    state.fieldsThisRun = 0;
  }
  // Final pass: values a server sealed under the old version before it noticed the
  // rotation, and a second chance for rows that failed (their failures are counted anew).
  state.rowsFailed = 0;
  failed = [];
  await pass();
  await repo.saveProgress(deps.db, job.id, {
    cursor: {},
    rowsDone: state.rowsDone,
    fieldsDone: state.fieldsDone,
    rowsFailed: state.rowsFailed,
  });
  await repo.finishJob(deps.db, job.id, 'completed');
  await deps.audit.writeDetached(
    tenant.id,
    deps.actorFor(tenant.id),
    sealedTables.map((spec) => ({
      action: 'tenant_key.reseal',
      resourceType: 'TenantKey',
      resourceId: `v${target.version}`,
      phiFields: spec.columns.map((c) => `${spec.table}.${c}`),
      outcome: failed.length === 0 ? 'allowed' : 'error',
      ...(failed.length > 0 ? { reasonCode: `UNSEAL_FAILED:${failed.length}_rows` } : {}),
    })),
  );
  return { ...progress(''), status: 'completed', failedRowIds: failed };
}

type State = { rowsDone: number; fieldsDone: number; rowsFailed: number; fieldsThisRun: number; cursor: Cursor };

async function resealBatch(
  deps: KeysDeps,
  spec: SealedTableSpec,
  tenantId: string,
  target: number,
  afterId: string | null,
  limit: number,
  jobId: string,
  state: State,
): Promise<{ lastId: string | null; failed: string[] }> {
  return deps.db.transaction().execute(async (tx) => {
    await repo.relaxCommitDurability(tx);
    const job = await repo.runningJob(tx, tenantId, true); // serialises concurrent runners of this job
    if (!job || job.id !== jobId) throw new AppError('CONFLICT', 'The re-seal job was cancelled or superseded.');
    const rows = await repo.lockResealBatch(tx, spec, tenantId, target, afterId, limit);
    const to = await deps.keyring.activeKey(tenantId);
    if (to.version !== target)
      throw new AppError('CONFLICT', 'The tenant key was rotated again during the re-seal; run it again.');
    const done: repo.SealedRow[] = [];
    const failed: string[] = [];
    let fields = 0;
    for (const row of rows) {
      try {
        const resealed: repo.SealedRow = { id: row.id };
        let rowFields = 0;
        for (const column of spec.columns) {
          const value = row[column] as Sealed<string> | null;
          if (value === null) {
            resealed[column] = null;
            continue;
          }
          const from = await deps.keyring.keyForVersion(tenantId, sealedKeyVersion(value));
          if (from.version === target) {
            resealed[column] = value;
            continue;
          }
          resealed[column] = resealValue(from, to, { tenantId, table: spec.table, column, rowId: row.id }, value);
          rowFields += 1;
        }
        done.push(resealed);
        fields += rowFields;
      } catch (e) {
        if (!(e instanceof UnsealError)) throw e;
        failed.push(row.id); // left as it is, never overwritten with anything but its own value
      }
    }
    await repo.writeResealed(tx, spec, tenantId, target, done);
    const lastId = rows.length === limit ? rows[rows.length - 1]!.id : null;
    state.rowsDone += done.length;
    state.fieldsDone += fields;
    state.fieldsThisRun += fields;
    state.rowsFailed += failed.length;
    state.cursor = lastId === null ? {} : { table: spec.table, afterId: lastId };
    await repo.saveProgress(tx, jobId, {
      cursor: state.cursor.table
        ? state.cursor
        : { table: spec.table, afterId: rows.at(-1)?.id ?? afterId ?? undefined },
      rowsDone: state.rowsDone,
      fieldsDone: state.fieldsDone,
      rowsFailed: state.rowsFailed,
    });
    return { lastId, failed };
  });
}
