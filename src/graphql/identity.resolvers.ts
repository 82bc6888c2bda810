// GraphQL adapter for identity and access: each resolver is one service call, with the
// same services (and so the same policy, scoping and audit) as the REST routes.
import type { IResolvers } from 'mercurius';
import type { Actor } from '../auth/actor.js';
import * as apiKeys from '../api-keys/api-keys.service.js';
import * as breakGlass from '../break-glass/break-glass.service.js';
import * as groups from '../groups/groups.service.js';
import * as tenants from '../tenants/tenants.service.js';
import * as users from '../users/users.service.js';
import type { FieldPolicies } from './gate.js';

type Ctx = { actor: Actor };
type Args = Record<string, any>;
const page = (a: Args) => ({ limit: a['limit'] ?? undefined, cursor: a['cursor'] ?? undefined });
const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function identityGraphql(deps: breakGlass.BreakGlassDeps & { allowHttpJwks: boolean; maxMinutes: number }): { resolvers: IResolvers; policies: FieldPolicies } {
  const resolvers = {
    Query: {
      me: (_: unknown, __: Args, ctx: Ctx) => ctx.actor,
      tenant: (_: unknown, __: Args, ctx: Ctx) => tenants.getCurrentTenant(deps, ctx.actor),
      trustedIssuers: (_: unknown, __: Args, ctx: Ctx) => tenants.listIssuers(deps, ctx.actor),
      users: (_: unknown, a: Args, ctx: Ctx) => users.listUsers(deps, ctx.actor, page(a)),
      user: (_: unknown, a: Args, ctx: Ctx) => users.getUser(deps, ctx.actor, a['id']),
      groups: (_: unknown, a: Args, ctx: Ctx) => groups.listGroups(deps, ctx.actor, page(a)),
      group: (_: unknown, a: Args, ctx: Ctx) => groups.getGroup(deps, ctx.actor, a['id']),
      apiKeys: (_: unknown, a: Args, ctx: Ctx) => apiKeys.listApiKeys(deps, ctx.actor, page(a)),
      apiKey: (_: unknown, a: Args, ctx: Ctx) => apiKeys.getApiKey(deps, ctx.actor, a['id']),
      breakGlassGrants: (_: unknown, a: Args, ctx: Ctx) => breakGlass.listBreakGlass(deps, ctx.actor, { ...page(a), activeOnly: a['active'] ?? undefined }),
    },
    Mutation: {
      updateTenant: (_: unknown, a: Args, ctx: Ctx) => tenants.updateCurrentTenant(deps, ctx.actor, clean(a['input'])),
      addTrustedIssuer: (_: unknown, a: Args, ctx: Ctx) => tenants.addIssuer(deps, ctx.actor, clean(a['input'])),
      removeTrustedIssuer: async (_: unknown, a: Args, ctx: Ctx) => { await tenants.removeIssuer(deps, ctx.actor, a['id']); return true; },
      createUser: (_: unknown, a: Args, ctx: Ctx) => users.createUser(deps, ctx.actor, clean(a['input'])),
      updateUser: (_: unknown, a: Args, ctx: Ctx) => users.updateUser(deps, ctx.actor, a['id'], clean(a['input'])),
      revokeUserSessions: (_: unknown, a: Args, ctx: Ctx) => users.revokeUserSessions(deps, ctx.actor, a['id']),
      createGroup: (_: unknown, a: Args, ctx: Ctx) => groups.createGroup(deps, ctx.actor, clean(a['input'])),
      updateGroup: (_: unknown, a: Args, ctx: Ctx) => groups.updateGroup(deps, ctx.actor, a['id'], clean(a['input'])),
      deleteGroup: async (_: unknown, a: Args, ctx: Ctx) => { await groups.deleteGroup(deps, ctx.actor, a['id']); return true; },
      addGroupMember: (_: unknown, a: Args, ctx: Ctx) => groups.setMembership(deps, ctx.actor, a['groupId'], a['userId'], true),
      removeGroupMember: (_: unknown, a: Args, ctx: Ctx) => groups.setMembership(deps, ctx.actor, a['groupId'], a['userId'], false),
      createApiKey: (_: unknown, a: Args, ctx: Ctx) => apiKeys.createApiKey(deps, ctx.actor, clean(a['input'])),
      revokeApiKey: (_: unknown, a: Args, ctx: Ctx) => apiKeys.revokeApiKey(deps, ctx.actor, a['id']),
      openBreakGlass: (_: unknown, a: Args, ctx: Ctx) => breakGlass.openBreakGlass(deps, ctx.actor, a['input']),
      closeBreakGlass: (_: unknown, a: Args, ctx: Ctx) => breakGlass.closeBreakGlass(deps, ctx.actor, a['id']),
      reviewBreakGlass: (_: unknown, a: Args, ctx: Ctx) => breakGlass.reviewBreakGlass(deps, ctx.actor, a['id'], clean(a['input'])),
    },
  };
  const policies: FieldPolicies = {
    'Query.me': 'authenticated',
    'Query.tenant': { action: 'read', subject: 'Tenant' },
    'Query.trustedIssuers': { action: 'read', subject: 'Tenant' },
    'Query.users': { action: 'read', subject: 'User' },
    'Query.user': { action: 'read', subject: 'User' },
    'Query.groups': { action: 'read', subject: 'Group' },
    'Query.group': { action: 'read', subject: 'Group' },
    'Query.apiKeys': { action: 'read', subject: 'ApiKey' },
    'Query.apiKey': { action: 'read', subject: 'ApiKey' },
    'Query.breakGlassGrants': { action: 'read', subject: 'BreakGlass' },
    'Mutation.updateTenant': { action: 'update', subject: 'Tenant' },
    'Mutation.addTrustedIssuer': { action: 'update', subject: 'Tenant' },
    'Mutation.removeTrustedIssuer': { action: 'update', subject: 'Tenant' },
    'Mutation.createUser': { action: 'create', subject: 'User' },
    'Mutation.updateUser': { action: 'update', subject: 'User' },
    'Mutation.revokeUserSessions': { action: 'revoke', subject: 'User' },
    'Mutation.createGroup': { action: 'create', subject: 'Group' },
    'Mutation.updateGroup': { action: 'update', subject: 'Group' },
    'Mutation.deleteGroup': { action: 'delete', subject: 'Group' },
    'Mutation.addGroupMember': { action: 'update', subject: 'Group' },
    'Mutation.removeGroupMember': { action: 'update', subject: 'Group' },
    'Mutation.createApiKey': { action: 'create', subject: 'ApiKey' },
    'Mutation.revokeApiKey': { action: 'revoke', subject: 'ApiKey' },
    'Mutation.openBreakGlass': { action: 'open', subject: 'BreakGlass' },
    'Mutation.closeBreakGlass': { action: 'revoke', subject: 'BreakGlass' },
    'Mutation.reviewBreakGlass': { action: 'review', subject: 'BreakGlass' },
  };
  return { resolvers: resolvers as unknown as IResolvers, policies };
}
