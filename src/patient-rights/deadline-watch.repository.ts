// The SQL of the patient-rights deadline watcher, run as the table owner across tenants
// (like the SLA breach watcher): claim the open requests whose deadline ran out (overdue)
// or comes within DUE_SOON_DAYS (due soon) and whose announcement for that due time was
// not made yet, and mark them, in one statement. SKIP LOCKED lets several processes watch.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';

export type RequestTable = 'access_requests' | 'accounting_requests';
export type DeadlineKind = 'due_soon' | 'overdue';

export interface ClaimedDeadline {
  tenant_id: string;
  id: string;
  due_at: Date;
}

export async function claimDeadlines(
  trx: Transaction<Database>,
  table: RequestTable,
  kind: DeadlineKind,
  now: Date,
  dueSoonDays: number,
  limit: number,
): Promise<ClaimedDeadline[]> {
  const t = sql.table(table);
  const mark = sql.ref(kind === 'overdue' ? 'overdue_announced_for' : 'due_soon_announced_for');
  const window =
    kind === 'overdue'
      ? sql`due_at < ${now}`
      : sql`due_at >= ${now} and due_at < ${now}::timestamptz + make_interval(days => ${dueSoonDays})`;
  const { rows } = await sql<ClaimedDeadline>`
    with due as (
      select id from ${t}
      where status = 'open' and ${window} and ${mark} is distinct from due_at
      order by due_at
      limit ${limit}
      for update skip locked
    )
    update ${t} set ${mark} = due_at
    from due where ${t}.id = due.id
    returning ${t}.tenant_id, ${t}.id, ${t}.due_at`.execute(trx);
  return rows;
}
