// Idempotency keys on creates: every POST to an operation that accepts `Idempotency-Key`
// gets a fresh one unless the caller set its own, so a retry (ours, or a caller repeating
// after a timeout with the same key) can never create the record twice.
import type { Middleware } from 'openapi-fetch';
import type { paths } from './schema.js';

/** The paths whose POST declares an Idempotency-Key header in openapi.yaml, found from the generated types. */
type IdempotentCreatePath = {
  [P in keyof paths]: paths[P] extends { post: { parameters: { header?: infer H } } }
    ? [NonNullable<H>] extends [never] // `header?: never`: no header parameters at all
      ? never
      : 'Idempotency-Key' extends keyof NonNullable<H>
        ? P
        : never
    : never;
}[keyof paths];

/**
 * Listed by hand because types do not exist at run time; the Record type makes a missing
 * or an extra entry a compile error once schema.d.ts is regenerated.
 */
const declared: Record<IdempotentCreatePath, true> = {
  '/v1/tickets': true,
  '/v1/tickets/{id}/comments': true,
};
export const IDEMPOTENT_CREATES: ReadonlySet<string> = new Set(Object.keys(declared));

/** A new random key (UUID v4): pass your own instead to make a create idempotent across processes or restarts. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

export function idempotencyMiddleware(): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      if (request.method !== 'POST' || !IDEMPOTENT_CREATES.has(schemaPath)) return undefined;
      if (!request.headers.has('idempotency-key')) request.headers.set('idempotency-key', newIdempotencyKey());
      return request;
    },
  };
}
