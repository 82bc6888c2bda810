// Whether a subscriber receives a change: decided when it is delivered, with the actor's
// abilities as they are now (not as they were when the subscription began), by the same
// CASL rules a read of the ticket (and of the comment, for comment.added) goes through.
// Nothing is disclosed here, so nothing is audited; the delivered ticket is read, and
// audited, through getTicket like any other read.
import type { Actor } from '../auth/actor.js';
import { policyWhere } from '../policy/sql.js';
import { readInTenant, type ServiceDeps } from '../services/scope.js';
import * as comments from '../tickets/comments.repository.js';
import * as tickets from '../tickets/tickets.repository.js';
import type { TicketChange } from './ticket-changes.js';

export async function mayReceiveChange(deps: ServiceDeps, actor: Actor, change: TicketChange): Promise<boolean> {
  return readInTenant(deps, actor, async (s) => {
    const ticketWhere = policyWhere(s.ability, 'read', 'Ticket', tickets.ticketPolicyColumns);
    if (!ticketWhere || !(await tickets.getTicket(s.tx, change.ticketId, ticketWhere))) return false;
    // absent or null: a message from Redis comes back with null where this process had undefined
    if (!change.commentId) return true;
    const commentWhere = policyWhere(s.ability, 'read', 'Comment', comments.commentPolicyColumns);
    return !!commentWhere && !!(await comments.getComment(s.tx, change.commentId, commentWhere));
  });
}
