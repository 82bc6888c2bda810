// Deny by default: every route needs an authenticated actor unless it was declared
// public (route config `public: true`), never by URL prefix. Credentials, when present,
// are always checked, even on public routes, so a bad token is never silently ignored.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { Actor } from '../auth/actor.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without credentials. Keep this list short; a test enumerates it. */
    public?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
  }
}

/** Resolves a request's credentials to an actor; undefined when it carries none. Throws AppError(401) on bad ones. */
export type Authenticator = (request: FastifyRequest) => Promise<Actor | undefined>;

const readOnlyMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * `changesSettled`, when given, is awaited before the response to any other method leaves:
 * a write that revoked a key or changed a role has then reached this process's own
 * authentication cache, so the caller's next request sees it (other processes within 1 s).
 */
export function registerAuthentication(
  app: FastifyInstance,
  authenticate: Authenticator,
  changesSettled?: () => Promise<void>,
): void {
  app.decorateRequest('actor', undefined);
  if (changesSettled)
    app.addHook('onSend', async (request, _reply, payload) => {
      if (!readOnlyMethods.has(request.method)) await changesSettled();
      return payload;
    });
  app.addHook('onRequest', async (request) => {
    request.actor = await authenticate(request);
    // A browser's CORS preflight never carries credentials: @fastify/cors answers it (with
    // the CORS headers when the origin is allowed, without them, a refusal, when not).
    const preflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
    if (!request.actor && !preflight && request.routeOptions.config?.public !== true && request.is404 !== true) {
      throw new AppError('UNAUTHENTICATED', 'Authentication is required: send a bearer token or an API key.');
    }
  });
}
