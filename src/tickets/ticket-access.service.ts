// How a ticket is seen: the id check, who may read it (the policy's where-clause), which
// of its PHI fields open for the actor (read_phi and the tenant's minimum-necessary list, as
// CASL field rules), and the audited view. Every ticket read path comes through here.
import type { AuditAction } from '../audit/actions.js';
import type { TenantCrypto } from '../crypto/tenant-crypto.js';
import { notFound } from '../errors.js';
import { isUuid } from '../ids.js';
import { policyWhere } from '../policy/sql.js';
import type { AuditEventInput } from '../services/audit-port.js';
import { can, type Scope } from '../services/scope.js';
import {
  auditTicketFields,
  disclosedFields,
  presentOpenedTicket,
  presentTicket,
  ticketPhiFields,
  type TicketPhiField,
  type TicketView,
} from './ticket-view.js';
import * as repo from './tickets.repository.js';

export function checkTicketId(id: string): void {
  if (!isUuid(id)) throw notFound('ticket');
}

export const ticketEvent = (
  action: AuditAction,
  row: { id: string; requester_id: string | null },
  fields: Iterable<TicketPhiField>,
): AuditEventInput => ({
  action,
  resourceType: 'Ticket',
  resourceId: row.id,
  subjectContactId: row.requester_id ?? undefined,
  phiFields: auditTicketFields(fields),
  outcome: 'allowed',
});

/** The ticket as CASL conditions see it (camelCase record fields). */
export const policyRecord = (row: {
  id: string;
  assignee_id: string | null;
  group_id: string | null;
  requester_id: string | null;
}) => ({ id: row.id, assigneeId: row.assignee_id, groupId: row.group_id, requesterId: row.requester_id });

export function ticketReadWhere(s: Scope) {
  const where = policyWhere(s.ability, 'read', 'Ticket', repo.ticketPolicyColumns);
  if (!where) throw notFound('ticket');
  return where;
}

/** The PHI fields of this ticket the actor may have opened (the tenant's minimum-necessary list, as CASL field rules). */
export const openable = (s: Scope, row: Parameters<typeof policyRecord>[0]) =>
  ticketPhiFields.filter((f) => can(s.ability, 'read_phi', 'Ticket', policyRecord(row), f));

/**
 * The view the actor may see: opened PHI with read_phi (recorded as disclosed), masked
 * otherwise; of the PHI, only the fields the actor's minimum-necessary list allows are
 * decrypted, shown and recorded.
 */
export async function ticketView(
  s: Scope,
  crypto: TenantCrypto,
  row: repo.TicketRow,
  action: AuditAction = 'ticket.read',
): Promise<TicketView> {
  if (!can(s.ability, 'read_phi', 'Ticket', policyRecord(row))) {
    s.record(ticketEvent(action, row, []));
    return presentTicket(row, null);
  }
  const opened = openable(s, row);
  const phi = await repo.openTicketFields(crypto, row, opened);
  s.record(ticketEvent(action, row, disclosedFields(phi)));
  return presentOpenedTicket(row, phi, opened);
}
