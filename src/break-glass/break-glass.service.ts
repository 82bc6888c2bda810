// Break-glass (164.312(a)(2)(ii) emergency access): an actor opens time-boxed read access
// to one named record with a mandatory reason. The grant is audited, announced as a
// domain event (webhooks and notifications pick it up), expires by itself, and is
// listed for the privacy officer's review.
import type { Actor } from '../auth/actor.js';
import { AppError, notFound } from '../errors.js';
import { policyWhere } from '../policy/sql.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { can, inTenant, readInTenant, type Scope, type ServiceDeps } from '../services/scope.js';
import * as repo from './break-glass.repository.js';

export const breakGlassResourceTypes = ['Contact', 'Ticket'] as const;
export type BreakGlassResourceType = (typeof breakGlassResourceTypes)[number];

export interface BreakGlassView {
  id: string;
  actorId: string;
  resourceType: string;
  resourceId: string;
  reason: string;
  openedAt: Date;
  expiresAt: Date;
  closedAt: Date | null;
  active: boolean;
  review: { reviewedBy: string; reviewedAt: Date; outcome: string; note: string | null } | null;
}

type GrantRow = NonNullable<Awaited<ReturnType<typeof repo.getGrant>>>;

function present(row: GrantRow, now = new Date()): BreakGlassView {
  return {
    id: row.id, actorId: row.actor_id, resourceType: row.resource_type, resourceId: row.resource_id, reason: row.reason,
    openedAt: row.opened_at, expiresAt: row.expires_at, closedAt: row.closed_at,
    active: row.closed_at === null && row.expires_at > now,
    review: row.reviewed_at && row.reviewed_by && row.review_outcome
      ? { reviewedBy: row.reviewed_by, reviewedAt: row.reviewed_at, outcome: row.review_outcome, note: row.review_note } : null,
  };
}

export interface OpenBreakGlassInput {
  resourceType: string;
  resourceId: string;
  reason: string;
  durationMinutes: number;
}

export async function openBreakGlass(deps: ServiceDeps & { maxMinutes: number }, actor: Actor, input: OpenBreakGlassInput): Promise<BreakGlassView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('open', 'BreakGlass');
    if (!breakGlassResourceTypes.includes(input.resourceType as BreakGlassResourceType)) {
      throw new AppError('VALIDATION_FAILED', 'resourceType is not one that break-glass covers.', [{ path: '/resourceType', message: `one of ${breakGlassResourceTypes.join(', ')}` }]);
    }
    if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 1 || input.durationMinutes > deps.maxMinutes) {
      throw new AppError('VALIDATION_FAILED', `durationMinutes must be 1..${deps.maxMinutes}.`, [{ path: '/durationMinutes', message: `at most ${deps.maxMinutes}` }]);
    }
    const reason = input.reason.trim();
    if (reason.length < 10) throw new AppError('VALIDATION_FAILED', 'A reason of at least 10 characters is required.', [{ path: '/reason', message: 'at least 10 characters' }]);
    const row = await repo.insertGrant(s.tx, {
      tenant_id: actor.tenantId, actor_id: actor.id, actor_kind: actor.kind, resource_type: input.resourceType, resource_id: input.resourceId,
      reason, expires_at: new Date(Date.now() + input.durationMinutes * 60_000),
    });
    await repo.insertDomainEvent(s.tx, {
      tenant_id: actor.tenantId, type: 'break_glass.opened',
      payload: { grantId: row.id, actorId: actor.id, resourceType: row.resource_type, resourceId: row.resource_id, expiresAt: row.expires_at.toISOString() },
    });
    s.record({ action: 'break_glass.open', resourceType: input.resourceType, resourceId: input.resourceId, outcome: 'allowed', breakGlassReason: reason });
    return present(row);
  });
}

export async function listBreakGlass(deps: ServiceDeps, actor: Actor, page: PageRequest & { activeOnly?: boolean | undefined }): Promise<Page<BreakGlassView>> {
  return readInTenant(deps, actor, async (s) => {
    const where = policyWhere(s.ability, 'read', 'BreakGlass', { actorId: 'break_glass_grants.actor_id', id: 'break_glass_grants.id' });
    if (!where) throw new AppError('FORBIDDEN', 'You are not allowed to list break-glass grants.');
    let q = repo.selectGrants(s.tx).where(where);
    if (page.activeOnly) q = q.where('break_glass_grants.expires_at', '>', new Date()).where('break_glass_grants.closed_at', 'is', null);
    const result = await paginate(q, 'break_glass_grants', page);
    for (const row of result.items) s.record({ action: 'break_glass.read', resourceType: 'BreakGlass', resourceId: row.id, outcome: 'allowed' });
    return { items: result.items.map((r) => present(r)), nextCursor: result.nextCursor };
  });
}

async function visibleGrant(s: Scope, id: string): Promise<GrantRow> {
  const row = await repo.getGrant(s.tx, id);
  if (!row) throw notFound('break-glass grant');
  if (!can(s.ability, 'read', 'BreakGlass', { id: row.id, actorId: row.actor_id })) throw notFound('break-glass grant');
  return row;
}

/** One grant, for its holder, the privacy officer and auditors (the target of POST's Location header). */
export async function getBreakGlass(deps: ServiceDeps, actor: Actor, id: string): Promise<BreakGlassView> {
  return readInTenant(deps, actor, async (s) => {
    const row = await visibleGrant(s, id);
    s.record({ action: 'break_glass.read', resourceType: 'BreakGlass', resourceId: id, outcome: 'allowed' });
    return present(row);
  });
}

export async function closeBreakGlass(deps: ServiceDeps, actor: Actor, id: string): Promise<BreakGlassView> {
  return inTenant(deps, actor, async (s) => {
    const row = await visibleGrant(s, id);
    if (row.actor_id !== actor.id && !s.ability.can('review', 'BreakGlass')) throw new AppError('FORBIDDEN', 'Only the grant holder or a privacy officer may close it.');
    const now = new Date();
    await repo.closeGrant(s.tx, id, now);
    s.record({ action: 'break_glass.close', resourceType: row.resource_type, resourceId: row.resource_id, outcome: 'allowed' });
    return present((await repo.getGrant(s.tx, id))!, now);
  });
}

export async function reviewBreakGlass(deps: ServiceDeps, actor: Actor, id: string, input: { outcome: 'justified' | 'unjustified'; note?: string | undefined }): Promise<BreakGlassView> {
  return inTenant(deps, actor, async (s) => {
    const row = await visibleGrant(s, id);
    s.assertCan('review', 'BreakGlass', { id, actorId: row.actor_id });
    if (row.actor_id === actor.id) throw new AppError('FORBIDDEN', 'A grant cannot be reviewed by its own holder.');
    await repo.reviewGrant(s.tx, id, { reviewed_by: actor.id, reviewed_at: new Date(), review_outcome: input.outcome, review_note: input.note ?? null });
    s.record({ action: 'break_glass.review', resourceType: 'BreakGlass', resourceId: id, outcome: 'allowed' });
    return present((await repo.getGrant(s.tx, id))!);
  });
}
