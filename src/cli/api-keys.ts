// `phidesk keys create|list|revoke`: API keys for a tenant, through the same service as
// POST/GET/DELETE /v1/api-keys, acting as the CLI's system actor (audited).
import { loadConfig } from '../config.js';
import { createApiKey, listApiKeys, revokeApiKey, type ApiKeyView } from '../api-keys/api-keys.service.js';
import { AppError } from '../errors.js';
import { MAX_PAGE_SIZE } from '../services/pagination.js';
import { CliError, UsageError, type CommandRun } from './command.js';
import type { keysCreateOptions, keysListOptions, keysRevokeOptions } from './commands.js';
import { withCliDatabase } from './database.js';
import { formatTable, isoOrNone } from './format.js';
import { isUuid } from '../ids.js';
import { requireTenant } from './lookup.js';
import { cliActor, cliDeps } from './system-actor.js';

const list = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

export const keysCreate: CommandRun<typeof keysCreateOptions> = async (values, io) => {
  const expiresAt = values.expires ? new Date(values.expires) : undefined;
  if (expiresAt && Number.isNaN(expiresAt.getTime()))
    throw new UsageError('--expires must be an ISO 8601 date, e.g. 2030-01-01');
  const created = await withCliDatabase(loadConfig(), async (h) => {
    const tenant = await requireTenant(h, values.tenant);
    return createApiKey(cliDeps(h.db), cliActor(tenant.id), {
      name: values.name,
      roles: list(values.roles),
      scopes: list(values.scopes),
      expiresAt,
      allowedCidrs: list(values.cidrs),
    });
  });
  if (values.json) io.stdout.write(`${JSON.stringify({ id: created.key.id, apiKey: created.secret })}\n`);
  else
    io.stdout.write(
      `API key ${created.key.id} created (roles ${created.key.roles.join(',')}; scopes ${created.key.scopes.join(',') || 'none'})\nkey (shown once, store it now): ${created.secret}\n`,
    );
  return 0;
};

export const keysList: CommandRun<typeof keysListOptions> = async (values, io) => {
  const keys = await withCliDatabase(loadConfig(), async (h) => {
    const tenant = await requireTenant(h, values.tenant);
    const deps = cliDeps(h.db);
    const all: ApiKeyView[] = [];
    let cursor: string | undefined;
    do {
      const page = await listApiKeys(deps, cliActor(tenant.id), { limit: MAX_PAGE_SIZE, cursor });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  });
  if (values.json) {
    io.stdout.write(`${JSON.stringify(keys)}\n`); // ApiKeyView holds the lookup prefix, never the secret
    return 0;
  }
  if (keys.length === 0) {
    io.stdout.write(`tenant ${values.tenant} has no API keys\n`);
    return 0;
  }
  io.stdout.write(
    formatTable(
      ['id', 'name', 'roles', 'scopes', 'created', 'expires', 'revoked'],
      keys.map((k) => [
        k.id,
        k.name,
        k.roles.join(','),
        k.scopes.join(','),
        isoOrNone(k.createdAt),
        isoOrNone(k.expiresAt),
        isoOrNone(k.revokedAt),
      ]),
    ),
  );
  return 0;
};

export const keysRevoke: CommandRun<typeof keysRevokeOptions> = async (values, io) => {
  if (!isUuid(values.id))
    throw new UsageError(`--id must be an API key id, a UUID (phidesk keys list --tenant ${values.tenant} shows them)`);
  const revoked = await withCliDatabase(loadConfig(), async (h) => {
    const tenant = await requireTenant(h, values.tenant);
    return revokeApiKey(cliDeps(h.db), cliActor(tenant.id), values.id).catch((e: unknown) => {
      if (e instanceof AppError && e.code === 'NOT_FOUND')
        throw new CliError(
          `tenant ${values.tenant} has no API key ${values.id} (phidesk keys list --tenant ${values.tenant} shows its keys)`,
        );
      throw e;
    });
  });
  io.stdout.write(`API key ${revoked.id} revoked at ${revoked.revokedAt?.toISOString()}\n`);
  return 0;
};
