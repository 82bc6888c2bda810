// GraphQL errors carry the same stable codes as REST problem+json, in extensions.code.
// Internal errors are hidden; messages that would echo input values are replaced.
import { GraphQLError, type ExecutionResult } from 'graphql';
import { errorCodes } from '../errors.js';
import { toAppError } from '../http/problem.js';
import { variableCoercionError } from './variable-errors.js';

/** Codes only GraphQL sends (a document that does not parse or fit the schema); see docs/errors.md. */
export const graphqlOnlyCodes = ['GRAPHQL_VALIDATION_FAILED'] as const;

// graphql ships CommonJS and ESM builds; mercurius runs the CommonJS one and this module
// imports the ESM one, so their GraphQLError classes differ and instanceof misses half of them.
function isGraphQLError(error: unknown): boolean {
  return error instanceof GraphQLError || (error instanceof Error && error.name === 'GraphQLError');
}

/**
 * extensions carry what a REST problem+json body carries: `code`, `status`, `errors` (the same
 * ErrorDetail entries, src/errors.ts) and `requestId`, so a client reads one shape from both.
 */
function formatOne(error: GraphQLError, requestId: string | undefined, variables: unknown): GraphQLError {
  const original = error.originalError;
  const request = requestId ? { requestId } : {};
  if (original && !isGraphQLError(original) && !Array.isArray((original as { errors?: unknown }).errors)) {
    const appError = toAppError(original);
    const message = appError.code === 'INTERNAL' ? 'An internal error occurred.' : appError.message;
    return new GraphQLError(message, {
      path: error.path,
      extensions: {
        code: appError.code,
        status: appError.status,
        ...(appError.details && appError.code !== 'INTERNAL' ? { errors: appError.details } : {}),
        ...request,
      },
    });
  }
  const coercion = variableCoercionError(error.message, variables);
  const code = (error.extensions?.['code'] as string | undefined) ?? graphqlOnlyCodes[0];
  return new GraphQLError(coercion?.message ?? error.message, {
    nodes: error.nodes,
    path: error.path,
    extensions: {
      code,
      status: statusOfCode(error.extensions?.['status'], code),
      ...(coercion ? { errors: [coercion.detail] } : {}),
      ...request,
    },
  });
}

/** At most this many errors are sent, so that a hostile document cannot make the answer large. */
export const maxReportedErrors = 10;

function statusOfCode(status: unknown, code: unknown): number {
  if (typeof status === 'number') return status;
  return typeof code === 'string' && code in errorCodes ? errorCodes[code as keyof typeof errorCodes] : 400;
}

const statusOf = (error: GraphQLError): number => statusOfCode(error.extensions['status'], error.extensions['code']);

/** The request's variables (a POST body's object, or a GET's JSON string), if readable. */
function requestVariables(request: { body?: unknown; query?: unknown } | undefined): unknown {
  const from = (holder: unknown) => (holder as { variables?: unknown } | null | undefined)?.variables;
  const variables = from(request?.body) ?? from(request?.query);
  if (typeof variables !== 'string') return variables;
  try {
    return JSON.parse(variables) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Errors of the request as a whole (no path: unreadable body, wrong content type, syntax,
 * validation, variables, credentials) have no data and take their own HTTP status, the
 * worst one if several; a field error keeps 200 with its partial (or null) data.
 */
export function formatExecutionErrors(
  execution: ExecutionResult & { errors: readonly GraphQLError[] },
  context?: { requestId?: string; reply?: { request?: { id?: string; body?: unknown; query?: unknown } } },
): {
  statusCode: number;
  response: ExecutionResult;
} {
  const flat = execution.errors.flatMap((e) => {
    const nested = (e.originalError as { errors?: GraphQLError[] } | undefined)?.errors;
    return Array.isArray(nested) ? nested : [e];
  });
  const requestId = context?.requestId ?? context?.reply?.request?.id;
  const variables = requestVariables(context?.reply?.request);
  const errors = flat.slice(0, maxReportedErrors).map((e) => formatOne(e, requestId, variables));
  const requestErrors = errors.filter((e) => e.path === undefined);
  const statusCode = execution.data || requestErrors.length === 0 ? 200 : Math.max(...requestErrors.map(statusOf));
  if (flat.length > maxReportedErrors) {
    errors.push(
      new GraphQLError(`${flat.length - maxReportedErrors} more errors were not reported.`, {
        extensions: {
          code: errors[0]!.extensions['code'],
          status: errors[0]!.extensions['status'],
          ...(requestId ? { requestId } : {}),
        },
      }),
    );
  }
  return { statusCode, response: { data: execution.data ?? null, errors } };
}
