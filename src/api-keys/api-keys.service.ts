// API keys for integrators' scripts: scoped, tenant-bound, optionally expiring and
// limited to source networks, revocable with immediate effect (checked on every request).
import { BlockList, isIP } from 'node:net';
import type { Kysely } from 'kysely';
import type { Actor, Role } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import { AppError, notFound } from '../errors.js';
import { scopeCatalogue } from '../policy/ability.js';
import { keyHasStaffRoles, knownRolesOf, parseKeyRoles } from '../policy/roles.js';
import { policyWhere } from '../policy/sql.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { inTenant, readInTenant, type ServiceDeps } from '../services/scope.js';
import { generateApiKey, parseApiKey, secretMatches } from './api-key-format.js';
import * as repo from './api-keys.repository.js';
import { isUuid } from '../ids.js';
import { minimumNecessaryFrom } from '../minimum-necessary/minimum-necessary.model.js';

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  roles: string[];
  scopes: string[];
  allowedCidrs: string[] | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

export interface CreateApiKeyInput {
  name: string;
  scopes?: string[] | undefined;
  roles?: string[] | undefined;
  expiresAt?: Date | undefined;
  allowedCidrs?: string[] | undefined;
}

type ApiKeyRow = Awaited<ReturnType<typeof repo.getApiKey>> & object;

function present(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    roles: row.roles,
    scopes: row.scopes,
    allowedCidrs: row.allowed_cidrs,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    createdAt: row.created_at,
  };
}

function validateKeyInput(
  input: CreateApiKeyInput,
  now: Date,
): { roles: Role[]; scopes: string[]; cidrs: string[] | null } {
  const scopes = [...new Set(input.scopes ?? [])];
  const unknownScope = scopes.find((s) => !(s in scopeCatalogue));
  if (unknownScope !== undefined)
    throw new AppError('VALIDATION_FAILED', 'Unknown scope.', [
      { pointer: '/scopes', detail: `unknown scope; known: ${Object.keys(scopeCatalogue).join(', ')}` },
    ]);
  const roles = parseKeyRoles(input.roles);
  if (input.expiresAt && input.expiresAt <= now)
    throw new AppError('VALIDATION_FAILED', 'expiresAt must be in the future.', [
      { pointer: '/expiresAt', detail: 'must be in the future' },
    ]);
  const cidrs = input.allowedCidrs?.length ? input.allowedCidrs.map(normaliseCidr) : null;
  return { roles, scopes, cidrs };
}

function normaliseCidr(cidr: string): string {
  const [addr, bits] = cidr.split('/');
  const family = isIP(addr ?? '');
  const max = family === 6 ? 128 : 32;
  const prefix = bits === undefined ? max : Number(bits);
  if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
    throw new AppError('VALIDATION_FAILED', 'allowedCidrs has an invalid entry.', [
      { pointer: '/allowedCidrs', detail: 'each entry must be an address or CIDR' },
    ]);
  }
  return `${addr}/${prefix}`;
}

export async function createApiKey(
  deps: ServiceDeps,
  actor: Actor,
  input: CreateApiKeyInput,
): Promise<{ key: ApiKeyView; secret: string }> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('create', 'ApiKey');
    const { roles, scopes, cidrs } = validateKeyInput(input, new Date());
    // Keys that act with staff roles are a tenant admin's to mint (a scoped key manager's are integration only).
    s.assertCan('create', 'ApiKey', { staffRoles: keyHasStaffRoles(roles) });
    const generated = generateApiKey();
    const row = await repo.insertApiKey(s.tx, {
      tenant_id: actor.tenantId,
      name: input.name,
      prefix: generated.prefix,
      secret_hash: generated.secretHash,
      roles,
      scopes,
      allowed_cidrs: cidrs,
      expires_at: input.expiresAt ?? null,
      created_by: actor.kind === 'system' ? null : actor.id,
    });
    s.record({ action: 'api_key.create', resourceType: 'ApiKey', resourceId: row.id, outcome: 'allowed' });
    return { key: present(row), secret: generated.plaintext };
  });
}

/** Bootstrap path (CLI, demo tenant): no actor yet, so it runs on the owner connection. */
export async function createBootstrapKey(
  db: Kysely<Database>,
  tenantId: string,
  name: string,
): Promise<{ id: string; secret: string }> {
  const generated = generateApiKey();
  const row = await repo.insertApiKey(db, {
    tenant_id: tenantId,
    name,
    prefix: generated.prefix,
    secret_hash: generated.secretHash,
    roles: ['tenant_admin'],
    scopes: [],
    allowed_cidrs: null,
    expires_at: null,
    created_by: null,
  });
  return { id: row.id, secret: generated.plaintext };
}

export async function listApiKeys(deps: ServiceDeps, actor: Actor, page: PageRequest): Promise<Page<ApiKeyView>> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'ApiKey');
    const where = policyWhere(s.ability, 'read', 'ApiKey', { id: 'api_keys.id' });
    if (!where) return { items: [], nextCursor: null };
    const result = await paginate(repo.selectApiKeys(s.tx, where), 'api_keys', page);
    for (const row of result.items)
      s.record({ action: 'api_key.read', resourceType: 'ApiKey', resourceId: row.id, outcome: 'allowed' });
    return { items: result.items.map(present), nextCursor: result.nextCursor };
  });
}

export async function getApiKey(deps: ServiceDeps, actor: Actor, id: string): Promise<ApiKeyView> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'ApiKey');
    const row = isUuid(id) ? await repo.getApiKey(s.tx, id) : undefined;
    if (!row) throw notFound('API key');
    s.record({ action: 'api_key.read', resourceType: 'ApiKey', resourceId: id, outcome: 'allowed' });
    return present(row);
  });
}

export async function revokeApiKey(deps: ServiceDeps, actor: Actor, id: string): Promise<ApiKeyView> {
  return inTenant(deps, actor, async (s) => {
    s.assertCan('revoke', 'ApiKey', { id });
    const existing = isUuid(id) ? await repo.getApiKey(s.tx, id) : undefined;
    if (!existing) throw notFound('API key');
    const row = (await repo.revokeApiKey(s.tx, id, new Date())) ?? existing;
    s.record({ action: 'api_key.revoke', resourceType: 'ApiKey', resourceId: id, outcome: 'allowed' });
    return present(row);
  });
}

export type ApiKeyAuthFailure =
  'malformed' | 'unknown' | 'revoked' | 'expired' | 'network_not_allowed' | 'tenant_inactive';

export class ApiKeyRejected extends AppError {
  constructor(
    readonly reason: ApiKeyAuthFailure,
    readonly tenantId?: string,
    readonly keyId?: string,
  ) {
    super('API_KEY_INVALID', 'The API key is not valid.');
  }
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** Resolves a presented key to an actor, or throws ApiKeyRejected (one message for every reason). */
export async function authenticateApiKey(
  db: Kysely<Database>,
  raw: string,
  clientAddress: string | undefined,
): Promise<Actor> {
  return (await authenticateApiKeyInDetail(db, raw, clientAddress)).actor;
}

export interface ApiKeyAuthentication {
  actor: Actor;
  /** what the authentication cache must re-check or respect on every later use */
  expiresAt: Date | null;
  allowedCidrs: string[] | null;
}

export async function authenticateApiKeyInDetail(
  db: Kysely<Database>,
  raw: string,
  clientAddress: string | undefined,
): Promise<ApiKeyAuthentication> {
  const parsed = parseApiKey(raw);
  if (!parsed) throw new ApiKeyRejected('malformed');
  const row = await repo.findApiKeyForAuth(db, parsed.prefix);
  if (!row || !secretMatches(parsed.secret, row.secret_hash)) throw new ApiKeyRejected('unknown', row?.tenant_id);
  const now = new Date();
  if (row.revoked_at) throw new ApiKeyRejected('revoked', row.tenant_id, row.id);
  if (row.expires_at && row.expires_at <= now) throw new ApiKeyRejected('expired', row.tenant_id, row.id);
  if (row.tenant_status !== 'active') throw new ApiKeyRejected('tenant_inactive', row.tenant_id, row.id);
  if (row.allowed_cidrs?.length && !clientAddressAllowed(clientAddress, row.allowed_cidrs))
    throw new ApiKeyRejected('network_not_allowed', row.tenant_id, row.id);
  // Last use is kept to the minute: a busy key does not write on every request. With the
  // authentication cache a key is looked up again at least once per cache TTL, so the
  // stamp stays within a minute plus that TTL.
  if (!row.last_used_at || row.last_used_at.getTime() < now.getTime() - LAST_USED_RESOLUTION_MS)
    await repo.touchApiKey(db, row.id, now);
  // A key that opened break-glass (staff-role keys may) carries its grants like a user does.
  const grants = keyHasStaffRoles(row.roles) ? row.grants.filter((g) => g.expires_at > now) : [];
  const actor: Actor = {
    tenantId: row.tenant_id,
    id: row.id,
    kind: 'api_key',
    authMethod: 'api_key',
    keyId: row.id,
    roles: knownRolesOf(row.roles),
    groupIds: [],
    scopes: row.scopes,
    // A key is one factor; tenants that demand MFA for PHI get masked PHI through keys.
    mfa: false,
    requireMfaForPhi: row.require_mfa_for_phi,
    minimumNecessary: minimumNecessaryFrom(row.minimum_necessary),
    breakGlass: grants.map((g) => ({
      resourceType: g.resource_type as 'Contact' | 'Ticket',
      resourceId: g.resource_id,
      expiresAt: g.expires_at,
    })),
  };
  return { actor, expiresAt: row.expires_at, allowedCidrs: row.allowed_cidrs?.length ? row.allowed_cidrs : null };
}

/** Whether a key limited to `cidrs` may be used from `address`. */
export function clientAddressAllowed(address: string | undefined, cidrs: readonly string[]): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  const family = isIP(plain);
  if (!family) return false;
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [net, bits] = cidr.split('/');
    list.addSubnet(net!, Number(bits), isIP(net!) === 6 ? 'ipv6' : 'ipv4');
  }
  return list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
}
