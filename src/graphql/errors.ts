// GraphQL errors carry the same stable codes as REST problem+json, in extensions.code.
// Internal errors are hidden; messages that would echo input values are replaced.
import { GraphQLError, type ExecutionResult } from 'graphql';
import { toAppError } from '../http/problem.js';

// graphql-js quotes the offending value in variable coercion messages.
const valueEchoingMessage = /^Variable "\$([A-Za-z0-9_]+)" got invalid value/;

function formatOne(error: GraphQLError): GraphQLError {
  const original = error.originalError;
  if (original && !(original instanceof GraphQLError) && !Array.isArray((original as { errors?: unknown }).errors)) {
    const appError = toAppError(original);
    const message = appError.code === 'INTERNAL' ? 'An internal error occurred.' : appError.message;
    return new GraphQLError(message, {
      path: error.path,
      extensions: { code: appError.code, status: appError.status, ...(appError.details ? { details: appError.details } : {}) },
    });
  }
  const echo = valueEchoingMessage.exec(error.message);
  const message = echo ? `Variable "$${echo[1]}" has an invalid value.` : error.message;
  return new GraphQLError(message, {
    nodes: error.nodes, path: error.path,
    extensions: { code: (error.extensions?.['code'] as string | undefined) ?? 'GRAPHQL_VALIDATION_FAILED' },
  });
}

export function formatExecutionErrors(execution: ExecutionResult & { errors: readonly GraphQLError[] }): { statusCode: number; response: ExecutionResult } {
  const flat = execution.errors.flatMap((e) => {
    const nested = (e.originalError as { errors?: GraphQLError[] } | undefined)?.errors;
    return Array.isArray(nested) ? nested : [e];
  });
  const errors = flat.map(formatOne);
  const statusCode = execution.data ? 200 : (errors.some((e) => e.extensions['code'] === 'GRAPHQL_VALIDATION_FAILED') ? 400 : 200);
  return { statusCode, response: { data: execution.data ?? null, errors } };
}
