import { sql, type Kysely } from 'kysely';

// SLA breaches announced as events (ticket.sla_breached, to webhooks and subscribers). A
// ticket remembers the due time whose breach it announced, per clock: a breach is
// announced once, and again only if the clock was moved (a new priority, a new policy) and
// then ran out again. The partial indexes hold exactly the tickets still to announce, so
// the watcher's scan stays small however many tickets are closed.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('tickets')
    .addColumn('first_response_breach_announced_for', 'timestamptz')
    .addColumn('resolution_breach_announced_for', 'timestamptz')
    .execute();
  await sql`create index tickets_first_response_breach_pending on tickets (first_response_due_at)
    where first_responded_at is null and deleted_at is null
      and first_response_breach_announced_for is distinct from first_response_due_at`.execute(db);
  await sql`create index tickets_resolution_breach_pending on tickets (resolution_due_at)
    where solved_at is null and deleted_at is null
      and resolution_breach_announced_for is distinct from resolution_due_at`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists tickets_resolution_breach_pending`.execute(db);
  await sql`drop index if exists tickets_first_response_breach_pending`.execute(db);
  await db.schema
    .alterTable('tickets')
    .dropColumn('resolution_breach_announced_for')
    .dropColumn('first_response_breach_announced_for')
    .execute();
}
