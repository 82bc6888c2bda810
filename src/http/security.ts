// Transport hardening shared by every route: helmet headers, CORS allowlist, rate limits
// (rate-limits.ts), and Cache-Control: no-store unless a route says otherwise (PHI must never
// sit in a browser or proxy cache).
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import cors from '@fastify/cors';
import type { Config } from '../config.js';
import { registerRateLimits } from './rate-limits.js';

export async function registerSecurity(app: FastifyInstance, config: Config): Promise<void> {
  // Built once: helmet works out every header value here, and then only sets them. (The
  // @fastify/helmet plugin rebuilt the whole middleware on every request.)
  const secureHeaders = helmet({
    // The docs page and GraphiQL load scripts; the JSON API itself needs no CSP exemptions.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: config.tls !== undefined || config.trustProxy !== false,
  });
  app.addHook('onRequest', (request, reply, done) =>
    secureHeaders(request.raw, reply.raw, (err) => done(err as Error | undefined)),
  );
  const allowed = new Set(config.corsOrigins);
  await app.register(cors, {
    origin: (origin, cb) => cb(null, origin !== undefined && allowed.has(origin)),
    credentials: false,
    methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
    allowedHeaders: [
      'authorization',
      'content-type',
      'idempotency-key',
      'if-match',
      'if-none-match',
      'x-request-id',
      'x-api-key',
      'x-purpose-of-use',
    ],
    // what a browser client may read: its limits (IETF RateLimit headers), a replayed create,
    // and the deprecation notice of an operation on its way out (docs/versioning.md)
    exposedHeaders: [
      'etag',
      'location',
      'deprecation',
      'sunset',
      'link',
      'x-request-id',
      'retry-after',
      'ratelimit-limit',
      'ratelimit-remaining',
      'ratelimit-reset',
      'idempotent-replayed',
    ],
    maxAge: 600,
  });
  await registerRateLimits(app, config);
  app.addHook('onSend', async (_request, reply, payload) => {
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    reply.header('x-request-id', reply.request.id);
    return payload;
  });
}
