// The review queue (164.308(a)(1)(ii)(D)): the privacy officer lists the findings the
// detectors raised, acknowledges them, or dismisses them with a reason (staff free text,
// sealed). Tenant admins and auditors read the queue; the dismissal reason is shown only to
// those who may read_phi on findings. Opening an incident from a finding is in
// src/incidents/incidents.service.ts (it computes the affected patients).
import type { Actor } from '../auth/actor.js';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import type { Keyring } from '../crypto/keyring.js';
import type { FindingKind, FindingStatus } from '../db/database.js';
import { AppError, notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { can, inTenant, readInTenant, type Scope, type ServiceDeps } from '../services/scope.js';
import { cryptoForRead, cryptoForWrite } from '../services/seal-failures.js';
import * as repo from './activity-review.repository.js';
import { reviewFindingsSealing as spec } from './review-findings.sealing.js';

export type ReviewDeps = ServiceDeps & { keyring: Keyring };

export interface FindingView {
  id: string;
  kind: FindingKind;
  actorId: string;
  actorKind: string;
  period: string;
  windowStart: Date;
  windowEnd: Date;
  records: number;
  baseline: number | null;
  status: FindingStatus;
  /** null unless dismissed and the caller may read it */
  dismissReason: string | null;
  /** true when a dismissal reason exists that the caller may not read */
  masked: boolean;
  incidentId: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const REASON_FIELD = 'review_finding.dismiss_reason';

async function present(s: Scope, crypto: TenantCrypto, row: repo.FindingRow): Promise<FindingView> {
  const sealed = row.dismiss_reason_sealed;
  const disclose = sealed !== null && can(s.ability, 'read_phi', 'ReviewFinding');
  return {
    id: row.id,
    kind: row.kind,
    actorId: row.actor_id,
    actorKind: row.actor_kind,
    period: row.period_key,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    records: row.records,
    baseline: row.baseline,
    status: row.status,
    dismissReason: disclose
      ? await crypto.open({ table: spec.table, column: 'dismiss_reason_sealed', rowId: row.id }, sealed)
      : null,
    masked: sealed !== null && !disclose,
    incidentId: row.incident_id,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function readEvent(s: Scope, rows: readonly repo.FindingRow[]): void {
  const disclosed = can(s.ability, 'read_phi', 'ReviewFinding');
  for (const row of rows)
    s.record({
      action: 'review_finding.read',
      resourceType: 'ReviewFinding',
      resourceId: row.id,
      phiFields: disclosed && row.dismiss_reason_sealed !== null ? [REASON_FIELD] : [],
      outcome: 'allowed',
    });
}

export async function visibleFinding(s: Scope, id: string, lock = false): Promise<repo.FindingRow> {
  s.assertCan('read', 'ReviewFinding');
  const row = isUuid(id) ? await repo.getFinding(s.tx, id, lock) : undefined;
  if (!row) throw notFound('review finding');
  return row;
}

const kinds: readonly string[] = ['off_hours', 'volume', 'denied_burst', 'break_glass', 'relationship_match'];
const statuses: readonly string[] = ['open', 'acknowledged', 'dismissed', 'incident_opened'];

export async function listFindings(
  deps: ReviewDeps,
  actor: Actor,
  query: PageRequest & { status?: string | undefined; kind?: string | undefined },
): Promise<Page<FindingView>> {
  if (query.status !== undefined && !statuses.includes(query.status))
    throw new AppError('VALIDATION_FAILED', 'status is not a finding status.', [
      { parameter: 'status', detail: statuses.join(', ') },
    ]);
  if (query.kind !== undefined && !kinds.includes(query.kind))
    throw new AppError('VALIDATION_FAILED', 'kind is not a finding kind.', [
      { parameter: 'kind', detail: kinds.join(', ') },
    ]);
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'ReviewFinding');
    const filter = { status: query.status as FindingStatus | undefined, kind: query.kind as FindingKind | undefined };
    const page = await paginate(repo.selectFindings(s.tx, filter), 'review_findings', query);
    readEvent(s, page.items);
    return { items: await Promise.all(page.items.map((r) => present(s, crypto, r))), nextCursor: page.nextCursor };
  });
}

export async function getFinding(deps: ReviewDeps, actor: Actor, id: string): Promise<FindingView> {
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const row = await visibleFinding(s, id);
    readEvent(s, [row]);
    return present(s, crypto, row);
  });
}

function assertOpen(row: repo.FindingRow): void {
  if (row.status !== 'open' && row.status !== 'acknowledged')
    throw new AppError('CONFLICT', `This finding is already ${row.status.replace('_', ' ')}.`);
}

export async function acknowledgeFinding(deps: ReviewDeps, actor: Actor, id: string): Promise<FindingView> {
  const crypto = await cryptoForRead(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const row = await visibleFinding(s, id, true);
    s.assertCan('update', 'ReviewFinding', { id });
    if (row.status !== 'open')
      throw new AppError('CONFLICT', `This finding is already ${row.status.replace('_', ' ')}.`);
    const updated = await repo.decideFinding(s.tx, id, {
      status: 'acknowledged',
      decided_by: actor.id,
      decided_at: new Date(),
    });
    s.record({
      action: 'review_finding.acknowledge',
      resourceType: 'ReviewFinding',
      resourceId: id,
      outcome: 'allowed',
    });
    return present(s, crypto, updated);
  });
}

export async function dismissFinding(
  deps: ReviewDeps,
  actor: Actor,
  id: string,
  input: { reason: string },
): Promise<FindingView> {
  if (input.reason.trim().length === 0 || input.reason.length > 2000)
    throw new AppError('VALIDATION_FAILED', 'reason must be 1..2000 characters.', [
      { pointer: '/reason', detail: '1..2000 characters' },
    ]);
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const row = await visibleFinding(s, id, true);
    s.assertCan('update', 'ReviewFinding', { id });
    assertOpen(row);
    const updated = await repo.decideFinding(s.tx, id, {
      status: 'dismissed',
      decided_by: actor.id,
      decided_at: new Date(),
      dismiss_reason_sealed: crypto.seal(
        { table: spec.table, column: 'dismiss_reason_sealed', rowId: id },
        input.reason,
      ),
      key_version: crypto.activeVersion,
    });
    s.record({
      action: 'review_finding.dismiss',
      resourceType: 'ReviewFinding',
      resourceId: id,
      phiFields: [REASON_FIELD],
      outcome: 'allowed',
    });
    return present(s, crypto, updated);
  });
}

export { assertOpen as assertFindingUndecided };
