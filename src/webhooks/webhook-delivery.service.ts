// One delivery attempt: the event's body (with PHI only for an endpoint whose agreement
// is in force right now, only the fields it lists, its disclosure durable in the audit
// trail first), signed with every secret currently signing, POSTed through the URL guard,
// the outcome recorded, and the retry scheduled or the endpoint disabled after too many
// failures in a row.
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Keyring } from '../crypto/keyring.js';
import { TenantCrypto } from '../crypto/tenant-crypto.js';
import type { Database } from '../db/database.js';
import type { HostLookup, OutboundUrlPolicy } from '../net/url-guard.js';
import type { AuditEventInput, AuditPort } from '../services/audit-port.js';
import { inForceAt } from '../baa/baa.service.js';
import { recordWebhookDisclosure } from '../patient-rights/disclosures.service.js';
import { screenOutgoingValues } from '../phi-detection/webhook-screen.js';
import * as repo from './dispatcher.repository.js';
import { enqueueNow } from './outbox.repository.js';
import { auditNameOf, isWebhookPhiField } from './webhook-phi-fields.js';
import { secretPlace } from './webhook-secrets.js';
import { signWebhook } from './webhook-signature.js';
import { postWebhook, type PostOutcome } from './webhook-post.js';

export interface DeliveryDeps {
  db: Kysely<Database>;
  audit: AuditPort;
  keyring: Keyring;
  urlPolicy: OutboundUrlPolicy;
  lookup?: HostLookup | undefined;
  timeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxAttempts: number;
  disableAfterFailures: number;
}

/** Who the trail names for what the dispatcher does (a system actor, like the CLI's). */
export const DISPATCHER_ACTOR_ID = '00000000-0000-0000-0000-0000000d15a7';
const dispatcherActor = (tenantId: string): Partial<Actor> => ({
  tenantId,
  id: DISPATCHER_ACTOR_ID,
  kind: 'system',
  authMethod: 'system',
});

/** Exponential backoff with jitter: half the capped delay fixed, half random, so retries spread. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  const capped = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(capped / 2 + (Math.random() * capped) / 2);
}

interface Disclosure {
  values: Record<string, string>;
  events: AuditEventInput[];
  /** the patient the PHI is about, when the ticket has one (a disclosure record for the accounting) */
  contactId: string | null;
  baaId: string;
}

/**
 * PHI for the body, or undefined: only under an agreement in force at this moment, and
 * only the fields the endpoint lists (minimum necessary): no other field is even opened.
 */
async function disclosureFor(
  deps: DeliveryDeps,
  d: repo.ClaimedDelivery,
  endpoint: { baa_id: string | null; phi_fields: readonly string[] },
  data: Record<string, unknown>,
): Promise<Disclosure | undefined> {
  const baaId = endpoint.baa_id;
  const listed = new Set(endpoint.phi_fields.filter(isWebhookPhiField));
  if (!baaId || listed.size === 0 || typeof data['ticketId'] !== 'string') return undefined;
  const agreement = await repo.loadAgreement(deps.db, d.tenant_id, baaId);
  if (!agreement || !inForceAt(agreement, new Date())) return undefined;
  const ticket = await repo.loadTicketPhi(deps.db, d.tenant_id, data['ticketId']);
  if (!ticket) return undefined;
  const crypto = await TenantCrypto.forRead(deps.keyring, d.tenant_id);
  const values: Record<string, string> = {};
  const reasonCode = `endpoint:${d.endpoint_id} baa:${baaId}`;
  const common = { action: 'webhook.disclose', outcome: 'allowed', reasonCode } as const;
  const events: AuditEventInput[] = [];
  if (listed.has('subject')) {
    values['subject'] = await crypto.open({ table: 'tickets', column: 'subject', rowId: ticket.id }, ticket.subject);
    events.push({
      ...common,
      resourceType: 'Ticket',
      resourceId: ticket.id,
      phiFields: [auditNameOf.subject],
      subjectContactId: ticket.requester_id ?? undefined,
    });
  }
  const comment = typeof data['commentId'] === 'string' ? data['commentId'] : undefined;
  const row =
    comment && listed.has('commentBody') ? await repo.loadCommentBody(deps.db, d.tenant_id, comment) : undefined;
  if (row) {
    values['commentBody'] = await crypto.open({ table: 'ticket_comments', column: 'body', rowId: row.id }, row.body);
    events.push({
      ...common,
      resourceType: 'Comment',
      resourceId: row.id,
      phiFields: [auditNameOf.commentBody],
      subjectContactId: ticket.requester_id ?? undefined,
    });
  }
  // nothing listed applies to this event (e.g. only commentBody, on ticket.created): no PHI
  if (events.length === 0) return undefined;
  return { values, events, contactId: ticket.requester_id, baaId };
}

async function attempt(
  deps: DeliveryDeps,
  d: repo.ClaimedDelivery,
): Promise<{ outcome: PostOutcome; carriedPhi: boolean } | 'undeliverable'> {
  const endpoint = await repo.loadEndpoint(deps.db, d.tenant_id, d.endpoint_id);
  const event = await repo.loadEvent(deps.db, d.tenant_id, d.event_id);
  if (!endpoint?.enabled || !event) return 'undeliverable';
  const found = await disclosureFor(deps, d, endpoint, event.payload);
  // PHI detection on the way out: the values redacted, or (block/hold) none of them sent
  const screened =
    found &&
    (await screenOutgoingValues(
      deps,
      {
        tenantId: d.tenant_id,
        ticketId: String(event.payload['ticketId']),
        contactId: found.contactId,
        actor: dispatcherActor(d.tenant_id),
      },
      found.values,
    ));
  const disclosure = found && screened ? { ...found, values: screened } : undefined;
  const data = disclosure ? { ...event.payload, phi: disclosure.values } : event.payload;
  const body = JSON.stringify({ type: event.type, timestamp: event.created_at.toISOString(), data });
  const crypto = await TenantCrypto.forRead(deps.keyring, d.tenant_id);
  const rows = await repo.signingSecrets(deps.db, d.tenant_id, d.endpoint_id);
  const secrets = await Promise.all(rows.map((r) => crypto.open(secretPlace(r.id), r.secret_sealed)));
  // No PHI leaves without its disclosure already durable: in the accounting of disclosures
  // (164.528; once per delivery and patient, retries included) and in the audit trail.
  if (disclosure?.contactId)
    await recordWebhookDisclosure(deps, {
      tenantId: d.tenant_id,
      contactId: disclosure.contactId,
      deliveryId: d.id,
      baaId: disclosure.baaId,
      endpointUrl: endpoint.url,
      eventType: event.type,
      fields: disclosure.events.flatMap((e) => e.phiFields ?? []),
    });
  if (disclosure) await deps.audit.writeDetached(d.tenant_id, dispatcherActor(d.tenant_id), disclosure.events);
  const headers = signWebhook(secrets, d.id, Math.floor(Date.now() / 1000), body);
  const outcome = await postWebhook(endpoint.url, { ...headers }, body, {
    policy: deps.urlPolicy,
    timeoutMs: deps.timeoutMs,
    lookup: deps.lookup,
  });
  return { outcome, carriedPhi: disclosure !== undefined };
}

/** After a failed attempt: retry later or give up; disable the endpoint after too many in a row. */
async function failed(deps: DeliveryDeps, d: repo.ClaimedDelivery): Promise<void> {
  const retryAt =
    d.attempts >= deps.maxAttempts
      ? null
      : new Date(Date.now() + retryDelayMs(d.attempts, deps.retryBaseMs, deps.retryMaxMs));
  const inARow = await repo.markAttemptFailed(deps.db, d, retryAt);
  if (inARow < deps.disableAfterFailures) return;
  if (!(await repo.disableEndpoint(deps.db, d.endpoint_id, `failed ${inARow} attempts in a row`))) return;
  await deps.audit.writeDetached(d.tenant_id, dispatcherActor(d.tenant_id), [
    {
      action: 'webhook_endpoint.disable',
      resourceType: 'WebhookEndpoint',
      resourceId: d.endpoint_id,
      outcome: 'allowed',
      reasonCode: 'CONSECUTIVE_FAILURES',
    },
  ]);
  // the tenant's other endpoints subscribed to it tell its admins
  await enqueueNow(deps.db, d.tenant_id, 'webhook_endpoint.disabled', { endpointId: d.endpoint_id });
}

export async function deliverOnce(deps: DeliveryDeps, d: repo.ClaimedDelivery): Promise<void> {
  const startedAt = new Date();
  let result: Awaited<ReturnType<typeof attempt>>;
  try {
    result = await attempt(deps, d);
  } catch {
    // the audit trail, a key or the database failed here: nothing was sent; try again later
    result = { outcome: { error: 'internal' }, carriedPhi: false };
  }
  if (result === 'undeliverable') return repo.markUndeliverable(deps.db, d);
  const { outcome, carriedPhi } = result;
  const status = 'status' in outcome ? outcome.status : null;
  await repo.recordAttempt(deps.db, {
    tenant_id: d.tenant_id,
    delivery_id: d.id,
    endpoint_id: d.endpoint_id,
    attempt: d.attempts,
    created_at: startedAt,
    duration_ms: Date.now() - startedAt.getTime(),
    status_code: status,
    error:
      'error' in outcome ? outcome.error : status !== null && (status < 200 || status > 299) ? 'http_status' : null,
    carried_phi: carriedPhi,
  });
  if (status !== null && status >= 200 && status < 300) return repo.markDelivered(deps.db, d);
  return failed(deps, d);
}
