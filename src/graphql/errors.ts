// GraphQL errors carry the same stable codes as REST problem+json, in extensions.code.
// Internal errors are hidden; messages that would echo input values are replaced.
import { GraphQLError, type ExecutionResult } from 'graphql';
import { errorCodes } from '../errors.js';
import { toAppError } from '../http/problem.js';

// graphql-js quotes the offending value in variable coercion messages.
const valueEchoingMessage = /^Variable "\$([A-Za-z0-9_]+)" got invalid value/;

// graphql ships CommonJS and ESM builds; mercurius runs the CommonJS one and this module
// imports the ESM one, so their GraphQLError classes differ and instanceof misses half of them.
function isGraphQLError(error: unknown): boolean {
  return error instanceof GraphQLError || (error instanceof Error && error.name === 'GraphQLError');
}

function formatOne(error: GraphQLError): GraphQLError {
  const original = error.originalError;
  if (original && !isGraphQLError(original) && !Array.isArray((original as { errors?: unknown }).errors)) {
    const appError = toAppError(original);
    const message = appError.code === 'INTERNAL' ? 'An internal error occurred.' : appError.message;
    return new GraphQLError(message, {
      path: error.path,
      extensions: {
        code: appError.code,
        status: appError.status,
        ...(appError.details ? { details: appError.details } : {}),
      },
    });
  }
  const echo = valueEchoingMessage.exec(error.message);
  const message = echo ? `Variable "$${echo[1]}" has an invalid value.` : error.message;
  return new GraphQLError(message, {
    nodes: error.nodes,
    path: error.path,
    extensions: { code: (error.extensions?.['code'] as string | undefined) ?? 'GRAPHQL_VALIDATION_FAILED' },
  });
}

/** At most this many errors are sent, so that a hostile document cannot make the answer large. */
export const maxReportedErrors = 10;

function statusOf(error: GraphQLError): number {
  const status = error.extensions['status'];
  if (typeof status === 'number') return status;
  const code = error.extensions['code'];
  return typeof code === 'string' && code in errorCodes ? errorCodes[code as keyof typeof errorCodes] : 400;
}

/**
 * Errors of the request as a whole (no path: unreadable body, wrong content type, syntax,
 * validation, variables, credentials) have no data and take their own HTTP status, the
 * worst one if several; a field error keeps 200 with its partial (or null) data.
 */
export function formatExecutionErrors(execution: ExecutionResult & { errors: readonly GraphQLError[] }): {
  statusCode: number;
  response: ExecutionResult;
} {
  const flat = execution.errors.flatMap((e) => {
    const nested = (e.originalError as { errors?: GraphQLError[] } | undefined)?.errors;
    return Array.isArray(nested) ? nested : [e];
  });
  const errors = flat.slice(0, maxReportedErrors).map(formatOne);
  const requestErrors = errors.filter((e) => e.path === undefined);
  const statusCode = execution.data || requestErrors.length === 0 ? 200 : Math.max(...requestErrors.map(statusOf));
  if (flat.length > maxReportedErrors) {
    errors.push(
      new GraphQLError(`${flat.length - maxReportedErrors} more errors were not reported.`, {
        extensions: { code: errors[0]!.extensions['code'] },
      }),
    );
  }
  return { statusCode, response: { data: execution.data ?? null, errors } };
}
