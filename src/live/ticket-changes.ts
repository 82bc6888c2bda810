// Ticket and comment changes as GraphQL subscribers receive them. They name records by id
// and say what happened, nothing more: they cross Redis in clear, and what a subscriber
// may see of the record is decided when it is delivered (live.service.ts), not here.
import type { WebhookEventData, WebhookEventType } from '../webhooks/webhook-events.js';

export const ticketChangeTypes = [
  'ticket.created',
  'ticket.updated',
  'ticket.solved',
  'ticket.sla_breached',
  'comment.added',
] as const;
export type TicketChangeType = (typeof ticketChangeTypes)[number];

export interface TicketChange {
  type: TicketChangeType;
  ticketId: string;
  commentId?: string | null | undefined;
  /** ISO 8601, when the change committed (as near as this process can tell) */
  occurredAt: string;
}

/** Hands committed changes to the subscribers of the tenant, on this instance or all of them. */
export interface ChangePublisher {
  publish(tenantId: string, change: TicketChange): void;
}

/** One topic per tenant: a subscriber never even receives another tenant's ids. */
export const tenantTopic = (tenantId: string): string => `phidesk/tenants/${tenantId}/ticket-changes`;

const isTicketChangeType = (t: string): t is TicketChangeType => (ticketChangeTypes as readonly string[]).includes(t);

/** The subscriber's view of an announced change; undefined for announcements about no ticket. */
export function ticketChangeOf(type: WebhookEventType, data: WebhookEventData): TicketChange | undefined {
  if (!isTicketChangeType(type) || typeof data['ticketId'] !== 'string') return undefined;
  const commentId = typeof data['commentId'] === 'string' ? data['commentId'] : null;
  return { type, ticketId: data['ticketId'], commentId, occurredAt: new Date().toISOString() };
}
