// Webhook endpoints: tenant admins register where events go (URL, event types, optionally
// the Business Associate Agreement the recipient is under), rotate signing secrets, list
// delivery attempts and replay deliveries. Every URL passes the outbound-URL guard here
// and again at each delivery (webhook-post.ts): names can change what they resolve to.
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.js';
import type { Keyring } from '../crypto/keyring.js';
import { AppError, notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { checkOutboundUrl, UrlNotAllowedError, type HostLookup, type OutboundUrlPolicy } from '../net/url-guard.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { inTenant, readInTenant, type Scope, type ServiceDeps } from '../services/scope.js';
import { cryptoForWrite } from '../services/seal-failures.js';
import { isWebhookEventType, webhookEventTypes } from './webhook-events.js';
import { checkedPhiFields } from './webhook-phi-fields.js';
import { newWebhookSecret } from './webhook-signature.js';
import { secretPlace } from './webhook-secrets.js';
import * as repo from './webhooks.repository.js';

export type WebhooksDeps = ServiceDeps & {
  keyring: Keyring;
  urlPolicy: OutboundUrlPolicy;
  /** name resolution for the URL guard; dns.lookup by default (tests inject their own) */
  lookup?: HostLookup | undefined;
};

export interface WebhookEndpointView {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  baaId: string | null;
  /** the PHI fields deliveries may carry under the agreement (minimum necessary) */
  phiFields: string[];
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  consecutiveFailures: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface EndpointInput {
  url: string;
  description?: string | null | undefined;
  eventTypes: string[];
  baaId?: string | null | undefined;
  /** omitted on create: both fields (what endpoints carried before the list existed) */
  phiFields?: readonly string[] | null | undefined;
  enabled?: boolean | undefined;
}

const present = (r: repo.EndpointRow): WebhookEndpointView => ({
  id: r.id,
  url: r.url,
  description: r.description,
  eventTypes: r.event_types,
  baaId: r.baa_id,
  phiFields: r.phi_fields,
  enabled: r.enabled,
  disabledAt: r.disabled_at,
  disabledReason: r.disabled_reason,
  consecutiveFailures: r.consecutive_failures,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const allowed = (action: Parameters<Scope['record']>[0]['action'], id: string) =>
  ({ action, resourceType: 'WebhookEndpoint', resourceId: id, outcome: 'allowed' }) as const;

/** The guard's verdict before any transaction opens (it may resolve names); a refusal is audited. */
async function assertUrlAllowed(deps: WebhooksDeps, actor: Actor, url: string, id?: string): Promise<void> {
  try {
    await checkOutboundUrl(url, deps.urlPolicy, deps.lookup);
  } catch (e) {
    if (!(e instanceof UrlNotAllowedError)) throw e;
    const action = id ? 'webhook_endpoint.update' : 'webhook_endpoint.create';
    await deps.audit.writeDetached(actor.tenantId, actor, [
      { action, resourceType: 'WebhookEndpoint', resourceId: id, outcome: 'denied', reasonCode: `URL_${e.reason}` },
    ]);
    throw new AppError('UNPROCESSABLE', e.message, [{ pointer: '/url', detail: e.reason }]);
  }
}

function assertEventTypes(types: readonly string[]): void {
  if (types.length === 0 || !types.every(isWebhookEventType))
    throw new AppError('VALIDATION_FAILED', 'eventTypes must name known event types.', [
      { pointer: '/eventTypes', detail: `one or more of ${webhookEventTypes.join(', ')}` },
    ]);
}

async function assertAgreement(s: Scope, baaId: string | null | undefined): Promise<void> {
  if (baaId && !(isUuid(baaId) && (await repo.agreementExists(s.tx, baaId))))
    throw new AppError('UNPROCESSABLE', 'The agreement does not exist.', [
      { pointer: '/baaId', detail: 'no such agreement in this tenant' },
    ]);
}

async function visibleEndpoint(s: Scope, id: string): Promise<repo.EndpointRow> {
  s.assertCan('read', 'WebhookEndpoint');
  const row = isUuid(id) ? await repo.getEndpoint(s.tx, id) : undefined;
  if (!row) throw notFound('webhook endpoint');
  return row;
}

/** A new signing secret, sealed; the plaintext is returned once, to the caller. */
async function addSecret(deps: WebhooksDeps, s: Scope, endpointId: string): Promise<string> {
  const crypto = await cryptoForWrite(deps, s.actor);
  const secret = newWebhookSecret();
  const id = randomUUID();
  await repo.insertSecret(s.tx, {
    id,
    tenant_id: s.actor.tenantId,
    endpoint_id: endpointId,
    secret_sealed: crypto.seal(secretPlace(id), secret),
    key_version: crypto.activeVersion,
  });
  return secret;
}

export async function listEndpoints(
  deps: WebhooksDeps,
  actor: Actor,
  page: PageRequest,
): Promise<Page<WebhookEndpointView>> {
  return readInTenant(deps, actor, async (s) => {
    s.assertCan('read', 'WebhookEndpoint');
    const result = await paginate(repo.selectEndpoints(s.tx), 'webhook_endpoints', page);
    for (const r of result.items) s.record(allowed('webhook_endpoint.read', r.id));
    return { items: result.items.map(present), nextCursor: result.nextCursor };
  });
}

export async function getEndpoint(deps: WebhooksDeps, actor: Actor, id: string): Promise<WebhookEndpointView> {
  return readInTenant(deps, actor, async (s) => {
    const row = await visibleEndpoint(s, id);
    s.record(allowed('webhook_endpoint.read', id));
    return present(row);
  });
}

export async function createEndpoint(
  deps: WebhooksDeps,
  actor: Actor,
  input: EndpointInput,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  assertEventTypes(input.eventTypes);
  const phiFields = input.phiFields === undefined ? undefined : checkedPhiFields(input.phiFields);
  await assertUrlAllowed(deps, actor, input.url);
  return inTenant(deps, actor, async (s) => {
    s.assertCan('create', 'WebhookEndpoint');
    await assertAgreement(s, input.baaId);
    const row = await repo.insertEndpoint(s.tx, {
      tenant_id: actor.tenantId,
      created_by: actor.id,
      url: input.url,
      description: input.description ?? null,
      event_types: [...new Set(input.eventTypes)],
      baa_id: input.baaId ?? null,
      ...(phiFields !== undefined ? { phi_fields: phiFields } : {}),
    });
    const secret = await addSecret(deps, s, row.id);
    s.record(allowed('webhook_endpoint.create', row.id));
    return { endpoint: present(row), secret };
  });
}

export async function updateEndpoint(
  deps: WebhooksDeps,
  actor: Actor,
  id: string,
  input: Partial<EndpointInput>,
): Promise<WebhookEndpointView> {
  if (input.eventTypes !== undefined) assertEventTypes(input.eventTypes);
  const phiFields = input.phiFields === undefined ? undefined : checkedPhiFields(input.phiFields);
  if (input.url !== undefined) await assertUrlAllowed(deps, actor, input.url, id);
  return inTenant(deps, actor, async (s) => {
    await visibleEndpoint(s, id);
    s.assertCan('update', 'WebhookEndpoint', { id });
    await assertAgreement(s, input.baaId);
    const row = await repo.updateEndpoint(s.tx, id, {
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.eventTypes !== undefined ? { event_types: [...new Set(input.eventTypes)] } : {}),
      ...(input.baaId !== undefined ? { baa_id: input.baaId } : {}),
      ...(phiFields !== undefined ? { phi_fields: phiFields } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...(input.enabled === true ? { disabled_at: null, disabled_reason: null } : {}),
    });
    s.record(allowed('webhook_endpoint.update', id));
    return present(row);
  });
}

export async function deleteEndpoint(deps: WebhooksDeps, actor: Actor, id: string): Promise<void> {
  return inTenant(deps, actor, async (s) => {
    await visibleEndpoint(s, id);
    s.assertCan('delete', 'WebhookEndpoint', { id });
    await repo.deleteEndpoint(s.tx, id);
    s.record(allowed('webhook_endpoint.delete', id));
  });
}

/**
 * A new secret signs from now on; the current ones keep signing for `overlapMinutes`
 * (every delivery carries a signature per secret), so receivers switch when they like.
 */
export async function rotateSecret(
  deps: WebhooksDeps,
  actor: Actor,
  id: string,
  overlapMinutes = 1440,
): Promise<{ endpoint: WebhookEndpointView; secret: string }> {
  if (!Number.isInteger(overlapMinutes) || overlapMinutes < 0 || overlapMinutes > 10_080)
    throw new AppError('VALIDATION_FAILED', 'overlapMinutes must be 0..10080.', [
      { pointer: '/overlapMinutes', detail: '0..10080' },
    ]);
  return inTenant(deps, actor, async (s) => {
    const row = await visibleEndpoint(s, id);
    s.assertCan('update', 'WebhookEndpoint', { id });
    await repo.retireSecrets(s.tx, id, new Date(Date.now() + overlapMinutes * 60_000));
    const secret = await addSecret(deps, s, id);
    s.record(allowed('webhook_endpoint.rotate_secret', id));
    return { endpoint: present(row), secret };
  });
}

export interface WebhookAttemptView {
  id: string;
  deliveryId: string;
  eventType: string;
  deliveryStatus: string;
  attempt: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  carriedPhi: boolean;
}

export async function listAttempts(
  deps: WebhooksDeps,
  actor: Actor,
  id: string,
  page: PageRequest,
): Promise<Page<WebhookAttemptView>> {
  return readInTenant(deps, actor, async (s) => {
    await visibleEndpoint(s, id);
    const result = await paginate(repo.selectAttempts(s.tx, id), 'webhook_attempts', page);
    s.record(allowed('webhook_endpoint.attempts_read', id));
    return {
      items: result.items.map((a) => ({
        id: a.id,
        deliveryId: a.delivery_id,
        eventType: a.event_type,
        deliveryStatus: a.delivery_status,
        attempt: a.attempt,
        startedAt: a.created_at,
        durationMs: a.duration_ms,
        statusCode: a.status_code,
        error: a.error,
        carriedPhi: a.carried_phi,
      })),
      nextCursor: result.nextCursor,
    };
  });
}

/** Queues a delivery again (same webhook-id), e.g. after the receiver was fixed. */
export async function replayDelivery(deps: WebhooksDeps, actor: Actor, id: string, deliveryId: string): Promise<void> {
  return inTenant(deps, actor, async (s) => {
    await visibleEndpoint(s, id);
    s.assertCan('update', 'WebhookEndpoint', { id });
    if (!isUuid(deliveryId) || !(await repo.requeueDelivery(s.tx, id, deliveryId))) throw notFound('webhook delivery');
    s.record(allowed('webhook_endpoint.replay', id));
  });
}
