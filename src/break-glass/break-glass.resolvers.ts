// GraphQL adapter for break-glass grants: each resolver is one call into the same service
// as the REST routes (same policy, sealing of notes and audit).
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type {
  MutationCloseBreakGlassArgs,
  MutationOpenBreakGlassArgs,
  MutationReviewBreakGlassArgs,
  QueryBreakGlassGrantsArgs,
} from '../graphql/generated/schema-types.js';
import { definedOnly, pageOf, serviceInput, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import * as breakGlass from './break-glass.service.js';

export function breakGlassGraphql(deps: breakGlass.BreakGlassDeps & { maxMinutes: number }): GraphqlAdapter {
  const resolvers = {
    Query: {
      breakGlassGrants: (_: unknown, a: QueryBreakGlassGrantsArgs, ctx: GraphqlContext) =>
        breakGlass.listBreakGlass(deps, actorOf(ctx), { ...pageOf(a), activeOnly: a.active ?? undefined }),
    },
    Mutation: {
      openBreakGlass: (_: unknown, a: MutationOpenBreakGlassArgs, ctx: GraphqlContext) =>
        breakGlass.openBreakGlass(deps, actorOf(ctx), a.input),
      closeBreakGlass: (_: unknown, a: MutationCloseBreakGlassArgs, ctx: GraphqlContext) =>
        breakGlass.closeBreakGlass(deps, actorOf(ctx), a.id),
      reviewBreakGlass: (_: unknown, a: MutationReviewBreakGlassArgs, ctx: GraphqlContext) =>
        breakGlass.reviewBreakGlass(deps, actorOf(ctx), a.id, serviceInput(definedOnly(a.input))),
    },
  };
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.breakGlassGrants': { action: 'read', subject: 'BreakGlass' },
      'Mutation.openBreakGlass': { action: 'open', subject: 'BreakGlass' },
      'Mutation.closeBreakGlass': { action: 'revoke', subject: 'BreakGlass' },
      'Mutation.reviewBreakGlass': { action: 'review', subject: 'BreakGlass' },
    },
  };
}
