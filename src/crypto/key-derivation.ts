// Key derivation scheme (every key below is 32 bytes):
//
//   master key (provider)  --wraps-->  tenant key version n (random, n >= 1)
//                                        --crypto_kdf(id(table,column), "phdcol01")--> column key
//   master key (provider)  --wraps-->  tenant blind-index root (random, stored as version 0)
//                                        --crypto_kdf(id(table,column), "phdbix01")--> blind-index key
//
// crypto_kdf_derive_from_key is BLAKE2b keyed by the parent key, with a 64-bit
// subkey id and an 8-byte context. The context separates uses (column keys vs
// blind-index keys), so even equal parents would never yield the same key for
// both. The subkey id names the (table, column) pair: the first 8 bytes, big
// endian, of BLAKE2b-128 over the length-prefixed UTF-8 names. Hashing rather
// than a registry of numbers means a new column needs no coordination; with a
// 64-bit id, a collision among even 100,000 columns has probability ~3e-10,
// and would only make two columns of the same tenant share a key (the AAD
// still binds the column name, so values could not be swapped between them).
//
// Changing either context string or the id function makes every stored value
// unreadable: they are part of the storage format.

import { getSodium, wipe } from './sodium.js';
import { encodeLengthPrefixed } from './encoding.js';

export const KEY_BYTES = 32;
export const COLUMN_KEY_CONTEXT = 'phdcol01';
export const BLIND_INDEX_KEY_CONTEXT = 'phdbix01';

// table and column names come from code, never from input, so this memo stays small
const subkeyIds = new Map<string, Map<string, bigint>>();

/** 64-bit crypto_kdf subkey id of a (table, column) pair; pure and memoised. */
export function columnSubkeyId(table: string, column: string): bigint {
  let byColumn = subkeyIds.get(table);
  let id = byColumn?.get(column);
  if (id !== undefined) return id;
  const digest = getSodium().crypto_generichash(16, encodeLengthPrefixed([table, column]), null);
  id = Buffer.from(digest.buffer, digest.byteOffset, digest.byteLength).readBigUInt64BE(0);
  if (byColumn === undefined) {
    byColumn = new Map();
    subkeyIds.set(table, byColumn);
  }
  byColumn.set(column, id);
  return id;
}

/**
 * Per-(table, column) keys derived from one root key under one context,
 * derived on first use and kept until destroy(). Owns the root it is given.
 */
export class DerivedKeySet {
  readonly #root: Uint8Array;
  readonly #context: string;
  readonly #keys = new Map<string, Map<string, Uint8Array>>();
  #destroyed = false;

  constructor(root: Uint8Array, context: string) {
    if (root.length !== KEY_BYTES) throw new RangeError(`root key must be ${KEY_BYTES} bytes`);
    this.#root = root;
    this.#context = context;
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  /** The derived key; callers must check `destroyed` first (it throws after destroy()). */
  keyFor(table: string, column: string): Uint8Array {
    if (this.#destroyed) throw new Error('derived key set was destroyed');
    let byColumn = this.#keys.get(table);
    let key = byColumn?.get(column);
    if (key !== undefined) return key;
    key = getSodium().crypto_kdf_derive_from_key(KEY_BYTES, columnSubkeyId(table, column), this.#context, this.#root);
    if (byColumn === undefined) {
      byColumn = new Map();
      this.#keys.set(table, byColumn);
    }
    byColumn.set(column, key);
    return key;
  }

  /** Wipes the root and every derived key; later use fails instead of using zeros. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    wipe(this.#root);
    for (const byColumn of this.#keys.values()) {
      for (const key of byColumn.values()) wipe(key);
    }
    this.#keys.clear();
  }
}
