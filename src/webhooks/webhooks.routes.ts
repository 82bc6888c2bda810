import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime, IdParams, Nullable, PageOf, PageQuery, Uuid, errorResponses } from '../http/schemas.js';
import { actorOf } from '../http/actor.js';
import { webhookEventTypes } from './webhook-events.js';
import * as webhooks from './webhooks.service.js';

export const WebhookEndpointSchema = Type.Object({
  id: Type.String(),
  url: Type.String(),
  description: Nullable(Type.String()),
  eventTypes: Type.Array(Type.String()),
  baaId: Nullable(Type.String()),
  phiFields: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  disabledAt: Nullable(DateTime),
  disabledReason: Nullable(Type.String()),
  consecutiveFailures: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
const WithSecret = Type.Object({ endpoint: WebhookEndpointSchema, secret: Type.String() });
const EventTypes = Type.Array(Type.Union(webhookEventTypes.map((t) => Type.Literal(t))), {
  minItems: 1,
  maxItems: webhookEventTypes.length,
});
const fields = {
  url: Type.String({ minLength: 1, maxLength: 2000 }),
  description: Nullable(Type.String({ maxLength: 500 })),
  eventTypes: EventTypes,
  baaId: Nullable(Uuid),
  // any strings here: the service refuses an unknown name with 422, listing the allowed ones
  phiFields: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 }),
};
const CreateEndpoint = Type.Object(
  {
    url: fields.url,
    eventTypes: fields.eventTypes,
    description: Type.Optional(fields.description),
    baaId: Type.Optional(fields.baaId),
    phiFields: Type.Optional(fields.phiFields),
  },
  { additionalProperties: false },
);
const UpdateEndpoint = Type.Partial(Type.Object({ ...fields, enabled: Type.Boolean() }), {
  additionalProperties: false,
  minProperties: 1,
});
const Rotate = Type.Object(
  { overlapMinutes: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_080 })) },
  { additionalProperties: false },
);
const AttemptSchema = Type.Object({
  id: Type.String(),
  deliveryId: Type.String(),
  eventType: Type.String(),
  deliveryStatus: Type.String(),
  attempt: Type.Integer(),
  startedAt: DateTime,
  durationMs: Type.Integer(),
  statusCode: Nullable(Type.Integer()),
  error: Nullable(Type.String()),
  carriedPhi: Type.Boolean(),
});
const DeliveryParams = Type.Object({ id: Uuid, deliveryId: Uuid });

const path = '/webhook-endpoints';
const policy = (action: 'read' | 'create' | 'update' | 'delete') => ({
  policy: { action, subject: 'WebhookEndpoint' as const },
});

export function webhooksRoutes(deps: webhooks.WebhooksDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: Static<typeof PageQuery> }>(
      path,
      {
        config: policy('read'),
        schema: { querystring: PageQuery, response: { 200: PageOf(WebhookEndpointSchema), ...errorResponses } },
      },
      async (req) => webhooks.listEndpoints(deps, actorOf(req), req.query),
    );
    app.post<{ Body: Static<typeof CreateEndpoint> }>(
      path,
      {
        config: policy('create'),
        schema: { body: CreateEndpoint, response: { 201: WithSecret, 422: { $ref: 'Problem#' }, ...errorResponses } },
      },
      async (req, reply) => {
        const created = await webhooks.createEndpoint(deps, actorOf(req), req.body);
        return reply.code(201).header('location', `/v1${path}/${created.endpoint.id}`).send(created);
      },
    );
    app.get<{ Params: Static<typeof IdParams> }>(
      `${path}/:id`,
      {
        config: policy('read'),
        schema: { params: IdParams, response: { 200: WebhookEndpointSchema, ...errorResponses } },
      },
      async (req) => webhooks.getEndpoint(deps, actorOf(req), req.params.id),
    );
    app.patch<{ Params: Static<typeof IdParams>; Body: Static<typeof UpdateEndpoint> }>(
      `${path}/:id`,
      {
        config: policy('update'),
        schema: {
          params: IdParams,
          body: UpdateEndpoint,
          response: { 200: WebhookEndpointSchema, 422: { $ref: 'Problem#' }, ...errorResponses },
        },
      },
      async (req) => webhooks.updateEndpoint(deps, actorOf(req), req.params.id, req.body),
    );
    app.delete<{ Params: Static<typeof IdParams> }>(
      `${path}/:id`,
      { config: policy('delete'), schema: { params: IdParams, response: { 204: Type.Null(), ...errorResponses } } },
      async (req, reply) => {
        await webhooks.deleteEndpoint(deps, actorOf(req), req.params.id);
        return reply.code(204).send();
      },
    );
    app.post<{ Params: Static<typeof IdParams>; Body: Static<typeof Rotate> }>(
      `${path}/:id/rotate-secret`,
      {
        config: policy('update'),
        schema: { params: IdParams, body: Rotate, response: { 200: WithSecret, ...errorResponses } },
      },
      async (req) => webhooks.rotateSecret(deps, actorOf(req), req.params.id, req.body.overlapMinutes),
    );
    app.get<{ Params: Static<typeof IdParams>; Querystring: Static<typeof PageQuery> }>(
      `${path}/:id/attempts`,
      {
        config: policy('read'),
        schema: {
          params: IdParams,
          querystring: PageQuery,
          response: { 200: PageOf(AttemptSchema), ...errorResponses },
        },
      },
      async (req) => webhooks.listAttempts(deps, actorOf(req), req.params.id, req.query),
    );
    app.post<{ Params: Static<typeof DeliveryParams> }>(
      `${path}/:id/deliveries/:deliveryId/replay`,
      {
        config: policy('update'),
        schema: { params: DeliveryParams, response: { 202: Type.Null(), ...errorResponses } },
      },
      async (req, reply) => {
        await webhooks.replayDelivery(deps, actorOf(req), req.params.id, req.params.deliveryId);
        return reply.code(202).send();
      },
    );
  };
}
