// A partner's JWKS could not be fetched, or its URI was refused by the outbound URL guard:
// the operator reads it in the log, the tenant whose token needed the keys in its audit
// trail (`auth.jwks_fetch_failed`). Neither gets a response body, a token or its claims.
import type { FastifyBaseLogger } from 'fastify';
import { OutboundFetchError } from '../net/guarded-fetch.js';
import { UrlNotAllowedError } from '../net/url-guard.js';
import type { AuditPort } from '../services/audit-port.js';
import { JwksDocumentError, type FetchRequester } from './jwks-key-store.js';

export interface FailureReporterDeps {
  log: Pick<FastifyBaseLogger, 'warn' | 'error'>;
  audit: AuditPort;
}

const fetcher = { id: 'jwks-fetcher', kind: 'system', authMethod: 'system' } as const;

/** Fixed words for what went wrong: `log` for the operator, `audit` for the tenant. */
export function fetchFailureReason(error: unknown): { log: string; audit: string } {
  // The tenant learns only "not allowed": whether the name resolved, and to what kind of
  // address, would tell a tenant admin which internal names exist.
  if (error instanceof UrlNotAllowedError) return { log: `url_not_allowed:${error.reason}`, audit: 'url_not_allowed' };
  if (error instanceof OutboundFetchError) return { log: error.reason, audit: error.reason };
  if (error instanceof JwksDocumentError) return { log: 'invalid_document', audit: 'invalid_document' };
  return { log: 'unknown', audit: 'unknown' };
}

/** Where the keys were to come from, without a query string (which could hold a secret). */
function jwksLocation(jwksUri: string): string {
  try {
    const url = new URL(jwksUri);
    return `${url.origin}${url.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

export function reportJwksFetchFailure(
  deps: FailureReporterDeps,
  jwksUri: string,
  error: unknown,
  requester: FetchRequester | undefined,
): void {
  const reason = fetchFailureReason(error);
  deps.log.warn(
    { tenantId: requester?.tenantId, issuerId: requester?.issuerId, jwks: jwksLocation(jwksUri), reason: reason.log },
    'partner JWKS fetch failed',
  );
  deps.audit
    .writeDetached(requester?.tenantId, fetcher, [
      {
        action: 'auth.jwks_fetch_failed',
        resourceType: 'TrustedIssuer',
        resourceId: requester?.issuerId,
        outcome: 'error',
        reasonCode: `JWKS_UNAVAILABLE:${reason.audit}`,
      },
    ])
    .catch((auditError: unknown) =>
      deps.log.error(
        { err: auditError, tenantId: requester?.tenantId },
        'could not audit a partner JWKS fetch failure',
      ),
    );
}
