// A ticket's timeline: its change events, as far as the actor may know them (events about
// comments they may not see are left out).
import type { Actor } from '../auth/actor.js';
import { policyWhere } from '../policy/sql.js';
import { readInTenant } from '../services/scope.js';
import { commentPolicyColumns, visibleCommentIds } from './comments.repository.js';
import { checkTicketId, ticketEvent, ticketReadWhere } from './ticket-access.service.js';
import type { TicketsDeps } from './tickets.service.js';
import * as repo from './tickets.repository.js';

export interface TimelineEntry {
  id: string;
  actorId: string;
  type: string;
  changes: Record<string, unknown>;
  createdAt: Date;
}

export async function ticketTimeline(deps: TicketsDeps, actor: Actor, id: string): Promise<TimelineEntry[]> {
  checkTicketId(id);
  return readInTenant(deps, actor, async (s) => {
    const row = await repo.getTicket(s.tx, id, ticketReadWhere(s));
    if (!row) throw await s.notVisible('read', 'Ticket', id, () => repo.ticketExists(s.tx, id));
    const events = await repo.listTicketEvents(s.tx, id);
    // Events about comments the actor may not see (a requester and internal notes) are left
    // out: their existence, ids and edits are not the requester's to know.
    const aboutComment = (e: { changes: Record<string, unknown> }) =>
      typeof e.changes['commentId'] === 'string' ? e.changes['commentId'] : undefined;
    let visible: Set<string> | undefined;
    if (events.some(aboutComment)) {
      const where = policyWhere(s.ability, 'read', 'Comment', commentPolicyColumns);
      visible = where ? await visibleCommentIds(s.tx, id, where) : new Set();
    }
    s.record(ticketEvent('ticket.timeline_read', row, []));
    return events
      .filter((e) => {
        const c = aboutComment(e);
        return c === undefined || visible!.has(c);
      })
      .map((e) => ({ id: e.id, actorId: e.actor_id, type: e.type, changes: e.changes, createdAt: e.created_at }));
  });
}
