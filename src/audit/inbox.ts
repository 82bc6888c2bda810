// The AuditPort services use: turns (actor, event input) into an audit event body and
// makes it durable in audit_inbox, either inside the caller's tenant transaction or,
// for reads and events with no transaction (auth failures, denials), through group commit.
// Failure to write is AUDIT_UNAVAILABLE (503): the caller gets no data without its events.
import { createHmac, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import type { Tx } from '../db/tenant-tx.js';
import { AppError } from '../errors.js';
import type { AuditEventInput, AuditPort } from '../services/audit-port.js';
import type { AuditEventBody } from './event.js';
import { findAuditEventProblem } from './event-validation.js';
import { GroupCommitter } from './group-commit.js';

/** Chain for events that belong to no tenant (e.g. a token from an unknown issuer). */
export const PLATFORM_TENANT_ID = '00000000-0000-0000-0000-000000000000';
/** resource.id of an event about no single record (the format requires a non-empty id). */
export const NO_RESOURCE_ID = '*';

export type InboxBody = Omit<AuditEventBody, 'seq'>;

interface InboxRow { id: string; tenant_id: string; occurred_at: Date; body: string }

export interface InboxOptions {
  /** key for hashing client addresses (an address is an identifier; the hash still correlates) */
  addressHashKey: Buffer;
  /** called once events of `tenantId` are committed, so the sequencer can chain them promptly */
  onCommitted?: ((tenantId: string) => void) | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function userAgentFamily(ua: string | undefined): string | null {
  if (!ua) return null;
  const token = /^([A-Za-z][A-Za-z0-9._-]{0,40})/.exec(ua.trim());
  return token ? token[1]!.toLowerCase() : 'other';
}

export function buildEventBody(tenantId: string | undefined, actor: Partial<Actor> | undefined, input: AuditEventInput, opts: InboxOptions, now = new Date()): InboxBody {
  return {
    tenantId: tenantId ?? PLATFORM_TENANT_ID,
    id: randomUUID(),
    occurredAt: now.toISOString(),
    actor: {
      id: actor?.id ?? 'anonymous',
      kind: actor?.kind ?? 'anonymous',
      authMethod: actor?.authMethod ?? 'none',
      sessionId: actor?.sessionId ?? null,
      keyId: actor?.keyId ?? null,
    },
    action: input.action,
    resource: { type: input.resourceType, id: input.resourceId || NO_RESOURCE_ID },
    phiFields: [...(input.phiFields ?? [])],
    subjectContactId: input.subjectContactId ?? null,
    requestId: actor?.requestId ?? null,
    clientAddrHash: actor?.clientAddress ? createHmac('sha256', opts.addressHashKey).update(actor.clientAddress).digest('hex').slice(0, 32) : null,
    userAgentFamily: userAgentFamily(actor?.userAgent),
    purposeOfUse: actor?.purposeOfUse ?? null,
    breakGlassReason: input.breakGlassReason ?? null,
    outcome: input.outcome,
    reasonCode: input.reasonCode ?? null,
  };
}

/**
 * Refuses, at capture, what the sequencer could not chain: a malformed body would stop
 * its tenant's chain, so the request that made it fails instead (a bug, 503).
 * Problems name the field, never its content.
 */
export function assertChainable(body: InboxBody): void {
  const problem = findAuditEventProblem({ ...body, seq: 1 }, false)
    ?? (body.subjectContactId !== null && body.subjectContactId !== undefined && !UUID.test(body.subjectContactId) ? 'subjectContactId must be a lowercase uuid' : null)
    ?? (UUID.test(body.tenantId) ? null : 'tenantId must be a lowercase uuid');
  if (problem !== null) throw new Error(`audit event not chainable: ${problem}`);
}

function toRow(body: InboxBody): InboxRow {
  assertChainable(body);
  return { id: body.id, tenant_id: body.tenantId, occurred_at: new Date(body.occurredAt), body: JSON.stringify(body) };
}

async function insertRows(db: Kysely<Database> | Tx, rows: InboxRow[]): Promise<void> {
  await db.insertInto('audit_inbox').values(rows).execute();
}

export function createAuditInbox(db: Kysely<Database>, opts: InboxOptions): AuditPort {
  const committer = new GroupCommitter<InboxRow>((rows) => insertRows(db, rows));
  const unavailable = (e: unknown) => new AppError('AUDIT_UNAVAILABLE', 'The audit trail cannot be written; the request was not served.', undefined, { cause: e });
  const committed = (tenantId: string) => opts.onCommitted?.(tenantId);
  return {
    async writeInTx(tx, actor, events) {
      try {
        await insertRows(tx, events.map((e) => toRow(buildEventBody(actor.tenantId, actor, e, opts))));
      } catch (e) {
        throw unavailable(e);
      }
    },
    async writeDetached(tenantId, actor, events) {
      if (events.length === 0) return;
      let rows: InboxRow[];
      try {
        rows = events.map((e) => toRow(buildEventBody(tenantId, actor, e, opts)));
        await committer.write(rows);
      } catch (e) {
        throw unavailable(e);
      }
      committed(rows[0]!.tenant_id);
    },
    committed,
  };
}
