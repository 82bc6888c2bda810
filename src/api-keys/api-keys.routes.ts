import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { DateTime, IdParams, Nullable, PageOf, PageQuery, errorResponses } from '../http/schemas.js';
import type { ServiceDeps } from '../services/scope.js';
import * as keys from './api-keys.service.js';
import { actorOf } from '../http/actor.js';

export const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  roles: Type.Array(Type.String()),
  scopes: Type.Array(Type.String()),
  allowedCidrs: Nullable(Type.Array(Type.String())),
  expiresAt: Nullable(DateTime),
  lastUsedAt: Nullable(DateTime),
  revokedAt: Nullable(DateTime),
  createdAt: DateTime,
});
const CreateApiKey = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })),
    roles: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 5 })),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
    allowedCidrs: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);
const CreatedApiKey = Type.Object({
  key: ApiKeySchema,
  secret: Type.String({ description: 'shown once; store it now' }),
});

export function apiKeysRoutes(deps: ServiceDeps) {
  return async (app: FastifyInstance): Promise<void> => {
    app.get<{ Querystring: Static<typeof PageQuery> }>(
      '/api-keys',
      {
        config: { policy: { action: 'read', subject: 'ApiKey' } },
        schema: { querystring: PageQuery, response: { 200: PageOf(ApiKeySchema), ...errorResponses } },
      },
      async (req) => keys.listApiKeys(deps, actorOf(req), req.query),
    );

    app.post<{ Body: Static<typeof CreateApiKey> }>(
      '/api-keys',
      {
        config: { policy: { action: 'create', subject: 'ApiKey' } },
        schema: { body: CreateApiKey, response: { 201: CreatedApiKey, ...errorResponses } },
      },
      async (req, reply) => {
        const { expiresAt, ...rest } = req.body;
        const created = await keys.createApiKey(deps, actorOf(req), {
          ...rest,
          expiresAt: expiresAt ? new Date(expiresAt) : undefined,
        });
        return reply.code(201).header('location', `/v1/api-keys/${created.key.id}`).send(created);
      },
    );

    app.get<{ Params: Static<typeof IdParams> }>(
      '/api-keys/:id',
      {
        config: { policy: { action: 'read', subject: 'ApiKey' } },
        schema: { params: IdParams, response: { 200: ApiKeySchema, ...errorResponses } },
      },
      async (req) => keys.getApiKey(deps, actorOf(req), req.params.id),
    );

    app.delete<{ Params: Static<typeof IdParams> }>(
      '/api-keys/:id',
      {
        config: { policy: { action: 'revoke', subject: 'ApiKey' } },
        schema: { params: IdParams, response: { 200: ApiKeySchema, ...errorResponses } },
      },
      async (req) => keys.revokeApiKey(deps, actorOf(req), req.params.id),
    );
  };
}
