// Typed reads of JWT claims from a decoded payload, and the time rules. Claims are
// attacker-shaped until the signature is checked and partner-shaped after, so every
// read checks the type and fails with a reason rather than coercing. String claims are
// stored (sub, name, email at first sign-in) or looked up (iss, groups), so text PostgreSQL
// cannot store (NUL, lone surrogates: src/http/storable-text.ts) is refused here too.
import { tokenError } from './token-verification-error.js';
import { isStorableText } from '../http/storable-text.js';

export type Claims = Readonly<Record<string, unknown>>;

export function requiredString(claims: Claims, name: string): string {
  const value = claims[name];
  if (value === undefined) throw tokenError('missing_claim', name);
  if (typeof value !== 'string' || value === '' || !isStorableText(value)) throw tokenError('invalid_claim', name);
  return value;
}

export function optionalString(claims: Claims, name: string): string | undefined {
  const value = claims[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '' || !isStorableText(value)) throw tokenError('invalid_claim', name);
  return value;
}

/** IdPs emit a single role as a bare string and several as an array; both become a list. */
export function stringList(claims: Claims, name: string): string[] {
  const value = claims[name];
  if (value === undefined) return [];
  if (typeof value === 'string' && isStorableText(value)) return [value];
  if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string' && isStorableText(v)))
    return [...value];
  throw tokenError('invalid_claim', name);
}

export function assertAudience(claims: Claims, expected: string): void {
  const aud = claims['aud'];
  if (aud === undefined) throw tokenError('missing_claim', 'aud');
  const audiences = typeof aud === 'string' ? [aud] : aud;
  if (!Array.isArray(audiences) || !audiences.every((a) => typeof a === 'string'))
    throw tokenError('invalid_claim', 'aud');
  if (!audiences.includes(expected)) throw tokenError('wrong_audience');
}

export interface TokenLifetime {
  issuedAt: Date;
  expiresAt: Date;
  /** the last moment the token passes these rules (exp plus skew, or the session age if sooner) */
  acceptableUntil: Date;
}

export interface TimeRules {
  clockSkewSeconds: number;
  maxSessionAgeSeconds: number;
  nowMs: number;
}

/**
 * exp and iat are required; nbf is optional. The skew forgives small clock
 * differences with the IdP. The session age is measured from iat without skew:
 * it is the automatic-logoff limit, and exp may be set much later by the IdP.
 */
export function checkLifetime(claims: Claims, rules: TimeRules): TokenLifetime {
  const exp = numericDate(claims, 'exp');
  const iat = numericDate(claims, 'iat');
  const nbf = claims['nbf'] === undefined ? undefined : numericDate(claims, 'nbf');
  const now = rules.nowMs / 1000;
  const skew = rules.clockSkewSeconds;

  if (now >= exp + skew) throw tokenError('expired');
  if (nbf !== undefined && now < nbf - skew) throw tokenError('not_yet_valid');
  if (now < iat - skew) throw tokenError('issued_in_future');
  if (now - iat > rules.maxSessionAgeSeconds) throw tokenError('session_too_old');
  const acceptableUntil = Math.min(exp + skew, iat + rules.maxSessionAgeSeconds);
  return {
    issuedAt: new Date(iat * 1000),
    expiresAt: new Date(exp * 1000),
    acceptableUntil: new Date(acceptableUntil * 1000),
  };
}

// The largest time a JavaScript Date can hold, in seconds; beyond it expiresAt would be an Invalid Date.
const MAX_NUMERIC_DATE = 8.64e12;

function numericDate(claims: Claims, name: string): number {
  const value = claims[name];
  if (value === undefined) throw tokenError('missing_claim', name);
  if (typeof value !== 'number' || !(value >= 0 && value <= MAX_NUMERIC_DATE)) throw tokenError('invalid_claim', name);
  return value;
}
