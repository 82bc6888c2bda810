import { sql, type Kysely } from 'kysely';

// Every audited record read inserts one audit_events row, so each index on the table is
// paid for on the request path. The unique index on the event id was a second guard
// against chaining an event twice; the chain writers already rule that out (an inbox row
// is deleted in the transaction that chains it, under the chain's lock; a group-committed
// read is chained once or not at all), the primary key (tenant, seq) still stops a fork,
// and a duplicated event cannot be spliced in without breaking the hash chain. Its random
// keys made it the costliest index to maintain (~25% of a row's insert cost here).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_events drop constraint audit_events_id_key`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_events add constraint audit_events_id_key unique (id)`.execute(db);
}
