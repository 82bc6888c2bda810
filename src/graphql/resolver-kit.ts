// Shared by the feature folders' resolvers (<area>/<area>.resolvers.ts): the shape of a
// GraphQL adapter and the few conversions from SDL arguments (src/graphql/generated/
// schema-types.ts, where an absent optional argument is undefined and an explicit one
// may be null) to service inputs.
import type { IResolvers } from 'mercurius';
import type { PageRequest } from '../services/pagination.js';
import type { FieldPolicies } from './gate.js';

/** One area's resolvers with the policy each root field declares. */
export interface GraphqlAdapter {
  resolvers: IResolvers;
  policies: FieldPolicies;
}

/** `limit` and `cursor` arguments as a service page request (null means absent). */
export const pageOf = (a: { limit?: number | null | undefined; cursor?: string | null | undefined }): PageRequest => ({
  limit: a.limit ?? undefined,
  cursor: a.cursor ?? undefined,
});

/** The object without its undefined entries (explicit nulls stay: they mean "clear"). */
export const definedOnly = <T extends object>(o: T | null | undefined): T =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as T;

/**
 * An SDL input handed on to a service that checks it at run time as it checks a REST
 * body: the SDL says String where the service takes a closed set (a role, a status, an
 * outcome), and allows null where the service takes "absent". The service's own
 * validation, not this type, is what refuses a bad value.
 */
export const serviceInput = <T>(input: object): T => input as T;
