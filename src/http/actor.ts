// The authenticated actor of a request (REST) or of a GraphQL context. The auth hook and
// the route/field gates already refuse unauthenticated callers before a handler runs; this
// makes that assumption checked rather than asserted: absent an actor, a 401 as the
// authentication layer answers it, never a handler running without one.
import type { Actor } from '../auth/actor.js';
import { unauthenticated } from '../errors.js';

/** Anything that may carry the authenticated actor: a FastifyRequest or a GraphqlContext. */
export interface ActorHolder {
  readonly actor?: Actor | undefined;
}

export function actorOf(holder: ActorHolder): Actor {
  if (!holder.actor) throw unauthenticated();
  return holder.actor;
}
