// Listing tickets: filters and the policy both become SQL; a page of N tickets is N
// audit events. Stable cursor order (created_at, id).
import type { Actor } from '../auth/actor.js';
import { policyWhere } from '../policy/sql.js';
import { paginate, type Page, type PageRequest } from '../services/pagination.js';
import { readInTenant } from '../services/scope.js';
import { checkTicketFilters } from './ticket-rules.js';
import type { TicketView } from './ticket-view.js';
import * as repo from './tickets.repository.js';
import { ticketView, type TicketsDeps } from './tickets.service.js';
import { cryptoForRead } from '../services/seal-failures.js';

export type { TicketFilters } from './tickets.repository.js';

export async function listTickets(
  deps: TicketsDeps,
  actor: Actor,
  filters: repo.TicketFilters,
  page: PageRequest,
): Promise<Page<TicketView>> {
  checkTicketFilters(filters);
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const where = policyWhere(s.ability, 'read', 'Ticket', repo.ticketPolicyColumns);
    if (!where) return { items: [], nextCursor: null };
    // tags are stored normalised (src/tickets/ticket-rules.ts): so is the filter
    const tag = filters.tag?.trim().toLowerCase() || undefined;
    const result = await paginate(repo.selectFilteredTickets(s.tx, where, { ...filters, tag }), 'tickets', page);
    const items: TicketView[] = [];
    for (const row of result.items) items.push(await ticketView(s, crypto, row));
    return { items, nextCursor: result.nextCursor };
  });
}
