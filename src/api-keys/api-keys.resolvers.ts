// GraphQL adapter for API keys: each resolver is one call into the same service as the
// REST routes (same policy, scoping and audit).
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type {
  MutationCreateApiKeyArgs,
  MutationRevokeApiKeyArgs,
  QueryApiKeyArgs,
  QueryApiKeysArgs,
} from '../graphql/generated/schema-types.js';
import { definedOnly, pageOf, serviceInput, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import type { ServiceDeps } from '../services/scope.js';
import * as apiKeys from './api-keys.service.js';

export function apiKeysGraphql(deps: ServiceDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      apiKeys: (_: unknown, a: QueryApiKeysArgs, ctx: GraphqlContext) =>
        apiKeys.listApiKeys(deps, actorOf(ctx), pageOf(a)),
      apiKey: (_: unknown, a: QueryApiKeyArgs, ctx: GraphqlContext) => apiKeys.getApiKey(deps, actorOf(ctx), a.id),
    },
    Mutation: {
      createApiKey: (_: unknown, a: MutationCreateApiKeyArgs, ctx: GraphqlContext) =>
        apiKeys.createApiKey(deps, actorOf(ctx), serviceInput(definedOnly(a.input))),
      revokeApiKey: (_: unknown, a: MutationRevokeApiKeyArgs, ctx: GraphqlContext) =>
        apiKeys.revokeApiKey(deps, actorOf(ctx), a.id),
    },
  };
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.apiKeys': { action: 'read', subject: 'ApiKey' },
      'Query.apiKey': { action: 'read', subject: 'ApiKey' },
      'Mutation.createApiKey': { action: 'create', subject: 'ApiKey' },
      'Mutation.revokeApiKey': { action: 'revoke', subject: 'ApiKey' },
    },
  };
}
