// The single place libsodium is loaded. Its WebAssembly module initialises
// asynchronously, but sealing runs on every PHI field of every row, so the hot
// path must be synchronous: callers await initSodium() once at startup (the
// Keyring does it for them) and everything else uses the sync accessor.

import { randomFillSync } from 'node:crypto';
import sodium from 'libsodium-wrappers';
import { AppError } from '../errors.js';

export type Sodium = typeof sodium;

let initialising: Promise<Sodium> | undefined;
let initialised = false;

/** Loads libsodium once; concurrent and repeated calls share the same promise. */
export function initSodium(): Promise<Sodium> {
  initialising ??= sodium.ready.then(() => {
    initialised = true;
    return sodium;
  });
  return initialising;
}

/** The loaded library; throws NOT_READY if initSodium() has not completed. */
export function getSodium(): Sodium {
  if (!initialised) {
    throw new AppError('NOT_READY', 'Cryptography is not initialised yet.');
  }
  return sodium;
}

/**
 * Fills `length` bytes of `target` from `offset` with CSPRNG output.
 * node:crypto rather than sodium.randombytes_buf: the wasm build reaches the OS
 * RNG through a per-call JS shim and costs many times the cipher itself.
 */
export function fillRandom(target: Uint8Array, offset = 0, length = target.length - offset): void {
  randomFillSync(target, offset, length);
}

/** A fresh random byte array (keys, nonces) that shares no memory with a pool. */
export function randomBytesArray(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  randomFillSync(bytes);
  return bytes;
}

/** Best-effort wipe of secret bytes; JS engines may still hold copies elsewhere. */
export function wipe(bytes: Uint8Array): void {
  if (initialised) sodium.memzero(bytes);
  else bytes.fill(0);
}
