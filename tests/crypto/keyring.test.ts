import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  openValue,
  openValueWith,
  resealValue,
  sealValue,
  sealedKeyVersion,
  type SealContext,
} from '../../src/crypto/envelope.js';
import { Keyring } from '../../src/crypto/keyring.js';
import { AppError } from '../../src/errors.js';
import { expectSealFailure, expectUnsealFailure, expectUnsealFailureAsync } from './assertions.js';
import { CACHE_MAX_AGE_MS, cryptoFixture, newTenantId, type CryptoFixture } from './fixtures.js';

let fx: CryptoFixture;
let tenant: string;

const at = (tenantId: string, rowId = 'row-1'): SealContext => ({ tenantId, table: 'contacts', column: 'mrn', rowId });

beforeEach(async () => {
  fx = await cryptoFixture();
  tenant = newTenantId();
});

afterEach(async () => {
  await fx.cleanup();
});

describe('tenant keys', () => {
  it('ensureTenantKey creates the blind-index root and version 1 once', async () => {
    expect(await fx.keyring.ensureTenantKey(tenant)).toEqual({ activeVersion: 1, created: true });
    expect(await fx.keyring.ensureTenantKey(tenant)).toEqual({ activeVersion: 1, created: false });
    const rows = await fx.store.listVersions(tenant);
    expect(rows.map((r) => [r.version, r.status, r.masterKeyId]).sort()).toEqual([
      [0, 'active', fx.masterKey.id],
      [1, 'active', fx.masterKey.id],
    ]);
    for (const row of rows) expect(row.wrapped.length).toBe(2 + 24 + 32 + 16);
  });

  it('refuses to seal for a tenant that has no key', async () => {
    await expectSealFailure(() => fx.keyring.activeKey(tenant), 'no_tenant_key');
    await expectSealFailure(() => fx.keyring.blindIndexKey(tenant, 'contacts', 'mrn'), 'no_tenant_key');
  });

  it('two processes racing to create a tenant key agree on one key', async () => {
    const other = new Keyring({ masterKey: fx.masterKey, store: fx.store, cacheMaxAgeMs: CACHE_MAX_AGE_MS });
    const results = await Promise.all([fx.keyring.ensureTenantKey(tenant), other.ensureTenantKey(tenant)]);
    expect(results.map((r) => r.activeVersion)).toEqual([1, 1]);
    expect((await fx.store.listVersions(tenant)).length).toBe(2);
    const sealed = sealValue(await fx.keyring.activeKey(tenant), at(tenant), 'shared');
    expect(await openValueWith(other, at(tenant), sealed)).toBe('shared');
    other.clear();
  });

  it('caches unwrapped keys for the max age, then reloads and wipes the old ones', async () => {
    await fx.keyring.ensureTenantKey(tenant);
    const first = await fx.keyring.activeKey(tenant);
    const calls = fx.store.listCalls;
    expect(await fx.keyring.activeKey(tenant)).toBe(first);
    expect(fx.store.listCalls).toBe(calls);

    fx.clock.now += CACHE_MAX_AGE_MS;
    const second = await fx.keyring.activeKey(tenant);
    expect(fx.store.listCalls).toBe(calls + 1);
    expect(second).not.toBe(first);
    await Promise.resolve(); // wipes run when the evicted promise settles
    expect(first.destroyed).toBe(true);
    await expectSealFailure(() => sealValue(first, at(tenant), 'x'), 'key_evicted');
    expectUnsealFailure(() => openValue(first, at(tenant), sealValue(second, at(tenant), 'x')), 'key_evicted');
    expect(openValue(second, at(tenant), sealValue(second, at(tenant), 'y'))).toBe('y');
  });

  it('shares one store query among concurrent cold reads', async () => {
    await fx.keyring.ensureTenantKey(tenant);
    fx.clock.now += CACHE_MAX_AGE_MS;
    const calls = fx.store.listCalls;
    const keys = await Promise.all([1, 2, 3, 4].map(() => fx.keyring.keyForVersion(tenant, 1)));
    expect(fx.store.listCalls).toBe(calls + 1);
    expect(new Set(keys).size).toBe(1);
  });
});

describe('rotation', () => {
  it('keeps v1 values readable, writes new values under v2', async () => {
    await fx.keyring.ensureTenantKey(tenant);
    const v1 = sealValue(await fx.keyring.activeKey(tenant), at(tenant), 'sealed under v1');

    expect(await fx.keyring.rotateTenantKey(tenant)).toEqual({ previousVersion: 1, activeVersion: 2 });
    const statuses = Object.fromEntries((await fx.store.listVersions(tenant)).map((r) => [r.version, r.status]));
    expect(statuses).toEqual({ 0: 'active', 1: 'decrypt_only', 2: 'active' });

    const v2 = sealValue(await fx.keyring.activeKey(tenant), at(tenant), 'sealed under v2');
    expect(sealedKeyVersion(v1)).toBe(1);
    expect(sealedKeyVersion(v2)).toBe(2);
    expect(await openValueWith(fx.keyring, at(tenant), v1)).toBe('sealed under v1');
    expect(await openValueWith(fx.keyring, at(tenant), v2)).toBe('sealed under v2');
  });

  it('is noticed by another process through its cache', async () => {
    await fx.keyring.ensureTenantKey(tenant);
    const other = new Keyring({ masterKey: fx.masterKey, store: fx.store, cacheMaxAgeMs: CACHE_MAX_AGE_MS });
    expect((await other.activeKey(tenant)).version).toBe(1);
    await fx.keyring.rotateTenantKey(tenant);
    const v2 = sealValue(await fx.keyring.activeKey(tenant), at(tenant), 'new');
    // a value naming a version it has not seen makes the other process re-read the rows
    expect(await openValueWith(other, at(tenant), v2)).toBe('new');
    other.clear();
  });

  it('a version swapped in the header does not open under the other key', async () => {
    await fx.keyring.ensureTenantKey(tenant);
    const v1 = sealValue(await fx.keyring.activeKey(tenant), at(tenant), 'v1 value');
    await fx.keyring.rotateTenantKey(tenant);
    const relabelled = Buffer.from(v1);
    relabelled.writeUInt32BE(2, 2);
    await expectUnsealFailureAsync(
      () => openValueWith(fx.keyring, at(tenant), relabelled as typeof v1),
      'tampered',
      'v1 value',
    );
  });

  it('re-seals v1 values under v2, after which v1 can be retired', async () => {
    await fx.keyring.ensureTenantKey(tenant);
    const v1 = sealValue(await fx.keyring.activeKey(tenant), at(tenant), 'move me');
    await fx.keyring.rotateTenantKey(tenant);
    const moved = resealValue(
      await fx.keyring.keyForVersion(tenant, 1),
      await fx.keyring.activeKey(tenant),
      at(tenant),
      v1,
    );
    expect(sealedKeyVersion(moved)).toBe(2);

    await fx.keyring.retireVersion(tenant, 1);
    expect(await openValueWith(fx.keyring, at(tenant), moved)).toBe('move me');
    await expectUnsealFailureAsync(() => openValueWith(fx.keyring, at(tenant), v1), 'retired_key_version', 'move me');
  });

  it('refuses to retire the active version or the blind-index root', async () => {
    await fx.keyring.ensureTenantKey(tenant);
    await expect(fx.keyring.retireVersion(tenant, 1)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(fx.keyring.retireVersion(tenant, 0)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(fx.keyring.retireVersion(tenant, 7)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('master key rotation (rewrap)', () => {
  it('rewraps every key without touching data; old values open under the new master key only', async () => {
    const tenants = [tenant, newTenantId()];
    const sealed = new Map<string, Buffer>();
    for (const t of tenants) {
      await fx.keyring.ensureTenantKey(t);
      sealed.set(`${t}:1`, sealValue(await fx.keyring.activeKey(t), at(t), `${t} v1`));
      await fx.keyring.rotateTenantKey(t);
      sealed.set(`${t}:2`, sealValue(await fx.keyring.activeKey(t), at(t), `${t} v2`));
    }
    const blindBefore = (await fx.keyring.blindIndexKey(tenant, 'contacts', 'mrn')).bytes().slice();

    const newMaster = await fx.newMasterKey();
    expect(await fx.keyring.rewrapAll(newMaster, tenants)).toEqual({ tenants: 2, rewrapped: 6, alreadyCurrent: 0 });
    expect(fx.keyring.masterKeyId).toBe(newMaster.id);
    for (const t of tenants) {
      for (const row of await fx.store.listVersions(t)) expect(row.masterKeyId).toBe(newMaster.id);
    }

    const fresh = new Keyring({ masterKey: newMaster, store: fx.store, cacheMaxAgeMs: CACHE_MAX_AGE_MS });
    for (const t of tenants) {
      expect(await openValueWith(fresh, at(t), sealed.get(`${t}:1`) as never)).toBe(`${t} v1`);
      expect(await openValueWith(fresh, at(t), sealed.get(`${t}:2`) as never)).toBe(`${t} v2`);
    }
    expect((await fresh.blindIndexKey(tenant, 'contacts', 'mrn')).bytes()).toEqual(blindBefore);

    const stale = new Keyring({ masterKey: fx.masterKey, store: fx.store, cacheMaxAgeMs: CACHE_MAX_AGE_MS });
    await expectUnsealFailureAsync(() => stale.keyForVersion(tenant, 1), 'unknown_master_key');

    // resumable: a second run finds nothing to do
    expect(await fx.keyring.rewrapAll(newMaster, tenants)).toEqual({ tenants: 2, rewrapped: 0, alreadyCurrent: 6 });
    fresh.clear();
    stale.clear();
  });

  it('binds each wrapped key to its tenant and version', async () => {
    const other = newTenantId();
    await fx.keyring.ensureTenantKey(tenant);
    await fx.keyring.ensureTenantKey(other);
    const stolen = fx.store.peek(other, 1)!;
    await fx.store.updateWrapped([
      { tenantId: tenant, version: 1, wrapped: stolen.wrapped, masterKeyId: stolen.masterKeyId },
    ]);
    const fresh = new Keyring({ masterKey: fx.masterKey, store: fx.store, cacheMaxAgeMs: CACHE_MAX_AGE_MS });
    await expectUnsealFailureAsync(() => fresh.keyForVersion(tenant, 1), 'key_unwrap_failed');
    fresh.clear();
  });
});

describe('crypto-shredding', () => {
  it('makes every value of the tenant unreadable and its keys unusable', async () => {
    const canary = `CANARY-${randomUUID()}`;
    await fx.keyring.ensureTenantKey(tenant);
    const v1 = sealValue(await fx.keyring.activeKey(tenant), at(tenant), canary);
    await fx.keyring.rotateTenantKey(tenant);
    const heldKey = await fx.keyring.activeKey(tenant);
    const v2 = sealValue(heldKey, at(tenant), canary);
    const heldIndexKey = await fx.keyring.blindIndexKey(tenant, 'contacts', 'mrn');

    await fx.keyring.shredTenant(tenant);
    await Promise.resolve();

    for (const sealed of [v1, v2]) {
      await expectUnsealFailureAsync(
        () => openValueWith(fx.keyring, at(tenant), sealed),
        'destroyed_key_version',
        canary,
      );
    }
    expect(heldKey.destroyed).toBe(true);
    expect(heldIndexKey.destroyed).toBe(true);
    expectUnsealFailure(() => openValue(heldKey, at(tenant), v2), 'key_evicted', canary);
    await expectSealFailure(() => fx.keyring.activeKey(tenant), 'tenant_shredded');
    await expectSealFailure(() => fx.keyring.blindIndexKey(tenant, 'contacts', 'mrn'), 'tenant_shredded');
    await expectSealFailure(() => fx.keyring.ensureTenantKey(tenant), 'tenant_shredded');
    await expectSealFailure(() => fx.keyring.rotateTenantKey(tenant), 'tenant_shredded');
    for (const row of await fx.store.listVersions(tenant)) {
      expect(row.status).toBe('destroyed');
      expect(row.wrapped.length).toBe(0);
    }

    // another process, or a restart, cannot recover anything either
    const fresh = new Keyring({ masterKey: fx.masterKey, store: fx.store, cacheMaxAgeMs: CACHE_MAX_AGE_MS });
    await expectUnsealFailureAsync(() => openValueWith(fresh, at(tenant), v1), 'destroyed_key_version', canary);
    await expectUnsealFailureAsync(() => fresh.keyForVersion(tenant, 9), 'destroyed_key_version');
  });

  it('leaves other tenants alone', async () => {
    const other = newTenantId();
    await fx.keyring.ensureTenantKey(tenant);
    await fx.keyring.ensureTenantKey(other);
    const kept = sealValue(await fx.keyring.activeKey(other), at(other), 'kept');
    await fx.keyring.shredTenant(tenant);
    expect(await openValueWith(fx.keyring, at(other), kept)).toBe('kept');
  });
});

describe('errors', () => {
  it('are AppErrors with one message whatever the reason, so they are no oracle', async () => {
    await fx.keyring.ensureTenantKey(tenant);
    await fx.keyring.rotateTenantKey(tenant);
    await fx.keyring.retireVersion(tenant, 1);
    const key = await fx.keyring.activeKey(tenant);
    const sealed = sealValue(key, at(tenant), 'secret');
    const failures: Array<() => Promise<unknown>> = [
      () => fx.keyring.keyForVersion(tenant, 5), // unknown_key_version
      () => fx.keyring.keyForVersion(tenant, 1), // retired_key_version
      async () => openValue(key, at(tenant, 'row-2'), sealed), // tampered
      async () => openValue(key, at(tenant), Buffer.alloc(3) as typeof sealed), // malformed
    ];
    const seen = new Map<string, string>();
    for (const fail of failures) {
      const error = await fail().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      const { reason, message } = error as { reason: string; message: string };
      seen.set(reason, message);
    }
    expect([...seen.keys()].sort()).toEqual(['malformed', 'retired_key_version', 'tampered', 'unknown_key_version']);
    expect(new Set(seen.values()).size).toBe(1);
  });
});
