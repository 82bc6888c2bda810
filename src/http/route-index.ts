// Remembers every registered route so the not-found handler can tell "no such path"
// (404) from "path exists, wrong method" (405 with Allow), and so the gating test can
// enumerate routes. Uses find-my-way, Fastify's own router, for identical matching.
import Router from 'find-my-way';
import type { FastifyInstance, RouteOptions } from 'fastify';

export interface RouteRecord {
  method: string;
  url: string;
  public: boolean;
  /** the declared policy (see src/http/gate.ts), if any */
  policy: unknown;
}

export interface RouteIndex {
  readonly routes: RouteRecord[];
  methodsFor(path: string): string[];
}

export function createRouteIndex(app: FastifyInstance): RouteIndex {
  const routes: RouteRecord[] = [];
  const router = Router();
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Read lazily: a plugin's own onRoute hook may mark its routes public after this one ran.
      routes.push({
        method,
        url: route.url,
        get public() {
          return route.config?.public === true;
        },
        get policy() {
          return (route.config as { policy?: unknown } | undefined)?.policy;
        },
      });
      // HEAD mirrors GET; OPTIONS is the CORS preflight catch-all on every path.
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      try {
        router.on(method as Router.HTTPMethod, route.url, () => undefined);
      } catch {
        // duplicate shapes (e.g. a wildcard registered twice by a plugin) are harmless here
      }
    }
  });
  return {
    routes,
    methodsFor(path: string) {
      const found = new Set<string>();
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
        if (router.find(method, path)) found.add(method);
      }
      if (found.has('GET')) found.add('HEAD');
      return [...found];
    },
  };
}
