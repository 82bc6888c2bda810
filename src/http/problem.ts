// RFC 9457 problem+json for every error the REST surface returns. One mapping from
// AppError codes and Fastify's own errors to a stable `code`; 5xx details are hidden.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, errorCodes, problemTypeFor, titleFor, type ErrorCode, type ErrorDetail } from '../errors.js';
import { validationFailed, type AjvIssue } from './validation-errors.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  requestId: string;
  /** every problem found, each with where and what (see ErrorDetail); GraphQL sends the same list */
  errors?: ErrorDetail[];
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BAD_REQUEST',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_RATE_LIMITED: 'RATE_LIMITED',
};

/** Converts anything thrown into an AppError; unknown errors become INTERNAL. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const fe = err as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (fe?.validation) return validationFailed(fe.validation, fe.validationContext);
  if (isDataException(err))
    return new AppError('BAD_REQUEST', 'A value in the request is not valid here.', undefined, { cause: err });
  const mapped = fe?.code ? fastifyCodes[fe.code] : undefined;
  if (mapped) return new AppError(mapped, safeMessage(mapped));
  if (fe?.statusCode === 429) return new AppError('RATE_LIMITED', safeMessage('RATE_LIMITED'));
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('BAD_REQUEST', 'The request could not be processed.');
  }
  return new AppError('INTERNAL', 'An internal error occurred.', undefined, { cause: err });
}

/**
 * PostgreSQL's "data exception" class (SQLSTATE 22xxx: a malformed uuid, text it cannot
 * store, a number out of range) means a request value got past validation into a query.
 * It is still the caller's value, so 400, never 500; logged as a warning (SQLSTATE only),
 * since validation should have refused it first. Duck-typed: only src/db imports pg.
 */
function isDataException(err: unknown): boolean {
  const e = err as { code?: unknown; severity?: unknown } | null;
  return (
    err instanceof Error &&
    typeof e?.code === 'string' &&
    /^22[0-9A-Z]{3}$/.test(e.code) &&
    typeof e.severity === 'string'
  );
}

function safeMessage(code: ErrorCode): string {
  switch (code) {
    case 'PAYLOAD_TOO_LARGE':
      return 'The request body is larger than this server accepts.';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'The request content type is not supported; send application/json.';
    case 'RATE_LIMITED':
      return 'Too many requests; retry after the time in the Retry-After header.';
    default:
      return 'The request body is not valid JSON.';
  }
}

export function problemBody(err: AppError, request: FastifyRequest): Problem {
  const hidden = err.status >= 500 && err.code === 'INTERNAL';
  return {
    type: problemTypeFor(err.code),
    title: titleFor(err.status),
    status: err.status,
    code: err.code,
    detail: hidden ? 'An internal error occurred.' : err.message,
    instance: request.url.split('?')[0],
    requestId: request.id,
    ...(err.details && !hidden ? { errors: err.details } : {}),
  };
}

export function sendProblem(reply: FastifyReply, err: AppError): FastifyReply {
  return reply
    .code(err.status)
    .header('content-type', 'application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(problemBody(err, reply.request));
}

/**
 * Fastify's `frameworkErrors` option: errors its router raises before any route or hook
 * (a path that is not valid percent-encoded UTF-8) answer problem+json too, instead of
 * Fastify's own body, whose message quotes the whole URL, query string included.
 */
export function frameworkErrorHandler(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const refusal =
    error.code === 'FST_ERR_BAD_URL' ? new AppError('BAD_REQUEST', 'The request URL is not valid.') : toAppError(error);
  reply.log.info(
    { code: refusal.code, status: refusal.status, fastifyCode: error.code },
    'request rejected by the router',
  );
  // No route means no onSend hooks (src/http/security.ts): the request id header is set here.
  void sendProblem(reply.header('x-request-id', reply.request.id), refusal);
}

export function registerErrorHandling(app: FastifyInstance, routeMethods: (url: string) => string[]): void {
  app.setErrorHandler((error, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500)
      request.log.error({ err: appError.cause ?? error, code: appError.code }, 'request failed');
    else if (isDataException(appError.cause))
      request.log.warn(
        { err: appError.cause, code: appError.code, status: appError.status },
        'request rejected by the database',
      );
    else request.log.info({ code: appError.code, status: appError.status }, 'request rejected');
    if (appError.code === 'RATE_LIMITED') {
      const retry = (error as { headers?: Record<string, string> }).headers?.['retry-after'];
      if (retry) reply.header('retry-after', retry);
    }
    return sendProblem(reply, appError);
  });

  app.setNotFoundHandler((request, reply) => {
    const allowed = routeMethods(request.url.split('?')[0] ?? '/');
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      reply.header('allow', allowed.join(', '));
      return sendProblem(reply, new AppError('METHOD_NOT_ALLOWED', `${request.method} is not allowed here.`));
    }
    return sendProblem(reply, new AppError('NOT_FOUND', 'No such route.'));
  });
}

export { errorCodes };
