// Verifies bearer JWTs that partner EHR vendors obtain from their own identity
// providers. A tenant trusts an issuer by configuration (TrustedIssuer); the issuer's
// JWKS supplies the keys; fast-jwt checks the signature. Everything else (which
// tenant, audience, lifetime, session age) is decided here, so the reasons for a
// refusal stay distinct for audit.
import { createDecoder, createVerifier, TokenError } from 'fast-jwt';
import type { HostLookup } from '../net/url-guard.js';
import {
  createJwksKeyStore,
  signingAlgorithms,
  type JwksFetchFailureHook,
  type SigningAlgorithm,
  type VerificationKey,
} from './jwks-key-store.js';
import {
  assertAudience,
  checkLifetime,
  optionalString,
  requiredString,
  stringList,
  type Claims,
} from './token-claims.js';
import {
  concealedTokenError,
  isTokenVerificationError,
  tokenError,
  type TokenFailureReason,
} from './token-verification-error.js';

export interface TrustedIssuer {
  tenantId: string;
  tenantSlug: string;
  /** the registration (tenant_issuers.id), named in audit events about its JWKS */
  issuerId?: string | undefined;
  /** compared exactly with the token's iss */
  issuer: string;
  jwksUri: string;
  /** the value this tenant's tokens must carry in aud */
  audience: string;
  /** claim holding role names; default 'roles' */
  rolesClaim?: string | undefined;
  /** claim holding group names; default 'groups' */
  groupsClaim?: string | undefined;
}

export interface VerifiedToken {
  tenantId: string;
  issuer: string;
  subject: string;
  roles: string[];
  groups: string[];
  issuedAt: Date;
  expiresAt: Date;
  /** authentication methods (RFC 8176), e.g. ['pwd', 'otp']; empty when the IdP does not say */
  amr: string[];
  /** sid, else jti */
  sessionId?: string;
  email?: string;
  name?: string;
  /** every claim of the payload; may hold personal data, so never log it whole */
  claims: Claims;
}

export interface JwtVerifierOptions {
  /** The tenants that trust this issuer (usually one). Errors it throws propagate unchanged. */
  lookupIssuer(iss: string): Promise<TrustedIssuer[]>;
  clockSkewSeconds: number;
  /** automatic logoff: tokens whose iat is older than this are refused even if exp is later */
  maxSessionAgeSeconds: number;
  /** default 5 minutes */
  jwksCacheMaxAgeMs?: number;
  /** allow http:// jwks_uris on loopback hosts; tests and local development only */
  allowHttpJwks?: boolean;
  /** allow jwks_uris on loopback and private addresses (ALLOW_PRIVATE_URLS); tests and local development only */
  allowPrivateUrls?: boolean;
  /** name resolution for JWKS hosts; dns.lookup by default */
  resolveHost?: HostLookup;
  /** minimum gap between refetches of one JWKS on unknown kids; default 30 seconds */
  jwksRefetchCooldownMs?: number;
  /** default 5 seconds */
  jwksFetchTimeoutMs?: number;
  /** called with the jwks_uri, the error and the tenant whose token needed it whenever a JWKS fetch fails */
  onJwksFetchFailure?: JwksFetchFailureHook;
}

export interface JwtVerifier {
  /** Resolves to the verified token, or rejects with TokenVerificationError (an AppError with a 401 code and a reason). */
  verify(token: string): Promise<VerifiedToken>;
}

// Far above any real token; stops decoding work on junk before it starts.
const MAX_TOKEN_LENGTH = 16 * 1024;
const MAX_ISSUER_LENGTH = 2048;
const TENANT_CLAIM = 'tenant';

const decodeUnverified = createDecoder({ complete: true });

export function createJwtVerifier(options: JwtVerifierOptions): JwtVerifier {
  const { lookupIssuer, clockSkewSeconds, maxSessionAgeSeconds } = options;
  assertNonNegative('clockSkewSeconds', clockSkewSeconds);
  assertNonNegative('maxSessionAgeSeconds', maxSessionAgeSeconds);
  const keyStore = createJwksKeyStore({
    cacheMaxAgeMs: options.jwksCacheMaxAgeMs ?? 5 * 60_000,
    refetchCooldownMs: options.jwksRefetchCooldownMs ?? 30_000,
    fetchTimeoutMs: options.jwksFetchTimeoutMs ?? 5_000,
    urlPolicy: { allowHttpLoopback: options.allowHttpJwks === true, allowPrivate: options.allowPrivateUrls === true },
    lookup: options.resolveHost,
    onFetchFailure: options.onJwksFetchFailure,
  });
  const signatureCheckers = new WeakMap<VerificationKey, (token: string) => unknown>();

  function checkSignature(token: string, key: VerificationKey): void {
    try {
      let check = signatureCheckers.get(key);
      if (!check) {
        // Times and claims are checked by checkLifetime and the callers, not here, so
        // that each failure keeps its own reason; fast-jwt does alg, signature and crit.
        check = createVerifier({ key: key.pem, algorithms: [key.alg], ignoreExpiration: true, ignoreNotBefore: true });
        signatureCheckers.set(key, check);
      }
      check(token);
    } catch (error) {
      throw tokenError(reasonForFastJwtError(error));
    }
  }

  async function verify(token: string): Promise<VerifiedToken> {
    if (typeof token !== 'string' || token === '') throw tokenError('missing_token');
    if (token.length > MAX_TOKEN_LENGTH) throw tokenError('malformed');
    const { header, payload } = decode(token);
    const alg = acceptedAlgorithm(header['alg']);
    const kid = header['kid'];
    if (typeof kid !== 'string' || kid === '') throw tokenError('missing_kid');

    const iss = requiredString(payload, 'iss');
    const tenantClaim = optionalString(payload, TENANT_CLAIM);
    const namedTenants = await concealUntilSigned(() => verifySignature(token, { iss, tenantClaim, kid, alg }));

    if (namedTenants.length === 0) throw tokenError('tenant_mismatch');
    const [tenant, ...others] = namedTenants;
    if (!tenant || others.length > 0) throw tokenError('tenant_ambiguous');

    assertAudience(payload, tenant.audience);
    const subject = requiredString(payload, 'sub');
    const lifetime = checkLifetime(payload, { clockSkewSeconds, maxSessionAgeSeconds, nowMs: Date.now() });
    return toVerifiedToken(payload, tenant, subject, lifetime);
  }

  /** The tenants the token may belong to, once its signature verified with their issuer's keys. */
  async function verifySignature(
    token: string,
    header: { iss: string; tenantClaim: string | undefined; kid: string; alg: SigningAlgorithm },
  ): Promise<TrustedIssuer[]> {
    const { iss, tenantClaim, kid, alg } = header;
    if (iss.length > MAX_ISSUER_LENGTH) throw tokenError('untrusted_issuer');
    // Only a registered iss leads to a JWKS fetch: an unregistered one costs a lookup, no outbound request.
    const trustingTenants = (await lookupIssuer(iss)).filter((t) => t.issuer === iss);
    const [firstTrusting] = trustingTenants;
    if (!firstTrusting) throw tokenError('untrusted_issuer');

    const namedTenants =
      tenantClaim === undefined
        ? trustingTenants
        : trustingTenants.filter((t) => t.tenantSlug === tenantClaim || t.tenantId === tenantClaim);
    // The signature is checked before any tenant outcome is reported, so unsigned
    // tokens cannot probe which tenants trust an issuer.
    const keySource = namedTenants[0] ?? firstTrusting;
    const key = await keyStore.getKey(keySource.jwksUri, kid, alg, {
      tenantId: keySource.tenantId,
      issuerId: keySource.issuerId,
    });
    checkSignature(token, key);
    return namedTenants;
  }

  return { verify };
}

/** Refusals before the signature verified all read alike (see concealedTokenError); other errors pass unchanged. */
async function concealUntilSigned<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw isTokenVerificationError(error) ? concealedTokenError(error.reason) : error;
  }
}

function decode(token: string): { header: Claims; payload: Claims } {
  try {
    const decoded = decodeUnverified(token) as { header: Claims; payload: Claims };
    return { header: decoded.header, payload: decoded.payload };
  } catch {
    throw tokenError('malformed');
  }
}

function acceptedAlgorithm(alg: unknown): SigningAlgorithm {
  if (typeof alg === 'string' && alg.toLowerCase() === 'none') throw tokenError('alg_none');
  if (!signingAlgorithms.includes(alg as SigningAlgorithm)) throw tokenError('alg_not_allowed');
  return alg as SigningAlgorithm;
}

function reasonForFastJwtError(error: unknown): TokenFailureReason {
  if (!(error instanceof TokenError)) return 'bad_signature';
  switch (error.code) {
    case TokenError.codes.malformed:
    case TokenError.codes.invalidPayload:
      return 'malformed';
    case TokenError.codes.invalidAlgorithm:
      return 'alg_not_allowed';
    case TokenError.codes.invalidKey:
      return 'alg_key_mismatch';
    case TokenError.codes.invalidCritHeader:
      return 'unsupported_header';
    default:
      return 'bad_signature';
  }
}

function toVerifiedToken(
  payload: Claims,
  tenant: TrustedIssuer,
  subject: string,
  lifetime: { issuedAt: Date; expiresAt: Date },
): VerifiedToken {
  const sessionId = optionalString(payload, 'sid') ?? optionalString(payload, 'jti');
  const email = optionalString(payload, 'email');
  const name = optionalString(payload, 'name');
  return {
    tenantId: tenant.tenantId,
    issuer: tenant.issuer,
    subject,
    roles: stringList(payload, tenant.rolesClaim ?? 'roles'),
    groups: stringList(payload, tenant.groupsClaim ?? 'groups'),
    issuedAt: lifetime.issuedAt,
    expiresAt: lifetime.expiresAt,
    amr: stringList(payload, 'amr'),
    ...(sessionId === undefined ? {} : { sessionId }),
    ...(email === undefined ? {} : { email }),
    ...(name === undefined ? {} : { name }),
    claims: Object.freeze({ ...payload }),
  };
}

function assertNonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0)) throw new TypeError(`${name} must be a non-negative number`);
}
