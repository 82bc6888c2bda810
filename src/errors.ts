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

export interface ErrorDetail {
  /** JSON pointer or field name the detail is about; never a value */
  path?: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetail[], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCodes[code];
    this.details = details;
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
