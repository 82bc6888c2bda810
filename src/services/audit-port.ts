// What services need from the audit trail. Services record what they actually read and
// wrote; the audit module decides how the events become durable (same transaction as
// the data, or group-committed) before the response leaves.
import type { Actor } from '../auth/actor.js';
import type { Tx } from '../db/tenant-tx.js';
import type { AuditAction } from '../audit/actions.js';

export type AuditOutcome = 'allowed' | 'denied' | 'error';

export interface AuditEventInput {
  /** e.g. 'contact.read', 'ticket.update', 'auth.failed': one of the catalogue in src/audit/actions.ts */
  action: AuditAction;
  resourceType: string;
  /** the record; omitted for events about no single record (recorded as '*') */
  resourceId?: string | undefined;
  /** names of PHI fields touched (never their values) */
  phiFields?: readonly string[] | undefined;
  /** the patient/contact the data is about (a contact id) */
  subjectContactId?: string | undefined;
  outcome: AuditOutcome;
  /** error or denial code */
  reasonCode?: string | undefined;
  breakGlassReason?: string | undefined;
}

export interface AuditPort {
  /** Writes events inside the caller's tenant transaction: durable iff the data change commits. */
  writeInTx(tx: Tx, actor: Actor, events: readonly AuditEventInput[]): Promise<void>;
  /**
   * Writes events outside any data transaction (reads after their read-only transaction,
   * denials, failed logins), group-committed with concurrent callers; resolves once durable.
   */
  writeDetached(
    tenantId: string | undefined,
    actor: Partial<Actor> | undefined,
    events: readonly AuditEventInput[],
  ): Promise<void>;
  /** Tells the sequencer that `tenantId` has newly committed events, so they are chained promptly. */
  committed(tenantId: string): void;
}
