// Migration 0008 on data that already has an issuer registered by two tenants (possible
// before it): it stops with instructions instead of guessing the owner, and goes through
// once an operator removed the registration that does not belong. Plus the production
// rule for ALLOW_PRIVATE_URLS.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { down, up } from '../../migrations/2026_12_05_0008_issuer_platform_unique.js';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
});

const issuer = {
  issuer: 'https://shared.idp.example/',
  jwksUri: 'https://shared.idp.example/keys',
  audience: 'phidesk',
};

describe('migration 0008: one tenant per issuer', () => {
  it('refuses to run over duplicated issuers, and runs once they are resolved', async () => {
    const db = database.db;
    await down(db);
    const first = await createTenant(db, { slug: 'mig-first', name: 'First', allowHttpJwks: false });
    const second = await createTenant(db, { slug: 'mig-second', name: 'Second', allowHttpJwks: false });
    // as the old service allowed: the same issuer under two tenants
    for (const { tenant } of [first, second]) {
      await db
        .insertInto('tenant_issuers')
        .values({ tenant_id: tenant.id, issuer: issuer.issuer, jwks_uri: issuer.jwksUri, audience: issuer.audience })
        .execute();
    }

    await expect(up(db)).rejects.toThrow(/1 issuer\(s\) are registered by more than one tenant/);
    // the failed attempt changed nothing: still duplicated, still no unique index
    const count = await db
      .selectFrom('tenant_issuers')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('issuer', '=', issuer.issuer)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);

    await db.deleteFrom('tenant_issuers').where('tenant_id', '=', second.tenant.id).execute();
    await up(db);
    const { rows } = await sql<{
      indexname: string;
    }>`select indexname from pg_indexes where tablename = 'tenant_issuers'`.execute(db);
    expect(rows.map((r) => r.indexname)).toContain('tenant_issuers_issuer_unique');
    await expect(
      createTenant(db, { slug: 'mig-third', name: 'Third', allowHttpJwks: false, issuer }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const left = await db
      .selectFrom('tenant_issuers')
      .select('tenant_id')
      .where('issuer', '=', issuer.issuer)
      .execute();
    expect(left).toEqual([{ tenant_id: first.tenant.id }]);
  });
});

describe('ALLOW_PRIVATE_URLS', () => {
  it('is refused in production and off by default', () => {
    const production = {
      NODE_ENV: 'production',
      TRUST_PROXY: 'true',
      MASTER_KEY_FILE: '/etc/phidesk/master.key',
      AUDIT_SIGNING_KEY_FILE: '/etc/phidesk/audit.key',
    };
    expect(() => loadConfig({ ...production, ALLOW_PRIVATE_URLS: 'true' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...production, ALLOW_PRIVATE_URLS: 'true' })).toThrow(/ALLOW_PRIVATE_URLS/);
    expect(loadConfig(production).allowPrivateUrls).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', ALLOW_PRIVATE_URLS: 'true' }).allowPrivateUrls).toBe(true);
  });
});
