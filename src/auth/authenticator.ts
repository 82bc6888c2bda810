// Credentials -> Actor. Bearer JWTs from partner identity providers, or API keys
// (x-api-key, or a bearer value starting with phk_). Every failure is a 401 with a
// stable code, and is recorded in the audit trail with its reason (never the credential).
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { AppError, isAppError } from '../errors.js';
import { authenticateApiKey, ApiKeyRejected } from '../api-keys/api-keys.service.js';
import { looksLikeApiKey } from '../api-keys/api-key-format.js';
import { actorFromToken } from '../users/users.service.js';
import type { ServiceDeps } from '../services/scope.js';
import type { Actor } from './actor.js';
import type { JwtVerifier } from './jwt-verifier.js';
import { isTokenVerificationError } from './token-verification-error.js';

export interface Credentials {
  authorization?: string | undefined;
  apiKey?: string | undefined;
  clientAddress?: string | undefined;
  userAgent?: string | undefined;
  requestId?: string | undefined;
  purposeOfUse?: string | undefined;
}

export interface AuthenticatorDeps extends ServiceDeps {
  db: Kysely<Database>;
  verifier: JwtVerifier;
}

const purposePattern = /^[A-Za-z0-9_.:-]{1,64}$/;

export async function authenticateCredentials(deps: AuthenticatorDeps, creds: Credentials): Promise<Actor | undefined> {
  const bearer = parseBearer(creds.authorization);
  const apiKey = creds.apiKey ?? (bearer && looksLikeApiKey(bearer) ? bearer : undefined);
  if (!bearer && !apiKey) return undefined;
  const context = {
    requestId: creds.requestId,
    clientAddress: creds.clientAddress,
    userAgent: creds.userAgent,
    // Purpose of use (e.g. TREATMENT, PAYMENT, OPERATIONS) travels into the audit trail.
    purposeOfUse: creds.purposeOfUse && purposePattern.test(creds.purposeOfUse) ? creds.purposeOfUse : undefined,
  };
  try {
    const actor = apiKey
      ? await authenticateApiKey(deps.db, apiKey, creds.clientAddress)
      : await actorFromToken(deps, await deps.verifier.verify(bearer!));
    return { ...actor, ...context };
  } catch (e) {
    if (!isAppError(e) || e.status !== 401) throw e;
    const reason = e instanceof ApiKeyRejected || isTokenVerificationError(e) ? e.reason : e.code.toLowerCase();
    const tenantId = e instanceof ApiKeyRejected ? e.tenantId : undefined;
    await deps.audit.writeDetached(
      tenantId,
      { kind: apiKey ? 'api_key' : 'user', authMethod: apiKey ? 'api_key' : 'jwt', ...context },
      [{ action: 'auth.failed', resourceType: 'Session', outcome: 'denied', reasonCode: `${e.code}:${reason}` }],
    );
    throw e;
  }
}

function parseBearer(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw new AppError('TOKEN_INVALID', 'The Authorization header must be "Bearer <token>".');
  return m[1];
}
