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
//
// Every fetch goes through the outbound URL guard (src/net): the URI was checked when it
// was registered, but the name may resolve elsewhere by now.
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { guardedFetch } from '../net/guarded-fetch.js';
import { precheckOutboundUrl, UrlNotAllowedError, type HostLookup, type OutboundUrlPolicy } from '../net/url-guard.js';
import { usesHttp } from './http-jwks-issuers.js';
import { httpJwksRefused, tokenError } from './token-verification-error.js';

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
  /** which destinations may be fetched (ALLOW_PRIVATE_URLS, ALLOW_HTTP_JWKS) */
  urlPolicy: OutboundUrlPolicy;
  /** name resolution for the guard; dns.lookup by default */
  lookup?: HostLookup | undefined;
  maxResponseBytes?: number;
  /**
   * told about every failed fetch, with the tenant whose token needed the keys, so the app
   * can log and audit it; token failures only say jwks_unavailable
   */
  onFetchFailure?: JwksFetchFailureHook | undefined;
}

/** Whose token made the store fetch: the tenant and issuer registration it matched. */
export interface FetchRequester {
  tenantId: string;
  issuerId?: string | undefined;
}

export type JwksFetchFailureHook = (jwksUri: string, error: unknown, requester: FetchRequester | undefined) => void;

export interface JwksKeyStore {
  /** Throws TokenVerificationError: issuer_misconfigured, jwks_unavailable, unknown_kid or alg_key_mismatch. */
  getKey(jwksUri: string, kid: string, alg: SigningAlgorithm, requester?: FetchRequester): Promise<VerificationKey>;
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

export function createJwksKeyStore(options: JwksKeyStoreOptions): JwksKeyStore {
  const { cacheMaxAgeMs, refetchCooldownMs } = options;
  // A set whose refresh keeps failing stays usable for one more max age, so a short
  // IdP outage does not log every partner user out; after that, fail closed.
  const usableForMs = cacheMaxAgeMs * 2;
  const keySets = new Map<string, CachedKeySet>();
  /** when each refused URI was last reported; bounded by the registered URIs */
  const refusalsReportedAt = new Map<string, number>();

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

  function refresh(set: CachedKeySet, url: URL, requester: FetchRequester | undefined): Promise<void> {
    if (set.refreshing) return set.refreshing;
    set.lastAttemptAt = Date.now();
    set.refreshing = fetchKeySet(url, options)
      .then((keysByKid) => {
        set.keysByKid = keysByKid;
        set.fetchedAt = Date.now();
      })
      .catch((error: unknown) => notify(url.href, error, requester))
      .finally(() => {
        set.refreshing = undefined;
      });
    return set.refreshing;
  }

  function notify(jwksUri: string, error: unknown, requester: FetchRequester | undefined): void {
    try {
      options.onFetchFailure?.(jwksUri, error, requester);
    } catch {
      // a failing observer must not turn a JWKS outage into an unhandled rejection
    }
  }

  // What can be told without DNS (scheme, credentials, address literals) fails every
  // request at once, reported like a failed fetch and as rarely; what needs DNS is
  // checked by each fetch, and fails as a fetch.
  function parseJwksUri(jwksUri: string, requester: FetchRequester | undefined): URL {
    try {
      return precheckOutboundUrl(jwksUri, options.urlPolicy);
    } catch (error) {
      const now = Date.now();
      if (now - (refusalsReportedAt.get(jwksUri) ?? Number.NEGATIVE_INFINITY) >= refetchCooldownMs) {
        refusalsReportedAt.set(jwksUri, now);
        notify(jwksUri, error, requester);
      }
      if (error instanceof UrlNotAllowedError && error.reason === 'scheme' && usesHttp(jwksUri))
        throw httpJwksRefused();
      throw tokenError('issuer_misconfigured');
    }
  }

  return {
    async getKey(jwksUri, kid, alg, requester) {
      const url = parseJwksUri(jwksUri, requester);
      const set = keySetFor(url);
      // Requests whose key is cached and fresh never wait behind a refetch someone else started.
      const hasFreshKey = set.keysByKid.has(kid) && Date.now() - set.fetchedAt < cacheMaxAgeMs;
      if (set.refreshing ? !hasFreshKey : shouldRefresh(set, kid)) await refresh(set, url, requester);

      if (set.fetchedAt === 0 || Date.now() - set.fetchedAt >= usableForMs) throw tokenError('jwks_unavailable');
      const candidates = set.keysByKid.get(kid);
      if (!candidates) throw tokenError('unknown_kid');
      const key = candidates.find((k) => k.alg === alg);
      if (!key) throw tokenError('alg_key_mismatch');
      return key;
    },
  };
}

/** The endpoint answered, but not with a usable key set. */
export class JwksDocumentError extends Error {
  override readonly name = 'JwksDocumentError';
}

/** Fetches and parses one JWKS document; also used to probe a URI when an issuer is registered (jwks-probe.ts). */
export async function fetchKeySet(
  url: URL,
  options: Pick<JwksKeyStoreOptions, 'urlPolicy' | 'lookup' | 'fetchTimeoutMs' | 'maxResponseBytes'>,
): Promise<Map<string, VerificationKey[]>> {
  const response = await guardedFetch(url, {
    policy: options.urlPolicy,
    lookup: options.lookup,
    timeoutMs: options.fetchTimeoutMs,
    maxBytes: options.maxResponseBytes ?? defaultMaxResponseBytes,
    headers: { accept: 'application/jwk-set+json, application/json' },
  });
  if (response.status < 200 || response.status >= 300)
    throw new JwksDocumentError(`JWKS endpoint answered HTTP ${response.status}`);
  let document: unknown;
  try {
    document = JSON.parse(response.body.toString('utf8'));
  } catch (error) {
    throw new JwksDocumentError('JWKS document is not JSON', { cause: error });
  }
  if (!isRecord(document) || !Array.isArray(document['keys']))
    throw new JwksDocumentError('JWKS document has no keys array');

  const keysByKid = new Map<string, VerificationKey[]>();
  for (const jwk of document['keys'] as unknown[]) {
    const key = toVerificationKey(jwk);
    if (key) keysByKid.set(key.kid, [...(keysByKid.get(key.kid) ?? []), key]);
  }
  return keysByKid;
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
