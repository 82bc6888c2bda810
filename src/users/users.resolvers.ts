// GraphQL adapter for users: each resolver is one call into the same service as the REST
// routes (same policy, scoping and audit).
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type {
  MutationCreateUserArgs,
  MutationRevokeUserSessionsArgs,
  MutationUpdateUserArgs,
  QueryUserArgs,
  QueryUsersArgs,
} from '../graphql/generated/schema-types.js';
import { definedOnly, pageOf, serviceInput, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import type { ServiceDeps } from '../services/scope.js';
import * as users from './users.service.js';

export function usersGraphql(deps: ServiceDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      users: (_: unknown, a: QueryUsersArgs, ctx: GraphqlContext) => users.listUsers(deps, actorOf(ctx), pageOf(a)),
      user: (_: unknown, a: QueryUserArgs, ctx: GraphqlContext) => users.getUser(deps, actorOf(ctx), a.id),
    },
    Mutation: {
      createUser: (_: unknown, a: MutationCreateUserArgs, ctx: GraphqlContext) =>
        users.createUser(deps, actorOf(ctx), serviceInput(definedOnly(a.input))),
      updateUser: (_: unknown, a: MutationUpdateUserArgs, ctx: GraphqlContext) =>
        users.updateUser(deps, actorOf(ctx), a.id, serviceInput(definedOnly(a.input))),
      revokeUserSessions: (_: unknown, a: MutationRevokeUserSessionsArgs, ctx: GraphqlContext) =>
        users.revokeUserSessions(deps, actorOf(ctx), a.id),
    },
  };
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.users': { action: 'read', subject: 'User' },
      'Query.user': { action: 'read', subject: 'User' },
      'Mutation.createUser': { action: 'create', subject: 'User' },
      'Mutation.updateUser': { action: 'update', subject: 'User' },
      'Mutation.revokeUserSessions': { action: 'revoke', subject: 'User' },
    },
  };
}
