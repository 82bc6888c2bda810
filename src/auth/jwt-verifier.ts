// Verifies bearer JWTs that partner EHR vendors obtain from their own identity
// providers. A tenant trusts an issuer by configuration (TrustedIssuer); the issuer's
// JWKS supplies the keys. The signature is checked by @fastify/jwt (fast-jwt underneath)
// through its documented many-issuers pattern: its `secret` is a function of the decoded
// token, and ours picks the trusted issuer and asks our JWKS key store for the key. Everything
// else (which tenant, audience, lifetime, session age) is decided here, so the reasons for a
// refusal stay distinct for audit.
import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyPlugin from 'fastify-plugin';
import { createDecoder } from 'fast-jwt';
import type { HostLookup } from '../net/url-guard.js';
import {
  createJwksKeyStore,
  signingAlgorithms,
  type JwksFetchFailureHook,
  type SigningAlgorithm,
} from './jwks-key-store.js';
import {
  assertAudience,
  checkLifetime,
  optionalString,
  requiredString,
  stringList,
  type Claims,
  type TokenLifetime,
} from './token-claims.js';
import {
  concealedTokenError,
  isTokenVerificationError,
  type IssuerRegistrationRef,
  reasonForVerifyError,
  tokenError,
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
  /** the last moment this token is acceptable: exp plus the clock skew, or the maximum session age if sooner */
  acceptableUntil: Date;
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

/** Verification of the tokens presented on one request. */
export interface JwtVerifier {
  /** Resolves to the verified token, or rejects with TokenVerificationError (an AppError with a 401 code and a reason). */
  verify(token: string): Promise<VerifiedToken>;
}

export interface JwtVerification {
  /** Registers @fastify/jwt on the app (root scope) with the JWKS key store behind its `secret`. */
  plugin: (app: FastifyInstance) => Promise<void>;
  /** The verifier for tokens presented on `request`, which must come from an app the plugin is registered on. */
  forRequest(request: FastifyRequest): JwtVerifier;
}

// Far above any real token; stops decoding work on junk before it starts.
const MAX_TOKEN_LENGTH = 16 * 1024;
const MAX_ISSUER_LENGTH = 2048;
const TENANT_CLAIM = 'tenant';

const decodeUnverified = createDecoder({ complete: true });

/** A verification under way on one request: the token, and the tenants its issuer's keys vouched for. */
interface PendingVerification {
  token: string;
  /** the registration the token's iss matched, once looked up: its refusals are audited for that tenant */
  registration?: IssuerRegistrationRef;
  namedTenants?: TrustedIssuer[];
  /** what the key resolver threw, passed on unchanged (an issuer lookup outage is not the token's fault) */
  resolverError?: { error: unknown };
}

export function createJwtVerifier(options: JwtVerifierOptions): JwtVerification {
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
  const pending = new WeakMap<FastifyRequest, PendingVerification>();

  /**
   * @fastify/jwt's `secret`: the decoded token (header and payload, not yet trusted) -> the
   * public key to check its signature with. Only a registered iss leads to a JWKS fetch: an
   * unregistered one costs a lookup, no outbound request.
   */
  async function verificationKey(request: FastifyRequest, decoded: { header: Claims; payload: Claims }) {
    const verification = pending.get(request);
    if (!verification) throw tokenError('missing_token');
    try {
      return await resolveKey(verification, decoded);
    } catch (error) {
      verification.resolverError = { error };
      throw error;
    }
  }

  async function resolveKey(verification: PendingVerification, decoded: { header: Claims; payload: Claims }) {
    const { alg, kid, iss, tenantClaim } = headerFacts(decoded);
    if (iss.length > MAX_ISSUER_LENGTH) throw tokenError('untrusted_issuer');
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
    verification.registration = { tenantId: keySource.tenantId, issuerId: keySource.issuerId };
    const key = await keyStore.getKey(keySource.jwksUri, kid, alg, {
      tenantId: keySource.tenantId,
      issuerId: keySource.issuerId,
    });
    verification.namedTenants = namedTenants;
    // The key's own algorithm was matched to the header's by the store: no RS/HS confusion.
    return key.pem;
  }

  async function plugin(app: FastifyInstance): Promise<void> {
    await app.register(
      fastifyPlugin(async (scope: FastifyInstance) => {
        await scope.register(fastifyJwt, {
          decode: { complete: true },
          secret: (request: FastifyRequest, decoded: { header: Claims; payload: Claims }) =>
            verificationKey(request, decoded),
          verify: {
            algorithms: [...signingAlgorithms],
            // Times and claims are checked by checkLifetime and the callers, not here, so
            // that each failure keeps its own reason; fast-jwt does alg, signature and crit.
            ignoreExpiration: true,
            ignoreNotBefore: true,
            extractToken: (request: FastifyRequest) => pending.get(request)?.token,
          },
        } as never);
      }),
    );
  }

  /** Refusals of a token whose iss matched a registration name it, so its tenant sees them (authenticator.ts). */
  async function verify(request: FastifyRequest, token: string): Promise<VerifiedToken> {
    const verification: PendingVerification = { token };
    try {
      return await verifyPending(request, verification);
    } catch (error) {
      if (isTokenVerificationError(error) && verification.registration) error.registration = verification.registration;
      throw error;
    }
  }

  async function verifyPending(request: FastifyRequest, verification: PendingVerification): Promise<VerifiedToken> {
    const { token } = verification;
    if (typeof token !== 'string' || token === '') throw tokenError('missing_token');
    if (token.length > MAX_TOKEN_LENGTH) throw tokenError('malformed');
    const decoded = decode(token);
    headerFacts(decoded);
    pending.set(request, verification);
    try {
      await concealUntilSigned(() => signatureChecked(request, verification));
    } finally {
      pending.delete(request);
      // the plugin keeps the verified payload on the request; claims stay out of reach of later hooks
      (request as { user?: unknown }).user = null;
    }
    const namedTenants = verification.namedTenants ?? [];
    if (namedTenants.length === 0) throw tokenError('tenant_mismatch');
    const [tenant, ...others] = namedTenants;
    if (!tenant || others.length > 0) throw tokenError('tenant_ambiguous');

    const { payload } = decoded;
    assertAudience(payload, tenant.audience);
    const subject = requiredString(payload, 'sub');
    const lifetime = checkLifetime(payload, { clockSkewSeconds, maxSessionAgeSeconds, nowMs: Date.now() });
    return toVerifiedToken(payload, tenant, subject, lifetime);
  }

  return { plugin, forRequest: (request) => ({ verify: (token) => verify(request, token) }) };
}

/** The plugin's refusals as ours; TokenVerificationErrors from the key resolver pass unchanged. */
async function signatureChecked(request: FastifyRequest, verification: PendingVerification): Promise<void> {
  try {
    await request.jwtVerify();
  } catch (error) {
    if (verification.resolverError) throw verification.resolverError.error;
    throw tokenError(reasonForVerifyError(error));
  }
}

/** What the header and the routing claims say, each checked for type: alg, kid, iss and the tenant claim. */
function headerFacts(decoded: { header: Claims; payload: Claims }) {
  const alg = acceptedAlgorithm(decoded.header['alg']);
  const kid = decoded.header['kid'];
  if (typeof kid !== 'string' || kid === '') throw tokenError('missing_kid');
  const iss = requiredString(decoded.payload, 'iss');
  const tenantClaim = optionalString(decoded.payload, TENANT_CLAIM);
  return { alg, kid, iss, tenantClaim };
}

/** Refusals before the signature verified all read alike (see concealedTokenError); other errors pass unchanged. */
async function concealUntilSigned<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw isTokenVerificationError(error) && !error.explained ? concealedTokenError(error.reason) : error;
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

function toVerifiedToken(
  payload: Claims,
  tenant: TrustedIssuer,
  subject: string,
  lifetime: TokenLifetime,
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
    acceptableUntil: lifetime.acceptableUntil,
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
