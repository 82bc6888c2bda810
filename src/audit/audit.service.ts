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
import type { AuditEvent } from './capture/event.js';
import { eventFromRow, exportLine } from './chain/stored-event.js';
import { verifyIncrementally, type AuditVerificationView } from './verification.service.js';
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

export type { AuditVerificationView } from './verification.service.js';

const READ_BATCH = 2000;

function encodeSeqCursor(seq: number): string {
  return Buffer.from(`v1:seq:${seq}`).toString('base64url');
}

function decodeSeqCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const match = /^v1:seq:([0-9]{1,16})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const seq = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(seq)) {
    throw new AppError('VALIDATION_FAILED', 'The cursor is not valid.', [
      { parameter: 'cursor', detail: 'is not a cursor returned by this API' },
    ]);
  }
  return seq;
}

function checkFilter(filter: AuditFilter): void {
  if (filter.resourceId !== undefined && filter.resourceType === undefined) {
    throw new AppError('VALIDATION_FAILED', 'resourceId needs resourceType.', [
      { pointer: '/resourceType', detail: 'required with resourceId' },
    ]);
  }
  if (filter.from && filter.to && filter.from >= filter.to) {
    throw new AppError('VALIDATION_FAILED', 'from must be before to.', [
      { pointer: '/from', detail: 'must be before to' },
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

/**
 * Verifies the tenant's chain as stored, against the signed checkpoints: incrementally,
 * from the last verified signed checkpoint to the head (verification.service.ts).
 */
export async function verifyAuditTrail(deps: AuditServiceDeps, actor: Actor): Promise<AuditVerificationView> {
  return verifyIncrementally(deps, actor);
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
