// Tenants (one per customer organisation) and the identity providers each trusts.
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { TrustedIssuer } from '../auth/jwt-verifier.js';
import type { Database } from '../db/database.js';
import { AppError, notFound } from '../errors.js';
import { createBootstrapKey } from '../api-keys/api-keys.service.js';
import { inTenant, readInTenant, type ServiceDeps } from '../services/scope.js';
import * as repo from './tenants.repository.js';

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

export interface IssuerView extends IssuerInput {
  id: string;
  createdAt: Date;
}

type TenantRow = Awaited<ReturnType<typeof repo.insertTenant>>;
type IssuerRow = Awaited<ReturnType<typeof repo.insertIssuer>>;

const presentTenant = (t: TenantRow): TenantView => ({
  id: t.id, slug: t.slug, name: t.name, status: t.status, requireMfaForPhi: t.require_mfa_for_phi, createdAt: t.created_at, updatedAt: t.updated_at,
});
const presentIssuer = (i: IssuerRow): IssuerView => ({
  id: i.id, issuer: i.issuer, jwksUri: i.jwks_uri, audience: i.audience, rolesClaim: i.roles_claim, groupsClaim: i.groups_claim, createdAt: i.created_at,
});

function validateIssuer(input: IssuerInput, allowHttp: boolean): void {
  const bad = (path: string, message: string) => new AppError('VALIDATION_FAILED', 'The identity provider settings are invalid.', [{ path, message }]);
  let jwks: URL;
  try { jwks = new URL(input.jwksUri); } catch { throw bad('/jwksUri', 'must be an absolute URL'); }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(jwks.hostname);
  if (jwks.protocol !== 'https:' && !(allowHttp && loopback && jwks.protocol === 'http:')) throw bad('/jwksUri', 'must use https');
  if (!input.issuer || input.issuer.length > 2048) throw bad('/issuer', 'must be 1..2048 characters');
  if (!input.audience || input.audience.length > 512) throw bad('/audience', 'must be 1..512 characters');
}

const slugPattern = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Bootstrap (CLI): creates a tenant, optionally its first trusted issuer, and a tenant-admin API key shown once. */
export async function createTenant(
  db: Kysely<Database>,
  input: { slug: string; name: string; issuer?: IssuerInput | undefined; allowHttpJwks: boolean },
): Promise<{ tenant: TenantView; adminKey: string; adminKeyId: string }> {
  if (!slugPattern.test(input.slug)) throw new AppError('VALIDATION_FAILED', 'The slug is invalid.', [{ path: '/slug', message: 'lowercase letters, digits and dashes, 2..63' }]);
  if (input.issuer) validateIssuer(input.issuer, input.allowHttpJwks);
  return db.transaction().execute(async (tx) => {
    if (await repo.findTenantBySlug(tx, input.slug)) throw new AppError('CONFLICT', `A tenant with slug ${input.slug} already exists.`);
    const tenant = await repo.insertTenant(tx, { slug: input.slug, name: input.name });
    if (input.issuer) {
      await repo.insertIssuer(tx, {
        tenant_id: tenant.id, issuer: input.issuer.issuer, jwks_uri: input.issuer.jwksUri, audience: input.issuer.audience,
        roles_claim: input.issuer.rolesClaim, groups_claim: input.issuer.groupsClaim,
      });
    }
    const key = await createBootstrapKey(tx, tenant.id, 'bootstrap tenant admin');
    return { tenant: presentTenant(tenant), adminKey: key.secret, adminKeyId: key.id };
  });
}

export async function findTenantBySlug(db: Kysely<Database>, slug: string): Promise<TenantView | undefined> {
  const row = await repo.findTenantBySlug(db, slug);
  return row ? presentTenant(row) : undefined;
}

/** For the JWT verifier: which active tenants trust this issuer. */
export async function lookupTrustedIssuers(db: Kysely<Database>, issuer: string): Promise<TrustedIssuer[]> {
  const rows = await repo.findTrustedIssuers(db, issuer);
  return rows.map((r) => ({ tenantId: r.tenant_id, tenantSlug: r.slug, issuer: r.issuer, jwksUri: r.jwks_uri, audience: r.audience, rolesClaim: r.roles_claim, groupsClaim: r.groups_claim }));
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

export async function updateCurrentTenant(deps: ServiceDeps, actor: Actor, input: { name?: string | undefined; requireMfaForPhi?: boolean | undefined }): Promise<TenantView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'Tenant');
    const row = await repo.updateTenant(s.tx, actor.tenantId, { name: input.name, require_mfa_for_phi: input.requireMfaForPhi });
    if (!row) throw notFound('tenant');
    s.record({ action: 'tenant.update', resourceType: 'Tenant', resourceId: actor.tenantId, outcome: 'allowed' });
    return presentTenant(row);
  });
}

export async function listIssuers(deps: ServiceDeps, actor: Actor): Promise<IssuerView[]> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'Tenant');
    const rows = await repo.listIssuers(s.tx, actor.tenantId);
    for (const row of rows) s.record({ action: 'tenant.issuer_read', resourceType: 'TrustedIssuer', resourceId: row.id, outcome: 'allowed' });
    return rows.map(presentIssuer);
  });
}

export async function addIssuer(deps: ServiceDeps & { allowHttpJwks: boolean }, actor: Actor, input: IssuerInput): Promise<IssuerView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'Tenant');
    validateIssuer(input, deps.allowHttpJwks);
    if ((await repo.listIssuers(s.tx, actor.tenantId)).some((i) => i.issuer === input.issuer)) throw new AppError('CONFLICT', 'This issuer is already trusted.');
    const row = await repo.insertIssuer(s.tx, {
      tenant_id: actor.tenantId, issuer: input.issuer, jwks_uri: input.jwksUri, audience: input.audience, roles_claim: input.rolesClaim, groups_claim: input.groupsClaim,
    });
    s.record({ action: 'tenant.issuer_add', resourceType: 'Tenant', resourceId: actor.tenantId, outcome: 'allowed' });
    return presentIssuer(row);
  });
}

export async function removeIssuer(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('update', 'Tenant');
    const result = await repo.deleteIssuer(s.tx, actor.tenantId, id);
    if (Number(result.numDeletedRows) === 0) throw notFound('issuer');
    s.record({ action: 'tenant.issuer_remove', resourceType: 'Tenant', resourceId: actor.tenantId, outcome: 'allowed' });
  });
}
