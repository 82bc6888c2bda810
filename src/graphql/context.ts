// What every resolver receives as its context (built in setup.ts from the request after
// Fastify's auth hook ran). The actor is absent on unauthenticated requests: resolvers
// read it through actorOf (src/http/actor.ts), which answers 401 then.
import type { Actor } from '../auth/actor.js';
import type { Batches } from './batch.js';

export interface GraphqlContext {
  actor?: Actor | undefined;
  requestId: string;
  /**
   * Root fields still at work (their audit writes included). graphql-js answers as soon as
   * one non-null root field fails, while siblings may still be recording their own denials
   * or reads; setup.ts's onResolution hook waits for these before the response leaves.
   */
  inFlight?: Array<Promise<unknown>>;
  /** this request's batched per-item fields (batch.ts) */
  batches: Batches;
}
