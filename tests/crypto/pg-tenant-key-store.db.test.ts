// The PostgreSQL TenantKeyStore honours the contract the Keyring relies on
// (src/crypto/tenant-key-store.ts), on a real database with real master keys.
import { randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Keyring,
  createMasterKeyFile,
  openValueWith,
  sealValue,
  type MasterKeyProvider,
} from '../../src/crypto/index.js';
import { PgTenantKeyStore } from '../../src/crypto/pg-tenant-key-store.js';
import { createTenant } from '../../src/tenants/tenants.service.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

let database: TestDatabase;
let store: PgTenantKeyStore;
let master: MasterKeyProvider;
let dir: string;

beforeAll(async () => {
  database = await createTestDatabase();
  store = new PgTenantKeyStore(database.db);
  dir = await mkdtemp(path.join(tmpdir(), 'phidesk-pgstore-'));
  master = await createMasterKeyFile(path.join(dir, 'master.key'));
});
afterAll(async () => database?.drop());

async function newTenant(): Promise<string> {
  const slug = `ks-${randomUUID().slice(0, 8)}`;
  return (await createTenant(database.db, { slug, name: slug, allowHttpJwks: false })).tenant.id;
}

const keyring = (masterKey = master, previous: MasterKeyProvider[] = []) =>
  new Keyring({ masterKey, previousMasterKeys: previous, store, cacheMaxAgeMs: 60_000 });

describe('PgTenantKeyStore', () => {
  it('stores the blind-index root as version 0 and data keys from 1, and rejects a duplicate version', async () => {
    const tenantId = await newTenant();
    const k = keyring();
    expect(await k.ensureTenantKey(tenantId)).toEqual({ activeVersion: 1, created: true });
    const rows = await store.listVersions(tenantId);
    expect(rows.map((r) => [r.version, r.status, r.masterKeyId]).sort()).toEqual([
      [0, 'active', master.id],
      [1, 'active', master.id],
    ]);
    await expect(store.insertVersion({ ...rows[0]!, createdAt: new Date() })).rejects.toThrow();
    // two processes racing to create the same tenant's keys agree on one
    const other = await newTenant();
    const results = await Promise.all([keyring().ensureTenantKey(other), keyring().ensureTenantKey(other)]);
    expect(results.map((r) => r.activeVersion)).toEqual([1, 1]);
    expect(await store.listVersions(other)).toHaveLength(2);
  });

  it('round-trips values across processes and survives rotation and a master-key rewrap', async () => {
    const tenantId = await newTenant();
    const first = keyring();
    await first.ensureTenantKey(tenantId);
    const place = { tenantId, table: 'contacts', column: 'mrn', rowId: randomUUID() };
    const sealed = sealValue(await first.activeKey(tenantId), place, 'MRN-42');
    await first.rotateTenantKey(tenantId);
    const next = await createMasterKeyFile(path.join(dir, `next-${randomUUID()}.key`));
    const summary = await first.rewrapAll(next, [tenantId]);
    expect(summary.rewrapped).toBe(3);
    expect(Object.keys(await store.countByMasterKey())).toContain(next.id);
    // a process that knows only the new master key opens the value sealed before both rotations
    expect(await openValueWith(keyring(next), place, sealed)).toBe('MRN-42');
    const statuses = (await store.listVersions(tenantId)).map((r) => [r.version, r.status]).sort();
    expect(statuses).toEqual([
      [0, 'active'],
      [1, 'decrypt_only'],
      [2, 'active'],
    ]);
  });

  it('applies updateWrapped atomically: one missing row and nothing changes', async () => {
    const tenantId = await newTenant();
    await keyring().ensureTenantKey(tenantId);
    const before = await store.listVersions(tenantId);
    const rewrapped = before.map((r) => ({
      tenantId,
      version: r.version,
      wrapped: new Uint8Array([1, 2, 3]),
      masterKeyId: 'other',
    }));
    await expect(
      store.updateWrapped([...rewrapped, { tenantId, version: 9, wrapped: new Uint8Array([1]), masterKeyId: 'other' }]),
    ).rejects.toThrow();
    expect((await store.listVersions(tenantId)).map((r) => r.masterKeyId)).toEqual(before.map((r) => r.masterKeyId));
  });

  it('destroyAll leaves tombstones (even for a tenant that never had keys) and they never come back', async () => {
    const tenantId = await newTenant();
    await keyring().ensureTenantKey(tenantId);
    await store.destroyAll(tenantId);
    const rows = await store.listVersions(tenantId);
    expect(rows.every((r) => r.status === 'destroyed' && r.wrapped.length === 0)).toBe(true);
    await expect(store.setStatus(tenantId, 1, 'active')).rejects.toThrow();
    await expect(
      store.updateWrapped([{ tenantId, version: 1, wrapped: new Uint8Array([1]), masterKeyId: master.id }]),
    ).rejects.toThrow();
    await expect(keyring().ensureTenantKey(tenantId)).rejects.toMatchObject({ reason: 'tenant_shredded' });

    const never = await newTenant();
    await store.destroyAll(never);
    expect((await store.listVersions(never)).map((r) => [r.version, r.status])).toEqual([[0, 'destroyed']]);
    await expect(keyring().ensureTenantKey(never)).rejects.toMatchObject({ reason: 'tenant_shredded' });
    expect(await store.tenantsWithLiveKeys()).not.toContain(never);
  });
});
