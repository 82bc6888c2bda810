// The master keys one process can use: the current one (wraps new tenant keys)
// and previous ones that may still wrap rows during a master-key rotation. Each
// stored row names its master key, so unwrapping picks the right provider.

import { AppError } from '../errors.js';
import { UnsealError } from './errors.js';
import { KEY_BYTES } from './key-derivation.js';
import type { MasterKeyProvider } from './master-key.js';
import { getSodium, wipe } from './sodium.js';
import type { RewrappedTenantKey, WrappedTenantKey } from './tenant-key-store.js';

export const BLIND_INDEX_ROOT_VERSION = 0;

/** The associated data a tenant key row is wrapped under; binds tenant, version and purpose. */
export function wrapContext(tenantId: string, version: number): string {
  return version === BLIND_INDEX_ROOT_VERSION
    ? `tenant:${tenantId}:blind-index-root`
    : `tenant:${tenantId}:v${version}`;
}

export class MasterKeySet {
  #current: MasterKeyProvider;
  readonly #byId = new Map<string, MasterKeyProvider>();

  constructor(current: MasterKeyProvider, previous: readonly MasterKeyProvider[] = []) {
    for (const provider of previous) this.#byId.set(provider.id, provider);
    this.#byId.set(current.id, current);
    this.#current = current;
  }

  get current(): MasterKeyProvider {
    return this.#current;
  }

  /** Makes `provider` wrap new keys; older ones stay available for unwrapping. */
  promote(provider: MasterKeyProvider): void {
    this.#byId.set(provider.id, provider);
    this.#current = provider;
  }

  /** Wraps a new tenant key under the current master key. */
  async wrap(
    tenantId: string,
    version: number,
    key: Uint8Array,
  ): Promise<{ wrapped: Uint8Array; masterKeyId: string }> {
    const provider = this.#current;
    return { wrapped: await provider.wrap(key, wrapContext(tenantId, version)), masterKeyId: provider.id };
  }

  /** The tenant key of a row; every failure is an UnsealError with an auditable reason. */
  async unwrap(row: WrappedTenantKey): Promise<Uint8Array> {
    const provider = this.#byId.get(row.masterKeyId);
    if (provider === undefined) throw new UnsealError('unknown_master_key');
    let key: Uint8Array;
    try {
      key = await provider.unwrap(row.wrapped, wrapContext(row.tenantId, row.version));
    } catch (e) {
      throw e instanceof UnsealError ? e : new UnsealError('key_unwrap_failed', { cause: e });
    }
    if (key.length !== KEY_BYTES) {
      wipe(key);
      throw new UnsealError('key_unwrap_failed');
    }
    return key;
  }

  /** Re-wraps a row under `target`, proving the new wrapping opens before it is returned. */
  async rewrap(row: WrappedTenantKey, target: MasterKeyProvider): Promise<RewrappedTenantKey> {
    const context = wrapContext(row.tenantId, row.version);
    const key = await this.unwrap(row);
    try {
      const wrapped = await target.wrap(key, context);
      // the old wrapping is about to be overwritten: a bad new one would lose the tenant
      const check = await target.unwrap(wrapped, context);
      const same = getSodium().memcmp(check, key);
      wipe(check);
      if (!same) throw new AppError('INTERNAL', 'The new master key did not round-trip a tenant key.');
      return { tenantId: row.tenantId, version: row.version, wrapped, masterKeyId: target.id };
    } finally {
      wipe(key);
    }
  }
}
