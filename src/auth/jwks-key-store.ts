// Partner JWKS documents, fetched over the network and cached per jwks_uri, handed
// out as verification keys by kid.
//
// Why not get-jwks (evaluated first): it caches one key per (alg, kid) and refetches the
// whole document for every kid it has not seen, never remembering a miss, so each
// forged token with a random kid costs one outbound request to the partner's IdP.
// Throttling it would also throttle legitimate new kids, because each new kid needs
// its own fetch. Its `timeout` option is silently ignored by Node's fetch. It can only
// build URLs as domain + one fixed path, and its PEM conversion (jwk-to-pem) has no
// Ed25519. Caching the whole set fixes all four: any fetch, even one an attacker
// triggered, picks up every key the IdP has published.
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { tokenError } from './token-verification-error.js';

export type SigningAlgorithm = 'RS256' | 'ES256' | 'EdDSA';
export const signingAlgorithms: readonly SigningAlgorithm[] = ['RS256', 'ES256', 'EdDSA'];

export interface VerificationKey {
  readonly kid: string;
  /** the only algorithm this key may verify, derived from its type and curve */
  readonly alg: SigningAlgorithm;
  readonly pem: string;
}

export interface JwksKeyStoreOptions {
  /** how long a fetched set is used before it is fetched again */
  cacheMaxAgeMs: number;
  /** minimum gap between two fetches of one jwks_uri, however many unknown kids arrive */
  refetchCooldownMs: number;
  fetchTimeoutMs: number;
  /** permit http:// jwks_uris on loopback hosts (tests, local development) */
  allowHttpLoopback: boolean;
  maxResponseBytes?: number;
  /** told about every failed fetch, so the app can log it; token failures only say jwks_unavailable */
  onFetchFailure?: ((jwksUri: string, error: unknown) => void) | undefined;
}

export interface JwksKeyStore {
  /** Throws TokenVerificationError: issuer_misconfigured, jwks_unavailable, unknown_kid or alg_key_mismatch. */
  getKey(jwksUri: string, kid: string, alg: SigningAlgorithm): Promise<VerificationKey>;
}

interface CachedKeySet {
  keysByKid: Map<string, VerificationKey[]>;
  /** when the current keys were fetched; 0 means never */
  fetchedAt: number;
  lastAttemptAt: number;
  refreshing: Promise<void> | undefined;
}

const defaultMaxResponseBytes = 256 * 1024;
const MIN_RSA_MODULUS_BITS = 2048;
const loopbackHosts = new Set(['127.0.0.1', '[::1]', 'localhost']);

export function createJwksKeyStore(options: JwksKeyStoreOptions): JwksKeyStore {
  const { cacheMaxAgeMs, refetchCooldownMs } = options;
  // A set whose refresh keeps failing stays usable for one more max age, so a short
  // IdP outage does not log every partner user out; after that, fail closed.
  const usableForMs = cacheMaxAgeMs * 2;
  const keySets = new Map<string, CachedKeySet>();

  function keySetFor(url: URL): CachedKeySet {
    let set = keySets.get(url.href);
    if (!set) {
      set = { keysByKid: new Map(), fetchedAt: 0, lastAttemptAt: Number.NEGATIVE_INFINITY, refreshing: undefined };
      keySets.set(url.href, set);
    }
    return set;
  }

  // A set past its max age is refetched at once, unless the last attempt failed; an
  // unknown kid, which anyone can put in a token, waits out the cooldown. Failed
  // attempts wait it out too, so a broken IdP is not asked again on every request.
  function shouldRefresh(set: CachedKeySet, kid: string): boolean {
    const now = Date.now();
    const cooledDown = now - set.lastAttemptAt >= refetchCooldownMs;
    const lastAttemptFailed = set.lastAttemptAt > set.fetchedAt;
    if (now - set.fetchedAt >= cacheMaxAgeMs) return cooledDown || !lastAttemptFailed;
    return !set.keysByKid.has(kid) && cooledDown;
  }

  function refresh(set: CachedKeySet, url: URL): Promise<void> {
    if (set.refreshing) return set.refreshing;
    set.lastAttemptAt = Date.now();
    set.refreshing = fetchKeySet(url, options)
      .then((keysByKid) => {
        set.keysByKid = keysByKid;
        set.fetchedAt = Date.now();
      })
      .catch((error: unknown) => {
        try {
          options.onFetchFailure?.(url.href, error);
        } catch {
          // a failing observer must not turn a JWKS outage into an unhandled rejection
        }
      })
      .finally(() => {
        set.refreshing = undefined;
      });
    return set.refreshing;
  }

  return {
    async getKey(jwksUri, kid, alg) {
      const url = parseJwksUri(jwksUri, options.allowHttpLoopback);
      const set = keySetFor(url);
      // Requests whose key is cached and fresh never wait behind a refetch someone else started.
      const hasFreshKey = set.keysByKid.has(kid) && Date.now() - set.fetchedAt < cacheMaxAgeMs;
      if (set.refreshing ? !hasFreshKey : shouldRefresh(set, kid)) await refresh(set, url);

      if (set.fetchedAt === 0 || Date.now() - set.fetchedAt >= usableForMs) throw tokenError('jwks_unavailable');
      const candidates = set.keysByKid.get(kid);
      if (!candidates) throw tokenError('unknown_kid');
      const key = candidates.find((k) => k.alg === alg);
      if (!key) throw tokenError('alg_key_mismatch');
      return key;
    },
  };
}

function parseJwksUri(jwksUri: string, allowHttpLoopback: boolean): URL {
  let url: URL;
  try {
    url = new URL(jwksUri);
  } catch {
    throw tokenError('issuer_misconfigured');
  }
  const secure = url.protocol === 'https:';
  const loopbackHttp = url.protocol === 'http:' && allowHttpLoopback && loopbackHosts.has(url.hostname);
  if ((!secure && !loopbackHttp) || url.username || url.password) throw tokenError('issuer_misconfigured');
  return url;
}

async function fetchKeySet(url: URL, options: JwksKeyStoreOptions): Promise<Map<string, VerificationKey[]>> {
  // redirect: 'error' because a redirect could take the fetch off https or to another host.
  const response = await fetch(url, {
    signal: AbortSignal.timeout(options.fetchTimeoutMs),
    redirect: 'error',
    headers: { accept: 'application/jwk-set+json, application/json' },
  });
  if (!response.ok) {
    await response.body?.cancel();
    throw new Error(`JWKS endpoint answered HTTP ${response.status}`);
  }
  const document: unknown = JSON.parse(await readBounded(response, options.maxResponseBytes ?? defaultMaxResponseBytes));
  if (!isRecord(document) || !Array.isArray(document['keys'])) throw new Error('JWKS document has no keys array');

  const keysByKid = new Map<string, VerificationKey[]>();
  for (const jwk of document['keys'] as unknown[]) {
    const key = toVerificationKey(jwk);
    if (key) keysByKid.set(key.kid, [...(keysByKid.get(key.kid) ?? []), key]);
  }
  return keysByKid;
}

async function readBounded(response: Response, maxBytes: number): Promise<string> {
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw new Error('JWKS document is too large');
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      // leaving the loop cancels the stream
      if (size > maxBytes) throw new Error('JWKS document is too large');
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A JWK this service may verify with, or undefined for anything it must ignore. */
function toVerificationKey(jwk: unknown): VerificationKey | undefined {
  if (!isRecord(jwk) || typeof jwk['kid'] !== 'string' || jwk['kid'] === '') return undefined;
  if (jwk['use'] !== undefined && jwk['use'] !== 'sig') return undefined;
  const keyOps = jwk['key_ops'];
  if (keyOps !== undefined && !(Array.isArray(keyOps) && keyOps.includes('verify'))) return undefined;
  // Private material in a public document means the IdP is leaking keys; do not trust it.
  if (jwk['d'] !== undefined) return undefined;

  const alg = algorithmForKeyType(jwk);
  // A declared alg must agree with the key type: a key published for PS256 or RS512 is not one of ours.
  if (!alg || (jwk['alg'] !== undefined && jwk['alg'] !== alg)) return undefined;

  let key: KeyObject;
  try {
    key = createPublicKey({ key: publicMembers(jwk), format: 'jwk' });
  } catch {
    return undefined;
  }
  if (alg === 'RS256' && (key.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_MODULUS_BITS) return undefined;
  return { kid: jwk['kid'], alg, pem: key.export({ type: 'spki', format: 'pem' }).toString() };
}

function algorithmForKeyType(jwk: Record<string, unknown>): SigningAlgorithm | undefined {
  if (jwk['kty'] === 'RSA') return 'RS256';
  if (jwk['kty'] === 'EC' && jwk['crv'] === 'P-256') return 'ES256';
  if (jwk['kty'] === 'OKP' && jwk['crv'] === 'Ed25519') return 'EdDSA';
  return undefined;
}

function publicMembers(jwk: Record<string, unknown>): JsonWebKey {
  const members: JsonWebKey = {};
  for (const name of ['kty', 'crv', 'n', 'e', 'x', 'y'] as const) {
    const value = jwk[name];
    if (typeof value === 'string') members[name] = value;
  }
  return members;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
