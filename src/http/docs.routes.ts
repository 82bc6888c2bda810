// The REST contract: openapi.yaml served as written, and interactive docs at /docs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { parse } from 'yaml';

export const openapiPath = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));

export async function docsRoutes(app: FastifyInstance): Promise<void> {
  const text = readFileSync(openapiPath, 'utf8');
  const document = parse(text) as Record<string, unknown>;
  app.get('/openapi.yaml', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
    reply
      .header('content-type', 'application/yaml; charset=utf-8')
      .header('cache-control', 'public, max-age=300')
      .send(text),
  );
  // The documentation UI's own routes (assets, JSON) are public: this plugin scope marks them so.
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), public: true };
  });
  await app.register(swagger, { mode: 'static', specification: { document: document as never } });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    uiConfig: { url: '/openapi.yaml' } as never,
    uiHooks: {},
  });
}
