// Unwrapped tenant keys as handed out by the Keyring. Both wrap a DerivedKeySet
// the Keyring owns: when the cache evicts or shreds a key it wipes the bytes,
// and these objects then refuse to work rather than encrypt under zeros. So
// take a key from the Keyring right before use; do not hold one across awaits
// longer than necessary (the cache makes asking again cheap).

import { BLIND_INDEX_KEY_CONTEXT, COLUMN_KEY_CONTEXT, DerivedKeySet } from './key-derivation.js';

/** One version of a tenant's data key; seals and opens through column subkeys. */
export class TenantKeyMaterial {
  readonly tenantId: string;
  /** >= 1; written into every value sealed with this key */
  readonly version: number;
  readonly #columnKeys: DerivedKeySet;

  /** Takes ownership of `root` (it is wiped on destroy). */
  constructor(tenantId: string, version: number, root: Uint8Array) {
    if (!Number.isInteger(version) || version < 1 || version > 0xffffffff) {
      throw new RangeError('tenant key version must be an integer in 1..2^32-1');
    }
    this.tenantId = tenantId;
    this.version = version;
    this.#columnKeys = new DerivedKeySet(root, COLUMN_KEY_CONTEXT);
  }

  get destroyed(): boolean {
    return this.#columnKeys.destroyed;
  }

  /** The XChaCha20-Poly1305 key of one column; throws once destroyed. */
  columnKey(table: string, column: string): Uint8Array {
    return this.#columnKeys.keyFor(table, column);
  }

  destroy(): void {
    this.#columnKeys.destroy();
  }
}

/** A tenant's blind-index root (stored as key version 0); never rotated with data keys. */
export class BlindIndexRoot {
  readonly tenantId: string;
  readonly #keys: DerivedKeySet;

  constructor(tenantId: string, root: Uint8Array) {
    this.tenantId = tenantId;
    this.#keys = new DerivedKeySet(root, BLIND_INDEX_KEY_CONTEXT);
  }

  get destroyed(): boolean {
    return this.#keys.destroyed;
  }

  keyFor(table: string, column: string): BlindIndexKey {
    this.#keys.keyFor(table, column); // derive now so a destroyed root fails here, not at first hash
    return new BlindIndexKey(this.tenantId, table, column, this.#keys);
  }

  destroy(): void {
    this.#keys.destroy();
  }
}

/** The BLAKE2b key of one tenant's blind index on one column. */
export class BlindIndexKey {
  readonly tenantId: string;
  readonly table: string;
  readonly column: string;
  readonly #keys: DerivedKeySet;

  constructor(tenantId: string, table: string, column: string, keys: DerivedKeySet) {
    this.tenantId = tenantId;
    this.table = table;
    this.column = column;
    this.#keys = keys;
  }

  get destroyed(): boolean {
    return this.#keys.destroyed;
  }

  /** The key bytes; throws once the tenant's root has been wiped. */
  bytes(): Uint8Array {
    return this.#keys.keyFor(this.table, this.column);
  }
}
