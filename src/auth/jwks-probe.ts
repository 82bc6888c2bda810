// Registration-time check of a partner's JWKS URI: fetched once, through the same outbound
// URL guard and parser as the key store, so an issuer whose keys cannot be fetched is refused
// at registration (and at PATCH) instead of failing every token later. The caller learns a
// fixed sentence per failure: never the response body, the resolved address or the query string.
import { OutboundFetchError } from '../net/guarded-fetch.js';
import { UrlNotAllowedError, type HostLookup, type OutboundUrlPolicy } from '../net/url-guard.js';
import { fetchKeySet, JwksDocumentError, signingAlgorithms } from './jwks-key-store.js';

export type JwksProbeFailure = 'url_not_allowed' | 'timeout' | 'unreachable' | 'not_a_jwks' | 'no_usable_keys';

export interface JwksProbeOptions {
  urlPolicy: OutboundUrlPolicy;
  /** bounded: a registration request waits for at most this long */
  timeoutMs: number;
  lookup?: HostLookup | undefined;
}

const sentences: Record<JwksProbeFailure, string> = {
  // found by resolving the name: an unknown name and a private address read alike, so the
  // answer does not tell a tenant admin which internal names exist
  url_not_allowed: 'The JWKS URL could not be fetched: its host does not resolve to a public address.',
  timeout: 'The JWKS URL could not be fetched: it did not answer in time.',
  unreachable: 'The JWKS URL could not be fetched: the connection failed or was redirected.',
  not_a_jwks: 'The JWKS URL did not return a JSON Web Key Set (an object with a "keys" array, HTTP 2xx).',
  no_usable_keys: `The JWKS URL returned no key this server can verify with (signing keys for ${signingAlgorithms.join(', ')}).`,
};

export class JwksProbeError extends Error {
  override readonly name = 'JwksProbeError';
  constructor(readonly reason: JwksProbeFailure) {
    super(sentences[reason]);
  }
}

function failureOf(error: unknown): JwksProbeFailure {
  if (error instanceof UrlNotAllowedError) return 'url_not_allowed';
  if (error instanceof OutboundFetchError) return error.reason === 'timeout' ? 'timeout' : 'unreachable';
  if (error instanceof JwksDocumentError) return 'not_a_jwks';
  return 'unreachable';
}

/** Resolves when `jwksUri` serves at least one usable key; else rejects with a JwksProbeError. */
export async function probeJwks(jwksUri: string, options: JwksProbeOptions): Promise<void> {
  let keys: Map<string, unknown>;
  try {
    keys = await fetchKeySet(new URL(jwksUri), {
      urlPolicy: options.urlPolicy,
      lookup: options.lookup,
      fetchTimeoutMs: options.timeoutMs,
    });
  } catch (error) {
    throw new JwksProbeError(failureOf(error));
  }
  if (keys.size === 0) throw new JwksProbeError('no_usable_keys');
}
