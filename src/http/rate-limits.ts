// Rate limits, as root onRequest hooks ahead of authentication (so that credential guessing
// is throttled too; a route-level limiter would only run after auth):
// - per caller: each credential presented (an API key, a token) has its own budget of
//   RATE_LIMIT_MAX a window, so one integration's burst never throttles another key or a
//   user behind the same address; a request without one counts against its address;
// - per address: RATE_LIMIT_ADDRESS_MAX a window whatever it sends, a ceiling for floods and
//   for rotating made-up credentials to dodge the first.
// Counted in Redis when REDIS_URL is set, so every instance shares them (failing open if
// Redis is away: a limit is there for availability); else in this process. Answers carry
// the IETF RateLimit headers (ratelimit-limit, -remaining, -reset), exposed to browsers.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { Redis } from 'ioredis';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';

// Health probes from orchestrators must never be throttled into a restart loop.
const isProbe = (req: FastifyRequest) => req.url === '/healthz' || req.url === '/readyz';

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** The caller's bucket: a digest of the credential it presents (never the credential), else its address. */
export function callerKey(req: FastifyRequest): string {
  const credential = header(req, 'x-api-key') ?? header(req, 'authorization');
  return credential
    ? `caller:${createHash('sha256').update(credential).digest('base64url').slice(0, 32)}`
    : `address:${req.ip}`;
}

export async function registerRateLimits(app: FastifyInstance, config: Config): Promise<void> {
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: false })
    : undefined;
  if (redis) {
    // an outage is logged without the URL (it may hold a password); ioredis reconnects
    redis.on('error', (e: Error) => app.log.warn({ err: { message: e.message } }, 'rate-limit store error'));
    app.addHook('onClose', async () => {
      await redis.quit().catch(() => undefined);
    });
  }
  await app.register(rateLimit, {
    global: false,
    enableDraftSpec: true,
    ...(redis ? { redis, nameSpace: 'phidesk-rate-limit:', skipOnError: true } : {}),
  });
  const { windowMs: timeWindow } = config.rateLimit;
  const perAddress = app.createRateLimit({
    max: config.rateLimit.addressMax,
    timeWindow,
    keyGenerator: (req) => `address-ceiling:${req.ip}`,
    allowList: isProbe,
  });
  app.addHook('onRequest', async (req, reply) => {
    const r = await perAddress(req);
    if (!r.isAllowed && r.isExceeded) {
      reply.header('retry-after', r.ttlInSeconds);
      throw new AppError('RATE_LIMITED', 'Too many requests from this address; retry after the time in Retry-After.');
    }
  });
  app.addHook(
    'onRequest',
    app.rateLimit({ max: config.rateLimit.max, timeWindow, keyGenerator: callerKey, allowList: isProbe }),
  );
}
