// Field-level envelope encryption of PHI.
//
// Sealed value layout (all integers big endian):
//   [0]      format version (1)
//   [1]      algorithm id (1 = XChaCha20-Poly1305-IETF)
//   [2..5]   tenant key version (uint32, >= 1)
//   [6..29]  nonce (24 random bytes; XChaCha's 192-bit nonce makes random nonces safe
//            for any realistic number of values per key)
//   [30..]   AEAD ciphertext || 16-byte tag
//
// Associated data = bytes [0..5] || lp(tenantId) || lp(table) || lp(column) || lp(rowId),
// lp = uint32 length + UTF-8. Binding the header stops a downgrade or version swap;
// binding the location means a value copied to another row, column or tenant does
// not open. The cipher key is the column key derived from the tenant key version
// (see key-derivation.ts), so columns never share a key either.

import { asBuffer, encodeLengthPrefixed } from './encoding.js';
import { SealError, UnsealError } from './errors.js';
import type { Sealed, SealablePlaintext } from './sealed.js';
import { fillNonce, getSodium, wipe } from './sodium.js';
import type { TenantKeyMaterial } from './tenant-key.js';

export const SEAL_FORMAT_VERSION = 1;
export const ALGORITHM_XCHACHA20_POLY1305_IETF = 1;

const HEADER_BYTES = 6;
const NONCE_BYTES = 24;
const TAG_BYTES = 16;
const PREFIX_BYTES = HEADER_BYTES + NONCE_BYTES;

/** Where a sealed value lives; every field is bound into the ciphertext. */
export interface SealContext {
  readonly tenantId: string;
  readonly table: string;
  readonly column: string;
  readonly rowId: string;
}

/** What the async open helpers need from a keyring: the key a value names. */
export interface TenantKeySource {
  keyForVersion(tenantId: string, version: number): Promise<TenantKeyMaterial>;
}

function associatedData(context: SealContext, header: Uint8Array): Buffer {
  return encodeLengthPrefixed([context.tenantId, context.table, context.column, context.rowId], header);
}

function sealBytes(key: TenantKeyMaterial, context: SealContext, plaintext: SealablePlaintext): Buffer {
  if (!context.tenantId || !context.table || !context.column || !context.rowId) {
    throw new SealError('invalid_context');
  }
  if (key.tenantId !== context.tenantId) throw new SealError('wrong_key');
  if (key.destroyed) throw new SealError('key_evicted');

  const prefix = Buffer.allocUnsafe(PREFIX_BYTES);
  prefix[0] = SEAL_FORMAT_VERSION;
  prefix[1] = ALGORITHM_XCHACHA20_POLY1305_IETF;
  prefix.writeUInt32BE(key.version, 2);
  fillNonce(prefix, HEADER_BYTES, NONCE_BYTES);

  // Node's native UTF-8 encoder is faster than the TextEncoder libsodium would use
  const message = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  let ciphertext: Uint8Array;
  try {
    ciphertext = getSodium().crypto_aead_xchacha20poly1305_ietf_encrypt(
      message,
      associatedData(context, prefix.subarray(0, HEADER_BYTES)),
      null,
      prefix.subarray(HEADER_BYTES),
      key.columnKey(context.table, context.column),
    );
  } finally {
    if (message !== plaintext) wipe(message);
  }
  const sealed = Buffer.allocUnsafe(PREFIX_BYTES + ciphertext.length);
  sealed.set(prefix, 0);
  sealed.set(ciphertext, PREFIX_BYTES);
  return sealed;
}

/** Seals text (UTF-8) or bytes for one (tenant, table, column, row) under `key`. */
export function sealValue(key: TenantKeyMaterial, context: SealContext, plaintext: string): Sealed<string>;
export function sealValue(key: TenantKeyMaterial, context: SealContext, plaintext: Buffer): Sealed<Buffer>;
export function sealValue(key: TenantKeyMaterial, context: SealContext, plaintext: SealablePlaintext): Sealed {
  return sealBytes(key, context, plaintext) as Sealed;
}

/** The tenant key version a sealed value names; throws UnsealError('malformed'). */
export function sealedKeyVersion(sealed: Uint8Array): number {
  if (sealed.length < PREFIX_BYTES + TAG_BYTES) throw new UnsealError('malformed');
  if (sealed[0] !== SEAL_FORMAT_VERSION || sealed[1] !== ALGORITHM_XCHACHA20_POLY1305_IETF) {
    throw new UnsealError('malformed');
  }
  const version = asBuffer(sealed).readUInt32BE(2);
  if (version === 0) throw new UnsealError('malformed'); // version 0 is the blind-index root, never a data key
  return version;
}

function openToBytes(key: TenantKeyMaterial, context: SealContext, sealed: Uint8Array): Buffer {
  const version = sealedKeyVersion(sealed);
  if (key.tenantId !== context.tenantId || key.version !== version) throw new UnsealError('wrong_key');
  if (key.destroyed) throw new UnsealError('key_evicted');
  let plaintext: Uint8Array;
  try {
    plaintext = getSodium().crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      sealed.subarray(PREFIX_BYTES),
      associatedData(context, sealed.subarray(0, HEADER_BYTES)),
      sealed.subarray(HEADER_BYTES, PREFIX_BYTES),
      key.columnKey(context.table, context.column),
    );
  } catch {
    // libsodium's error carries no detail worth keeping; the reason says it all
    throw new UnsealError('tampered');
  }
  return asBuffer(plaintext);
}

/** Opens a sealed text value with the key version it names (see sealedKeyVersion). */
export function openValue(key: TenantKeyMaterial, context: SealContext, sealed: Sealed<string>): string {
  return openToBytes(key, context, sealed).toString('utf8');
}

/** Opens a sealed byte value with the key version it names. */
export function openBytes(key: TenantKeyMaterial, context: SealContext, sealed: Sealed<Buffer>): Buffer {
  return openToBytes(key, context, sealed);
}

/** Opens a text value, fetching the key version the value names from `keys`. */
export async function openValueWith(
  keys: TenantKeySource,
  context: SealContext,
  sealed: Sealed<string>,
): Promise<string> {
  const key = await keys.keyForVersion(context.tenantId, sealedKeyVersion(sealed));
  return openValue(key, context, sealed);
}

/** Opens a byte value, fetching the key version the value names from `keys`. */
export async function openBytesWith(
  keys: TenantKeySource,
  context: SealContext,
  sealed: Sealed<Buffer>,
): Promise<Buffer> {
  const key = await keys.keyForVersion(context.tenantId, sealedKeyVersion(sealed));
  return openBytes(key, context, sealed);
}

/**
 * Re-seals a value under another key version in the same place (the re-seal job's
 * step). The plaintext never becomes a string and is wiped before returning.
 */
export function resealValue<T extends SealablePlaintext>(
  from: TenantKeyMaterial,
  to: TenantKeyMaterial,
  context: SealContext,
  sealed: Sealed<T>,
): Sealed<T> {
  const plaintext = openToBytes(from, context, sealed);
  try {
    return sealBytes(to, context, plaintext) as Sealed<T>;
  } finally {
    wipe(plaintext);
  }
}
