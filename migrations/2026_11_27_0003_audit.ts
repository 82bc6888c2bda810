import { sql, type Kysely } from 'kysely';

// The audit trail. Events land unchained in audit_inbox (in the same transaction as the
// data change, or group-committed for reads and detached events); the per-tenant
// sequencer moves them into audit_events with a gapless seq and a hash chain, and keeps
// the chain's head and Merkle frontier in audit_chain_heads for signed checkpoints.
// audit_events is append-only: triggers reject UPDATE, DELETE and TRUNCATE, and the
// runtime role has no privilege for them either. No foreign keys: the trail outlives
// tenants' data (crypto-shredding, tenant deletion).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_inbox')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    // the captured event as JSON text (not jsonb): kept exactly as written, \u0000 included
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('inserted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();
  await db.schema
    .createIndex('audit_inbox_tenant_order')
    .on('audit_inbox')
    .columns(['tenant_id', 'inserted_at', 'id'])
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('id', 'uuid', (c) => c.notNull().unique())
    // Query columns, copied from the body. Readers rebuild the event from the body with
    // these columns laid over it, so editing a column alone breaks that event's hash.
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('subject_contact_id', 'uuid')
    .addColumn('outcome', 'text', (c) => c.notNull())
    // exactly the canonical JSON that was hashed, so verification recomputes byte for byte
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('chained_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addPrimaryKeyConstraint('audit_events_pk', ['tenant_id', 'seq'])
    .execute();
  // Queries page by seq within a filter, so seq ends each index. Every audited request
  // pays for these on insert, so they are few: a BRIN index for time (events arrive in
  // time order; it costs next to nothing to maintain), and the patient index only over
  // events that are about a patient.
  await db.schema
    .createIndex('audit_events_by_actor')
    .on('audit_events')
    .columns(['tenant_id', 'actor_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_events_by_resource')
    .on('audit_events')
    .columns(['tenant_id', 'resource_type', 'resource_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_events_by_subject')
    .on('audit_events')
    .columns(['tenant_id', 'subject_contact_id', 'seq'])
    .where(sql.ref('subject_contact_id'), 'is not', null)
    .execute();
  await db.schema.createIndex('audit_events_by_time').on('audit_events').using('brin').column('occurred_at').execute();

  await db.schema
    .createTable('audit_chain_heads')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    // roots of the perfect Merkle subtrees over hashes 1..seq (see src/audit/merkle.ts)
    .addColumn('merkle_frontier', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    // tree size of the last signed checkpoint, so only chains that grew are signed again
    .addColumn('checkpointed_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();

  await sql`
    create or replace function audit_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  // audit_events: nothing but INSERT. The inbox is drained by DELETE (the sequencer) but
  // never rewritten; chain heads move forward by UPDATE but are never removed.
  await sql`create trigger audit_events_no_change before update or delete on audit_events for each row execute function audit_refuse_change()`.execute(
    db,
  );
  await sql`create trigger audit_events_no_truncate before truncate on audit_events for each statement execute function audit_refuse_change()`.execute(
    db,
  );
  await sql`create trigger audit_inbox_no_update before update on audit_inbox for each row execute function audit_refuse_change()`.execute(
    db,
  );
  await sql`create trigger audit_inbox_no_truncate before truncate on audit_inbox for each statement execute function audit_refuse_change()`.execute(
    db,
  );
  await sql`create trigger audit_chain_heads_no_delete before delete on audit_chain_heads for each row execute function audit_refuse_change()`.execute(
    db,
  );
  await sql`create trigger audit_chain_heads_no_truncate before truncate on audit_chain_heads for each statement execute function audit_refuse_change()`.execute(
    db,
  );

  for (const table of ['audit_inbox', 'audit_events']) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    await sql`create policy tenant_isolation on ${sql.table(table)} to phidesk_app
      using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id())`.execute(db);
    await sql
      .raw(
        `do $$ begin execute format('create policy owner_access on ${table} to %I using (true) with check (true)', current_user); end $$`,
      )
      .execute(db);
  }
  // The runtime role may add events and read its tenant's trail; nothing else. Chain
  // heads are the sequencer's (owner connection) alone. Verification reports how many of
  // the tenant's events wait in the inbox through this function, which shows a count and
  // an age and nothing of the events themselves.
  await sql`grant insert on audit_inbox to phidesk_app`.execute(db);
  await sql`grant select on audit_events to phidesk_app`.execute(db);
  await sql`
    create function audit_pending_stats() returns table (pending integer, oldest_age_seconds double precision)
    language sql stable security definer set search_path = public, pg_temp as $$
      select count(*)::int, extract(epoch from clock_timestamp() - min(inserted_at))::float8
      from audit_inbox where tenant_id = app_tenant_id()
    $$`.execute(db);
  await sql`revoke all on function audit_pending_stats() from public`.execute(db);
  await sql`grant execute on function audit_pending_stats() to phidesk_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // The triggers refuse TRUNCATE, not DROP: rolling back this migration is deliberate.
  await db.schema.dropTable('audit_chain_heads').execute();
  await db.schema.dropTable('audit_events').execute();
  await db.schema.dropTable('audit_inbox').execute();
  await sql`drop function if exists audit_refuse_change()`.execute(db);
  await sql`drop function if exists audit_pending_stats()`.execute(db);
}
