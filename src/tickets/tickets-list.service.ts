// Listing tickets: filters and the policy both become SQL; a page of N tickets is N
// audit events. Stable cursor order (created_at, id).
import { sql } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { TicketPriority, TicketStatus } from '../db/database.js';
import { policyWhere } from '../policy/sql.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { readInTenant } from '../services/scope.js';
import { checkTicketFilters } from './ticket-rules.js';
import type { TicketView } from './ticket-view.js';
import * as repo from './tickets.repository.js';
import { ticketView, type TicketsDeps } from './tickets.service.js';
import { cryptoForRead } from '../services/seal-failures.js';

export interface TicketFilters {
  status?: TicketStatus[] | undefined;
  priority?: TicketPriority[] | undefined;
  assigneeId?: string | undefined;
  groupId?: string | undefined;
  requesterId?: string | undefined;
  tag?: string | undefined;
  updatedSince?: Date | undefined;
  /** 'breached': a clock already missed; 'at_risk': a running clock due within `withinMinutes` (default 60) */
  sla?: 'breached' | 'at_risk' | undefined;
  withinMinutes?: number | undefined;
}

export async function listTickets(deps: TicketsDeps, actor: Actor, filters: TicketFilters, page: PageRequest): Promise<Page<TicketView>> {
  checkTicketFilters(filters);
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const where = policyWhere(s.ability, 'read', 'Ticket', repo.ticketPolicyColumns);
    if (!where) return { items: [], nextCursor: null };
    let q = repo.selectTickets(s.tx).where(where);
    if (filters.status?.length) q = q.where('tickets.status', 'in', filters.status);
    if (filters.priority?.length) q = q.where('tickets.priority', 'in', filters.priority);
    if (filters.assigneeId) q = q.where('tickets.assignee_id', '=', filters.assigneeId);
    if (filters.groupId) q = q.where('tickets.group_id', '=', filters.groupId);
    if (filters.requesterId) q = q.where('tickets.requester_id', '=', filters.requesterId);
    // tags are stored normalised (src/tickets/ticket-rules.ts): so is the filter
    const tag = filters.tag?.trim().toLowerCase();
    if (tag) q = q.where(sql<boolean>`${sql.ref('tickets.tags')} @> array[${tag}]::text[]`);
    if (filters.updatedSince) q = q.where('tickets.updated_at', '>=', filters.updatedSince);
    const firstOpen = sql<boolean>`(tickets.first_responded_at is null and tickets.first_response_due_at is not null)`;
    const resolutionOpen = sql<boolean>`(tickets.solved_at is null and tickets.resolution_due_at is not null)`;
    if (filters.sla === 'breached') {
      q = q.where(sql<boolean>`((${firstOpen} and tickets.first_response_due_at < now()) or (${resolutionOpen} and tickets.resolution_due_at < now())
        or tickets.first_responded_at > tickets.first_response_due_at or tickets.solved_at > tickets.resolution_due_at)`);
    } else if (filters.sla === 'at_risk') {
      const horizon = sql`now() + make_interval(mins => ${filters.withinMinutes ?? 60})`;
      q = q.where(sql<boolean>`((${firstOpen} and tickets.first_response_due_at between now() and ${horizon})
        or (${resolutionOpen} and tickets.resolution_due_at between now() and ${horizon}))`);
    }
    const result = await paginate(q, 'tickets', page);
    const items: TicketView[] = [];
    for (const row of result.items) items.push(await ticketView(s, crypto, row));
    return { items, nextCursor: result.nextCursor };
  });
}
