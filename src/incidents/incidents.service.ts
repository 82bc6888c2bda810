// Incidents (164.308(a)(6)) and their breach assessment (164.402-410). An incident is opened
// from a review finding (its actor and window) or by hand (an actor or API key id and a
// window); its affected patients are computed then, from the audit trail, and kept with it.
// The privacy officer records the four risk-assessment factors (codes plain, notes sealed);
// tenant admins and auditors read incidents without the notes.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import { eventFromRow } from '../audit/index.js';
import { AppError } from '../errors.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { inTenant, readInTenant, type Scope } from '../services/scope.js';
import { cryptoForRead } from '../services/seal-failures.js';
import * as findings from '../activity-review/review-findings.service.js';
import { decideFinding } from '../activity-review/activity-review.repository.js';
import * as repo from './incidents.repository.js';
import {
  assertDiscovery,
  nowOf,
  present,
  recordRead,
  visibleIncident,
  type IncidentDeps,
  type IncidentView,
} from './incident-view.service.js';
import { AffectedPatients, type AffectedPatient } from './affected-patients.js';

const PAGE = 5000;

interface IncidentScope {
  actorId: string | null;
  sessionId: string | null;
  from: Date;
  to: Date;
}

/** Every patient the scope's allowed events in [from, to] touched (one pass over those events only). */
async function affectedFromTrail(s: Scope, scope: IncidentScope): Promise<AffectedPatient[]> {
  const acc = new AffectedPatients();
  let after = 0;
  for (;;) {
    const rows = await repo.actorEventsBetween(s.tx, scope.actorId, scope.from, scope.to, after, PAGE);
    for (const row of rows) {
      const event = eventFromRow(row);
      // the session is in the event body only (no column): filtered here, over the actor's events
      if (scope.sessionId === null || event.actor.sessionId === scope.sessionId) acc.add(event);
    }
    if (rows.length < PAGE) break;
    after = Number(rows[rows.length - 1]!.seq);
  }
  return acc.list();
}

async function createIncident(
  s: Scope,
  scope: IncidentScope & { discoveredAt: Date; findingId: string | null },
): Promise<repo.IncidentRow> {
  const id = randomUUID();
  const affected = await affectedFromTrail(s, scope);
  const row = await repo.insertIncident(s.tx, {
    id,
    tenant_id: s.actor.tenantId,
    discovered_at: scope.discoveredAt,
    source_finding_id: scope.findingId,
    scope_actor_id: scope.actorId,
    scope_session_id: scope.sessionId,
    scope_from: scope.from,
    scope_to: scope.to,
    affected_count: affected.length,
    created_by: s.actor.id,
  });
  await repo.insertAffectedPatients(
    s.tx,
    affected.map((p) => ({
      id: randomUUID(),
      tenant_id: s.actor.tenantId,
      incident_id: id,
      contact_id: p.contactId,
      actions: p.actions,
      phi_fields: p.phiFields,
      events: p.events,
      first_at: p.firstAt,
      last_at: p.lastAt,
    })),
  );
  s.record({
    action: 'incident.create',
    resourceType: 'Incident',
    resourceId: id,
    outcome: 'allowed',
    ...(scope.findingId ? { reasonCode: `finding:${scope.findingId}` } : {}),
  });
  return row;
}

/** Acting on a finding: the incident covers the finding's actor and window; the finding is closed by it. */
export async function openIncidentFromFinding(
  deps: IncidentDeps,
  actor: Actor,
  findingId: string,
  input: { discoveredAt?: Date | undefined },
): Promise<IncidentView> {
  const crypto = await cryptoForRead(deps, actor);
  const now = nowOf(deps);
  const discoveredAt = input.discoveredAt ?? now;
  assertDiscovery(discoveredAt, now);
  return inTenant(deps, actor, async (s) => {
    const finding = await findings.visibleFinding(s, findingId, true);
    s.assertCan('create', 'Incident');
    s.assertCan('update', 'ReviewFinding', { id: findingId });
    findings.assertFindingUndecided(finding);
    const row = await createIncident(s, {
      actorId: finding.actor_id,
      sessionId: null,
      from: finding.window_start,
      to: finding.window_end,
      discoveredAt,
      findingId,
    });
    await decideFinding(s.tx, findingId, {
      status: 'incident_opened',
      decided_by: actor.id,
      decided_at: now,
      incident_id: row.id,
    });
    return present(s, crypto, row);
  });
}

/** An incident over a window the officer names: of one actor or API key (one of its sessions), or of everyone. */
export async function openIncident(
  deps: IncidentDeps,
  actor: Actor,
  input: {
    actorId?: string | undefined;
    sessionId?: string | undefined;
    from: Date;
    to: Date;
    discoveredAt?: Date | undefined;
  },
): Promise<IncidentView> {
  const crypto = await cryptoForRead(deps, actor);
  const now = nowOf(deps);
  const discoveredAt = input.discoveredAt ?? now;
  assertDiscovery(discoveredAt, now);
  if (input.sessionId !== undefined && input.actorId === undefined)
    throw new AppError('VALIDATION_FAILED', 'sessionId needs the actorId whose session it is.', [
      { pointer: '/actorId', detail: 'required with sessionId' },
    ]);
  if (!(input.from.getTime() <= input.to.getTime()))
    throw new AppError('VALIDATION_FAILED', 'from must not be after to.', [
      { pointer: '/to', detail: 'not before from' },
    ]);
  return inTenant(deps, actor, async (s) => {
    s.assertCan('create', 'Incident');
    const row = await createIncident(s, {
      actorId: input.actorId ?? null,
      sessionId: input.sessionId ?? null,
      from: input.from,
      to: input.to,
      discoveredAt,
      findingId: null,
    });
    return present(s, crypto, row);
  });
}

export async function getIncident(deps: IncidentDeps, actor: Actor, id: string): Promise<IncidentView> {
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const row = await visibleIncident(s, id);
    recordRead(s, row);
    return present(s, crypto, row);
  });
}

export async function listIncidents(deps: IncidentDeps, actor: Actor, page: PageRequest): Promise<Page<IncidentView>> {
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'Incident');
    const result = await paginate(repo.selectIncidents(s.tx), 'incidents', page);
    for (const row of result.items) recordRead(s, row);
    return { items: await Promise.all(result.items.map((r) => present(s, crypto, r))), nextCursor: result.nextCursor };
  });
}

export interface AffectedPatientView {
  /** the row's id: what its page cursor is made of (REST does not show it) */
  id: string;
  contactId: string;
  operations: string[];
  phiFields: string[];
  events: number;
  firstAt: Date;
  lastAt: Date;
}

export async function listAffectedPatients(
  deps: IncidentDeps,
  actor: Actor,
  id: string,
  page: PageRequest,
): Promise<Page<AffectedPatientView>> {
  return readInTenant(deps, actor, async (s) => {
    await visibleIncident(s, id);
    const result = await paginate(repo.selectAffectedPatients(s.tx, id), 'incident_patients', page);
    s.record({ action: 'incident.read', resourceType: 'Incident', resourceId: id, outcome: 'allowed' });
    return {
      items: result.items.map((r) => ({
        id: r.id,
        contactId: r.contact_id,
        operations: r.actions,
        phiFields: r.phi_fields,
        events: r.events,
        firstAt: r.first_at,
        lastAt: r.last_at,
      })),
      nextCursor: result.nextCursor,
    };
  });
}

export type { IncidentDeps, IncidentView } from './incident-view.service.js';
