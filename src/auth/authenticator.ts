// Credentials -> Actor. Bearer JWTs from partner identity providers, or API keys
// (x-api-key, or a bearer value starting with phk_). Every failure is a 401 with a
// stable code, and is recorded in the audit trail with its reason (never the credential).
// With an authentication cache (auth-cache.ts), a credential seen recently resolves to its
// actor without SQL; a miss, and every refusal, takes the full path below.
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError, isAppError } from '../errors.js';
import { authenticateApiKeyInDetail, ApiKeyRejected, clientAddressAllowed } from '../api-keys/api-keys.service.js';
import { looksLikeApiKey } from '../api-keys/api-key-format.js';
import { actorFromToken } from '../users/users.service.js';
import type { ServiceDeps } from '../services/scope.js';
import type { Actor } from './actor.js';
import type { AuthCache, AuthEntry } from './auth-cache.js';
import type { JwtVerification } from './jwt-verifier.js';
import { isTokenVerificationError } from './token-verification-error.js';

export interface Credentials {
  authorization?: string | undefined;
  apiKey?: string | undefined;
  clientAddress?: string | undefined;
  userAgent?: string | undefined;
  requestId?: string | undefined;
  purposeOfUse?: string | undefined;
  /** the request the credentials came with: a JWT is verified on it, through @fastify/jwt */
  request?: FastifyRequest | undefined;
}

export interface AuthenticatorDeps extends ServiceDeps {
  db: Kysely<Database>;
  verifier: JwtVerification;
  /** absent: every request authenticates in SQL */
  cache?: AuthCache | undefined;
}

const purposePattern = /^[A-Za-z0-9_.:-]{1,64}$/;

export async function authenticateCredentials(deps: AuthenticatorDeps, creds: Credentials): Promise<Actor | undefined> {
  const bearer = parseBearer(creds.authorization);
  const apiKey = creds.apiKey ?? (bearer && looksLikeApiKey(bearer) ? bearer : undefined);
  if (!bearer && !apiKey) return undefined;
  // Per request, never cached: spread onto the (possibly cached) actor.
  const context = {
    requestId: creds.requestId,
    clientAddress: creds.clientAddress,
    userAgent: creds.userAgent,
    // Purpose of use (e.g. TREATMENT, PAYMENT, OPERATIONS) travels into the audit trail.
    purposeOfUse: creds.purposeOfUse && purposePattern.test(creds.purposeOfUse) ? creds.purposeOfUse : undefined,
  };
  try {
    const credential = apiKey ?? bearer!;
    const load = () => (apiKey ? apiKeyEntry(deps, apiKey, creds) : tokenEntry(deps, bearer!, creds));
    let entry = deps.cache ? await cachedEntry(deps.cache, credential, load, creds) : await load();
    if (!entry) entry = await load();
    return { ...entry.actor, ...context };
  } catch (e) {
    if (!isAppError(e) || e.status !== 401) throw e;
    const reason = e instanceof ApiKeyRejected || isTokenVerificationError(e) ? e.reason : e.code.toLowerCase();
    // A token whose iss is registered to a tenant is refused in that tenant's own trail (its
    // privacy officer reads it there), naming the registration; one event per refusal either
    // way, so forged tokens cost no more writes than before (and the per-address rate limit
    // runs ahead of authentication).
    const registration = isTokenVerificationError(e) ? e.registration : undefined;
    const tenantId = e instanceof ApiKeyRejected ? e.tenantId : registration?.tenantId;
    const resource = registration
      ? { resourceType: 'TrustedIssuer', resourceId: registration.issuerId }
      : { resourceType: 'Session' };
    await deps.audit.writeDetached(
      tenantId,
      { kind: apiKey ? 'api_key' : 'user', authMethod: apiKey ? 'api_key' : 'jwt', ...context },
      [{ action: 'auth.failed', ...resource, outcome: 'denied', reasonCode: `${e.code}:${reason}` }],
    );
    throw e;
  }
}

/**
 * The cached entry, unless a rule that depends on this request refuses it: then undefined,
 * and the caller takes the full path, which refuses and audits as it always has.
 */
async function cachedEntry(
  cache: AuthCache,
  credential: string,
  load: () => Promise<AuthEntry>,
  creds: Credentials,
): Promise<AuthEntry | undefined> {
  const { entry, hit } = await cache.resolve(credential, load);
  if (hit && entry.allowedCidrs && !clientAddressAllowed(creds.clientAddress, entry.allowedCidrs)) return undefined;
  return entry;
}

async function apiKeyEntry(deps: AuthenticatorDeps, apiKey: string, creds: Credentials): Promise<AuthEntry> {
  const { actor, expiresAt, allowedCidrs } = await authenticateApiKeyInDetail(deps.db, apiKey, creds.clientAddress);
  return { actor, credentialEndsAt: expiresAt ?? undefined, allowedCidrs };
}

async function tokenEntry(deps: AuthenticatorDeps, token: string, creds: Credentials): Promise<AuthEntry> {
  // Only the app's onRequest hook authenticates JWTs, and it always passes its request.
  if (!creds.request) throw new TypeError('a JWT is verified on the request it came with');
  const verified = await deps.verifier.forRequest(creds.request).verify(token);
  const actor = await actorFromToken(deps, verified);
  return { actor, credentialEndsAt: verified.acceptableUntil };
}

function parseBearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw new AppError('TOKEN_INVALID', 'The Authorization header must be "Bearer <token>".');
  return m[1];
}
