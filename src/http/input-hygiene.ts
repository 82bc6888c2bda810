// Every string a request carries is held to the storable-text rule (src/http/storable-text.ts)
// before any schema, handler or query sees it, whatever the route's schema says (free-form
// JSON values and record keys included): 400 VALIDATION_FAILED with a pointer to the field,
// in the same shape as a schema violation. GraphQL routes get the same error, formatted by
// mercurius as a GraphQL error.
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';
import { findUnstorable, unstorableMessage } from './storable-text.js';

export function unstorableInput(pointer: string): AppError {
  return new AppError('VALIDATION_FAILED', 'The request does not match the schema.', [
    { path: pointer, message: unstorableMessage },
  ]);
}

/** Throws 400 VALIDATION_FAILED naming the first unstorable string in `value` (pointers below `base`). */
export function assertStorable(value: unknown, base = ''): void {
  const pointer = findUnstorable(value, base);
  if (pointer !== undefined) throw unstorableInput(pointer);
}

/**
 * Headers are checked in onRequest, so register this before authentication: credentials,
 * request ids and tenant hints are read from headers before any later hook runs. (Node's
 * HTTP parser already refuses NUL in a header on a real socket; this covers every other way in.)
 */
export function rejectUnstorableHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    assertStorable(request.headers);
  });
}

/**
 * Params, query and body are checked in preValidation, so register this after the route
 * policy gate (src/http/gate.ts): an actor who may not use a route is refused (and audited)
 * as such, whatever the request holds.
 */
export function rejectUnstorableInput(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    assertStorable(request.params);
    assertStorable(request.query);
    assertStorable(request.body);
  });
}
