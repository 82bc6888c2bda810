// `phidesk tenants create|list`: bootstrap without a UI.
import { loadConfig } from '../config.js';
import { createTenant, listAllTenants } from '../tenants/tenants.service.js';
import { UsageError, type CommandRun } from './command.js';
import type { tenantsCreateOptions, tenantsListOptions } from './commands.js';
import { withCliDatabase } from './database.js';
import { formatTable, isoOrNone } from './format.js';

export const tenantsCreate: CommandRun<typeof tenantsCreateOptions> = async (values, io) => {
  const idp = [values['jwt-issuer'], values['jwks-uri'], values.audience];
  if (idp.some(Boolean) && !idp.every(Boolean))
    throw new UsageError('--jwt-issuer, --jwks-uri and --audience go together');
  const config = loadConfig();
  const issuer =
    values['jwt-issuer'] && values['jwks-uri'] && values.audience
      ? { issuer: values['jwt-issuer'], jwksUri: values['jwks-uri'], audience: values.audience }
      : undefined;
  const created = await withCliDatabase(
    config,
    (h) =>
      createTenant(h.db, {
        slug: values.slug,
        name: values.name,
        allowHttpJwks: config.auth.allowHttpJwks,
        allowPrivateUrls: config.allowPrivateUrls,
        issuer,
      }),
    { init: values.init, offersInit: true, notes: io.stderr },
  );
  if (values.json)
    io.stdout.write(
      `${JSON.stringify({ tenantId: created.tenant.id, slug: created.tenant.slug, adminApiKey: created.adminKey })}\n`,
    );
  else
    io.stdout.write(
      `tenant ${created.tenant.slug} created\ntenant id: ${created.tenant.id}\ntenant-admin API key (shown once, store it now): ${created.adminKey}\n`,
    );
  return 0;
};

export const tenantsList: CommandRun<typeof tenantsListOptions> = async (values, io) => {
  const { where, tenants } = await withCliDatabase(loadConfig(), async (h) => ({
    where: h.where,
    tenants: await listAllTenants(h.db),
  }));
  if (values.json) {
    io.stdout.write(`${JSON.stringify(tenants)}\n`);
  } else if (tenants.length === 0) {
    io.stdout.write(`no tenants in ${where} (phidesk tenants create adds one)\n`);
  } else {
    io.stdout.write(
      formatTable(
        ['slug', 'id', 'name', 'status', 'created'],
        tenants.map((t) => [t.slug, t.id, t.name, t.status, isoOrNone(t.createdAt)]),
      ),
    );
  }
  return 0;
};
