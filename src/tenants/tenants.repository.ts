// Tenants and the identity providers they trust. Issuer lookups run before a tenant is
// known (authentication), so they take the owner connection; everything else runs in
// a tenant transaction.
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Tx } from '../db/tenant-tx.js';

export const tenantColumns = [
  'id',
  'slug',
  'name',
  'status',
  'require_mfa_for_phi',
  'created_at',
  'updated_at',
] as const;
const issuerColumns = [
  'id',
  'tenant_id',
  'issuer',
  'jwks_uri',
  'audience',
  'roles_claim',
  'groups_claim',
  'created_at',
] as const;

export async function insertTenant(db: Kysely<Database>, input: { slug: string; name: string }) {
  return db.insertInto('tenants').values(input).returning(tenantColumns).executeTakeFirstOrThrow();
}

export async function findTenantBySlug(db: Kysely<Database>, slug: string) {
  return db.selectFrom('tenants').select(tenantColumns).where('slug', '=', slug).executeTakeFirst();
}

/** Every tenant, oldest first: the operator's view (CLI), metadata only. */
export async function listAllTenants(db: Kysely<Database>) {
  return db
    .selectFrom('tenants')
    .select(['id', 'slug', 'name', 'status', 'created_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function getTenant(tx: Tx, id: string) {
  return tx.selectFrom('tenants').select(tenantColumns).where('id', '=', id).executeTakeFirst();
}

export async function updateTenant(
  tx: Tx,
  id: string,
  patch: { name?: string | undefined; require_mfa_for_phi?: boolean | undefined },
) {
  return tx
    .updateTable('tenants')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returning(tenantColumns)
    .executeTakeFirst();
}

/**
 * Undefined when the issuer is already registered, by this tenant or any other: the
 * platform-wide unique index decides, since the runtime role cannot see other tenants'
 * rows (RLS) but the index covers them all.
 */
export async function insertIssuer(
  db: Kysely<Database> | Tx,
  input: {
    tenant_id: string;
    issuer: string;
    jwks_uri: string;
    audience: string;
    roles_claim?: string | undefined;
    groups_claim?: string | undefined;
  },
) {
  return db
    .insertInto('tenant_issuers')
    .values(input)
    .onConflict((oc) => oc.column('issuer').doNothing())
    .returning(issuerColumns)
    .executeTakeFirst();
}

/** Locks the tenant row, so concurrent registrations count each other's issuers. */
export async function lockTenant(tx: Tx, tenantId: string) {
  return tx.selectFrom('tenants').select('id').where('id', '=', tenantId).forUpdate().executeTakeFirst();
}

export async function countIssuers(tx: Tx, tenantId: string): Promise<number> {
  const row = await tx
    .selectFrom('tenant_issuers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listIssuers(tx: Tx, tenantId: string) {
  return tx
    .selectFrom('tenant_issuers')
    .select(issuerColumns)
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .execute();
}

/**
 * Changes a registration's settings (never its issuer string: that is another IdP). Last
 * write wins: registrations carry no version. Undefined when the tenant has no such issuer.
 */
export async function updateIssuer(
  tx: Tx,
  tenantId: string,
  id: string,
  patch: {
    jwks_uri?: string | undefined;
    audience?: string | undefined;
    roles_claim?: string | undefined;
    groups_claim?: string | undefined;
  },
) {
  return tx
    .updateTable('tenant_issuers')
    .set(patch)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returning(issuerColumns)
    .executeTakeFirst();
}

export async function getIssuer(tx: Tx, tenantId: string, id: string) {
  return tx
    .selectFrom('tenant_issuers')
    .select(issuerColumns)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Whether registering `issuer` for this tenant is already bound to fail (taken by any tenant,
 * or the tenant at its limit), read on the owner connection without locks: it only spares an
 * outbound JWKS fetch, and the insert under the tenant lock still decides.
 */
export async function issuerRegistrationBlocked(
  db: Kysely<Database>,
  tenantId: string,
  issuer: string,
  maxIssuers: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('tenant_issuers')
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere('tenant_id', '=', tenantId).as('own'),
      eb.fn.countAll<string>().filterWhere('issuer', '=', issuer).as('taken'),
    ])
    .where((eb) => eb.or([eb('tenant_id', '=', tenantId), eb('issuer', '=', issuer)]))
    .executeTakeFirstOrThrow();
  return Number(row.taken) > 0 || Number(row.own) >= maxIssuers;
}

/** Every registration's JWKS URI, all tenants (owner connection): the start-up http check. */
export async function listAllIssuerJwks(db: Kysely<Database>) {
  return db.selectFrom('tenant_issuers').select(['id', 'tenant_id', 'jwks_uri']).orderBy('created_at').execute();
}

export async function deleteIssuer(tx: Tx, tenantId: string, id: string) {
  return tx.deleteFrom('tenant_issuers').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

/** Active tenants trusting `issuer` (owner connection: runs before the tenant is known). */
export async function findTrustedIssuers(db: Kysely<Database>, issuer: string) {
  return db
    .selectFrom('tenant_issuers')
    .innerJoin('tenants', 'tenants.id', 'tenant_issuers.tenant_id')
    .select([
      'tenant_issuers.id',
      'tenant_issuers.tenant_id',
      'tenants.slug',
      'tenant_issuers.issuer',
      'tenant_issuers.jwks_uri',
      'tenant_issuers.audience',
      'tenant_issuers.roles_claim',
      'tenant_issuers.groups_claim',
    ])
    .where('tenant_issuers.issuer', '=', issuer)
    .where('tenants.status', '=', 'active')
    .execute();
}
