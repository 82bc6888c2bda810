// Liveness and readiness, for orchestrators. Public by declaration, never by URL prefix.
import type { FastifyInstance } from 'fastify';

export interface ReadinessCheck {
  /** Resolves to undefined when ready, or a short reason (no PHI, no secrets) when not. */
  (): Promise<string | undefined>;
}

/**
 * Facts shown beside a ready answer that never make it unready (a SIEM receiver being down
 * must not take the API out of rotation). Public like the probe: counts only, no tenant,
 * PHI or secret; a failure to gather them just leaves them out.
 */
export interface ReadinessDetails {
  (): Promise<Record<string, Record<string, number>>>;
}

export async function healthRoutes(
  app: FastifyInstance,
  opts: { readiness: ReadinessCheck; details?: ReadinessDetails | undefined },
): Promise<void> {
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
  const readySchema = {
    ...statusSchema,
    200: {
      type: 'object',
      properties: {
        status: { type: 'string' },
        details: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'number' } } },
      },
      required: ['status'],
    },
  };
  app.get('/healthz', { config: { public: true }, schema: { response: statusSchema } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { response: readySchema } }, async (_request, reply) => {
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
    const details = await opts.details?.().catch(() => undefined);
    return details ? { status: 'ready', details } : { status: 'ready' };
  });
}
