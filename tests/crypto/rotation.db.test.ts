// Acceptance 3: rotate the master key and a tenant key through the CLI while requests
// run against a server; no request fails, every value still opens (also for a server
// that knows only the new master key), and after the re-seal job no value uses the old
// tenant key version, which can then be retired. Real PostgreSQL, real key files.
//
// The deployment order is the documented one: servers first learn the new master key
// (MASTER_KEY_FILE=new, MASTER_KEY_PREVIOUS_FILES=old), then `keys rotate-master`.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createMasterKeyFile, type MasterKeyProvider } from '../../src/crypto/index.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { client, mintKey, seedTenant, type Client, type SeededTenant } from '../helpers/actors.js';
import { auditEventsOf, sampleContact, type ContactBody } from '../contacts/helpers.js';
import { phidesk } from './cli-run.js';

const SEALED = ['name', 'email', 'phone', 'date_of_birth', 'address', 'mrn', 'health_plan_member_id', 'external_ids'];

let before: TestApp; // the server before the deploy: old master key only
let after: TestApp; // after the deploy: new master key, old one kept for unwrapping
let tenant: SeededTenant;
let k1File: string;
let k2File: string;
let k2: MasterKeyProvider;
let env: Record<string, string>;

beforeAll(async () => {
  before = await startTestApp({ env: { KEY_CACHE_SECONDS: '1' } });
  k1File = before.config.masterKeyFile;
  const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-rotation-'));
  k2File = path.join(dir, 'master-2.key');
  k2 = await createMasterKeyFile(k2File);
  tenant = await seedTenant(before);
  env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dir,
    DATABASE_URL: before.database.url,
    MASTER_KEY_FILE: k2File,
    MASTER_KEY_PREVIOUS_FILES: k1File,
    KEY_CACHE_SECONDS: '1',
  };
});
afterAll(async () => {
  await after?.close();
  await before?.close();
});

interface Worker {
  contacts: Map<string, ContactBody>;
  ops: number;
  failures: string[];
}

/** One client's steady traffic on its own contacts: create, read, patch, list, search; every answer checked. */
async function traffic(c: Client, worker: Worker, running: () => boolean): Promise<void> {
  const fail = (what: string, res: { statusCode: number; body: string }) =>
    worker.failures.push(`${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  while (running()) {
    const body = sampleContact();
    const created = await c.post('/v1/contacts', body);
    if (created.statusCode !== 201) {
      fail('create', created);
      continue;
    }
    worker.contacts.set(created.json().id, body);
    const ids = [...worker.contacts.keys()];
    const id = ids[Math.floor(Math.random() * ids.length)]!;
    const read = await c.get(`/v1/contacts/${id}`);
    if (read.statusCode !== 200 || read.json().mrn !== worker.contacts.get(id)!.mrn) fail('read', read);
    const mrn = `MRN-P-${Math.random().toString(36).slice(2, 10)}`;
    const patched = await c.patch(`/v1/contacts/${id}`, { mrn });
    if (patched.statusCode !== 200 || patched.json().name !== worker.contacts.get(id)!.name) fail('patch', patched);
    else worker.contacts.set(id, { ...worker.contacts.get(id)!, mrn });
    const found = await c.post('/v1/contacts/search', { mrn });
    if (found.statusCode !== 200 || found.json().items[0]?.id !== id) fail('search', found);
    const list = await c.get('/v1/contacts?limit=20');
    if (list.statusCode !== 200) fail('list', list);
    worker.ops += 5;
  }
}

describe('rotation while requests run', () => {
  it('rewraps under a new master key and re-seals onto a new tenant key version without a failed request', async () => {
    const seedAgent = client(before.app, { apiKey: (await mintKey(before.app, tenant.adminKey, ['agent'])).secret });
    const seeded = new Map<string, ContactBody>();
    for (let i = 0; i < 25; i++) {
      const body = sampleContact();
      seeded.set((await seedAgent.post('/v1/contacts', body)).json().id, body);
    }
    expect(
      new Set(
        (await before.database.db.selectFrom('tenant_keys').select('master_key_id').execute()).map(
          (r) => r.master_key_id,
        ),
      ),
    ).toEqual(new Set([before.masterKey.id]));

    // deploy: the servers now know the new master key, and keep the old one for unwrapping
    after = await startTestApp({
      database: before.database,
      masterKey: k2,
      previousMasterKeys: [before.masterKey],
      env: { KEY_CACHE_SECONDS: '1' },
    });
    const agentKey = (await mintKey(after.app, tenant.adminKey, ['agent'])).secret;
    let running = true;
    const workers: Worker[] = Array.from({ length: 3 }, () => ({ contacts: new Map(), ops: 0, failures: [] }));
    const load = Promise.all(workers.map((w) => traffic(client(after.app, { apiKey: agentKey }), w, () => running)));

    // the traffic stops whatever happens below, so it never outlives the app it calls
    onTestFinished(async () => {
      running = false;
      await load.catch(() => undefined);
    });
    const master = await phidesk(env, 'keys', 'rotate-master', '--new-key-file', k2File);
    expect(master.code, master.stderr).toBe(0);
    expect(master.stdout).toMatch(/rewrapped 2 tenant key\(s\) of 1 tenant\(s\)/);
    const rotated = await phidesk(env, 'keys', 'rotate-tenant', '--tenant', tenant.slug);
    expect(rotated.code, rotated.stderr).toBe(0);
    expect(rotated.stdout).toMatch(/new writes use key version 2; version 1 is decrypt-only/);
    const early = await phidesk(env, 'keys', 'retire', '--tenant', tenant.slug, '--version', '1');
    expect(early.code).toBe(1); // values still use it (and servers may still seal with it)
    const reseal = await phidesk(env, 'keys', 'reseal', '--tenant', tenant.slug, '--batch-size', '7');
    expect(reseal.code, reseal.stderr + reseal.stdout).toBe(0);
    expect(reseal.stdout).toMatch(/re-seal to v2: \d+\/\d+ rows, \d+ fields, 0 failed/);
    // the wait is for the servers' key caches; a first pass slower than KEY_CACHE_SECONDS (a
    // loaded machine) finds them expired already: either way a final pass follows
    expect(reseal.stdout).toMatch(
      /(waiting until \S+ for servers' key caches to expire|servers' key caches expired at \S+ already), then a final pass/,
    );
    expect(reseal.stdout).toMatch(/re-seal job \S+ completed/);

    running = false;
    await load;
    const ops = workers.reduce((n, w) => n + w.ops, 0);
    expect(workers.flatMap((w) => w.failures)).toEqual([]);
    expect(ops).toBeGreaterThan(50);
    console.info(
      `rotation: ${ops} requests ran during rotate-master, rotate-tenant and reseal; none failed\n${reseal.stdout.trim()}`,
    );

    // every live tenant key is under the new master key
    const keyRows = await after.database.db
      .selectFrom('tenant_keys')
      .select(['version', 'status', 'master_key_id'])
      .where('tenant_id', '=', tenant.tenantId)
      .orderBy('version')
      .execute();
    expect(keyRows.map((r) => [r.version, r.status, r.master_key_id])).toEqual([
      [0, 'active', k2.id],
      [1, 'decrypt_only', k2.id],
      [2, 'active', k2.id],
    ]);
    // no sealed value names version 1 any more: checked in the ciphertext headers themselves
    for (const column of SEALED) {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from contacts where tenant_id = ${tenant.tenantId}
        and ${sql.ref(column)} is not null and substring(${sql.ref(column)} from 3 for 4) <> int4send(2)`.execute(
        after.database.db,
      );
      expect(rows[0]!.n, column).toBe(0);
    }
    expect(
      await after.database.db
        .selectFrom('contacts')
        .select('key_version')
        .distinct()
        .where('tenant_id', '=', tenant.tenantId)
        .execute(),
    ).toEqual([{ key_version: 2 }]);

    // the old version can now be retired; a server with only the new master key opens every value
    const retire = await phidesk(env, 'keys', 'retire', '--tenant', tenant.slug, '--version', '1');
    expect(retire.code, retire.stderr).toBe(0);
    const fresh = await startTestApp({ database: before.database, masterKey: k2 });
    try {
      const reader = client(fresh.app, { apiKey: agentKey });
      const all = new Map([...seeded, ...workers.flatMap((w) => [...w.contacts])]);
      for (const [id, body] of all) {
        const res = await reader.get(`/v1/contacts/${id}`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({
          name: body.name,
          email: body.email,
          mrn: body.mrn,
          dateOfBirth: body.dateOfBirth,
          externalIds: body.externalIds,
        });
      }
    } finally {
      await fresh.close();
    }

    const status = await phidesk(env, 'keys', 'status', '--tenant', tenant.slug, '--json');
    const versions = JSON.parse(status.stdout).versions as Array<{
      version: number;
      status: string;
      sealedValues: number;
    }>;
    expect(versions.map((v) => [v.version, v.status, v.sealedValues > 0])).toEqual([
      [0, 'active', false],
      [1, 'retired', false],
      [2, 'active', true],
    ]);

    const events = await auditEventsOf(after, tenant.tenantId);
    const keyEvents = events.filter((e) => e.action.startsWith('tenant_key'));
    expect(keyEvents.map((e) => `${e.action}:${e.outcome}`)).toEqual(
      expect.arrayContaining([
        'tenant_keys.rewrap:allowed',
        'tenant_key.rotate:allowed',
        'tenant_key.retire:denied',
        'tenant_key.reseal:allowed',
        'tenant_key.retire:allowed',
      ]),
    );
    expect(keyEvents.every((e) => e.actor.kind === 'system')).toBe(true);
  });
});
