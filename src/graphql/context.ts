// What every resolver receives as its context (built in setup.ts from the request after
// Fastify's auth hook ran). The actor is absent on unauthenticated requests: resolvers
// read it through actorOf (src/http/actor.ts), which answers 401 then.
import type { Actor } from '../auth/actor.js';

export interface GraphqlContext {
  actor?: Actor | undefined;
  requestId: string;
}
