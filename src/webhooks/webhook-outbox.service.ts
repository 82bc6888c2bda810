// How a use case announces a change to webhook endpoints: called inside its tenant
// transaction, so the event exists if and only if the change committed.
import type { Scope } from '../services/scope.js';
import { enqueueWithCommit } from './outbox.repository.js';
import type { WebhookEventData, WebhookEventType } from './webhook-events.js';

export async function emitWebhookEvent(s: Scope, type: WebhookEventType, data: WebhookEventData): Promise<void> {
  await enqueueWithCommit(s.tx, s.actor.tenantId, type, data);
}
