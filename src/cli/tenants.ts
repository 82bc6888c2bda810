// `phidesk tenants create` and `phidesk keys create|revoke`: bootstrap without a UI.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createAuditInbox } from '../audit/inbox.js';
import { createTenant, findTenantBySlug } from '../tenants/tenants.service.js';
import { createApiKey, revokeApiKey } from '../api-keys/api-keys.service.js';
import { AppError } from '../errors.js';
import { withCliDatabase } from './database.js';
import { cliActor } from './system-actor.js';
import type { CliIo } from './index.js';

function fail(io: CliIo, message: string): number {
  io.stderr.write(`phidesk: ${message}\n`);
  return 2;
}

function describeError(e: unknown): string {
  if (e instanceof AppError) return `${e.code}: ${e.message}${e.details ? ` (${e.details.map((d) => `${d.path ?? ''} ${d.message}`).join('; ')})` : ''}`;
  return (e as Error).message;
}

export async function runTenantsCreate(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv, strict: true,
    options: { slug: { type: 'string' }, name: { type: 'string' }, 'jwt-issuer': { type: 'string' }, 'jwks-uri': { type: 'string' }, audience: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (!values.slug || !values.name) return fail(io, 'usage: phidesk tenants create --slug S --name N [--jwt-issuer URL --jwks-uri URL --audience A] [--json]');
  const idp = [values['jwt-issuer'], values['jwks-uri'], values.audience];
  if (idp.some(Boolean) && !idp.every(Boolean)) return fail(io, '--jwt-issuer, --jwks-uri and --audience go together');
  const config = loadConfig();
  try {
    const created = await withCliDatabase(config, (h) => createTenant(h.db, {
      slug: values.slug!, name: values.name!, allowHttpJwks: config.auth.allowHttpJwks,
      issuer: values['jwt-issuer'] ? { issuer: values['jwt-issuer'], jwksUri: values['jwks-uri']!, audience: values.audience! } : undefined,
    }));
    if (values.json) io.stdout.write(`${JSON.stringify({ tenantId: created.tenant.id, slug: created.tenant.slug, adminApiKey: created.adminKey })}\n`);
    else io.stdout.write(`tenant ${created.tenant.slug} created\ntenant id: ${created.tenant.id}\ntenant-admin API key (shown once, store it now): ${created.adminKey}\n`);
    return 0;
  } catch (e) {
    return fail(io, describeError(e));
  }
}

export async function runKeysCreate(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv, strict: true,
    options: { tenant: { type: 'string' }, name: { type: 'string' }, roles: { type: 'string' }, scopes: { type: 'string' }, expires: { type: 'string' }, cidrs: { type: 'string' }, json: { type: 'boolean' } },
  });
  if (!values.tenant || !values.name) return fail(io, 'usage: phidesk keys create --tenant SLUG --name N [--roles r1,r2] [--scopes s1,s2] [--expires ISO] [--cidrs c1,c2] [--json]');
  const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
  const expiresAt = values.expires ? new Date(values.expires) : undefined;
  if (expiresAt && Number.isNaN(expiresAt.getTime())) return fail(io, '--expires must be an ISO 8601 date');
  const config = loadConfig();
  try {
    const created = await withCliDatabase(config, async (h) => {
      const tenant = await findTenantBySlug(h.db, values.tenant!);
      if (!tenant) throw new AppError('NOT_FOUND', `no tenant ${values.tenant}`);
      const deps = { db: h.db, audit: createAuditInbox(h.db, { addressHashKey: randomBytes(32) }) };
      return createApiKey(deps, cliActor(tenant.id), { name: values.name!, roles: list(values.roles), scopes: list(values.scopes), expiresAt, allowedCidrs: list(values.cidrs) });
    });
    if (values.json) io.stdout.write(`${JSON.stringify({ id: created.key.id, apiKey: created.secret })}\n`);
    else io.stdout.write(`API key ${created.key.id} created (roles ${created.key.roles.join(',')}; scopes ${created.key.scopes.join(',') || 'none'})\nkey (shown once, store it now): ${created.secret}\n`);
    return 0;
  } catch (e) {
    return fail(io, describeError(e));
  }
}

export async function runKeysRevoke(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args: argv, strict: true, options: { tenant: { type: 'string' }, id: { type: 'string' } } });
  if (!values.tenant || !values.id) return fail(io, 'usage: phidesk keys revoke --tenant SLUG --id KEY_ID');
  const config = loadConfig();
  try {
    const revoked = await withCliDatabase(config, async (h) => {
      const tenant = await findTenantBySlug(h.db, values.tenant!);
      if (!tenant) throw new AppError('NOT_FOUND', `no tenant ${values.tenant}`);
      const deps = { db: h.db, audit: createAuditInbox(h.db, { addressHashKey: randomBytes(32) }) };
      return revokeApiKey(deps, cliActor(tenant.id), values.id!);
    });
    io.stdout.write(`API key ${revoked.id} revoked at ${revoked.revokedAt?.toISOString()}\n`);
    return 0;
  } catch (e) {
    return fail(io, describeError(e));
  }
}
