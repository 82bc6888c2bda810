// Listing tickets: filters and the policy both become SQL; a page of N tickets is N
// audit events. Keyset pagination in a chosen order (src/tickets/ticket-sort.ts): by
// default (created_at, id), oldest first.
import type { Actor } from '../auth/actor.js';
import { policyWhere } from '../policy/sql.js';
import { paginateSorted, type Page, type PageRequest } from '../services/pagination.js';
import { readInTenant } from '../services/scope.js';
import { checkTicketFilters } from './ticket-rules.js';
import { DEFAULT_TICKET_SORT, checkTicketSort, ticketSortOrder, type TicketSort } from './ticket-sort.js';
import type { TicketView } from './ticket-view.js';
import * as repo from './tickets.repository.js';
import { ticketView } from './ticket-access.service.js';
import type { TicketsDeps } from './tickets.service.js';
import { cryptoForRead } from '../services/seal-failures.js';

export type { TicketFilters } from './tickets.repository.js';
export { ticketSorts, type TicketSort } from './ticket-sort.js';

/** A page of a ticket list: size, cursor (bound to the sort it came from), and the order (default createdAt). */
export interface TicketPageRequest extends PageRequest {
  sort?: TicketSort | undefined;
}

export async function listTickets(
  deps: TicketsDeps,
  actor: Actor,
  filters: repo.TicketFilters,
  page: TicketPageRequest,
): Promise<Page<TicketView>> {
  checkTicketFilters(filters);
  const order = ticketSortOrder(checkTicketSort(page.sort));
  const crypto = await cryptoForRead(deps, actor);
  return readInTenant(deps, actor, async (s) => {
    const where = policyWhere(s.ability, 'read', 'Ticket', repo.ticketPolicyColumns);
    if (!where) return { items: [], nextCursor: null };
    // tags are stored normalised (src/tickets/ticket-rules.ts): so is the filter
    const tag = filters.tag?.trim().toLowerCase() || undefined;
    const query = repo.selectFilteredTickets(s.tx, where, { ...filters, tag });
    const result = await paginateSorted(query, 'tickets', order, page, DEFAULT_TICKET_SORT);
    const items: TicketView[] = [];
    for (const row of result.items) items.push(await ticketView(s, crypto, row));
    return { items, nextCursor: result.nextCursor };
  });
}
