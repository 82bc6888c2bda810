// The root of the key hierarchy. A MasterKeyProvider only wraps and unwraps
// 32-byte tenant keys; it never sees PHI. The interface is deliberately the
// shape of a KMS Encrypt/Decrypt call with an encryption context (AWS KMS
// EncryptionContext, GCP additionalAuthenticatedData, Vault transit `context`
// or associated_data), so a cloud adapter is a small class holding a client.
//
// LocalFileMasterKeyProvider keeps the master key in a file next to the app:
// fine for development and tests, not for production, where the master key
// should live in a KMS/HSM that the database backups never contain.

import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../errors.js';
import { encodeLengthPrefixed } from './encoding.js';
import { UnsealError } from './errors.js';
import { errnoCode, writeSecretFileOnce } from './secret-file.js';
import { KEY_BYTES } from './key-derivation.js';
import { fillRandom, getSodium, initSodium, randomBytesArray, wipe } from './sodium.js';

export interface MasterKeyProvider {
  /** Stable, non-secret name of the master key; stored beside every key it wraps. */
  readonly id: string;
  /** Encrypts `key`, binding `context` (e.g. `tenant:<uuid>:v<n>`) as associated data. */
  wrap(key: Uint8Array, context: string): Promise<Uint8Array>;
  /** Reverses wrap(); must fail unless `context` is the one used when wrapping. */
  unwrap(wrapped: Uint8Array, context: string): Promise<Uint8Array>;
}

// Local wrapped-key layout: [0] format version, [1] algorithm id, [2..25] nonce,
// [26..] XChaCha20-Poly1305 ciphertext || tag. AAD = bytes [0..1] || lp(context).
const WRAP_FORMAT_VERSION = 1;
const WRAP_ALGORITHM_XCHACHA20_POLY1305_IETF = 1;
const WRAP_HEADER_BYTES = 2;
const WRAP_NONCE_BYTES = 24;
const WRAP_PREFIX_BYTES = WRAP_HEADER_BYTES + WRAP_NONCE_BYTES;
const WRAP_TAG_BYTES = 16;

const KEY_FILE_PATTERN = /^[A-Za-z0-9+/]{43}=$/;

export interface LoadMasterKeyOptions {
  /** Accept a key file that group or others may read (e.g. a mounted secret with mode 0644). */
  allowGroupOrWorldReadable?: boolean;
}

export class LocalFileMasterKeyProvider implements MasterKeyProvider {
  readonly id: string;
  readonly #key: Uint8Array;

  private constructor(key: Uint8Array) {
    this.#key = key;
    // A hash, so the id can be logged and stored without revealing the key.
    const digest = createHash('sha256').update('phidesk.master-key-id.v1\0').update(key).digest('hex');
    this.id = `local:${digest.slice(0, 32)}`;
  }

  /** Loads a key file: one line, base64 of 32 bytes. Refuses group/world-readable files by default. */
  static async fromFile(path: string, options: LoadMasterKeyOptions = {}): Promise<LocalFileMasterKeyProvider> {
    await initSodium();
    const info = await stat(path);
    if ((info.mode & 0o077) !== 0 && options.allowGroupOrWorldReadable !== true) {
      throw new AppError('INTERNAL', `Master key file ${path} is accessible to group or others; chmod 600 it.`);
    }
    const text = (await readFile(path, 'utf8')).trim();
    if (!KEY_FILE_PATTERN.test(text)) {
      throw new AppError('INTERNAL', `Master key file ${path} does not hold base64 of ${KEY_BYTES} bytes.`);
    }
    const decoded = Buffer.from(text, 'base64');
    const key = new Uint8Array(decoded);
    wipe(decoded);
    return new LocalFileMasterKeyProvider(key);
  }

  /** A provider over raw key bytes (tests, or a key fetched elsewhere); takes ownership of `key`. */
  static fromKeyBytes(key: Uint8Array): LocalFileMasterKeyProvider {
    if (key.length !== KEY_BYTES) throw new RangeError(`master key must be ${KEY_BYTES} bytes`);
    return new LocalFileMasterKeyProvider(key);
  }

  async wrap(key: Uint8Array, context: string): Promise<Uint8Array> {
    await initSodium();
    const prefix = new Uint8Array(WRAP_PREFIX_BYTES);
    prefix[0] = WRAP_FORMAT_VERSION;
    prefix[1] = WRAP_ALGORITHM_XCHACHA20_POLY1305_IETF;
    fillRandom(prefix, WRAP_HEADER_BYTES, WRAP_NONCE_BYTES);
    const ciphertext = getSodium().crypto_aead_xchacha20poly1305_ietf_encrypt(
      key,
      encodeLengthPrefixed([context], prefix.subarray(0, WRAP_HEADER_BYTES)),
      null,
      prefix.subarray(WRAP_HEADER_BYTES),
      this.#key,
    );
    const wrapped = new Uint8Array(WRAP_PREFIX_BYTES + ciphertext.length);
    wrapped.set(prefix, 0);
    wrapped.set(ciphertext, WRAP_PREFIX_BYTES);
    return wrapped;
  }

  async unwrap(wrapped: Uint8Array, context: string): Promise<Uint8Array> {
    await initSodium();
    if (
      wrapped.length < WRAP_PREFIX_BYTES + WRAP_TAG_BYTES ||
      wrapped[0] !== WRAP_FORMAT_VERSION ||
      wrapped[1] !== WRAP_ALGORITHM_XCHACHA20_POLY1305_IETF
    ) {
      throw new UnsealError('key_unwrap_failed');
    }
    try {
      return getSodium().crypto_aead_xchacha20poly1305_ietf_decrypt(
        null,
        wrapped.subarray(WRAP_PREFIX_BYTES),
        encodeLengthPrefixed([context], wrapped.subarray(0, WRAP_HEADER_BYTES)),
        wrapped.subarray(WRAP_HEADER_BYTES, WRAP_PREFIX_BYTES),
        this.#key,
      );
    } catch {
      throw new UnsealError('key_unwrap_failed');
    }
  }

  /** Wipes the key from this object; the provider is unusable afterwards. */
  dispose(): void {
    wipe(this.#key);
  }
}

/**
 * Writes a fresh random master key to `path` (mode 0600, parent directories 0700)
 * and returns its provider. Never overwrites: an existing file is a CONFLICT,
 * because replacing a master key would make every tenant key unreadable.
 */
export async function createMasterKeyFile(path: string): Promise<LocalFileMasterKeyProvider> {
  await initSodium();
  const key = randomBytesArray(KEY_BYTES);
  let written: boolean;
  try {
    written = await writeSecretFileOnce(path, key);
  } catch (e) {
    wipe(key);
    throw e;
  }
  if (!written) {
    wipe(key);
    throw new AppError('CONFLICT', `Master key file ${path} already exists; refusing to overwrite it.`);
  }
  return LocalFileMasterKeyProvider.fromKeyBytes(key);
}

/** Development convenience: the key at `path`, created first if there is none. */
export async function loadOrCreateDevMasterKey(
  path: string,
): Promise<{ provider: LocalFileMasterKeyProvider; created: boolean }> {
  try {
    return { provider: await LocalFileMasterKeyProvider.fromFile(path), created: false };
  } catch (e) {
    if (errnoCode(e) !== 'ENOENT') throw e;
  }
  try {
    return { provider: await createMasterKeyFile(path), created: true };
  } catch (e) {
    // another process created it between our read and our write: use theirs
    if (e instanceof AppError && e.code === 'CONFLICT') {
      return { provider: await LocalFileMasterKeyProvider.fromFile(path), created: false };
    }
    throw e;
  }
}
