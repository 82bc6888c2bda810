// The events a webhook endpoint can subscribe to. Their data names records by id only:
// PHI is added at delivery time, and only for an endpoint under an agreement in force
// (webhook-payload.service.ts).
export const webhookEventTypes = [
  'ticket.created',
  'ticket.updated',
  'ticket.solved',
  'ticket.sla_breached',
  'comment.added',
  'break_glass.opened',
  'access_request.due_soon',
  'access_request.overdue',
  'accounting_request.due_soon',
  'accounting_request.overdue',
  'webhook_endpoint.disabled',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

export const isWebhookEventType = (v: string): v is WebhookEventType =>
  (webhookEventTypes as readonly string[]).includes(v);

/** What an event's data may hold: ids, types, statuses and times, never a PHI value. */
export type WebhookEventData = Record<string, string | number | boolean | null>;
