// Start-up policy for the audit checkpoint signing key, mirroring the master key's
// (src/crypto/master-key-setup.ts): in development a seed file is created on first
// start (mode 0600, loudly); in production the configured file must already exist
// (config.ts has refused the development key there). The seed never touches the
// database. The keyed hash of client addresses in audit events uses a key derived
// from the same seed, so it survives restarts and is as well kept as the signing key.
import { hkdfSync, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Config } from '../../config.js';
import { errnoCode, writeSecretFileOnce } from '../../crypto/secret-file.js';
import {
  decodeFixedBase64,
  loadCheckpointSigningKey,
  publicKeyFromBase64,
  type CheckpointSigningKey,
} from './signing-key.js';

const SEED_BYTES = 32;
const ADDRESS_HASH_LABEL = 'phidesk.audit.client-address-hash.v1';

export interface AuditKeys {
  signingKey: CheckpointSigningKey;
  /** every public key whose checkpoints still verify: the current one first, then earlier ones */
  publicKeys: Uint8Array[];
  /** HMAC key for client addresses in audit events */
  addressHashKey: Buffer;
  /** a development key was created by this call */
  created: boolean;
}

/** Writes a fresh random seed to `path` (0600) unless a file is there; false when one was. */
async function createSeedFile(path: string): Promise<boolean> {
  const seed = randomBytes(SEED_BYTES);
  try {
    return await writeSecretFileOnce(path, seed);
  } finally {
    seed.fill(0);
  }
}

/** Derives the client-address hashing key from the signing seed (HKDF-SHA256, own label). */
export function deriveAddressHashKey(seedBase64: string): Buffer {
  const seed = decodeFixedBase64(seedBase64, SEED_BYTES, 'the checkpoint signing seed');
  try {
    return Buffer.from(hkdfSync('sha256', seed, Buffer.alloc(0), ADDRESS_HASH_LABEL, 32));
  } finally {
    seed.fill(0);
  }
}

/**
 * Loads the audit keys named by configuration, creating the development seed if needed
 * unless `create` is false (operator commands: a seed they created would sign nothing the
 * server signed, so a missing one is an error saying where it was looked for).
 */
export async function loadAuditKeys(config: Config, opts: { create?: boolean } = {}): Promise<AuditKeys> {
  const file = config.audit.signingKeyFile;
  let created = false;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT' && config.audit.usesDevSigningKey && opts.create === false) {
      throw new Error(
        `there is no development audit signing key at ${file}: start the server once (npm start) to create it, point DATA_DIR at the server's data, or set AUDIT_SIGNING_KEY_FILE`,
      );
    }
    if (errnoCode(e) !== 'ENOENT' || !config.audit.usesDevSigningKey) {
      throw new Error(`cannot read the audit signing key AUDIT_SIGNING_KEY_FILE=${file} (${errnoCode(e) ?? 'error'})`);
    }
    created = await createSeedFile(file);
    text = await readFile(file, 'utf8');
  }
  const signingKey = loadCheckpointSigningKey(text);
  const previous = config.audit.previousPublicKeys.map(publicKeyFromBase64);
  return {
    signingKey,
    publicKeys: [signingKey.publicKey, ...previous],
    addressHashKey: deriveAddressHashKey(text),
    created,
  };
}

export const DEV_SIGNING_KEY_BANNER =
  '!!! DEVELOPMENT AUDIT SIGNING KEY: audit checkpoints are signed with a key stored beside the data. Never use it in production; set AUDIT_SIGNING_KEY_FILE. !!!';
