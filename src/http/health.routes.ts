// Liveness and readiness, for orchestrators. Public by declaration, never by URL prefix.
import type { FastifyInstance } from 'fastify';

export interface ReadinessCheck {
  /** Resolves to undefined when ready, or a short reason (no PHI, no secrets) when not. */
  (): Promise<string | undefined>;
}

export async function healthRoutes(app: FastifyInstance, opts: { readiness: ReadinessCheck }): Promise<void> {
  const statusSchema = {
    200: { type: 'object', properties: { status: { type: 'string' } }, required: ['status'] },
    503: {
      type: 'object',
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer' },
        code: { type: 'string' },
        detail: { type: 'string' },
        requestId: { type: 'string' },
      },
    },
  };
  app.get('/healthz', { config: { public: true }, schema: { response: statusSchema } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { response: statusSchema } }, async (_request, reply) => {
    const reason = await opts.readiness().catch(() => 'readiness check failed');
    if (reason) {
      return reply.code(503).header('content-type', 'application/problem+json; charset=utf-8').send({
        type: 'https://phidesk.dev/problems/not-ready',
        title: 'Service Unavailable',
        status: 503,
        code: 'NOT_READY',
        detail: reason,
        requestId: reply.request.id,
      });
    }
    return { status: 'ready' };
  });
}
