// GraphQL adapter for live updates: Subscription.ticketEvents. Subscribing is gated like a
// query (read Ticket); each change is then filtered for this subscriber at delivery
// (live.service.ts), and its `ticket` is read through the tickets service (audited).
import type { IResolvers } from 'mercurius';
import type { GraphqlContext } from '../graphql/context.js';
import type { SubscriptionTicketEventsArgs } from '../graphql/generated/schema-types.js';
import type { SubscriptionDelivery } from '../graphql/subscriptions.js';
import type { GraphqlAdapter } from '../graphql/resolver-kit.js';
import { actorOf } from '../http/actor.js';
import type { LiveConnection } from './live-connection.js';
import { checkTicketId } from '../tickets/ticket-access.service.js';
import { getTicket, type TicketsDeps } from '../tickets/tickets.service.js';
import { mayReceiveChange } from './live.service.js';
import { tenantTopic, type TicketChange } from './ticket-changes.js';

interface LiveContext extends GraphqlContext {
  live: LiveConnection;
  delivery: SubscriptionDelivery;
  pubsub: { subscribe(topic: string): Promise<AsyncIterable<TicketChange>> };
}

export function liveGraphql(deps: TicketsDeps): GraphqlAdapter {
  const receives = async (change: TicketChange, args: SubscriptionTicketEventsArgs, ctx: LiveContext) => {
    const actor = ctx.live.currentActor();
    if (!actor || (args.ticketId && args.ticketId !== change.ticketId)) return false;
    return mayReceiveChange(deps, actor, change);
  };
  const resolvers = {
    Subscription: {
      ticketEvents: {
        // checked and subscribed at once (not on the first event), so a bad argument is
        // answered when the subscription starts
        subscribe: async (_: unknown, args: SubscriptionTicketEventsArgs, ctx: LiveContext) => {
          if (args.ticketId) checkTicketId(args.ticketId);
          const changes = await ctx.pubsub.subscribe(tenantTopic(actorOf(ctx).tenantId));
          return onlyReceived(changes, (change) => receives(change, args, ctx));
        },
        resolve: (change: TicketChange, _: unknown, ctx: LiveContext) => {
          ctx.delivery.begin(ctx);
          return change;
        },
      },
    },
    TicketEvent: {
      ticket: (change: TicketChange, _: unknown, ctx: GraphqlContext) => getTicket(deps, actorOf(ctx), change.ticketId),
    },
  };
  return {
    resolvers: resolvers as unknown as IResolvers,
    policies: { 'Subscription.ticketEvents': { action: 'read', subject: 'Ticket' } },
  };
}

/** The changes `receives` lets through, in order; a failed check withholds its change. */
async function* onlyReceived(
  changes: AsyncIterable<TicketChange>,
  receives: (change: TicketChange) => Promise<boolean>,
): AsyncGenerator<TicketChange> {
  for await (const change of changes) {
    if (await receives(change).catch(() => false)) yield change;
  }
}
