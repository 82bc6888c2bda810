// Tenant key lifecycle: creation, the write key, read keys by version, rotation,
// master-key rewrap, retirement and crypto-shredding, over a TenantKeyStore and
// master key providers. Unwrapped keys are cached (see key-cache.ts).
//
// Blind-index keys come from a per-tenant blind-index root stored as version 0,
// not from a data key version: rotating data keys must not change blind indexes,
// or every index would have to be recomputed before search worked again.
// Shredding destroys the root with the data keys, so indexes die with the data.

import { AppError } from '../errors.js';
import type { TenantKeySource } from './envelope.js';
import { SealError, UnsealError, type SealFailureReason } from './errors.js';
import { TenantKeyCache, type CachedTenant } from './key-cache.js';
import { KEY_BYTES } from './key-derivation.js';
import type { MasterKeyProvider } from './master-key.js';
import { BLIND_INDEX_ROOT_VERSION, MasterKeySet } from './master-key-set.js';
import { initSodium, randomBytesArray, wipe } from './sodium.js';
import { BlindIndexRoot, TenantKeyMaterial, type BlindIndexKey } from './tenant-key.js';
import type { RewrappedTenantKey, TenantKeyStore, WrappedTenantKey } from './tenant-key-store.js';

export type { RewrappedTenantKey, TenantKeyStatus, TenantKeyStore, WrappedTenantKey } from './tenant-key-store.js';
export { BLIND_INDEX_ROOT_VERSION, wrapContext } from './master-key-set.js';

export interface KeyringOptions {
  masterKey: MasterKeyProvider;
  store: TenantKeyStore;
  /** how long unwrapped keys stay cached; also how long another process's shred may go unnoticed */
  cacheMaxAgeMs: number;
  /** milliseconds since the epoch; injectable for tests */
  clock?: () => number;
  /** master keys that may still wrap some rows during a master-key rotation */
  previousMasterKeys?: readonly MasterKeyProvider[];
  /** delay before wiping keys that aged out (a request may still hold them); default 10 s */
  evictionGraceMs?: number;
}

export interface RewrapSummary {
  tenants: number;
  rewrapped: number;
  alreadyCurrent: number;
}

type Rows = ReadonlyMap<number, WrappedTenantKey>;

function activeDataRow(rows: Rows): WrappedTenantKey | undefined {
  let active: WrappedTenantKey | undefined;
  for (const row of rows.values()) {
    // after an interrupted rotation two versions may be active: the newest wins
    if (row.version >= 1 && row.status === 'active' && (active === undefined || row.version > active.version))
      active = row;
  }
  return active;
}

function isShredded(rows: Iterable<WrappedTenantKey>): boolean {
  let any = false;
  for (const row of rows) {
    if (row.status !== 'destroyed') return false;
    any = true;
  }
  return any;
}

function whyNoActiveKey(rows: Rows): SealFailureReason {
  if (isShredded(rows.values())) return 'tenant_shredded';
  return [...rows.keys()].some((v) => v >= 1) ? 'no_active_key' : 'no_tenant_key';
}

function byVersion(rows: readonly WrappedTenantKey[]): Rows {
  return new Map(rows.map((row) => [row.version, row] as const));
}

export class Keyring implements TenantKeySource {
  readonly #masterKeys: MasterKeySet;
  readonly #store: TenantKeyStore;
  readonly #clock: () => number;
  readonly #cache: TenantKeyCache;
  readonly #listing = new Map<string, Promise<WrappedTenantKey[]>>();

  constructor(options: KeyringOptions) {
    this.#masterKeys = new MasterKeySet(options.masterKey, options.previousMasterKeys);
    this.#store = options.store;
    this.#clock = options.clock ?? Date.now;
    this.#cache = new TenantKeyCache(options.cacheMaxAgeMs, this.#clock, options.evictionGraceMs ?? 10_000);
  }

  /** Id of the master key new tenant keys are wrapped under. */
  get masterKeyId(): string {
    return this.#masterKeys.current.id;
  }

  /** Creates the tenant's blind-index root and data key version 1 if missing. Idempotent. */
  async ensureTenantKey(tenantId: string): Promise<{ activeVersion: number; created: boolean }> {
    await initSodium();
    const rows = await this.#store.listVersions(tenantId);
    if (isShredded(rows)) throw new SealError('tenant_shredded');
    let created = false;
    if (!rows.some((r) => r.version === BLIND_INDEX_ROOT_VERSION)) {
      created = (await this.#insertNewKey(tenantId, BLIND_INDEX_ROOT_VERSION)) || created;
    }
    if (!rows.some((r) => r.version >= 1)) created = (await this.#insertNewKey(tenantId, 1)) || created;
    const tenant = await this.#refresh(tenantId);
    const active = activeDataRow(tenant.rows);
    if (active === undefined) throw new SealError(whyNoActiveKey(tenant.rows));
    return { activeVersion: active.version, created };
  }

  /** The key new values are sealed with (the newest active version). */
  async activeKey(tenantId: string): Promise<TenantKeyMaterial> {
    await initSodium();
    let tenant = await this.#tenant(tenantId);
    let row = activeDataRow(tenant.rows);
    if (row === undefined) {
      tenant = await this.#refresh(tenantId);
      row = activeDataRow(tenant.rows);
    }
    if (row === undefined) throw new SealError(whyNoActiveKey(tenant.rows));
    return this.#dataKey(tenant, row);
  }

  /** The key of the version a sealed value names; refuses retired and destroyed versions. */
  async keyForVersion(tenantId: string, version: number): Promise<TenantKeyMaterial> {
    await initSodium();
    if (!Number.isInteger(version) || version < 1) throw new UnsealError('unknown_key_version');
    let tenant = await this.#tenant(tenantId);
    let row = tenant.rows.get(version);
    if (row === undefined) {
      tenant = await this.#refresh(tenantId); // another process may have rotated
      row = tenant.rows.get(version);
    }
    if (row === undefined) {
      throw new UnsealError(isShredded(tenant.rows.values()) ? 'destroyed_key_version' : 'unknown_key_version');
    }
    if (row.status === 'destroyed') throw new UnsealError('destroyed_key_version');
    if (row.status === 'retired') throw new UnsealError('retired_key_version');
    return this.#dataKey(tenant, row);
  }

  /** The blind-index key of one tenant column; stable across data key rotation. */
  async blindIndexKey(tenantId: string, table: string, column: string): Promise<BlindIndexKey> {
    await initSodium();
    let tenant = await this.#tenant(tenantId);
    let row = tenant.rows.get(BLIND_INDEX_ROOT_VERSION);
    if (row === undefined) {
      tenant = await this.#refresh(tenantId);
      row = tenant.rows.get(BLIND_INDEX_ROOT_VERSION);
    }
    if (row === undefined) throw new SealError('no_tenant_key');
    if (row.status !== 'active') throw new SealError('tenant_shredded');
    const cached = tenant;
    if (cached.blindIndexRoot === undefined) {
      const pending = this.#masterKeys.unwrap(row).then((key) => new BlindIndexRoot(tenantId, key));
      pending.catch(() => {
        if (cached.blindIndexRoot === pending) cached.blindIndexRoot = undefined;
      });
      cached.blindIndexRoot = pending;
    }
    return (await cached.blindIndexRoot).keyFor(table, column);
  }

  /**
   * Adds a new active version for new writes; the previous one becomes decrypt_only
   * so existing values stay readable until the re-seal job has moved them.
   */
  async rotateTenantKey(tenantId: string): Promise<{ previousVersion: number; activeVersion: number }> {
    await initSodium();
    const rows = await this.#store.listVersions(tenantId);
    const actives = rows.filter((r) => r.version >= 1 && r.status === 'active');
    if (actives.length === 0) throw new SealError(whyNoActiveKey(byVersion(rows)));
    const nextVersion = Math.max(...rows.map((r) => r.version)) + 1;
    if (!(await this.#insertNewKey(tenantId, nextVersion))) {
      throw new AppError('CONFLICT', 'The tenant key was rotated concurrently; retry.');
    }
    for (const row of actives) await this.#store.setStatus(tenantId, row.version, 'decrypt_only');
    await this.#refresh(tenantId);
    return { previousVersion: Math.max(...actives.map((r) => r.version)), activeVersion: nextVersion };
  }

  /**
   * Refuses further reads under a data key version, once the re-seal job has moved
   * every value off it. The wrapped key is kept, so an operator can reverse this.
   */
  async retireVersion(tenantId: string, version: number): Promise<void> {
    const row = (await this.#store.listVersions(tenantId)).find((r) => r.version === version);
    if (row === undefined) throw new AppError('NOT_FOUND', 'The tenant key version does not exist.');
    if (version === BLIND_INDEX_ROOT_VERSION) throw new AppError('CONFLICT', 'The blind-index root cannot be retired.');
    if (row.status === 'active')
      throw new AppError('CONFLICT', 'Rotate the tenant key before retiring its active version.');
    if (row.status === 'destroyed') throw new AppError('CONFLICT', 'The tenant key version was destroyed.');
    await this.#store.setStatus(tenantId, version, 'retired');
    await this.#refresh(tenantId);
  }

  /**
   * Re-wraps every live key of the given tenants under `newMasterKey` without
   * touching sealed data. Resumable: rows already under the new key are skipped.
   * The new key wraps new tenant keys from the start of the call. Other processes
   * need `newMasterKey` configured before their cached rows expire.
   */
  async rewrapAll(
    newMasterKey: MasterKeyProvider,
    tenantIds: Iterable<string> | AsyncIterable<string>,
  ): Promise<RewrapSummary> {
    await initSodium();
    this.#masterKeys.promote(newMasterKey);
    const summary: RewrapSummary = { tenants: 0, rewrapped: 0, alreadyCurrent: 0 };
    for await (const tenantId of tenantIds) {
      summary.tenants += 1;
      const updates: RewrappedTenantKey[] = [];
      for (const row of await this.#store.listVersions(tenantId)) {
        if (row.status === 'destroyed') continue;
        if (row.masterKeyId === newMasterKey.id) summary.alreadyCurrent += 1;
        else updates.push(await this.#masterKeys.rewrap(row, newMasterKey));
      }
      if (updates.length > 0) await this.#store.updateWrapped(updates);
      summary.rewrapped += updates.length;
      if (this.#cache.get(tenantId) !== undefined) await this.#refresh(tenantId);
    }
    return summary;
  }

  /**
   * Crypto-shredding: destroys every key version of the tenant and wipes them from
   * this process. Other processes stop using cached copies within cacheMaxAgeMs.
   * A database backup taken earlier still holds the wrapped keys, so shredding reaches
   * backups only once the master key that wrapped them is destroyed too (rewrapAll the
   * remaining tenants under a new master key, then delete the old one).
   */
  async shredTenant(tenantId: string): Promise<void> {
    await this.#store.destroyAll(tenantId);
    this.#cache.evict(tenantId);
  }

  /** Wipes expired cache entries now rather than at their next access. */
  evictExpired(): void {
    this.#cache.evictExpired();
  }

  /**
   * Makes the next use of a tenant's keys (every tenant's without an id) read their status
   * again: the database announced a rotation, retirement or shred, or such an announcement
   * may have been missed (src/db/change-notices.ts). Keys in use are wiped after the grace period.
   */
  forget(tenantId?: string): void {
    this.#cache.expire(tenantId);
  }

  /** Wipes every cached key (shutdown, or after an incident). */
  clear(): void {
    this.#cache.clear();
  }

  async #tenant(tenantId: string): Promise<CachedTenant> {
    const cached = this.#cache.get(tenantId);
    if (cached !== undefined) return cached;
    // concurrent cold reads of one tenant share one query
    let listing = this.#listing.get(tenantId);
    if (listing === undefined) {
      listing = this.#store.listVersions(tenantId).finally(() => this.#listing.delete(tenantId));
      this.#listing.set(tenantId, listing);
    }
    return this.#cache.put(tenantId, await listing);
  }

  /** Re-reads rows, bypassing any shared listing (it may predate our own write). */
  async #refresh(tenantId: string): Promise<CachedTenant> {
    return this.#cache.put(tenantId, await this.#store.listVersions(tenantId));
  }

  #dataKey(tenant: CachedTenant, row: WrappedTenantKey): Promise<TenantKeyMaterial> {
    const cached = tenant.dataKeys.get(row.version);
    if (cached !== undefined) return cached;
    const pending = this.#masterKeys.unwrap(row).then((key) => new TenantKeyMaterial(row.tenantId, row.version, key));
    pending.catch(() => {
      // a failed unwrap (e.g. KMS unreachable) is retried by the next caller
      if (tenant.dataKeys.get(row.version) === pending) tenant.dataKeys.delete(row.version);
    });
    tenant.dataKeys.set(row.version, pending);
    return pending;
  }

  /** Generates, wraps and stores a key; false if another process stored this version first. */
  async #insertNewKey(tenantId: string, version: number): Promise<boolean> {
    const key = randomBytesArray(KEY_BYTES);
    try {
      const { wrapped, masterKeyId } = await this.#masterKeys.wrap(tenantId, version, key);
      const createdAt = new Date(this.#clock());
      try {
        await this.#store.insertVersion({ tenantId, version, wrapped, masterKeyId, status: 'active', createdAt });
        return true;
      } catch (e) {
        if ((await this.#store.listVersions(tenantId)).some((r) => r.version === version)) return false;
        throw e;
      }
    } finally {
      wipe(key);
    }
  }
}
