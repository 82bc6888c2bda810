// Signed checkpoints: a tenant's chain length, head and Merkle root at a moment,
// signed by a key outside the database and copied to write-once storage. The chain
// alone cannot show that its tail was cut or that it was recomputed end to end after
// an edit; a checkpoint the attacker cannot re-sign can.
//
// Signed bytes, UTF-8: "phidesk.audit.checkpoint.v1\n" || JSON of the Checkpoint with
// keys in ascending order and no whitespace. Signature: Ed25519, base64.

import { sign, verify, type KeyObject } from 'node:crypto';
import { isHashHex } from '../chain/event-hash.js';
import type { MerkleAccumulator } from './merkle.js';
import { publicKeyObject, type CheckpointSigningKey } from './signing-key.js';

export const CHECKPOINT_SIGNATURE_TAG = 'phidesk.audit.checkpoint.v1\n';
const SIGNATURE_BYTES = 64;

export interface Checkpoint {
  tenantId: string;
  /** number of events covered: seq 1..treeSize */
  treeSize: number;
  /** seq of the last covered event; equals treeSize because seq starts at 1 without gaps */
  headSeq: number;
  /** hash of event headSeq (GENESIS_HASH when treeSize is 0) */
  headHash: string;
  /** RFC 6962 root over the hashes of events 1..treeSize */
  merkleRoot: string;
  /** ISO 8601 time of signing */
  issuedAt: string;
  /** keyIdOf the signing public key */
  keyId: string;
}

export type SignedCheckpoint = Checkpoint & {
  /** base64 Ed25519 signature over checkpointSigningInput */
  signature: string;
};

export class CheckpointFormatError extends Error {
  override readonly name = 'CheckpointFormatError';
}

export function checkpointSigningInput(checkpoint: Checkpoint): Buffer {
  const json =
    '{"headHash":' +
    JSON.stringify(checkpoint.headHash) +
    ',"headSeq":' +
    String(checkpoint.headSeq) +
    ',"issuedAt":' +
    JSON.stringify(checkpoint.issuedAt) +
    ',"keyId":' +
    JSON.stringify(checkpoint.keyId) +
    ',"merkleRoot":' +
    JSON.stringify(checkpoint.merkleRoot) +
    ',"tenantId":' +
    JSON.stringify(checkpoint.tenantId) +
    ',"treeSize":' +
    String(checkpoint.treeSize) +
    '}';
  return Buffer.from(CHECKPOINT_SIGNATURE_TAG + json, 'utf8');
}

function checkpointProblem(value: Record<string, unknown>): string | null {
  if (typeof value.tenantId !== 'string' || value.tenantId.length === 0) return 'tenantId must be a non-empty string';
  const { treeSize, headSeq } = value;
  if (typeof treeSize !== 'number' || !Number.isSafeInteger(treeSize) || treeSize < 0)
    return 'treeSize must be a non-negative integer';
  if (headSeq !== treeSize) return 'headSeq must equal treeSize';
  if (typeof value.headHash !== 'string' || !isHashHex(value.headHash))
    return 'headHash must be 64 lowercase hex digits';
  if (typeof value.merkleRoot !== 'string' || !isHashHex(value.merkleRoot))
    return 'merkleRoot must be 64 lowercase hex digits';
  if (typeof value.issuedAt !== 'string' || Number.isNaN(Date.parse(value.issuedAt)))
    return 'issuedAt must be an ISO 8601 timestamp';
  if (typeof value.keyId !== 'string' || value.keyId.length === 0) return 'keyId must be a non-empty string';
  return null;
}

const signedCheckpointKeys = new Set([
  'tenantId',
  'treeSize',
  'headSeq',
  'headHash',
  'merkleRoot',
  'issuedAt',
  'keyId',
  'signature',
]);

/** Checks the shape of a stored checkpoint (not its signature: see verifyCheckpointSignature). */
export function parseSignedCheckpoint(value: unknown): SignedCheckpoint {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CheckpointFormatError('a checkpoint must be a JSON object');
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (!signedCheckpointKeys.has(key)) throw new CheckpointFormatError(`checkpoint has an unknown field "${key}"`);
  }
  const problem =
    checkpointProblem(record) ?? (typeof record.signature === 'string' ? null : 'signature must be a string');
  if (problem !== null) throw new CheckpointFormatError(problem);
  return record as unknown as SignedCheckpoint;
}

export interface CheckpointFields {
  tenantId: string;
  treeSize: number;
  headHash: string;
  merkleRoot: string;
  issuedAt: string;
}

/** Signs a checkpoint; headSeq and keyId follow from treeSize and the key. */
export function signCheckpoint(fields: CheckpointFields, key: CheckpointSigningKey): SignedCheckpoint {
  const checkpoint: Checkpoint = {
    tenantId: fields.tenantId,
    treeSize: fields.treeSize,
    headSeq: fields.treeSize,
    headHash: fields.headHash,
    merkleRoot: fields.merkleRoot,
    issuedAt: fields.issuedAt,
    keyId: key.keyId,
  };
  const problem = checkpointProblem(checkpoint as unknown as Record<string, unknown>);
  if (problem !== null) throw new CheckpointFormatError(problem);
  const signature = sign(null, checkpointSigningInput(checkpoint), key.privateKey).toString('base64');
  return { ...checkpoint, signature };
}

/**
 * The sequencer's checkpoint: the accumulator holds the tenant's leaves 1..size and
 * headHash is the hash of event `size`.
 */
export function signCheckpointOf(
  tenantId: string,
  accumulator: MerkleAccumulator,
  headHash: string,
  issuedAt: Date,
  key: CheckpointSigningKey,
): SignedCheckpoint {
  return signCheckpoint(
    {
      tenantId,
      treeSize: accumulator.size,
      headHash,
      merkleRoot: accumulator.root(),
      issuedAt: issuedAt.toISOString(),
    },
    key,
  );
}

/** True when `signature` is a valid Ed25519 signature of the checkpoint by `publicKey`. */
export function verifyCheckpointSignature(checkpoint: SignedCheckpoint, publicKey: Uint8Array | KeyObject): boolean {
  const signature = Buffer.from(checkpoint.signature, 'base64');
  if (signature.length !== SIGNATURE_BYTES || signature.toString('base64') !== checkpoint.signature) return false;
  const key = publicKey instanceof Uint8Array ? publicKeyObject(publicKey) : publicKey;
  return verify(null, checkpointSigningInput(checkpoint), key, signature);
}

export { type CheckpointSink, DirectoryCheckpointSink, CheckpointConflictError } from './checkpoint-sink.js';
export {
  type CheckpointSigningKey,
  type AuditPublicJwk,
  loadCheckpointSigningKey,
  publicKeyFromSeed,
  keyIdOf,
  publicKeyToBase64,
  publicKeyFromBase64,
  publicKeyToJwk,
  publicKeyFromJwk,
  auditPublicJwks,
} from './signing-key.js';
