// GET /v1/me: the caller as the server sees it (no PHI: ids, roles, scopes).
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../http/schemas.js';
import { actorOf } from '../http/actor.js';

export async function meRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/me',
    {
      config: { policy: 'authenticated' },
      schema: {
        response: {
          200: {
            type: 'object',
            properties: {
              tenantId: { type: 'string' },
              id: { type: 'string' },
              kind: { type: 'string' },
              roles: { type: 'array', items: { type: 'string' } },
              groupIds: { type: 'array', items: { type: 'string' } },
              scopes: { type: 'array', items: { type: 'string' } },
              mfa: { type: 'boolean' },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request) => actorOf(request),
  );
}
