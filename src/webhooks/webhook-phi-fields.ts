// Minimum necessary (45 CFR 164.502(b)) for webhook endpoints, the one export that carries
// PHI to a third party: each endpoint lists the PHI fields its deliveries may carry under an
// agreement in force. Only listed fields are opened, sent, recorded in the accounting of
// disclosures and named in the audit trail; an empty list sends no PHI at all. The default
// (both) is what endpoints carried before the list existed (migration 0032).
import { AppError, type ErrorDetail } from '../errors.js';

export const webhookPhiFields = ['subject', 'commentBody'] as const;
export type WebhookPhiField = (typeof webhookPhiFields)[number];
export const defaultWebhookPhiFields: readonly WebhookPhiField[] = webhookPhiFields;

/** Each field's name in the audit trail and the accounting (as other PHI reads name them). */
export const auditNameOf: Record<WebhookPhiField, string> = {
  subject: 'ticket.subject',
  commentBody: 'comment.body',
};

export const isWebhookPhiField = (v: unknown): v is WebhookPhiField =>
  typeof v === 'string' && (webhookPhiFields as readonly string[]).includes(v);

/** The list, deduplicated in a stable order; 422 naming each unknown entry and the allowed values. */
export function checkedPhiFields(list: unknown): WebhookPhiField[] {
  if (!Array.isArray(list))
    throw new AppError('UNPROCESSABLE', 'phiFields must be a list.', [
      { pointer: '/phiFields', detail: 'must be a list of PHI fields (empty: none)', allowed: webhookPhiFields },
    ]);
  const problems: ErrorDetail[] = [];
  list.forEach((v, i) => {
    if (!isWebhookPhiField(v))
      problems.push({ pointer: `/phiFields/${i}`, detail: 'must be one of the PHI fields', allowed: webhookPhiFields });
  });
  if (problems.length > 0)
    throw new AppError('UNPROCESSABLE', 'phiFields must name PHI fields a webhook can carry.', problems);
  return webhookPhiFields.filter((f) => (list as unknown[]).includes(f));
}
