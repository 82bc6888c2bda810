// GraphQL adapter for groups and their members: each resolver is one call into the same
// service as the REST routes (same policy, scoping and audit).
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type {
  MutationAddGroupMemberArgs,
  MutationCreateGroupArgs,
  MutationDeleteGroupArgs,
  MutationRemoveGroupMemberArgs,
  MutationUpdateGroupArgs,
  QueryGroupArgs,
  QueryGroupsArgs,
} from '../graphql/generated/schema-types.js';
import { definedOnly, pageOf, serviceInput, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import type { ServiceDeps } from '../services/scope.js';
import * as groups from './groups.service.js';

export function groupsGraphql(deps: ServiceDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      groups: (_: unknown, a: QueryGroupsArgs, ctx: GraphqlContext) => groups.listGroups(deps, actorOf(ctx), pageOf(a)),
      group: (_: unknown, a: QueryGroupArgs, ctx: GraphqlContext) => groups.getGroup(deps, actorOf(ctx), a.id),
    },
    Mutation: {
      createGroup: (_: unknown, a: MutationCreateGroupArgs, ctx: GraphqlContext) =>
        groups.createGroup(deps, actorOf(ctx), serviceInput(definedOnly(a.input))),
      updateGroup: (_: unknown, a: MutationUpdateGroupArgs, ctx: GraphqlContext) =>
        groups.updateGroup(deps, actorOf(ctx), a.id, serviceInput(definedOnly(a.input))),
      deleteGroup: async (_: unknown, a: MutationDeleteGroupArgs, ctx: GraphqlContext) => {
        await groups.deleteGroup(deps, actorOf(ctx), a.id);
        return true;
      },
      addGroupMember: (_: unknown, a: MutationAddGroupMemberArgs, ctx: GraphqlContext) =>
        groups.setMembership(deps, actorOf(ctx), a.groupId, a.userId, true),
      removeGroupMember: (_: unknown, a: MutationRemoveGroupMemberArgs, ctx: GraphqlContext) =>
        groups.setMembership(deps, actorOf(ctx), a.groupId, a.userId, false),
    },
  };
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.groups': { action: 'read', subject: 'Group' },
      'Query.group': { action: 'read', subject: 'Group' },
      'Mutation.createGroup': { action: 'create', subject: 'Group' },
      'Mutation.updateGroup': { action: 'update', subject: 'Group' },
      'Mutation.deleteGroup': { action: 'delete', subject: 'Group' },
      'Mutation.addGroupMember': { action: 'update', subject: 'Group' },
      'Mutation.removeGroupMember': { action: 'update', subject: 'Group' },
    },
  };
}
