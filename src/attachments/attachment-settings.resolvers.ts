// GraphQL adapter for the tenant's attachment limits: one call each into the same service
// as the REST routes, which checks the input (the SDL's Float and String are wider).
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type { MutationUpdateAttachmentSettingsArgs } from '../graphql/generated/schema-types.js';
import type { GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import type { ServiceDeps } from '../services/scope.js';
import * as settings from './attachment-settings.service.js';

export function attachmentSettingsGraphql(deps: ServiceDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      attachmentSettings: (_: unknown, _a: unknown, ctx: GraphqlContext) =>
        settings.getAttachmentSettings(deps, actorOf(ctx)),
    },
    Mutation: {
      updateAttachmentSettings: (_: unknown, a: MutationUpdateAttachmentSettingsArgs, ctx: GraphqlContext) =>
        settings.putAttachmentSettings(deps, actorOf(ctx), {
          maxBytes: a.input.maxBytes,
          allowedTypes: a.input.allowedTypes,
        }),
    },
  };
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.attachmentSettings': { action: 'read', subject: 'Tenant' },
      'Mutation.updateAttachmentSettings': { action: 'update', subject: 'Tenant' },
    },
  };
}
