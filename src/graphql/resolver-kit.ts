// Shared by the feature folders' resolvers (<area>/<area>.resolvers.ts): the shape of a
// GraphQL adapter and the few conversions from SDL arguments (src/graphql/generated/
// schema-types.ts, where an absent optional argument is undefined and an explicit one
// may be null) to service inputs.
import type { IResolvers } from 'mercurius';
import { AppError } from '../errors.js';
import type { PageRequest } from '../services/pagination.js';
import type { FieldPolicies } from './gate.js';

/** One area's resolvers with the policy each root field declares. */
export interface GraphqlAdapter {
  resolvers: IResolvers;
  policies: FieldPolicies;
}

/** A list field's page arguments: Relay's first/after, and the deprecated limit/cursor they replace. */
export interface PageArgs {
  first?: number | null | undefined;
  after?: string | null | undefined;
  limit?: number | null | undefined;
  cursor?: string | null | undefined;
}

/** The page arguments as a service page request (null means absent; old and new names may not both be given). */
export function pageOf(a: PageArgs): PageRequest {
  const both = (now: 'first' | 'after', old: 'limit' | 'cursor') => {
    if (a[now] != null && a[old] != null)
      throw new AppError('VALIDATION_FAILED', `Give ${now} or ${old} (deprecated), not both.`, [
        { parameter: old, detail: `deprecated: use ${now} alone` },
      ]);
  };
  both('first', 'limit');
  both('after', 'cursor');
  return { limit: a.first ?? a.limit ?? undefined, cursor: a.after ?? a.cursor ?? undefined };
}

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
