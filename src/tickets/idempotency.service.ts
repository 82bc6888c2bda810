// Idempotency-Key for the create use cases (tickets and comments): a retried POST with the
// same key and the same request gets the first result back; another request with the key
// is refused. The claim is one statement in the create's own transaction.
import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Scope } from '../services/scope.js';
import * as repo from './idempotency.repository.js';
import { anyRowInTenant } from './tickets.repository.js';

function requestHash(input: unknown): string {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
        )
      : Array.isArray(v)
        ? v.map(canonical)
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('hex');
}

/**
 * Claims an Idempotency-Key (24 hours, per caller) for the resource `id` about to be created.
 * Returns undefined when this request is the first with the key, else the id of the resource
 * the first request created (same operation and same request); another request with the
 * key is IDEMPOTENCY_KEY_REUSED. Concurrent claims serialise on the key's primary key.
 */
export async function claimIdempotencyKey(
  s: Scope,
  key: string,
  operation: string,
  request: unknown,
  id: string,
): Promise<string | undefined> {
  const hash = requestHash(request);
  const expires = new Date(Date.now() + 24 * 3600_000);
  const claimed = await repo.claimIdempotencyKey(s.tx, {
    tenant_id: s.actor.tenantId,
    actor_id: s.actor.id,
    key,
    operation,
    request_hash: hash,
    resource_id: id,
    expires_at: expires,
  });
  if (claimed) return undefined;
  const first = await repo.findIdempotencyKey(s.tx, s.actor.id, key);
  if (!first || first.request_hash !== hash || first.operation !== operation) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used with a different request.');
  }
  return first.resource_id;
}

/** A replay's where-clause: the Idempotency-Key record already ties the row to the caller (RLS to the tenant). */
export const createdByThisCaller = anyRowInTenant;
