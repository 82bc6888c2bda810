// Why a bearer token was refused. The code is what the caller sees (one of the 401
// codes in errors.ts); the reason is finer-grained and meant for audit events and
// metrics. Messages are fixed strings per reason: a token's contents (claims, kid,
// issuer) are never interpolated, because claims can carry names and emails.
import { TokenError } from 'fast-jwt';
import { AppError, type ErrorCode } from '../errors.js';

const reasons = {
  missing_token: ['UNAUTHENTICATED', 'A bearer token is required.'],
  malformed: ['TOKEN_INVALID', 'The bearer token is malformed.'],
  alg_none: ['TOKEN_INVALID', 'Unsigned tokens are not accepted.'],
  alg_not_allowed: ['TOKEN_INVALID', 'The token signing algorithm is not accepted.'],
  alg_key_mismatch: ['TOKEN_INVALID', 'The token signing algorithm does not match its key.'],
  unsupported_header: ['TOKEN_INVALID', 'The token header uses an unsupported extension.'],
  missing_kid: ['TOKEN_INVALID', 'The token header does not name a signing key.'],
  unknown_kid: ['TOKEN_INVALID', 'The token signing key is not published by its issuer.'],
  bad_signature: ['TOKEN_INVALID', 'The token signature is not valid.'],
  untrusted_issuer: ['TOKEN_INVALID', 'The token issuer is not trusted.'],
  issuer_misconfigured: ['TOKEN_INVALID', 'The token issuer is not configured correctly for this service.'],
  jwks_unavailable: ['TOKEN_INVALID', 'The signing keys of the token issuer could not be retrieved.'],
  wrong_audience: ['TOKEN_INVALID', 'The token is not intended for this service.'],
  tenant_mismatch: ['TOKEN_INVALID', 'The token tenant does not trust the token issuer.'],
  tenant_ambiguous: ['TOKEN_INVALID', 'The token must name its tenant.'],
  missing_claim: ['TOKEN_INVALID', 'The token lacks a required claim.'],
  invalid_claim: ['TOKEN_INVALID', 'The token has a claim of the wrong type.'],
  expired: ['TOKEN_EXPIRED', 'The token has expired.'],
  session_too_old: ['TOKEN_EXPIRED', 'The session has exceeded its maximum age; sign in again.'],
  not_yet_valid: ['TOKEN_NOT_YET_VALID', 'The token is not valid yet.'],
  issued_in_future: ['TOKEN_NOT_YET_VALID', 'The token was issued in the future.'],
} as const satisfies Record<string, readonly [ErrorCode, string]>;

export type TokenFailureReason = keyof typeof reasons;

// From the issuer lookup until the signature has verified, a refusal reads the same
// whatever happened: an untrusted iss, a JWKS that could not be fetched, an unknown kid
// and a bad signature all look alike, or an unsigned token would tell its sender which
// issuers some tenant trusts. The reason still goes to the audit trail.
const UNVERIFIED_MESSAGE = 'The token could not be verified with the keys of a trusted issuer.';

// The one refusal told before the signature is checked: an issuer registered with an http
// JWKS (while ALLOW_HTTP_JWKS was on) can verify no token at all, so saying so tells a sender
// only that this iss is registered and unusable, which the operator was warned about at
// start-up (http-jwks-issuers.ts); the partner learns what to fix instead of guessing.
const HTTP_JWKS_MESSAGE =
  "The token issuer's JWKS URL uses http, which this server refuses; use https " +
  '(the tenant admin can change it with PATCH /v1/tenant/issuers/{id}).';

/** The tenant registration a refused token named by its iss: its refusal goes to that tenant's audit trail. */
export interface IssuerRegistrationRef {
  tenantId: string;
  issuerId?: string | undefined;
}

export class TokenVerificationError extends AppError {
  readonly reason: TokenFailureReason;
  /** true when the message explains the refusal even before the signature verified (never concealed) */
  readonly explained: boolean;
  /** set by the verifier once the token's iss matched a registration (tenant-attributed audit) */
  registration: IssuerRegistrationRef | undefined;

  // No `cause`: fast-jwt errors carry the decoded header and payload, and error
  // handlers log causes.
  constructor(
    reason: TokenFailureReason,
    options: { concealed?: boolean; claim?: string; message?: string | undefined } = {},
  ) {
    const [code, message] = reasons[reason];
    if (options.concealed) super('TOKEN_INVALID', UNVERIFIED_MESSAGE);
    else super(code, options.message ?? claimMessage(reason, options.claim) ?? message);
    this.name = 'TokenVerificationError';
    this.reason = reason;
    this.explained = options.message !== undefined && options.concealed !== true;
  }
}

/** issuer_misconfigured because the registered JWKS URL uses http: says why and what to do. */
export function httpJwksRefused(): TokenVerificationError {
  return new TokenVerificationError('issuer_misconfigured', { message: HTTP_JWKS_MESSAGE });
}

/**
 * A missing or mistyped claim is named, so an integrator knows what to fix: the claim's name
 * is ours or the tenant's configuration (`rolesClaim`), never a value from the token.
 */
function claimMessage(reason: TokenFailureReason, claim: string | undefined): string | undefined {
  if (claim === undefined || !/^[A-Za-z0-9_:.-]{1,64}$/.test(claim)) return undefined;
  if (reason === 'missing_claim') return `The token lacks the required claim "${claim}".`;
  if (reason === 'invalid_claim') return `The token's "${claim}" claim has the wrong type or an unusable value.`;
  return undefined;
}

export function tokenError(reason: TokenFailureReason, claim?: string): TokenVerificationError {
  return new TokenVerificationError(reason, { claim });
}

/** The same refusal with the one message every unverified token gets (see UNVERIFIED_MESSAGE). */
export function concealedTokenError(reason: TokenFailureReason): TokenVerificationError {
  return new TokenVerificationError(reason, { concealed: true });
}

export function isTokenVerificationError(e: unknown): e is TokenVerificationError {
  return e instanceof TokenVerificationError;
}

/** The reason for a refusal by @fastify/jwt: it wraps a bad signature or a key fast-jwt refuses; other fast-jwt errors pass through. */
export function reasonForVerifyError(error: unknown): TokenFailureReason {
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
