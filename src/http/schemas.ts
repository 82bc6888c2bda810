// Shared TypeBox schemas for REST routes (one source of truth for validation and types).
import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';

export const Uuid = Type.String({ format: 'uuid' });
export const IdParams = Type.Object({ id: Uuid });
export const PageQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });
export const DateTime = Type.String({ format: 'date-time' });
/**
 * Nullable as a JSON-Schema type list ({ type: ['string', 'null'] }) where the schema has one
 * type: Fastify's ajv coerces scalars (query strings need it), and inside an anyOf that
 * coercion would turn a body's null into "" before the null branch is tried.
 */
export const Nullable = <T extends TSchema>(t: T): TUnsafe<Static<T> | null> => {
  const type = (t as { type?: unknown }).type;
  if (typeof type === 'string' && type !== 'object' && type !== 'array') return Type.Unsafe<Static<T> | null>({ ...t, type: [type, 'null'] });
  return Type.Unsafe<Static<T> | null>(Type.Union([Type.Null(), t]));
};

export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });
}

const problem = { $ref: 'Problem#' };
/** Error responses every authenticated route can return. */
export const errorResponses = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 429: problem };
export const problemSchema = {
  $id: 'Problem',
  type: 'object',
  properties: {
    type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, code: { type: 'string' }, detail: { type: 'string' },
    instance: { type: 'string' }, requestId: { type: 'string' },
    errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
  },
};
