// tenants create/list and keys create/list/revoke through the real binary against a
// DATABASE_URL (this file's own database); the keys are checked by authenticating them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateApiKey } from '../../src/api-keys/api-keys.service.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { phidesk } from './run.js';

let db: TestDatabase;
let dataDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  db = await createTestDatabase();
  // an empty DATA_DIR: with DATABASE_URL set nothing is needed from it, and nothing is written to it
  dataDir = await mkdtemp(path.join(tmpdir(), 'phidesk-cli-keys-'));
  env = { DATABASE_URL: db.url, DATA_DIR: dataDir };
});
afterAll(async () => {
  await db?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

const cli = (...args: string[]) => phidesk(args, { env });

describe('phidesk tenants and keys against DATABASE_URL', () => {
  it('creates and lists tenants, creates, lists and revokes keys', async () => {
    const created = await cli('tenants', 'create', '--slug', 'cli-acme', '--name', 'CLI Acme', '--json');
    expect(created.code, created.stderr).toBe(0);
    const tenant = JSON.parse(created.stdout) as { tenantId: string; slug: string; adminApiKey: string };
    expect((await authenticateApiKey(db.db, tenant.adminApiKey, undefined)).tenantId).toBe(tenant.tenantId);

    const [listJson, listText, key] = await Promise.all([
      cli('tenants', 'list', '--json'),
      cli('tenants', 'list'),
      cli(
        'keys',
        'create',
        '--tenant',
        'cli-acme',
        '--name',
        'robot',
        '--scopes',
        'tickets:read,tickets:create',
        '--json',
      ),
    ]);
    expect(listJson.code, listJson.stderr).toBe(0);
    expect(JSON.parse(listJson.stdout)).toContainEqual(
      expect.objectContaining({ id: tenant.tenantId, slug: 'cli-acme', name: 'CLI Acme', status: 'active' }),
    );
    expect(listText.stdout).toMatch(/^SLUG +ID +NAME +STATUS +CREATED\n/);
    expect(listText.stdout).toMatch(new RegExp(`\\ncli-acme +${tenant.tenantId} +CLI Acme +active +\\d{4}-`));
    expect(key.code, key.stderr).toBe(0);
    const robot = JSON.parse(key.stdout) as { id: string; apiKey: string };
    expect((await authenticateApiKey(db.db, robot.apiKey, undefined)).scopes).toEqual([
      'tickets:read',
      'tickets:create',
    ]);

    const listed = await cli('keys', 'list', '--tenant', 'cli-acme', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const keys = JSON.parse(listed.stdout) as Array<Record<string, unknown>>;
    expect(keys.map((k) => k['name'])).toEqual(['bootstrap tenant admin', 'robot']);
    expect(keys[1]).toMatchObject({
      id: robot.id,
      roles: ['integration'],
      scopes: ['tickets:read', 'tickets:create'],
      revokedAt: null,
      expiresAt: null,
    });
    const secretOf = (apiKey: string) => apiKey.split('_').slice(2).join('_');
    expect(listed.stdout).not.toContain(secretOf(robot.apiKey));
    expect(listed.stdout).not.toContain(secretOf(tenant.adminApiKey));

    const revoked = await cli('keys', 'revoke', '--tenant', 'cli-acme', '--id', robot.id);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stdout).toMatch(new RegExp(`^API key ${robot.id} revoked at \\d{4}-`));
    await expect(authenticateApiKey(db.db, robot.apiKey, undefined)).rejects.toThrow();

    const after = await cli('keys', 'list', '--tenant', 'cli-acme');
    expect(after.stdout).toMatch(/^ID +NAME +ROLES +SCOPES +CREATED +EXPIRES +REVOKED\n/);
    expect(after.stdout).toMatch(
      new RegExp(`\\n${robot.id} +robot +integration +tickets:read,tickets:create +\\S+ +- +\\d{4}-`),
    );
  }, 90_000);

  it('exits 1 with advice for a missing tenant or key, 2 for a malformed key id', async () => {
    const [noTenant, noKey, badId] = await Promise.all([
      cli('keys', 'create', '--tenant', 'no-such-tenant', '--name', 'admin', '--roles', 'tenant_admin'),
      cli('keys', 'revoke', '--tenant', 'cli-acme', '--id', '00000000-0000-4000-8000-000000000000'),
      cli('keys', 'revoke', '--tenant', 'cli-acme', '--id', 'not-a-uuid'),
    ]);
    expect(noTenant.code).toBe(1);
    expect(noTenant.stderr).toContain(
      'no tenant "no-such-tenant" in the database at DATABASE_URL (phidesk tenants list shows the tenants there)',
    );
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain(
      'has no API key 00000000-0000-4000-8000-000000000000 (phidesk keys list --tenant cli-acme shows its keys)',
    );
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('--id must be an API key id');
  }, 60_000);
});
