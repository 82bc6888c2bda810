// GraphQL adapter for the tenant's minimum-necessary lists: one call each into the same
// service as the REST routes, which checks the input (pointers under /allowlists, as REST).
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type { MutationSetMinimumNecessaryArgs } from '../graphql/generated/schema-types.js';
import type { GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import type { ServiceDeps } from '../services/scope.js';
import * as minimumNecessary from './minimum-necessary.service.js';

export function minimumNecessaryGraphql(deps: ServiceDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      minimumNecessary: (_: unknown, _a: unknown, ctx: GraphqlContext) =>
        minimumNecessary.getMinimumNecessary(deps, actorOf(ctx)),
    },
    Mutation: {
      setMinimumNecessary: (_: unknown, a: MutationSetMinimumNecessaryArgs, ctx: GraphqlContext) =>
        minimumNecessary.putMinimumNecessary(deps, actorOf(ctx), { allowlists: a.input.allowlists }),
    },
  };
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.minimumNecessary': { action: 'read', subject: 'MinimumNecessary' },
      'Mutation.setMinimumNecessary': { action: 'update', subject: 'MinimumNecessary' },
    },
  };
}
