// The checks a trusted issuer's settings pass before they are stored, at registration and at
// PATCH: the JWKS URI's shape and destination (outbound URL guard, without DNS), then one
// fetch that must return a usable key set (src/auth/jwks-probe.ts).
import { AppError } from '../errors.js';
import { precheckOutboundUrl, UrlNotAllowedError, type HostLookup } from '../net/url-guard.js';
import { JwksProbeError, probeJwks } from '../auth/jwks-probe.js';
import type { IssuerInput } from './tenants.service.js';

/** Where a tenant's JWKS may live (src/net/url-guard.ts). */
export interface IssuerUrlRules {
  /** ALLOW_HTTP_JWKS: http:// to a loopback host */
  allowHttpJwks: boolean;
  /**
   * ALLOW_PRIVATE_URLS: loopback and private addresses (absent means refused). Production
   * refuses both settings. Every fetch checks again with the server's own configuration,
   * whatever registration allowed.
   */
  allowPrivateUrls?: boolean | undefined;
  /**
   * How long registration (and PATCH) waits for the JWKS URI to answer with a usable key set
   * (src/auth/jwks-probe.ts); default 5 s. `jwksLookup` resolves its host (tests inject one).
   */
  jwksProbeTimeoutMs?: number | undefined;
  jwksLookup?: HostLookup | undefined;
}

const DEFAULT_JWKS_PROBE_TIMEOUT_MS = 5_000;

const badSettings = (path: string, message: string) =>
  new AppError('VALIDATION_FAILED', 'The identity provider settings are invalid.', [
    { pointer: path, detail: message },
  ]);

const HTTPS_REQUIRED =
  'must use https; ALLOW_HTTP_JWKS=true permits http to a loopback host, for local testing only (never in production)';

/** Why this JWKS URI cannot be registered, judged without DNS (names are checked at every fetch). */
export function jwksUriRefusal(jwksUri: string, rules: IssuerUrlRules): AppError | undefined {
  try {
    precheckOutboundUrl(jwksUri, {
      allowHttpLoopback: rules.allowHttpJwks,
      allowPrivate: rules.allowPrivateUrls === true,
    });
  } catch (e) {
    if (!(e instanceof UrlNotAllowedError)) throw e;
    if (e.reason === 'invalid_url') return badSettings('/jwksUri', 'must be an absolute URL');
    if (e.reason === 'scheme') return badSettings('/jwksUri', HTTPS_REQUIRED);
    return new AppError('UNPROCESSABLE', 'The JWKS URI names a destination this server does not fetch from.', [
      { pointer: '/jwksUri', detail: e.message },
    ]);
  }
  return undefined;
}

/** Why these settings cannot be registered, judged without DNS (names are checked at every fetch). */
export function issuerRefusal(input: IssuerInput, rules: IssuerUrlRules): AppError | undefined {
  const refusal = jwksUriRefusal(input.jwksUri, rules);
  if (refusal) return refusal;
  if (!input.issuer || input.issuer.length > 2048) return badSettings('/issuer', 'must be 1..2048 characters');
  if (!input.audience || input.audience.length > 512) return badSettings('/audience', 'must be 1..512 characters');
  return undefined;
}

/**
 * The URI, guarded as every fetch is, must answer now with a key set this server can use:
 * an unreachable JWKS is refused (422) rather than registered and failing every token.
 * Runs outside any transaction (a slow IdP must not hold a connection) and after the
 * checks without network, so a refused destination is never contacted.
 */
export async function jwksReachabilityRefusal(jwksUri: string, rules: IssuerUrlRules): Promise<AppError | undefined> {
  try {
    await probeJwks(jwksUri, {
      urlPolicy: { allowHttpLoopback: rules.allowHttpJwks, allowPrivate: rules.allowPrivateUrls === true },
      timeoutMs: rules.jwksProbeTimeoutMs ?? DEFAULT_JWKS_PROBE_TIMEOUT_MS,
      lookup: rules.jwksLookup,
    });
    return undefined;
  } catch (e) {
    if (!(e instanceof JwksProbeError)) throw e;
    return new AppError('UNPROCESSABLE', 'The JWKS URI could not be used: check that it serves your public keys.', [
      { pointer: '/jwksUri', detail: e.message },
    ]);
  }
}
