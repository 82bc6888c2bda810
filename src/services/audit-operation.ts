// A request's audit operation: the read events of every use case one GraphQL operation
// runs (the root field's list, then the loaders that fetch each item's requester,
// assignee and last comment) gathered and written as one operation, so a page of 50
// tickets with their people is one event naming them all rather than one per loader or
// per record. The transport adapter creates it, hands it to services on the actor, and
// writes it before the response leaves: no data is sent before its event is durable,
// and a failure to write it answers AUDIT_UNAVAILABLE instead of the data.
// Writes are unaffected: their events still commit in their own transaction.
import type { Actor } from '../auth/actor.js';
import type { AuditEventInput, AuditPort } from './audit-port.js';

export class AuditOperation {
  private readonly pending: AuditEventInput[] = [];

  constructor(private readonly audit: AuditPort) {}

  /** Gathers a read's events; they become durable at write(). */
  add(events: readonly AuditEventInput[]): void {
    this.pending.push(...events);
  }

  /** Writes what was gathered as one operation's events; resolves once durable. */
  async write(actor: Actor): Promise<void> {
    const events = this.pending.splice(0);
    if (events.length > 0) await this.audit.writeDetached(actor.tenantId, actor, events);
  }
}
