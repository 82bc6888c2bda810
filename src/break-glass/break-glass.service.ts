// Break-glass (164.312(a)(2)(ii) emergency access): an actor opens time-boxed read access
// to one named record with a mandatory reason. The grant is audited, announced as a
// domain event (webhooks and notifications pick it up), expires by itself, and is
// listed for the privacy officer's review.
import { randomUUID } from 'node:crypto';
import type { AuditAction } from '../audit/actions.js';
import type { Actor } from '../auth/actor.js';
import type { Keyring } from '../crypto/keyring.js';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import { AppError, notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { policyWhere } from '../policy/sql.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { can, inTenant, readInTenant, type Scope, type ServiceDeps } from '../services/scope.js';
import * as repo from './break-glass.repository.js';
import { announceChange } from '../services/announce.service.js';
import { openText, sealText } from './break-glass.sealing.js';
import { cryptoForRead, cryptoForWrite } from '../services/seal-failures.js';

export const breakGlassResourceTypes = ['Contact', 'Ticket'] as const;
export type BreakGlassResourceType = (typeof breakGlassResourceTypes)[number];

export type BreakGlassDeps = ServiceDeps & { keyring: Keyring };

export interface BreakGlassView {
  id: string;
  actorId: string;
  resourceType: string;
  resourceId: string;
  /** the reason's text, for the privacy officer and the grant's holder; null for everyone else */
  reason: string | null;
  /** always shown: an auditor sees that a reason exists and how long it is */
  reasonLength: number;
  openedAt: Date;
  expiresAt: Date;
  closedAt: Date | null;
  active: boolean;
  review: {
    reviewedBy: string;
    reviewedAt: Date;
    outcome: string;
    note: string | null;
    noteLength: number | null;
  } | null;
}

/** What an audit event keeps instead of the reason's text: where the sealed reason lives. */
export const reasonReference = (grantId: string) => `break_glass_grants/${grantId}`;

const policyRecord = (row: repo.GrantRow) => ({ id: row.id, actorId: row.actor_id });

/** The grant as the actor may see it; opening its sealed text is recorded as a disclosure. */
async function present(
  s: Scope,
  crypto: TenantCrypto,
  row: repo.GrantRow,
  action: AuditAction | undefined,
  now = new Date(),
): Promise<BreakGlassView> {
  const mayReadText = can(s.ability, 'read_phi', 'BreakGlass', policyRecord(row));
  const reviewed = row.reviewed_at && row.reviewed_by && row.review_outcome;
  const hasNote = row.review_note_sealed !== null || row.review_note !== null;
  if (action) {
    const phiFields = mayReadText ? ['break_glass.reason', ...(hasNote ? ['break_glass.review_note'] : [])] : [];
    s.record({ action, resourceType: 'BreakGlass', resourceId: row.id, phiFields, outcome: 'allowed' });
  }
  const text = (
    column: 'reason_sealed' | 'review_note_sealed',
    sealed: typeof row.reason_sealed,
    legacy: string | null,
  ) => (mayReadText ? openText(crypto, column, row.id, sealed, legacy) : Promise.resolve(null));
  return {
    id: row.id,
    actorId: row.actor_id,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    reason: await text('reason_sealed', row.reason_sealed, row.reason),
    reasonLength: row.reason_length,
    openedAt: row.opened_at,
    expiresAt: row.expires_at,
    closedAt: row.closed_at,
    active: row.closed_at === null && row.expires_at > now,
    review: reviewed
      ? {
          reviewedBy: row.reviewed_by!,
          reviewedAt: row.reviewed_at!,
          outcome: row.review_outcome!,
          note: await text('review_note_sealed', row.review_note_sealed, row.review_note),
          noteLength: row.review_note_length,
        }
      : null,
  };
}

export interface OpenBreakGlassInput {
  resourceType: string;
  resourceId: string;
  reason: string;
  durationMinutes: number;
}

export async function openBreakGlass(
  deps: BreakGlassDeps & { maxMinutes: number },
  actor: Actor,
  input: OpenBreakGlassInput,
): Promise<BreakGlassView> {
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    s.assertCan('open', 'BreakGlass');
    if (!breakGlassResourceTypes.includes(input.resourceType as BreakGlassResourceType)) {
      throw new AppError('VALIDATION_FAILED', 'resourceType is not one that break-glass covers.', [
        { pointer: '/resourceType', detail: `one of ${breakGlassResourceTypes.join(', ')}` },
      ]);
    }
    if (
      !Number.isInteger(input.durationMinutes) ||
      input.durationMinutes < 1 ||
      input.durationMinutes > deps.maxMinutes
    ) {
      throw new AppError('VALIDATION_FAILED', `durationMinutes must be 1..${deps.maxMinutes}.`, [
        { pointer: '/durationMinutes', detail: `at most ${deps.maxMinutes}` },
      ]);
    }
    const reason = input.reason.trim();
    if (reason.length < 10)
      throw new AppError('VALIDATION_FAILED', 'A reason of at least 10 characters is required.', [
        { pointer: '/reason', detail: 'at least 10 characters' },
      ]);
    // A grant names a record of this tenant, or nothing is stored (RLS would hide another
    // tenant's record anyway, but the grant and its events would point outside the tenant).
    if (
      !isUuid(input.resourceId) ||
      !(await repo.resourceExists(s.tx, input.resourceType as BreakGlassResourceType, input.resourceId))
    ) {
      throw new AppError('UNPROCESSABLE', 'The record to open does not exist.', [
        { pointer: '/resourceId', detail: 'no such record in this tenant' },
      ]);
    }
    const id = randomUUID();
    const row = await repo.insertGrant(s.tx, {
      id,
      tenant_id: actor.tenantId,
      actor_id: actor.id,
      actor_kind: actor.kind,
      resource_type: input.resourceType,
      resource_id: input.resourceId,
      reason_sealed: sealText(crypto, 'reason_sealed', id, reason),
      reason_length: reason.length,
      key_version: crypto.activeVersion,
      expires_at: new Date(Date.now() + input.durationMinutes * 60_000),
    });
    await repo.insertDomainEvent(s.tx, {
      tenant_id: actor.tenantId,
      type: 'break_glass.opened',
      payload: {
        grantId: row.id,
        actorId: actor.id,
        resourceType: row.resource_type,
        resourceId: row.resource_id,
        expiresAt: row.expires_at.toISOString(),
      },
    });
    await announceChange(s, 'break_glass.opened', {
      grantId: row.id,
      actorId: actor.id,
      resourceType: row.resource_type,
      resourceId: row.resource_id,
      expiresAt: row.expires_at.toISOString(),
    });
    s.record({
      action: 'break_glass.open',
      resourceType: input.resourceType,
      resourceId: input.resourceId,
      outcome: 'allowed',
      breakGlassReason: reasonReference(id),
    });
    // the caller typed the reason: handing it back is no disclosure
    return { ...(await present(s, crypto, row, undefined)), reason };
  });
}

export async function listBreakGlass(
  deps: BreakGlassDeps,
  actor: Actor,
  page: PageRequest & { activeOnly?: boolean | undefined },
): Promise<Page<BreakGlassView>> {
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'BreakGlass');
    const where = policyWhere(s.ability, 'read', 'BreakGlass', {
      actorId: 'break_glass_grants.actor_id',
      id: 'break_glass_grants.id',
    })!;
    const result = await paginate(
      repo.selectGrantsWhere(s.tx, where, page.activeOnly ? new Date() : undefined),
      'break_glass_grants',
      page,
    );
    const items: BreakGlassView[] = [];
    for (const row of result.items) items.push(await present(s, crypto, row, 'break_glass.read'));
    return { items, nextCursor: result.nextCursor };
  });
}

async function visibleGrant(
  s: Scope,
  id: string,
  action: 'read' | 'revoke' | 'review' = 'read',
): Promise<repo.GrantRow> {
  const row = isUuid(id) ? await repo.getGrant(s.tx, id) : undefined;
  if (!row) throw notFound('break-glass grant');
  // someone else's grant: 404 as if absent, and the attempt on the record
  if (!can(s.ability, 'read', 'BreakGlass', policyRecord(row)))
    throw await s.notVisible(action, 'BreakGlass', id, async () => true);
  return row;
}

/** One grant, for its holder, the privacy officer and auditors (the target of POST's Location header). */
export async function getBreakGlass(deps: BreakGlassDeps, actor: Actor, id: string): Promise<BreakGlassView> {
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => present(s, crypto, await visibleGrant(s, id), 'break_glass.read'));
}

/** Ends a grant early: its holder or a privacy officer (policy: 'revoke'). */
export async function closeBreakGlass(deps: BreakGlassDeps, actor: Actor, id: string): Promise<BreakGlassView> {
  const crypto = await cryptoForRead(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const row = await visibleGrant(s, id, 'revoke');
    s.assertCan('revoke', 'BreakGlass', policyRecord(row));
    const now = new Date();
    await repo.closeGrant(s.tx, id, now);
    s.record({
      action: 'break_glass.close',
      resourceType: row.resource_type,
      resourceId: row.resource_id,
      outcome: 'allowed',
    });
    return present(s, crypto, (await repo.getGrant(s.tx, id))!, undefined, now);
  });
}

/** The privacy officer's review (never by the grant's own holder: policy). The note is sealed. */
export async function reviewBreakGlass(
  deps: BreakGlassDeps,
  actor: Actor,
  id: string,
  input: { outcome: 'justified' | 'unjustified'; note?: string | undefined },
): Promise<BreakGlassView> {
  const crypto = await cryptoForWrite(deps, actor);
  return inTenant(deps, actor, async (s) => {
    const row = await visibleGrant(s, id, 'review');
    s.assertCan('review', 'BreakGlass', policyRecord(row));
    // Both sealed columns of the row go under the active key version together.
    const reason = (await openText(crypto, 'reason_sealed', id, row.reason_sealed, row.reason))!;
    const note = input.note?.trim() ? input.note : undefined;
    await repo.reviewGrant(s.tx, id, {
      reviewed_by: actor.id,
      reviewed_at: new Date(),
      review_outcome: input.outcome,
      reason_sealed: sealText(crypto, 'reason_sealed', id, reason),
      key_version: crypto.activeVersion,
      review_note_sealed: note === undefined ? null : sealText(crypto, 'review_note_sealed', id, note),
      review_note_length: note?.length ?? null,
    });
    s.record({
      action: 'break_glass.review',
      resourceType: 'BreakGlass',
      resourceId: id,
      phiFields: ['break_glass.reason'],
      outcome: 'allowed',
    });
    return present(s, crypto, (await repo.getGrant(s.tx, id))!, undefined);
  });
}
