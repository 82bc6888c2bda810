// inTenant(): how every service use case touches data. It builds the actor's ability,
// opens a tenant-scoped transaction (runtime role + RLS) and lets the use case record
// audit events. No data leaves and no change lands without its events:
// - inTenant (use cases that write) writes the events in the same transaction, before commit;
// - readInTenant (use cases that only read) runs a READ ONLY transaction and then waits
//   for its events to be group-committed with concurrent requests' events, so the
//   service returns (and the response leaves) only once they are durable.
// If the events cannot be written the caller gets AUDIT_UNAVAILABLE (503), not data.
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import { inTenantTx, type Tx } from '../db/tenant-tx.js';
import { DeferredStatementError } from '../db/scoped-connection.js';
import { AppError, auditUnavailable, notFound } from '../errors.js';
import { defineAbilityFor, type Action, type AppAbility, type SubjectType } from '../policy/ability.js';
import { refusalMessage } from '../policy/refusal.js';
import { denialAction } from '../audit/actions.js';
import type { AuditEventInput, AuditPort } from './audit-port.js';
import type { ChangePublisher, TicketChange } from '../live/ticket-changes.js';
import { cryptoFailureEvent, isCryptoFailure } from './seal-failures.js';

export interface ServiceDeps {
  db: Kysely<Database>;
  audit: AuditPort;
  /** where committed ticket changes go to GraphQL subscribers; absent, nowhere */
  changes?: ChangePublisher | undefined;
}

export interface Scope {
  tx: Tx;
  actor: Actor;
  ability: AppAbility;
  /** Records an event; durable before the use case's result is returned. */
  record(event: AuditEventInput): void;
  /**
   * Records an event that is kept even when the use case then fails and rolls back: a
   * refusal worth auditing (e.g. a public reply stopped by PHI detection), written with
   * the transaction when it commits, detached after the rollback when it does not.
   */
  recordKept(event: AuditEventInput): void;
  /** Hands a change to GraphQL subscribers once (and only if) this transaction has committed. */
  publishAfterCommit(change: TicketChange): void;
  /**
   * Throws FORBIDDEN (recorded as a denial) unless the actor may do `action` on `subject`
   * (this record, when given; this field of it, when given: CASL field-level rules).
   */
  assertCan(action: Action, subject: SubjectType, record?: Record<string, unknown>, field?: string): void;
  /**
   * The NOT_FOUND to throw for a record the actor's policy does not let them see. When
   * `exists` says the record is there after all, the attempt is recorded as a denial
   * (reason NOT_VISIBLE) that survives the rollback; the answer stays 404 either way, so
   * existence is not disclosed to the caller, only to the audit trail.
   */
  notVisible(action: Action, subject: SubjectType, id: string, exists: () => Promise<boolean>): Promise<AppError>;
}

// How a NOT_FOUND names each kind of record (the same words the services use).
const notFoundNames: Record<SubjectType, string> = {
  Tenant: 'tenant',
  User: 'user',
  Group: 'group',
  ApiKey: 'API key',
  BreakGlass: 'break-glass grant',
  AuditEvent: 'audit event',
  Contact: 'contact',
  Ticket: 'ticket',
  Comment: 'comment',
  BusinessAssociateAgreement: 'business associate agreement',
  WebhookEndpoint: 'webhook endpoint',
  AccessRequest: 'access request',
  AccountingRequest: 'accounting request',
  Disclosure: 'disclosure',
  RetentionPolicy: 'retention policy',
  LegalHold: 'legal hold',
  SiemSink: 'SIEM sink',
  ReviewFinding: 'review finding',
  Incident: 'incident',
  ContactVerification: 'contact verification',
  PersonalRepresentative: 'personal representative',
  HeldReply: 'held reply',
  MinimumNecessary: 'minimum-necessary setting',
};

/** Checks a CASL rule against a plain record (conditions use camelCase record fields), optionally one field of it. */
export function can(
  ability: AppAbility,
  action: Action,
  subject: SubjectType,
  record?: Record<string, unknown>,
  field?: string,
): boolean {
  if (!record) return ability.can(action, subject, field);
  // CASL detects a plain object's subject type through this property.
  return ability.can(action, { ...record, __caslSubjectType__: subject } as never, field);
}

async function runScoped<T>(
  deps: ServiceDeps,
  actor: Actor,
  readOnly: boolean,
  fn: (scope: Scope) => Promise<T>,
): Promise<T> {
  const ability = defineAbilityFor(actor);
  const events: AuditEventInput[] = [];
  const changes: TicketChange[] = [];
  let denial: AuditEventInput | undefined;
  const keptOnRollback: AuditEventInput[] = [];
  let result: T;
  try {
    result = await inTenantTx(
      deps.db,
      actor.tenantId,
      async (tx) => {
        const scope: Scope = {
          tx,
          actor,
          ability,
          record: (event) => {
            events.push(event);
          },
          recordKept: (event) => {
            events.push(event);
            keptOnRollback.push(event);
          },
          publishAfterCommit: (change) => {
            changes.push(change);
          },
          assertCan: (action, subject, record, field) => {
            if (can(ability, action, subject, record, field)) return;
            denial = {
              action: denialAction(subject, action),
              resourceType: subject,
              resourceId: record?.['id'] as string | undefined,
              outcome: 'denied',
              reasonCode: 'FORBIDDEN',
            };
            const what = field === undefined ? `this ${subject}` : `the ${field} field of this ${subject}`;
            throw new AppError(
              'FORBIDDEN',
              refusalMessage(actor, action, subject, what),
              field === undefined ? undefined : [{ pointer: `/${field}`, detail: 'not allowed for your role' }],
            );
          },
          notVisible: async (action, subject, id, exists) => {
            if (await exists())
              denial = {
                action: denialAction(subject, action),
                resourceType: subject,
                resourceId: id,
                outcome: 'denied',
                reasonCode: 'NOT_VISIBLE',
              };
            return notFound(notFoundNames[subject]);
          },
        };
        const value = await fn(scope);
        if (!readOnly && events.length > 0) await deps.audit.writeInTx(tx, actor, events);
        return value;
      },
      { readOnly },
    );
  } catch (caught) {
    // The inbox insert travels with the COMMIT: if that batch failed, neither landed.
    const e = caught instanceof DeferredStatementError ? auditUnavailable(caught) : caught;
    // The transaction rolled back; denials are still worth keeping (164.312(b)), and so is
    // a stored value that failed to open (tampering shows up here, for every sealed table).
    const kept = [
      ...(denial ? [denial] : []),
      ...keptOnRollback,
      ...(isCryptoFailure(e) ? [cryptoFailureEvent(e, actor.tenantId)] : []),
    ];
    if (kept.length > 0) await deps.audit.writeDetached(actor.tenantId, actor, kept);
    throw e;
  }
  for (const change of changes) deps.changes?.publish(actor.tenantId, change);
  if (events.length === 0) return result;
  // Reads: nothing has left yet; the result is handed back only once its events are durable.
  // A GraphQL operation gathers its reads' events and writes them, as one, before it answers.
  if (readOnly && actor.auditOperation) actor.auditOperation.add(events);
  else if (readOnly) await deps.audit.writeDetached(actor.tenantId, actor, events);
  else deps.audit.committed(actor.tenantId);
  return result;
}

/** A use case that may write: its events commit with its changes. */
export async function inTenant<T>(deps: ServiceDeps, actor: Actor, fn: (scope: Scope) => Promise<T>): Promise<T> {
  return runScoped(deps, actor, false, fn);
}

/** A use case that only reads: READ ONLY transaction, events group-committed before returning. */
export async function readInTenant<T>(deps: ServiceDeps, actor: Actor, fn: (scope: Scope) => Promise<T>): Promise<T> {
  return runScoped(deps, actor, true, fn);
}
