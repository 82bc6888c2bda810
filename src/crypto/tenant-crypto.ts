// One use case's handle on a tenant's keys: what repositories seal, open and index
// with. Created by the service BEFORE it opens its tenant transaction, so the key
// rows are loaded (owner connection, see pg-tenant-key-store.ts) while the request
// holds no pool connection yet; inside the transaction everything comes from the
// Keyring's cache and costs no query (only a version unknown to the cache, e.g.
// after another process rotated, triggers one reload).

import { blindIndex, type BlindIndexKind } from './blind-index.js';
import { openValue, sealValue, sealedKeyVersion } from './envelope.js';
import { SealError, UnsealError, type SealedLocation } from './errors.js';
import type { Keyring } from './keyring.js';
import type { BlindIndex, Sealed } from './sealed.js';
import type { TenantKeyMaterial } from './tenant-key.js';

// Concurrent first requests of a new tenant share one ensureTenantKey (which is safe
// to race anyway, but each racer would unwrap and list keys for nothing).
const ensuring = new WeakMap<Keyring, Map<string, Promise<unknown>>>();

async function ensureOnce(keyring: Keyring, tenantId: string): Promise<void> {
  let pending = ensuring.get(keyring);
  if (pending === undefined) {
    pending = new Map();
    ensuring.set(keyring, pending);
  }
  let run = pending.get(tenantId);
  if (run === undefined) {
    const map = pending;
    run = keyring.ensureTenantKey(tenantId).finally(() => map.delete(tenantId));
    map.set(tenantId, run);
  }
  await run;
}

export class TenantCrypto {
  readonly tenantId: string;
  readonly #keyring: Keyring;
  readonly #active: TenantKeyMaterial | undefined;
  /** the tenant had no keys when this was created: nothing of it is sealed or indexed */
  readonly #keyless: boolean;

  private constructor(keyring: Keyring, tenantId: string, active: TenantKeyMaterial | undefined, keyless = false) {
    this.#keyring = keyring;
    this.tenantId = tenantId;
    this.#active = active;
    this.#keyless = keyless;
  }

  /** For use cases that write: the tenant gets its keys on first use. */
  static async forWrite(keyring: Keyring, tenantId: string): Promise<TenantCrypto> {
    let active: TenantKeyMaterial;
    try {
      active = await keyring.activeKey(tenantId);
    } catch (e) {
      if (!(e instanceof SealError) || e.reason !== 'no_tenant_key') throw e;
      await ensureOnce(keyring, tenantId);
      active = await keyring.activeKey(tenantId);
    }
    return new TenantCrypto(keyring, tenantId, active);
  }

  /**
   * For use cases that only read: warms the cache but never creates keys. A tenant
   * without keys has nothing sealed; a shredded one gets an instance whose every open
   * fails with an auditable reason (destroyed_key_version) rather than a blanket error.
   */
  static async forRead(keyring: Keyring, tenantId: string): Promise<TenantCrypto> {
    try {
      await keyring.activeKey(tenantId);
    } catch (e) {
      if (!(e instanceof SealError)) throw e;
      return new TenantCrypto(keyring, tenantId, undefined, e.reason === 'no_tenant_key');
    }
    return new TenantCrypto(keyring, tenantId, undefined);
  }

  /** The data key version new values are sealed with. */
  get activeVersion(): number {
    return this.#writeKey().version;
  }

  /** Seals text for one (table, column, row) of this tenant under the active key. */
  seal(place: SealedLocation, plaintext: string): Sealed<string> {
    return sealValue(this.#writeKey(), { tenantId: this.tenantId, ...place }, plaintext);
  }

  /** Opens a value with the key version it names; failures carry `place` for the audit trail. */
  async open(place: SealedLocation, sealed: Sealed<string>): Promise<string> {
    try {
      const key = await this.#keyring.keyForVersion(this.tenantId, sealedKeyVersion(sealed));
      return openValue(key, { tenantId: this.tenantId, ...place }, sealed);
    } catch (e) {
      if (e instanceof UnsealError) throw e.at(place);
      throw e;
    }
  }

  /** The tenant's blind index of `value` in one column (throws SEAL_FAILED once shredded). */
  async blindIndex(table: string, column: string, kind: BlindIndexKind, value: string): Promise<BlindIndex> {
    // known keyless: answer without asking the keyring, which would re-read the key rows
    // on the owner connection while the caller holds its transaction's connection
    if (this.#keyless) throw new SealError('no_tenant_key');
    return blindIndex(await this.#keyring.blindIndexKey(this.tenantId, table, column), kind, value);
  }

  /**
   * The tenant's blind index of many values in one column: the key is looked up once, each
   * value then hashed synchronously (PHI detection hashes every candidate of a reply).
   */
  async blindIndexer(table: string, column: string, kind: BlindIndexKind): Promise<(value: string) => BlindIndex> {
    if (this.#keyless) throw new SealError('no_tenant_key');
    const key = await this.#keyring.blindIndexKey(this.tenantId, table, column);
    return (value) => blindIndex(key, kind, value);
  }

  #writeKey(): TenantKeyMaterial {
    if (this.#active === undefined) throw new SealError('no_active_key');
    return this.#active;
  }
}
