// How an incident looks to callers (risk notes opened only for those who may read them),
// and what every incident use case shares: deps and clock, lookups, read events, input checks.
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import { AppError, notFound } from '../errors.js';
import type { ReviewDeps } from '../activity-review/review-findings.service.js';
import { isUuid } from '../ids.js';
import { can, type Scope } from '../services/scope.js';
import * as repo from './incidents.repository.js';
import { incidentsSealing as spec } from './incidents.sealing.js';
import { joinRisk, type RiskFactors } from './risk-assessment.js';

export interface IncidentView {
  id: string;
  status: 'open' | 'closed';
  discoveredAt: Date;
  sourceFindingId: string | null;
  /** actorId null: every actor in the window; sessionId: only that session of the actor */
  scope: { actorId: string | null; sessionId: string | null; from: Date; to: Date };
  affectedCount: number;
  riskAssessment: RiskFactors;
  /** true when risk notes exist that the caller may not read (they show as null) */
  masked: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const NOTES_FIELD = 'incident.risk_notes';
export const notesPlace = (id: string) => ({ table: spec.table, column: 'risk_notes_sealed', rowId: id });

export async function openNotes(crypto: TenantCrypto, row: repo.IncidentRow): Promise<Record<string, string> | null> {
  return row.risk_notes_sealed === null
    ? null
    : (JSON.parse(await crypto.open(notesPlace(row.id), row.risk_notes_sealed)) as Record<string, string>);
}

export async function present(s: Scope, crypto: TenantCrypto, row: repo.IncidentRow): Promise<IncidentView> {
  const disclose = row.risk_notes_sealed !== null && can(s.ability, 'read_phi', 'Incident');
  return {
    id: row.id,
    status: row.status,
    discoveredAt: row.discovered_at,
    sourceFindingId: row.source_finding_id,
    scope: { actorId: row.scope_actor_id, sessionId: row.scope_session_id, from: row.scope_from, to: row.scope_to },
    affectedCount: row.affected_count,
    riskAssessment: joinRisk(row.risk_assessment, disclose ? await openNotes(crypto, row) : null),
    masked: row.risk_notes_sealed !== null && !disclose,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function recordRead(s: Scope, row: repo.IncidentRow): void {
  const disclosed = row.risk_notes_sealed !== null && can(s.ability, 'read_phi', 'Incident');
  s.record({
    action: 'incident.read',
    resourceType: 'Incident',
    resourceId: row.id,
    phiFields: disclosed ? [NOTES_FIELD] : [],
    outcome: 'allowed',
  });
}

export async function visibleIncident(s: Scope, id: string): Promise<repo.IncidentRow> {
  s.assertCan('read', 'Incident');
  const row = isUuid(id) ? await repo.getIncident(s.tx, id) : undefined;
  if (!row) throw notFound('incident');
  return row;
}

export type IncidentDeps = ReviewDeps & { clock?: (() => Date) | undefined };
export const nowOf = (deps: IncidentDeps) => deps.clock?.() ?? new Date();

export function assertDiscovery(discoveredAt: Date, now: Date): void {
  if (!Number.isFinite(discoveredAt.getTime()) || discoveredAt.getTime() > now.getTime() + 60_000)
    throw new AppError('VALIDATION_FAILED', 'discoveredAt must be a time no later than now.', [
      { pointer: '/discoveredAt', detail: 'a past date-time' },
    ]);
}
