// API key wire format: phk_<prefix>_<secret>. The prefix (16 chars) is stored for lookup;
// the secret (32 random bytes) only as a SHA-256 hash, compared in constant time. The
// secret is high-entropy, so a fast hash is enough (no password stretching needed).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const keyPattern = /^phk_([A-Za-z0-9_-]{16})_([A-Za-z0-9_-]{43})$/;

export interface GeneratedKey {
  /** shown to the caller once, never stored */
  plaintext: string;
  prefix: string;
  secretHash: Buffer;
}

export function generateApiKey(): GeneratedKey {
  const prefix = randomBytes(12).toString('base64url');
  const secret = randomBytes(32).toString('base64url');
  return { plaintext: `phk_${prefix}_${secret}`, prefix, secretHash: hashSecret(secret) };
}

export function parseApiKey(raw: string): { prefix: string; secret: string } | undefined {
  const m = keyPattern.exec(raw);
  return m ? { prefix: m[1]!, secret: m[2]! } : undefined;
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function secretMatches(secret: string, storedHash: Buffer): boolean {
  const candidate = hashSecret(secret);
  return candidate.length === storedHash.length && timingSafeEqual(candidate, storedHash);
}

export function looksLikeApiKey(raw: string): boolean {
  return raw.startsWith('phk_');
}
