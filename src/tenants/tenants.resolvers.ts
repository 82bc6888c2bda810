// GraphQL adapter for the caller's tenant and its trusted issuers: each resolver is one
// call into the same service as the REST routes (same policy, URL rules and audit).
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type {
  MutationAddTrustedIssuerArgs,
  MutationRemoveTrustedIssuerArgs,
  MutationUpdateTrustedIssuerArgs,
  MutationUpdateTenantArgs,
} from '../graphql/generated/schema-types.js';
import { definedOnly, serviceInput, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import type { ServiceDeps } from '../services/scope.js';
import * as tenants from './tenants.service.js';

export function tenantsGraphql(deps: ServiceDeps & tenants.IssuerUrlRules): GraphqlAdapter {
  const resolvers = {
    Query: {
      tenant: (_: unknown, __: unknown, ctx: GraphqlContext) => tenants.getCurrentTenant(deps, actorOf(ctx)),
      trustedIssuers: (_: unknown, __: unknown, ctx: GraphqlContext) => tenants.listIssuers(deps, actorOf(ctx)),
    },
    Mutation: {
      updateTenant: (_: unknown, a: MutationUpdateTenantArgs, ctx: GraphqlContext) =>
        tenants.updateCurrentTenant(deps, actorOf(ctx), serviceInput(definedOnly(a.input))),
      addTrustedIssuer: (_: unknown, a: MutationAddTrustedIssuerArgs, ctx: GraphqlContext) =>
        tenants.addIssuer(deps, actorOf(ctx), serviceInput(definedOnly(a.input))),
      updateTrustedIssuer: (_: unknown, a: MutationUpdateTrustedIssuerArgs, ctx: GraphqlContext) =>
        tenants.updateIssuer(deps, actorOf(ctx), a.id, serviceInput(definedOnly(a.input))),
      removeTrustedIssuer: async (_: unknown, a: MutationRemoveTrustedIssuerArgs, ctx: GraphqlContext) => {
        await tenants.removeIssuer(deps, actorOf(ctx), a.id);
        return true;
      },
    },
  };
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.tenant': { action: 'read', subject: 'Tenant' },
      'Query.trustedIssuers': { action: 'read', subject: 'Tenant' },
      'Mutation.updateTenant': { action: 'update', subject: 'Tenant' },
      'Mutation.addTrustedIssuer': { action: 'update', subject: 'Tenant' },
      'Mutation.updateTrustedIssuer': { action: 'update', subject: 'Tenant' },
      'Mutation.removeTrustedIssuer': { action: 'update', subject: 'Tenant' },
    },
  };
}
