// The Ed25519 key that signs audit checkpoints. Its 32-byte seed comes from
// configuration (base64) and never touches the database: whoever can rewrite the
// audit tables must not also be able to re-sign a recomputed chain. The public half
// is published (raw base64, or a JWK set for a well-known endpoint) so an auditor
// can verify an export with nothing else.

import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

const KEY_BYTES = 32;
// DER headers that turn a raw Ed25519 seed / public key into PKCS#8 / SPKI (RFC 8410).
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const BASE64_TEXT = /^[A-Za-z0-9+/_-]+={0,2}$/;

export class AuditKeyError extends Error {
  override readonly name = 'AuditKeyError';
}

export interface CheckpointSigningKey {
  /** RFC 7638 JWK thumbprint of the public key */
  keyId: string;
  /** raw 32-byte Ed25519 public key */
  publicKey: Uint8Array;
  privateKey: KeyObject;
}

/** Public key as published at a well-known endpoint (an RFC 8037 OKP JWK). */
export interface AuditPublicJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  /** base64url raw public key */
  x: string;
  kid: string;
  alg: 'EdDSA';
  use: 'sig';
}

/**
 * Decodes base64 or base64url that must be exactly `bytes` long. Buffer.from alone
 * skips characters it does not know, which would let a mangled key pass.
 * Error messages never echo the input: it may be a secret.
 */
export function decodeFixedBase64(text: string, bytes: number, what: string): Buffer {
  const trimmed = text.trim();
  // Node's base64 decoder also takes the url-safe alphabet, so one call serves both.
  const decoded = BASE64_TEXT.test(trimmed) ? Buffer.from(trimmed, 'base64') : undefined;
  if (decoded === undefined || decoded.length !== bytes) {
    throw new AuditKeyError(`${what} must be ${bytes} bytes in base64`);
  }
  return decoded;
}

function privateKeyFromSeed(seedBase64: string): KeyObject {
  const seed = decodeFixedBase64(seedBase64, KEY_BYTES, 'the checkpoint signing seed');
  const der = Buffer.concat([PKCS8_ED25519_PREFIX, seed]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    seed.fill(0);
    der.fill(0);
  }
}

function rawPublicKeyOf(key: KeyObject): Uint8Array {
  const spki = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return new Uint8Array(spki.subarray(spki.length - KEY_BYTES));
}

/** Loads the signing key from its base64 seed (from configuration, never the database). */
export function loadCheckpointSigningKey(seedBase64: string): CheckpointSigningKey {
  const privateKey = privateKeyFromSeed(seedBase64);
  const publicKey = rawPublicKeyOf(privateKey);
  return { keyId: keyIdOf(publicKey), publicKey, privateKey };
}

export function publicKeyFromSeed(seedBase64: string): Uint8Array {
  return rawPublicKeyOf(privateKeyFromSeed(seedBase64));
}

function assertPublicKeyBytes(publicKey: Uint8Array): void {
  if (publicKey.length !== KEY_BYTES) throw new AuditKeyError('an Ed25519 public key is 32 bytes');
}

/** RFC 7638 thumbprint, so the key id is also the `kid` of the published JWK. */
export function keyIdOf(publicKey: Uint8Array): string {
  assertPublicKeyBytes(publicKey);
  const x = Buffer.from(publicKey).toString('base64url');
  return createHash('sha256').update(`{"crv":"Ed25519","kty":"OKP","x":"${x}"}`).digest('base64url');
}

export function publicKeyObject(publicKey: Uint8Array): KeyObject {
  assertPublicKeyBytes(publicKey);
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey]), format: 'der', type: 'spki' });
}

export function publicKeyToBase64(publicKey: Uint8Array): string {
  assertPublicKeyBytes(publicKey);
  return Buffer.from(publicKey).toString('base64');
}

export function publicKeyFromBase64(text: string): Uint8Array {
  return new Uint8Array(decodeFixedBase64(text, KEY_BYTES, 'an Ed25519 public key'));
}

export function publicKeyToJwk(publicKey: Uint8Array): AuditPublicJwk {
  assertPublicKeyBytes(publicKey);
  return {
    kty: 'OKP',
    crv: 'Ed25519',
    x: Buffer.from(publicKey).toString('base64url'),
    kid: keyIdOf(publicKey),
    alg: 'EdDSA',
    use: 'sig',
  };
}

/** Body of the well-known endpoint: every key whose checkpoints may still be verified. */
export function auditPublicJwks(publicKeys: readonly Uint8Array[]): { keys: AuditPublicJwk[] } {
  return { keys: publicKeys.map(publicKeyToJwk) };
}

/** Accepts one OKP/Ed25519 JWK; `kid`, when present, must be the key's thumbprint. */
export function publicKeyFromJwk(value: unknown): Uint8Array {
  if (typeof value !== 'object' || value === null) throw new AuditKeyError('a JWK must be a JSON object');
  const jwk = value as Record<string, unknown>;
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') {
    throw new AuditKeyError('the JWK is not an Ed25519 (OKP) public key');
  }
  const publicKey = new Uint8Array(decodeFixedBase64(jwk.x, KEY_BYTES, 'the JWK "x" member'));
  if (jwk.kid !== undefined && jwk.kid !== keyIdOf(publicKey)) {
    throw new AuditKeyError('the JWK "kid" is not the thumbprint of its key');
  }
  return publicKey;
}
