// GraphQL twin of GET /v1/me (me.routes.ts): the caller as the server sees it.
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type { GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';

export function meGraphql(): GraphqlAdapter {
  const resolvers = {
    Query: {
      me: (_: unknown, __: unknown, ctx: GraphqlContext) => actorOf(ctx),
    },
  };
  return { resolvers: resolvers as unknown as IResolvers, policies: { 'Query.me': 'authenticated' } };
}
