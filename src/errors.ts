// One error type for the whole service layer. Each code maps to one HTTP status
// (REST problem+json) and to GraphQL extensions.code, so both transports agree.
// Messages are written for API callers and never carry PHI values.

export const errorCodes = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  TOKEN_INVALID: 401,
  TOKEN_EXPIRED: 401,
  TOKEN_NOT_YET_VALID: 401,
  TOKEN_REVOKED: 401,
  API_KEY_INVALID: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  AUDIT_UNAVAILABLE: 503,
  SEAL_FAILED: 500,
  UNSEAL_FAILED: 500,
  NOT_READY: 503,
} as const;

export type ErrorCode = keyof typeof errorCodes;

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function titleFor(status: number): string {
  return titles[status] ?? (status >= 500 ? 'Internal Server Error' : 'Error');
}

/**
 * One entry of a problem's `errors` list (REST problem+json and GraphQL extensions alike),
 * after RFC 9457 section 3's example: what is wrong (`detail`) and where. `pointer` is a JSON
 * Pointer (RFC 6901) into the request body or the GraphQL operation's input; a query-string
 * or path parameter, or a GraphQL field argument, is named by `parameter`; a header by
 * `header`. `allowed` lists the accepted values where the schema has a closed set. No entry
 * ever quotes the offending value: it may be PHI.
 */
export interface ErrorDetail {
  pointer?: string;
  parameter?: string;
  header?: string;
  detail: string;
  allowed?: ReadonlyArray<string | number | boolean | null>;
}

/** At most this many entries are listed, so that a hostile body cannot make an answer large. */
export const maxErrorDetails = 50;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /**
   * What is wrong, entry by entry; sent as `errors` over REST and GraphQL. Not itself named
   * `errors`: that would make it look like an aggregate (AggregateError, mercurius) to code
   * that unwraps those.
   */
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, details?: readonly ErrorDetail[], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCodes[code];
    this.details = details?.slice(0, maxErrorDetails);
  }
}

/** The audit trail could not be written: the request is not served (no data without its events). */
export const auditUnavailable = (cause: unknown): AppError =>
  new AppError('AUDIT_UNAVAILABLE', 'The audit trail cannot be written; the request was not served.', undefined, {
    cause,
  });
export const notFound = (what = 'resource'): AppError =>
  new AppError('NOT_FOUND', `The ${what} does not exist or is not visible to you.`);
export const unauthenticated = (
  code: ErrorCode = 'UNAUTHENTICATED',
  message = 'Authentication is required.',
): AppError => new AppError(code, message);

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * The problem `type` URI of a code: stable, one per code, and documented at the matching
 * anchor of docs/errors.md (https://phidesk.dev/problems/validation-failed is
 * docs/errors.md#validation-failed).
 */
export const problemTypeFor = (code: ErrorCode): string =>
  `https://phidesk.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`;
