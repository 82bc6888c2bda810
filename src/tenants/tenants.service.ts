// Tenants (one per customer organisation) and the identity providers each trusts.
//
// An issuer belongs to one tenant, platform-wide (migration 0008's unique index): if two
// tenants could register one issuer string, the second registration would decide how
// the first tenant's tokens verify (its JWKS, its audience). Who holds a taken issuer is
// never said: the answer is the same 409 whether it is the caller's tenant or another.
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { TrustedIssuer } from '../auth/jwt-verifier.js';
import type { Database } from '../db/database.js';
import { AppError, notFound } from '../errors.js';
import { createBootstrapKey } from '../api-keys/api-keys.service.js';
import { inTenant, readInTenant, type ServiceDeps } from '../services/scope.js';
import { issuerRefusal, jwksReachabilityRefusal, jwksUriRefusal, type IssuerUrlRules } from './issuer-checks.js';
import type { Tx } from '../db/tenant-tx.js';
import * as repo from './tenants.repository.js';
import { isUuid } from '../ids.js';

export type { IssuerUrlRules } from './issuer-checks.js';
import { defineAbilityFor } from '../policy/ability.js';

// A handful is what a real tenant needs (an IdP or two, a staging one); the bound keeps a
// tenant admin from turning registrations into a list of outbound targets.
export const MAX_ISSUERS_PER_TENANT = 10;

export interface TenantView {
  id: string;
  slug: string;
  name: string;
  status: string;
  requireMfaForPhi: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface IssuerInput {
  issuer: string;
  jwksUri: string;
  audience: string;
  rolesClaim?: string | undefined;
  groupsClaim?: string | undefined;
}

/** What PATCH may change: everything registration accepts but the issuer string (another IdP is another registration). */
export type IssuerPatch = Partial<Omit<IssuerInput, 'issuer'>>;

export interface IssuerView extends IssuerInput {
  id: string;
  createdAt: Date;
}

type TenantRow = Awaited<ReturnType<typeof repo.insertTenant>>;
type IssuerRow = NonNullable<Awaited<ReturnType<typeof repo.insertIssuer>>>;

const presentTenant = (t: TenantRow): TenantView => ({
  id: t.id,
  slug: t.slug,
  name: t.name,
  status: t.status,
  requireMfaForPhi: t.require_mfa_for_phi,
  createdAt: t.created_at,
  updatedAt: t.updated_at,
});
const presentIssuer = (i: IssuerRow): IssuerView => ({
  id: i.id,
  issuer: i.issuer,
  jwksUri: i.jwks_uri,
  audience: i.audience,
  rolesClaim: i.roles_claim,
  groupsClaim: i.groups_claim,
  createdAt: i.created_at,
});

// One message for every holder, the caller's tenant included: a 409 must not tell a
// tenant admin whether some other tenant trusts an issuer, nor which.
const issuerTaken = () => new AppError('CONFLICT', 'This issuer is already registered and cannot be registered again.');
const issuerLimitReached = () =>
  new AppError('UNPROCESSABLE', `A tenant trusts at most ${MAX_ISSUERS_PER_TENANT} issuers; remove one first.`);

function issuerRow(tenantId: string, input: IssuerInput) {
  return {
    tenant_id: tenantId,
    issuer: input.issuer,
    jwks_uri: input.jwksUri,
    audience: input.audience,
    roles_claim: input.rolesClaim,
    groups_claim: input.groupsClaim,
  };
}

/** Inserts the registration unless the tenant is at its limit or the issuer is taken. */
async function registerIssuer(
  tx: Tx,
  tenantId: string,
  input: IssuerInput,
): Promise<{ row: IssuerRow } | { refusal: AppError }> {
  await repo.lockTenant(tx, tenantId);
  if ((await repo.countIssuers(tx, tenantId)) >= MAX_ISSUERS_PER_TENANT) return { refusal: issuerLimitReached() };
  const row = await repo.insertIssuer(tx, issuerRow(tenantId, input));
  return row ? { row } : { refusal: issuerTaken() };
}

/**
 * The operator's list of every tenant (CLI; the API always works inside one tenant).
 * Tenant metadata only, no PHI.
 */
export async function listAllTenants(
  db: Kysely<Database>,
): Promise<Array<Pick<TenantView, 'id' | 'slug' | 'name' | 'status' | 'createdAt'>>> {
  const rows = await repo.listAllTenants(db);
  return rows.map((t) => ({ id: t.id, slug: t.slug, name: t.name, status: t.status, createdAt: t.created_at }));
}

const slugPattern = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Bootstrap (CLI): creates a tenant, optionally its first trusted issuer, and a tenant-admin API key shown once. */
export async function createTenant(
  db: Kysely<Database>,
  input: { slug: string; name: string; issuer?: IssuerInput | undefined } & IssuerUrlRules,
): Promise<{ tenant: TenantView; adminKey: string; adminKeyId: string }> {
  if (!slugPattern.test(input.slug))
    throw new AppError('VALIDATION_FAILED', 'The slug is invalid.', [
      { pointer: '/slug', detail: 'lowercase letters, digits and dashes, 2..63' },
    ]);
  const refusal = input.issuer && issuerRefusal(input.issuer, input);
  if (refusal) throw refusal;
  return db.transaction().execute(async (tx) => {
    if (await repo.findTenantBySlug(tx, input.slug))
      throw new AppError('CONFLICT', `A tenant with slug ${input.slug} already exists.`);
    const tenant = await repo.insertTenant(tx, { slug: input.slug, name: input.name });
    if (input.issuer && !(await repo.insertIssuer(tx, issuerRow(tenant.id, input.issuer)))) throw issuerTaken();
    const key = await createBootstrapKey(tx, tenant.id, 'bootstrap tenant admin');
    return { tenant: presentTenant(tenant), adminKey: key.secret, adminKeyId: key.id };
  });
}

/** Every registration's JWKS URI, all tenants: the start-up http check (src/auth/http-jwks-issuers.ts). */
export async function listAllIssuerJwks(db: Kysely<Database>) {
  const rows = await repo.listAllIssuerJwks(db);
  return rows.map((r) => ({ id: r.id, tenantId: r.tenant_id, jwksUri: r.jwks_uri }));
}

export async function findTenantBySlug(db: Kysely<Database>, slug: string): Promise<TenantView | undefined> {
  const row = await repo.findTenantBySlug(db, slug);
  return row ? presentTenant(row) : undefined;
}

/** For the JWT verifier: which active tenants trust this issuer. */
export async function lookupTrustedIssuers(db: Kysely<Database>, issuer: string): Promise<TrustedIssuer[]> {
  const rows = await repo.findTrustedIssuers(db, issuer);
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    tenantSlug: r.slug,
    issuerId: r.id,
    issuer: r.issuer,
    jwksUri: r.jwks_uri,
    audience: r.audience,
    rolesClaim: r.roles_claim,
    groupsClaim: r.groups_claim,
  }));
}

export async function getCurrentTenant(deps: ServiceDeps, actor: Actor): Promise<TenantView> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'Tenant');
    const row = await repo.getTenant(s.tx, actor.tenantId);
    if (!row) throw notFound('tenant');
    s.record({ action: 'tenant.read', resourceType: 'Tenant', resourceId: row.id, outcome: 'allowed' });
    return presentTenant(row);
  });
}

export async function updateCurrentTenant(
  deps: ServiceDeps,
  actor: Actor,
  input: { name?: string | undefined; requireMfaForPhi?: boolean | undefined },
): Promise<TenantView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'Tenant');
    const row = await repo.updateTenant(s.tx, actor.tenantId, {
      name: input.name,
      require_mfa_for_phi: input.requireMfaForPhi,
    });
    if (!row) throw notFound('tenant');
    s.record({ action: 'tenant.update', resourceType: 'Tenant', resourceId: actor.tenantId, outcome: 'allowed' });
    return presentTenant(row);
  });
}

export async function listIssuers(deps: ServiceDeps, actor: Actor): Promise<IssuerView[]> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'Tenant');
    const rows = await repo.listIssuers(s.tx, actor.tenantId);
    for (const row of rows)
      s.record({ action: 'tenant.issuer_read', resourceType: 'TrustedIssuer', resourceId: row.id, outcome: 'allowed' });
    return rows.map(presentIssuer);
  });
}

/** Only a caller who may change issuers makes this server fetch a URI (the service refuses and audits the rest). */
const mayChangeIssuers = (actor: Actor) => defineAbilityFor(actor).can('update', 'Tenant');

/**
 * Refusals (400 settings, 422 destination, unreachable JWKS or limit, 409 taken) are recorded as denied
 * `tenant.issuer_add` events: squatting and SSRF attempts leave a trace.
 */
export async function addIssuer(
  deps: ServiceDeps & IssuerUrlRules,
  actor: Actor,
  input: IssuerInput,
): Promise<IssuerView> {
  const refusedEarly = issuerRefusal(input, deps);
  // A squatting attempt (issuer taken) or an eleventh issuer is refused below as before,
  // without making this server fetch the URI it names.
  const probe =
    !refusedEarly &&
    mayChangeIssuers(actor) &&
    !(await repo.issuerRegistrationBlocked(deps.db, actor.tenantId, input.issuer, MAX_ISSUERS_PER_TENANT));
  const refusedUnreachable = probe ? await jwksReachabilityRefusal(input.jwksUri, deps) : undefined;
  const result = await inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'Tenant');
    const refusal = refusedEarly ?? refusedUnreachable;
    const outcome = refusal ? { refusal } : await registerIssuer(s.tx, actor.tenantId, input);
    s.record({
      action: 'tenant.issuer_add',
      resourceType: 'Tenant',
      resourceId: actor.tenantId,
      ...('refusal' in outcome ? { outcome: 'denied', reasonCode: outcome.refusal.code } : { outcome: 'allowed' }),
    });
    return outcome;
  });
  if ('refusal' in result) throw result.refusal;
  return presentIssuer(result.row);
}

export async function removeIssuer(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'Tenant');
    const result = isUuid(id) ? await repo.deleteIssuer(s.tx, actor.tenantId, id) : undefined;
    if (!result || Number(result.numDeletedRows) === 0) throw notFound('issuer');
    s.record({
      action: 'tenant.issuer_remove',
      resourceType: 'Tenant',
      resourceId: actor.tenantId,
      outcome: 'allowed',
    });
  });
}

/**
 * Changes an issuer's JWKS URI, audience or claim names. A new JWKS URI passes the same
 * checks as at registration (guard, https, reachable with usable keys); refusals are
 * recorded as denied `tenant.issuer_update` events. Registrations carry no version, so
 * the last write wins. Every process's authentication cache drops the tenant's entries on
 * the change notice (auth-cache.ts), and the next token is verified with the new settings.
 */
export async function updateIssuer(
  deps: ServiceDeps & IssuerUrlRules,
  actor: Actor,
  id: string,
  patch: IssuerPatch,
): Promise<IssuerView> {
  const newJwks = patch.jwksUri;
  const refusedEarly = newJwks === undefined ? undefined : jwksUriRefusal(newJwks, deps);
  const refusedUnreachable =
    newJwks === undefined || refusedEarly || !mayChangeIssuers(actor) || !isUuid(id)
      ? undefined
      : await jwksReachabilityRefusal(newJwks, deps);
  const result = await inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'Tenant');
    const current = isUuid(id) ? await repo.getIssuer(s.tx, actor.tenantId, id) : undefined;
    if (!current) throw notFound('issuer');
    const refusal = refusedEarly ?? refusedUnreachable;
    const row = refusal
      ? undefined
      : await repo.updateIssuer(s.tx, actor.tenantId, id, {
          jwks_uri: patch.jwksUri,
          audience: patch.audience,
          roles_claim: patch.rolesClaim,
          groups_claim: patch.groupsClaim,
        });
    s.record({
      action: 'tenant.issuer_update',
      resourceType: 'TrustedIssuer',
      resourceId: id,
      ...(refusal ? { outcome: 'denied', reasonCode: refusal.code } : { outcome: 'allowed' }),
    });
    return refusal ? { refusal } : { row: row ?? current };
  });
  if ('refusal' in result) throw result.refusal;
  return presentIssuer(result.row);
}
