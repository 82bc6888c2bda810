// In-memory cache of a tenant's key rows and unwrapped keys. Unwrapping can be
// a KMS round trip, so keys are kept, but only for a bounded age: that bounds
// how long plaintext keys sit in memory and how long another process's shred or
// retire takes to be noticed here.
//
// Wiping: keys that become unusable (retired, destroyed, shredded, clear()) are
// wiped at once. Keys that merely age out may still be held by a request that
// fetched them just before, so they are wiped after a short grace period instead.

import type { BlindIndexRoot, TenantKeyMaterial } from './tenant-key.js';
import type { WrappedTenantKey } from './tenant-key-store.js';

export interface CachedTenant {
  readonly loadedAt: number;
  rows: ReadonlyMap<number, WrappedTenantKey>;
  /** unwrapped data keys by version, memoised as promises so concurrent callers share one unwrap */
  readonly dataKeys: Map<number, Promise<TenantKeyMaterial>>;
  blindIndexRoot: Promise<BlindIndexRoot> | undefined;
}

type Destroyable = { destroy(): void };

function destroyWhenSettled(pending: Promise<Destroyable> | undefined): void {
  pending?.then(
    (key) => key.destroy(),
    () => undefined,
  );
}

function isCacheable(row: WrappedTenantKey | undefined): boolean {
  return row !== undefined && (row.status === 'active' || row.status === 'decrypt_only');
}

export class TenantKeyCache {
  readonly #maxAgeMs: number;
  readonly #clock: () => number;
  readonly #graceMs: number;
  readonly #tenants = new Map<string, CachedTenant>();
  readonly #pendingWipes = new Map<ReturnType<typeof setTimeout>, CachedTenant>();

  constructor(maxAgeMs: number, clock: () => number, evictionGraceMs: number) {
    if (!(maxAgeMs > 0)) throw new RangeError('cache max age must be positive');
    this.#maxAgeMs = maxAgeMs;
    this.#clock = clock;
    this.#graceMs = evictionGraceMs;
  }

  /** The tenant's entry if it is younger than the max age. */
  get(tenantId: string): CachedTenant | undefined {
    const tenant = this.#tenants.get(tenantId);
    if (tenant === undefined) return undefined;
    if (this.#clock() - tenant.loadedAt < this.#maxAgeMs) return tenant;
    this.#tenants.delete(tenantId);
    this.#wipeLater(tenant);
    return undefined;
  }

  /**
   * Records freshly listed rows. An existing live entry keeps its age and every
   * unwrapped key whose row is still usable; keys whose row is not are wiped now.
   */
  put(tenantId: string, rows: readonly WrappedTenantKey[]): CachedTenant {
    const byVersion = new Map(rows.map((row) => [row.version, row] as const));
    let tenant = this.get(tenantId);
    if (tenant === undefined) {
      this.evictExpired();
      tenant = { loadedAt: this.#clock(), rows: byVersion, dataKeys: new Map(), blindIndexRoot: undefined };
      this.#tenants.set(tenantId, tenant);
      return tenant;
    }
    tenant.rows = byVersion;
    for (const [version, key] of tenant.dataKeys) {
      if (!isCacheable(byVersion.get(version))) {
        tenant.dataKeys.delete(version);
        destroyWhenSettled(key);
      }
    }
    if (byVersion.get(0)?.status !== 'active') {
      destroyWhenSettled(tenant.blindIndexRoot);
      tenant.blindIndexRoot = undefined;
    }
    return tenant;
  }

  /** Drops and wipes the tenant's keys now. */
  evict(tenantId: string): void {
    const tenant = this.#tenants.get(tenantId);
    if (tenant === undefined) return;
    this.#tenants.delete(tenantId);
    wipeAll(tenant);
  }

  /**
   * Drops the tenant's entry (every tenant's without an id) so the next use lists its rows
   * again; keys a request may still hold are wiped after the grace period, as on ageing out.
   */
  expire(tenantId?: string): void {
    for (const id of tenantId === undefined ? [...this.#tenants.keys()] : [tenantId]) {
      const tenant = this.#tenants.get(id);
      if (tenant === undefined) continue;
      this.#tenants.delete(id);
      this.#wipeLater(tenant);
    }
  }

  evictExpired(): void {
    for (const tenantId of [...this.#tenants.keys()]) this.get(tenantId);
  }

  /** Wipes everything, including keys waiting out their grace period (shutdown). */
  clear(): void {
    for (const tenant of this.#tenants.values()) wipeAll(tenant);
    this.#tenants.clear();
    for (const [timer, tenant] of this.#pendingWipes) {
      clearTimeout(timer);
      wipeAll(tenant);
    }
    this.#pendingWipes.clear();
  }

  #wipeLater(tenant: CachedTenant): void {
    if (this.#graceMs <= 0) {
      wipeAll(tenant);
      return;
    }
    const timer = setTimeout(() => {
      this.#pendingWipes.delete(timer);
      wipeAll(tenant);
    }, this.#graceMs);
    timer.unref(); // a pending wipe must not keep the process alive
    this.#pendingWipes.set(timer, tenant);
  }
}

function wipeAll(tenant: CachedTenant): void {
  for (const key of tenant.dataKeys.values()) destroyWhenSettled(key);
  tenant.dataKeys.clear();
  destroyWhenSettled(tenant.blindIndexRoot);
  tenant.blindIndexRoot = undefined;
}
