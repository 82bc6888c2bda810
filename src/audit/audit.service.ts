// Use cases over the audit trail for the privacy officer and the auditor (activity
// review, 164.308(a)(1)(ii)(D)): search, export, verify. Each runs in the caller's
// tenant scope (RLS) and is itself recorded: reading the audit trail is an access.
// Queries show chained events only; verify reports what is still waiting in the inbox.
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import { inTenantTx } from '../db/tenant-tx.js';
import { AppError } from '../errors.js';
import { pageSize, type PageRequest } from '../services/pagination.js';
import type { AuditPort } from '../services/audit-port.js';
import { readInTenant, type ServiceDeps } from '../services/scope.js';
import type { CheckpointSink } from './checkpoint/checkpoint-sink.js';
import { CheckpointFormatError, type SignedCheckpoint } from './checkpoint/checkpoint.js';
import { GENESIS_HASH, type AuditEvent } from './capture/event.js';
import { keyIdOf } from './checkpoint/signing-key.js';
import { eventForVerification, eventFromRow, exportLine } from './chain/stored-event.js';
import { AuditChainVerifier, type TenantVerification } from './export/verify.js';
import * as repo from './audit.repository.js';

export interface AuditServiceDeps extends ServiceDeps {
  sink: CheckpointSink;
  /** trusted checkpoint public keys, current first */
  publicKeys: readonly Uint8Array[];
  retentionYears: number;
}

export type AuditFilter = repo.EventFilter;

export interface AuditEventPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

export interface AuditVerificationView extends TenantVerification {
  ok: boolean;
  /** captured but not yet chained: durable, and covered by verification once chained */
  pending: { count: number; oldestAgeSeconds: number | null };
  keyIds: string[];
  checkpoints: number;
  /** set when the checkpoint store could not be read as checkpoints (itself evidence) */
  checkpointStoreProblem: string | null;
  retentionYears: number;
  verifiedAt: string;
}

const READ_BATCH = 2000;
const VERIFY_BATCH = 5000;

function encodeSeqCursor(seq: number): string {
  return Buffer.from(`v1:seq:${seq}`).toString('base64url');
}

function decodeSeqCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const match = /^v1:seq:([0-9]{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const seq = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(seq)) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not valid.', [
      { path: '/cursor', message: 'is not a cursor returned by this API' },
    ]);
  }
  return seq;
}

function checkFilter(filter: AuditFilter): void {
  if (filter.resourceId !== undefined && filter.resourceType === undefined) {
    throw new AppError('VALIDATION_FAILED', 'resourceId needs resourceType.', [
      { path: '/resourceType', message: 'required with resourceId' },
    ]);
  }
  if (filter.from && filter.to && filter.from >= filter.to) {
    throw new AppError('VALIDATION_FAILED', 'from must be before to.', [
      { path: '/from', message: 'must be before to' },
    ]);
  }
}

/**
 * Events keep a reference to a sealed break-glass reason (`break_glass_grants/<id>`); events
 * written before reasons were sealed hold the text itself, which may be PHI. Search shows
 * such text only to those who may read reasons. (An export stays verbatim: it must verify.)
 */
function withoutReasonText(event: AuditEvent): AuditEvent {
  const reason = event.breakGlassReason;
  if (reason === null || reason === undefined || reason.startsWith('break_glass_grants/')) return event;
  return { ...event, breakGlassReason: '[sealed: legacy reason text withheld]' };
}

/** Who looked at this patient, what did this user touch, what happened to this record: one page by seq. */
export async function searchAuditEvents(
  deps: ServiceDeps,
  actor: Actor,
  filter: AuditFilter,
  page: PageRequest & { order?: 'asc' | 'desc' | undefined },
): Promise<AuditEventPage> {
  checkFilter(filter);
  const limit = pageSize(page);
  const afterSeq = decodeSeqCursor(page.cursor);
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'AuditEvent');
    const rows = await repo.searchEvents(s.tx, actor.tenantId, filter, {
      afterSeq,
      limit: limit + 1,
      order: page.order ?? 'asc',
    });
    const mayReadReasons = s.ability.can('read_phi', 'BreakGlass');
    const items = rows
      .slice(0, limit)
      .map(eventFromRow)
      .map((event) => (mayReadReasons ? event : withoutReasonText(event)));
    s.record({
      action: 'audit.search',
      resourceType: 'AuditEvent',
      subjectContactId: filter.contactId,
      outcome: 'allowed',
    });
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeSeqCursor(last.seq) : null };
  });
}

async function* exportBatches(
  db: Kysely<Database>,
  tenantId: string,
  uptoSeq: number,
  tenantScoped: boolean,
): AsyncGenerator<string> {
  let after = 0;
  while (after < uptoSeq) {
    const read = (q: Kysely<Database>) => repo.eventsAfter(q, tenantId, after, READ_BATCH, uptoSeq);
    const rows = tenantScoped ? await inTenantTx(db, tenantId, read, { readOnly: true }) : await read(db);
    if (rows.length === 0) return;
    yield rows.map((row) => exportLine(eventFromRow(row))).join('');
    after = Number(rows[rows.length - 1]!.seq);
  }
}

/**
 * The tenant's chain as NDJSON lines (the format `phidesk audit verify` reads), from seq
 * 1 to the head at the time of the call. The export is recorded before the first line.
 */
export async function exportAuditTrail(deps: ServiceDeps, actor: Actor): Promise<AsyncIterable<string>> {
  const upto = await readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'AuditEvent');
    s.record({ action: 'audit.export', resourceType: 'AuditEvent', outcome: 'allowed' });
    return repo.lastSeq(s.tx, actor.tenantId);
  });
  return exportBatches(deps.db, actor.tenantId, upto, true);
}

async function listCheckpoints(
  sink: CheckpointSink,
  tenantId: string,
): Promise<{ checkpoints: SignedCheckpoint[]; problem: string | null }> {
  try {
    return { checkpoints: await sink.list(tenantId), problem: null };
  } catch (error) {
    if (!(error instanceof CheckpointFormatError)) throw error;
    return { checkpoints: [], problem: 'a stored checkpoint of this tenant is malformed' };
  }
}

/** Verifies the tenant's chain as stored, against the signed checkpoints. */
export async function verifyAuditTrail(deps: AuditServiceDeps, actor: Actor): Promise<AuditVerificationView> {
  // Checkpoints first: each covers events committed before it was signed, so all of
  // them are within the chain as read below.
  const { checkpoints, problem } = await listCheckpoints(deps.sink, actor.tenantId);
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('verify', 'AuditEvent');
    const verifier = new AuditChainVerifier({ publicKey: deps.publicKeys, checkpoints });
    for (let after = 0; ;) {
      const rows = await repo.eventsAfter(s.tx, actor.tenantId, after, VERIFY_BATCH);
      for (const row of rows) verifier.add(eventForVerification(row));
      if (rows.length < VERIFY_BATCH) break;
      after = Number(rows[rows.length - 1]!.seq);
    }
    const report = verifier.finish();
    const tenant: TenantVerification = report.tenants.find((t) => t.tenantId === actor.tenantId) ?? {
      tenantId: actor.tenantId,
      checked: 0,
      headSeq: 0,
      headHash: GENESIS_HASH,
      checkpointsVerified: 0,
      checkpointedSize: 0,
      findings: [],
    };
    const pending = await repo.pendingStats(s.tx);
    s.record({ action: 'audit.verify', resourceType: 'AuditEvent', outcome: 'allowed' });
    return {
      ...tenant,
      ok: report.ok && problem === null,
      pending,
      keyIds: deps.publicKeys.map(keyIdOf),
      checkpoints: checkpoints.length,
      checkpointStoreProblem: problem,
      retentionYears: deps.retentionYears,
      verifiedAt: new Date().toISOString(),
    };
  });
}

const CLI_ACTOR = { id: 'phidesk-cli', kind: 'system', authMethod: 'system' } as const;

/**
 * Operator export (`phidesk audit export`, owner connection): the chains of the given
 * tenants, or of every tenant with one, each recorded as an export by the CLI.
 */
export async function exportChainsForOperator(
  db: Kysely<Database>,
  audit: AuditPort,
  tenantIds: readonly string[] | undefined,
  write: (chunk: string) => Promise<void>,
): Promise<{ tenantIds: string[]; events: number }> {
  const ids = tenantIds ?? (await repo.chainTenantIds(db));
  let events = 0;
  for (const tenantId of ids) {
    await audit.writeDetached(tenantId, CLI_ACTOR, [
      { action: 'audit.export', resourceType: 'AuditEvent', outcome: 'allowed' },
    ]);
    for await (const chunk of exportBatches(db, tenantId, await repo.lastSeq(db, tenantId), false)) {
      events += chunk.split('\n').length - 1;
      await write(chunk);
    }
  }
  return { tenantIds: [...ids], events };
}
