// The SQL of the SLA breach watcher, run as the table owner across tenants (like the
// webhook dispatcher): claim the tickets whose clock ran out and whose breach was not yet
// announced, and mark them announced, in one statement. SKIP LOCKED lets several processes
// watch at once without announcing a breach twice.
import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { Database } from '../db/database.js';

export type SlaClockName = 'first_response' | 'resolution';

export interface ClaimedBreach {
  tenant_id: string;
  ticket_id: string;
  due_at: Date;
}

const clocks = {
  first_response: {
    due: 'first_response_due_at',
    done: 'first_responded_at',
    mark: 'first_response_breach_announced_for',
  },
  resolution: { due: 'resolution_due_at', done: 'solved_at', mark: 'resolution_breach_announced_for' },
} as const;

/** Marks up to `limit` breached, unannounced tickets of one clock as announced; returns them. */
export async function claimBreaches(
  trx: Transaction<Database>,
  clock: SlaClockName,
  now: Date,
  limit: number,
): Promise<ClaimedBreach[]> {
  const c = clocks[clock];
  const [due, done, mark] = [sql.ref(c.due), sql.ref(c.done), sql.ref(c.mark)];
  // the where-clause repeats the partial index's predicate, so the index serves the scan
  const { rows } = await sql<ClaimedBreach>`
    with due as (
      select id from tickets
      where ${due} <= ${now} and ${done} is null and deleted_at is null and ${mark} is distinct from ${due}
      order by ${due}
      limit ${limit}
      for update skip locked
    )
    update tickets set ${mark} = ${due}
    from due where tickets.id = due.id
    returning tickets.tenant_id, tickets.id as ticket_id, ${due} as due_at`.execute(trx);
  return rows;
}
