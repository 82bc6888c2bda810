// Every string a request carries is held to the storable-text rule (src/http/storable-text.ts)
// before any schema, handler or query sees it, whatever the route's schema says (free-form
// JSON values and record keys included): 400 VALIDATION_FAILED with a pointer to the field,
// in the same shape as a schema violation. GraphQL routes get the same error, formatted by
// mercurius as a GraphQL error.
import type { FastifyInstance } from 'fastify';
import { AppError, type ErrorDetail } from '../errors.js';
import { findUnstorable, unstorableMessage } from './storable-text.js';

/** Where a checked value came from: errors name body fields by pointer, the rest by name. */
export type InputPart = 'body' | 'parameter' | 'header';

/** The first token of a JSON pointer ("/status/0" -> "status"), unescaped per RFC 6901. */
const firstToken = (pointer: string): string => (pointer.split('/')[1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');

function locate(pointer: string, part: InputPart): Omit<ErrorDetail, 'detail'> {
  if (part === 'parameter') return { parameter: firstToken(pointer) };
  if (part === 'header') return { header: firstToken(pointer) };
  return { pointer };
}

export function unstorableInput(pointer: string, part: InputPart = 'body'): AppError {
  return new AppError('VALIDATION_FAILED', 'The request does not match the schema.', [
    { ...locate(pointer, part), detail: unstorableMessage },
  ]);
}

/** Throws 400 VALIDATION_FAILED naming the first unstorable string in `value` (pointers below `base`). */
export function assertStorable(value: unknown, base = '', part: InputPart = 'body'): void {
  const pointer = findUnstorable(value, base);
  if (pointer !== undefined) throw unstorableInput(pointer, part);
}

/**
 * Headers are checked in onRequest, so register this before authentication: credentials,
 * request ids and tenant hints are read from headers before any later hook runs. (Node's
 * HTTP parser already refuses NUL in a header on a real socket; this covers every other way in.)
 */
export function rejectUnstorableHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    assertStorable(request.headers, '', 'header');
  });
}

/**
 * Params, query and body are checked in preValidation, so register this after the route
 * policy gate (src/http/gate.ts): an actor who may not use a route is refused (and audited)
 * as such, whatever the request holds.
 */
export function rejectUnstorableInput(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    assertStorable(request.params, '', 'parameter');
    assertStorable(request.query, '', 'parameter');
    assertStorable(request.body);
  });
}
