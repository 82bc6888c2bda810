// How a use case announces a change, from inside its tenant transaction: to webhook
// endpoints through the outbox (written with the COMMIT, so the event exists if and only
// if the change committed), and to GraphQL subscribers once the transaction has committed.
import { ticketChangeOf } from '../live/ticket-changes.js';
import { enqueueWithCommit } from '../webhooks/outbox.repository.js';
import type { WebhookEventData, WebhookEventType } from '../webhooks/webhook-events.js';
import type { Scope } from './scope.js';

export async function announceChange(s: Scope, type: WebhookEventType, data: WebhookEventData): Promise<void> {
  await enqueueWithCommit(s.tx, s.actor.tenantId, type, data);
  const change = ticketChangeOf(type, data);
  if (change) s.publishAfterCommit(change);
}
