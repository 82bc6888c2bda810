// GraphQL adapter for webhook endpoints: each resolver is one call into the same service
// as the REST routes (same policy, URL guard, sealing of secrets and audit).
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type {
  MutationCreateWebhookEndpointArgs,
  MutationDeleteWebhookEndpointArgs,
  MutationReplayWebhookDeliveryArgs,
  MutationRotateWebhookSecretArgs,
  MutationUpdateWebhookEndpointArgs,
  QueryWebhookAttemptsArgs,
  QueryWebhookEndpointArgs,
  QueryWebhookEndpointsArgs,
} from '../graphql/generated/schema-types.js';
import { definedOnly, pageOf, serviceInput, type GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import * as webhooks from './webhooks.service.js';

type Ctx = GraphqlContext;

export function webhooksGraphql(deps: webhooks.WebhooksDeps): GraphqlAdapter {
  const resolvers = {
    Query: {
      webhookEndpoints: (_: unknown, a: QueryWebhookEndpointsArgs, ctx: Ctx) =>
        webhooks.listEndpoints(deps, actorOf(ctx), pageOf(a)),
      webhookEndpoint: (_: unknown, a: QueryWebhookEndpointArgs, ctx: Ctx) =>
        webhooks.getEndpoint(deps, actorOf(ctx), a.id),
      webhookAttempts: (_: unknown, a: QueryWebhookAttemptsArgs, ctx: Ctx) =>
        webhooks.listAttempts(deps, actorOf(ctx), a.endpointId, pageOf(a)),
    },
    Mutation: {
      createWebhookEndpoint: (_: unknown, a: MutationCreateWebhookEndpointArgs, ctx: Ctx) =>
        webhooks.createEndpoint(deps, actorOf(ctx), serviceInput(definedOnly(a.input))),
      updateWebhookEndpoint: (_: unknown, a: MutationUpdateWebhookEndpointArgs, ctx: Ctx) =>
        webhooks.updateEndpoint(deps, actorOf(ctx), a.id, serviceInput(definedOnly(a.input))),
      deleteWebhookEndpoint: async (_: unknown, a: MutationDeleteWebhookEndpointArgs, ctx: Ctx) => {
        await webhooks.deleteEndpoint(deps, actorOf(ctx), a.id);
        return true;
      },
      rotateWebhookSecret: (_: unknown, a: MutationRotateWebhookSecretArgs, ctx: Ctx) =>
        webhooks.rotateSecret(deps, actorOf(ctx), a.id, a.overlapMinutes ?? undefined),
      replayWebhookDelivery: async (_: unknown, a: MutationReplayWebhookDeliveryArgs, ctx: Ctx) => {
        await webhooks.replayDelivery(deps, actorOf(ctx), a.endpointId, a.deliveryId);
        return true;
      },
    },
  };
  const gate = (action: 'read' | 'create' | 'update' | 'delete') => ({ action, subject: 'WebhookEndpoint' }) as const;
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: {
      'Query.webhookEndpoints': gate('read'),
      'Query.webhookEndpoint': gate('read'),
      'Query.webhookAttempts': gate('read'),
      'Mutation.createWebhookEndpoint': gate('create'),
      'Mutation.updateWebhookEndpoint': gate('update'),
      'Mutation.deleteWebhookEndpoint': gate('delete'),
      'Mutation.rotateWebhookSecret': gate('update'),
      'Mutation.replayWebhookDelivery': gate('update'),
    },
  };
}
