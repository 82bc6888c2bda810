// The AuditPort services use: turns (actor, event input) into an audit event body and
// makes it durable: writes put it in audit_inbox inside their own tenant transaction (the
// sequencer chains it after commit); reads and events with no transaction (auth failures,
// denials) are group-committed with concurrent requests' events straight into the chain.
// Failure to write is AUDIT_UNAVAILABLE (503): the caller gets no data without its events.
import { createHmac, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { auditUnavailable } from '../../errors.js';
import type { AuditEventInput, AuditPort } from '../../services/audit-port.js';
import type { AuditEventBody } from './event.js';
import { findAuditEventProblem } from './event-validation.js';
import { appendToChains } from '../chain/chain-writer.service.js';
import { GroupCommitter } from './group-commit.js';
import { insertInboxRows, type InboxRow } from './inbox.repository.js';
import { isCanonicalUuid } from '../../ids.js';
import { operationEvents } from './operation-events.js';

/** Chain for events that belong to no tenant (e.g. a token from an unknown issuer). */
export const PLATFORM_TENANT_ID = '00000000-0000-0000-0000-000000000000';
/** resource.id of an event about no single record (the format requires a non-empty id). */
export const NO_RESOURCE_ID = '*';

export type InboxBody = Omit<AuditEventBody, 'seq'>;

export interface InboxOptions {
  /** key for hashing client addresses (an address is an identifier; the hash still correlates) */
  addressHashKey: Buffer;
  /** called once events of `tenantId` are committed, so the sequencer can chain them promptly */
  onCommitted?: ((tenantId: string) => void) | undefined;
}

export function userAgentFamily(ua: string | undefined): string | null {
  if (!ua) return null;
  const token = /^([A-Za-z][A-Za-z0-9._-]{0,40})/.exec(ua.trim());
  return token ? token[1]!.toLowerCase() : 'other';
}

export function buildEventBody(
  tenantId: string | undefined,
  actor: Partial<Actor> | undefined,
  input: AuditEventInput,
  opts: InboxOptions,
  now = new Date(),
): InboxBody {
  return buildEventBodies(tenantId, actor, [input], opts, now)[0]!;
}

function addressHash(address: string | undefined, opts: InboxOptions): string | null {
  return address ? createHmac('sha256', opts.addressHashKey).update(address).digest('hex').slice(0, 32) : null;
}

/**
 * The bodies of one call's events: one operation's, so the records it touched become one
 * event (operation-events.ts); what they share (who, where, why) is worked out once.
 */
export function buildEventBodies(
  tenantId: string | undefined,
  actor: Partial<Actor> | undefined,
  inputs: readonly AuditEventInput[],
  opts: InboxOptions,
  now = new Date(),
): InboxBody[] {
  const occurredAt = now.toISOString();
  const who = {
    id: actor?.id ?? 'anonymous',
    kind: actor?.kind ?? 'anonymous',
    authMethod: actor?.authMethod ?? 'none',
    sessionId: actor?.sessionId ?? null,
    keyId: actor?.keyId ?? null,
  } as const;
  const requestId = actor?.requestId ?? null;
  const clientAddrHash = addressHash(actor?.clientAddress, opts);
  const agent = userAgentFamily(actor?.userAgent);
  const purposeOfUse = actor?.purposeOfUse ?? null;
  return operationEvents(inputs).map(({ input, entities, part }) => ({
    tenantId: tenantId ?? PLATFORM_TENANT_ID,
    id: randomUUID(),
    occurredAt,
    actor: { ...who },
    action: input.action,
    resource: { type: input.resourceType, id: input.resourceId || NO_RESOURCE_ID },
    phiFields: [...(input.phiFields ?? [])],
    subjectContactId: input.subjectContactId ?? null,
    requestId,
    clientAddrHash,
    userAgentFamily: agent,
    purposeOfUse,
    breakGlassReason: input.breakGlassReason ?? null,
    outcome: input.outcome,
    reasonCode: input.reasonCode ?? null,
    ...(entities ? { entities, part: part ?? null } : {}),
  }));
}

const nonEmpty = (value: unknown): boolean => typeof value === 'string' && value.length > 0;
const optionalText = (value: unknown): boolean => value === null || typeof value === 'string';

/**
 * Refuses, at capture, what the sequencer could not chain: a malformed body would stop
 * its tenant's chain, so the request that made it fails instead (a bug, 503). The first
 * body of a call gets the full check; the others differ only in what the service passed
 * in, which is checked for each. Problems name the field, never its content.
 */
export function assertChainable(bodies: readonly InboxBody[]): void {
  const first = bodies[0];
  if (first === undefined) return;
  let problem =
    findAuditEventProblem({ ...first, seq: 1 }, false) ??
    (isCanonicalUuid(first.tenantId) ? null : 'tenantId must be a lowercase uuid');
  for (let i = 0; problem === null && i < bodies.length; i++) {
    const body = bodies[i]!;
    if (body.entities !== undefined) problem = findAuditEventProblem({ ...body, seq: 1 }, false);
    else if (!nonEmpty(body.action) || !nonEmpty(body.resource.type) || !nonEmpty(body.resource.id))
      problem = 'action and resource must be non-empty strings';
    else if (!body.phiFields.every(nonEmpty)) problem = 'phiFields must hold non-empty strings';
    else if (!optionalText(body.reasonCode) || !optionalText(body.breakGlassReason))
      problem = 'reasonCode and breakGlassReason must be strings';
    else if (!['allowed', 'denied', 'error'].includes(body.outcome)) problem = 'outcome is not a known outcome';
    else if (
      body.subjectContactId !== null &&
      body.subjectContactId !== undefined &&
      !isCanonicalUuid(body.subjectContactId)
    )
      problem = 'subjectContactId must be a lowercase uuid';
  }
  if (problem !== null) throw new Error(`audit event not chainable: ${problem}`);
}

function toRows(bodies: InboxBody[]): InboxRow[] {
  assertChainable(bodies);
  return bodies.map((body) => ({
    id: body.id,
    tenant_id: body.tenantId,
    occurred_at: new Date(body.occurredAt),
    body: JSON.stringify(body),
  }));
}

export function createAuditInbox(db: Kysely<Database>, opts: InboxOptions): AuditPort {
  // Detached events (reads, denials, failed sign-ins) are chained as they are group-committed.
  // A batch is a short transaction of a few round trips whatever its size: under load, a
  // read waits up to 2 ms for others to share it.
  const committer = new GroupCommitter<InboxBody>((bodies) => appendToChains(db, bodies), { lingerMs: 2 });
  const committed = (tenantId: string) => opts.onCommitted?.(tenantId);
  return {
    async writeInTx(tx, actor, events) {
      try {
        await insertInboxRows(tx, toRows(buildEventBodies(actor.tenantId, actor, events, opts)));
      } catch (e) {
        throw auditUnavailable(e);
      }
    },
    async writeDetached(tenantId, actor, events) {
      if (events.length === 0) return;
      try {
        const bodies = buildEventBodies(tenantId, actor, events, opts);
        assertChainable(bodies);
        await committer.write(bodies);
      } catch (e) {
        throw auditUnavailable(e);
      }
    },
    committed,
  };
}
