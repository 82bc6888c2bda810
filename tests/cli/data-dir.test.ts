// A DATA_DIR without phidesk data is refused (nothing created in it) unless the command
// is given --init, and key files are only ever read: commands that need the master key
// or the audit signing key say where they looked and exit 1 instead of creating one.
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../../src/db/embedded.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { entries, phidesk } from './run.js';

let db: TestDatabase;
const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-cli-data-'));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('a DATA_DIR without data', () => {
  it('is refused without --init, with advice, and left untouched', async () => {
    const [empty, cwd] = [await tempDir(), await tempDir()];
    const [keysCreate, tenantsCreate, byDefault] = await Promise.all([
      phidesk(['keys', 'create', '--tenant', 'demo', '--name', 'admin', '--roles', 'tenant_admin'], {
        env: { DATA_DIR: empty },
      }),
      phidesk(['tenants', 'create', '--slug', 'acme', '--name', 'Acme'], { env: { DATA_DIR: empty } }),
      // no DATA_DIR: ./.phidesk under the working directory, named by its absolute path
      phidesk(['keys', 'create', '--tenant', 'demo', '--name', 'admin'], { cwd }),
    ]);
    expect(keysCreate.code).toBe(1);
    expect(keysCreate.stderr).toContain(
      `no phidesk data in ${empty} (start the server once with npm start, point DATA_DIR at its data, set DATABASE_URL, or run phidesk migrate --init to create one here)`,
    );
    expect(tenantsCreate.code).toBe(1);
    expect(tenantsCreate.stderr).toContain(`no phidesk data in ${empty} (`);
    expect(tenantsCreate.stderr).toContain('or pass --init to create one here)');
    expect(byDefault.code).toBe(1);
    expect(byDefault.stderr).toContain(`no phidesk data in ${path.join(cwd, '.phidesk')} (`);
    expect(await entries(empty)).toEqual([]);
    expect(await entries(cwd)).toEqual([]);
  }, 60_000);

  it('is initialised and migrated with --init', async () => {
    const dataDir = await tempDir();
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freeLoopbackPort()) };
    const created = await phidesk(['tenants', 'create', '--slug', 'first', '--name', 'First', '--init', '--json'], {
      env,
    });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toMatch(/created an embedded PostgreSQL in .* \(--init\) and applied \d+ migration\(s\)/);
    expect(JSON.parse(created.stdout)).toMatchObject({ slug: 'first', adminApiKey: expect.stringMatching(/^phk_/) });
    expect(await entries(dataDir)).toEqual(['pg-password', 'pgdata']); // no key files: the server creates those
    expect(existsSync(path.join(dataDir, 'pgdata', 'postmaster.pid'))).toBe(false); // the server it started is stopped
  }, 120_000);
});

describe('key files are read, never created', () => {
  it('keys status and audit public-key exit 1 naming the missing file, and create nothing', async () => {
    const dataDir = await tempDir();
    const [status, publicKey] = await Promise.all([
      phidesk(['keys', 'status', '--tenant', 'demo'], { env: { DATA_DIR: dataDir, DATABASE_URL: db.url } }),
      phidesk(['audit', 'public-key'], { env: { DATA_DIR: dataDir } }),
    ]);
    expect(status.code).toBe(1);
    expect(status.stderr).toContain(
      `there is no development master key at ${path.join(dataDir, 'dev-master.key')}: start the server once`,
    );
    expect(publicKey.code).toBe(1);
    expect(publicKey.stdout).toBe('');
    expect(publicKey.stderr).toContain(
      `there is no development audit signing key at ${path.join(dataDir, 'dev-audit-signing.key')}`,
    );
    expect(await entries(dataDir)).toEqual([]);
  }, 60_000);
});
