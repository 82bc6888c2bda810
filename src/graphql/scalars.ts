// Scalars shared by every area. DateTime is ISO 8601 in and out; JSON is passed through.
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (v) => (v instanceof Date ? v.toISOString() : String(v)),
  parseValue: (v) => parseDate(v),
  parseLiteral: (ast) => (ast.kind === Kind.STRING ? parseDate(ast.value) : invalid()),
});

function parseDate(v: unknown): Date {
  const d = typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v) ? new Date(v) : new Date(NaN);
  return Number.isNaN(d.getTime()) ? invalid() : d;
}

function invalid(): never {
  throw new GraphQLError('DateTime must be an ISO 8601 timestamp.', { extensions: { code: 'VALIDATION_FAILED' } });
}

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (v) => v,
  parseValue: (v) => v,
});
