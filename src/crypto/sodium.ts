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

/** Fills `length` bytes of `target` from `offset` with CSPRNG output (node:crypto). */
export function fillRandom(target: Uint8Array, offset = 0, length = target.length - offset): void {
  randomFillSync(target, offset, length);
}

// Nonces come from node:crypto, not sodium.randombytes_buf (the wasm build reaches
// the OS RNG through a per-call JS shim and costs many times the cipher). Even
// node:crypto costs ~2 µs per call here, as much as sealing a small field, so
// nonces are cut from a pool refilled in one call: nonces need to be unique and
// unpredictable in advance to outsiders, not secret, and every pool byte is
// handed out exactly once.
const NONCE_POOL_BYTES = 24 * 256;
const noncePool = new Uint8Array(NONCE_POOL_BYTES);
let noncePoolOffset = NONCE_POOL_BYTES;

/** Writes a fresh random nonce of `length` (<= 64) bytes into `target` at `offset`. */
export function fillNonce(target: Uint8Array, offset: number, length: number): void {
  if (length > 64) throw new RangeError('nonces are at most 64 bytes');
  if (noncePoolOffset + length > NONCE_POOL_BYTES) {
    randomFillSync(noncePool);
    noncePoolOffset = 0;
  }
  target.set(noncePool.subarray(noncePoolOffset, noncePoolOffset + length), offset);
  noncePoolOffset += length;
}

/** A fresh random byte array (keys) that shares no memory with a pool. */
export function randomBytesArray(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  randomFillSync(bytes);
  return bytes;
}

/**
 * Best-effort wipe of secret bytes; JS engines may still hold copies elsewhere.
 * sodium.memzero is a plain JS loop in the wasm build, no stronger than this
 * native fill and ~18x slower on a 1 KiB plaintext (0.57 vs 0.03 µs).
 */
export function wipe(bytes: Uint8Array): void {
  bytes.fill(0);
}
