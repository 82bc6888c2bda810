// Users: one record per person (unique user identification, 164.312(a)(2)(i)),
// provisioned on first sight from a partner's token or created by a tenant admin.
import type { Actor, Role } from '../auth/actor.js';
import { knownRolesOf, parseRoles } from '../policy/roles.js';
import type { VerifiedToken } from '../auth/jwt-verifier.js';
import { inTenantTx } from '../db/tenant-tx.js';
import { AppError, notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import type { BreakGlassGrant } from '../policy/ability.js';
import { policyWhere } from '../policy/sql.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { inTenant, readInTenant, type Scope, type ServiceDeps } from '../services/scope.js';
import * as repo from './users.repository.js';

export interface UserView {
  id: string;
  email: string | null;
  displayName: string;
  roles: string[];
  contactId: string | null;
  status: 'active' | 'disabled';
  issuer: string | null;
  subject: string | null;
  sessionsRevokedAfter: Date | null;
  lastSeenAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.getUser>>>;

function present(row: UserRow): UserView {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    contactId: row.contact_id,
    status: row.status,
    issuer: row.issuer,
    subject: row.subject,
    sessionsRevokedAfter: row.sessions_revoked_after,
    lastSeenAt: row.last_seen_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkRoles(input: string[] | undefined): Role[] | undefined {
  if (input === undefined) return undefined;
  return parseRoles(input);
}

const userWhereColumns = { id: 'users.id' };

// One event per record read; a requester's account is about that patient.
function recordRead(s: Scope, row: UserRow): void {
  s.record({
    action: 'user.read',
    resourceType: 'User',
    resourceId: row.id,
    subjectContactId: row.contact_id ?? undefined,
    outcome: 'allowed',
  });
}

export async function listUsers(deps: ServiceDeps, actor: Actor, page: PageRequest): Promise<Page<UserView>> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'User');
    const where = policyWhere(s.ability, 'read', 'User', userWhereColumns);
    if (!where) return { items: [], nextCursor: null };
    const result = await paginate(repo.selectUsers(s.tx, where), 'users', page);
    for (const row of result.items) recordRead(s, row);
    return { items: result.items.map(present), nextCursor: result.nextCursor };
  });
}

export async function getUser(deps: ServiceDeps, actor: Actor, id: string): Promise<UserView> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'User');
    const row = isUuid(id) ? await repo.getUser(s.tx, id) : undefined;
    if (!row) throw notFound('user');
    recordRead(s, row);
    return present(row);
  });
}

/** A user linked to a contact (a requester) names a contact of this tenant, or nothing is stored. */
async function assertContactOfTenant(s: Scope, contactId: string | null | undefined): Promise<void> {
  if (!contactId || (isUuid(contactId) && (await repo.contactExists(s.tx, contactId)))) return;
  throw new AppError('UNPROCESSABLE', 'The contact does not exist.', [
    { pointer: '/contactId', detail: 'no such contact in this tenant' },
  ]);
}

export interface CreateUserInput {
  displayName: string;
  email?: string | undefined;
  roles?: string[] | undefined;
  issuer?: string | undefined;
  subject?: string | undefined;
  contactId?: string | undefined;
}

export async function createUser(deps: ServiceDeps, actor: Actor, input: CreateUserInput): Promise<UserView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('create', 'User');
    if ((input.issuer === undefined) !== (input.subject === undefined)) {
      throw new AppError('VALIDATION_FAILED', 'issuer and subject go together.', [
        { pointer: '/subject', detail: 'set both issuer and subject, or neither' },
      ]);
    }
    if (input.issuer && input.subject && (await repo.findUserByIdentity(s.tx, input.issuer, input.subject))) {
      throw new AppError('CONFLICT', 'A user with this issuer and subject already exists.');
    }
    await assertContactOfTenant(s, input.contactId);
    const row = await repo.insertUser(s.tx, {
      tenant_id: actor.tenantId,
      issuer: input.issuer ?? null,
      subject: input.subject ?? null,
      email: input.email ?? null,
      display_name: input.displayName,
      roles: checkRoles(input.roles) ?? [],
      contact_id: input.contactId ?? null,
    });
    s.record({ action: 'user.create', resourceType: 'User', resourceId: row.id, outcome: 'allowed' });
    return present(row);
  });
}

export interface UpdateUserInput {
  displayName?: string | undefined;
  email?: string | null | undefined;
  roles?: string[] | undefined;
  status?: 'active' | 'disabled' | undefined;
  contactId?: string | null | undefined;
}

export async function updateUser(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  input: UpdateUserInput,
): Promise<UserView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('read', 'User');
    const existing = isUuid(id) ? await repo.getUser(s.tx, id) : undefined;
    if (!existing) throw notFound('user');
    s.assertCan('update', 'User', { id });
    await assertContactOfTenant(s, input.contactId);
    const row = await repo.updateUser(s.tx, id, {
      ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.roles !== undefined ? { roles: checkRoles(input.roles)! } : {}),
      ...(input.status !== undefined ? { status: input.status } : {}),
      ...(input.contactId !== undefined ? { contact_id: input.contactId } : {}),
      // Disabling someone also ends every session they hold (164.308(a)(3) termination).
      ...(input.status === 'disabled' ? { sessions_revoked_after: new Date() } : {}),
    });
    s.record({ action: 'user.update', resourceType: 'User', resourceId: id, outcome: 'allowed' });
    return present(row!);
  });
}

/** Every token issued before now dies on its next use (automatic logoff, termination). */
export async function revokeUserSessions(deps: ServiceDeps, actor: Actor, id: string): Promise<UserView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('read', 'User');
    const existing = isUuid(id) ? await repo.getUser(s.tx, id) : undefined;
    if (!existing) throw notFound('user');
    s.assertCan('revoke', 'User', { id });
    const row = await repo.updateUser(s.tx, id, { sessions_revoked_after: new Date() });
    s.record({ action: 'user.sessions_revoke', resourceType: 'User', resourceId: id, outcome: 'allowed' });
    return present(row!);
  });
}

const mfaMethods = new Set(['mfa', 'otp', 'hwk', 'sms', 'tel', 'fpt', 'face', 'iris', 'retina', 'vbm']);

/**
 * Authentication step for a verified partner token: finds or provisions the user, applies
 * revocation and status, and assembles the actor with its groups and break-glass grants.
 */
export async function actorFromToken(deps: ServiceDeps, token: VerifiedToken): Promise<Actor> {
  return inTenantTx(deps.db, token.tenantId, async (tx) => {
    let user = await repo.findUserByIdentity(tx, token.issuer, token.subject);
    if (!user) {
      const displayName = token.name ?? token.email ?? `${token.subject.slice(0, 60)}`;
      user = await repo.insertUser(tx, {
        tenant_id: token.tenantId,
        issuer: token.issuer,
        subject: token.subject,
        email: token.email ?? null,
        display_name: displayName.slice(0, 200),
        roles: [],
        contact_id: null,
      });
    }
    if (user.status !== 'active') throw new AppError('TOKEN_REVOKED', 'This account is disabled.');
    // iat has whole-second precision: a token issued in the same second as the revocation dies too.
    if (
      user.sessions_revoked_after &&
      Math.floor(token.issuedAt.getTime() / 1000) <= Math.floor(user.sessions_revoked_after.getTime() / 1000)
    ) {
      throw new AppError('TOKEN_REVOKED', 'This session was revoked; sign in again.');
    }
    const now = new Date();
    const [memberOf, claimedGroups, grants, tenantRules] = await Promise.all([
      repo.groupIdsOfUser(tx, user.id),
      repo.groupIdsByName(tx, token.groups),
      repo.activeBreakGlass(tx, user.id, now),
      repo.tenantActorRules(tx, token.tenantId),
    ]);
    if (!user.last_seen_at || now.getTime() - user.last_seen_at.getTime() > 60_000)
      await repo.updateUser(tx, user.id, { last_seen_at: now });
    const roles = knownRolesOf([...user.roles, ...token.roles]);
    return {
      tenantId: token.tenantId,
      id: user.id,
      kind: 'user',
      authMethod: 'jwt',
      sessionId: token.sessionId,
      roles,
      groupIds: [...new Set([...memberOf, ...claimedGroups])],
      scopes: [],
      contactId: user.contact_id ?? undefined,
      mfa: token.amr.some((m) => mfaMethods.has(m)) || new Set(token.amr).size >= 2,
      requireMfaForPhi: tenantRules.requireMfaForPhi,
      minimumNecessary: tenantRules.minimumNecessary,
      breakGlass: grants.map((g): BreakGlassGrant => ({
        resourceType: g.resource_type as BreakGlassGrant['resourceType'],
        resourceId: g.resource_id,
        expiresAt: g.expires_at,
      })),
    };
  });
}

/** For GraphQL loaders: many users in one query; ids not visible are absent. */
export async function getUsersByIds(
  deps: ServiceDeps,
  actor: Actor,
  ids: readonly string[],
): Promise<Map<string, UserView>> {
  const valid = ids.filter(isUuid);
  return readInTenant(deps, actor, async (s) => {
    const where = policyWhere(s.ability, 'read', 'User', userWhereColumns);
    if (!where || valid.length === 0) return new Map();
    const rows = await repo.getUsersByIds(s.tx, valid, where);
    for (const row of rows)
      s.record({
        action: 'user.read',
        resourceType: 'User',
        resourceId: row.id,
        subjectContactId: row.contact_id ?? undefined,
        outcome: 'allowed',
      });
    return new Map(rows.map((r) => [r.id, present(r)]));
  });
}
