// The orders a ticket list can be read in, as SQL. Only non-PHI columns are sortable
// (times, and the ranks of priority and status): subject and description are sealed, and
// an order by them would leak their content anyway. Each order ends with the ticket id, so
// it is total and keyset pagination neither repeats nor skips a ticket. Each is served by an
// index, tenant first as RLS filters: createdAt by migration 0006's, the others by
// migration 0024's (2026_12_06_0024_list_sort_indexes.ts).
import { sql } from 'kysely';
import { checkSort, type SortKey, type SortOrder } from '../services/pagination.js';
import { priorities, statuses } from './ticket-rules.js';

/** The sort values of `GET /v1/tickets?sort=`: a field, ascending, or descending with a leading '-'. */
export const ticketSorts = [
  'createdAt',
  '-createdAt',
  'updatedAt',
  '-updatedAt',
  'priority',
  '-priority',
  'status',
  '-status',
] as const;
export type TicketSort = (typeof ticketSorts)[number];

/** Oldest first: the order lists had before sorting existed, and still the default. */
export const DEFAULT_TICKET_SORT: TicketSort = 'createdAt';

/**
 * `case <column> when <first> then 1 ...`: the rank of a closed vocabulary in its natural
 * order (low < urgent, new < closed), not the alphabetical one. Written exactly as the
 * expression indexes of migration 0024 are (the planner matches them by expression).
 */
function rank(column: string, values: readonly string[]) {
  const arms = values.map((v, i) => sql`when ${sql.lit(v)} then ${sql.lit(i + 1)}`);
  return sql<number>`(case ${sql.ref(column)} ${sql.join(arms, sql` `)} end)`;
}

const createdAt: SortKey = { expr: sql`${sql.ref('tickets.created_at')}`, type: 'timestamptz' };
const keysOf: Record<string, readonly SortKey[]> = {
  createdAt: [createdAt],
  updatedAt: [{ expr: sql`${sql.ref('tickets.updated_at')}`, type: 'timestamptz' }],
  // within one priority or status by creation, then id, in the same direction: `priority`
  // starts with the oldest low ticket, `-priority` with the newest urgent one
  priority: [{ expr: rank('tickets.priority', priorities), type: 'integer' }, createdAt],
  status: [{ expr: rank('tickets.status', statuses), type: 'integer' }, createdAt],
};

/** Refuses anything but a TicketSort, listing them; undefined is the default. */
export const checkTicketSort = (value: unknown): TicketSort => checkSort(value, ticketSorts, DEFAULT_TICKET_SORT);

export function ticketSortOrder(sort: TicketSort): SortOrder {
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  return {
    name: sort,
    direction: descending ? 'desc' : 'asc',
    keys: keysOf[field]!,
    acceptsV1Cursor: sort === DEFAULT_TICKET_SORT,
  };
}
