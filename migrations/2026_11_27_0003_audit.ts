import { sql, type Kysely } from 'kysely';

// The audit trail. Events land unchained in audit_inbox (in the same transaction as the
// data change, or group-committed for detached events); the per-tenant sequencer moves
// them into audit_events with a gapless seq and a hash chain. audit_events is
// append-only: triggers reject UPDATE, DELETE and TRUNCATE, and the runtime role has
// no privilege for them either. No foreign keys: the trail outlives tenants' data.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('audit_inbox')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('body', 'jsonb', (c) => c.notNull())
    .addColumn('inserted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();
  await db.schema.createIndex('audit_inbox_tenant_order').on('audit_inbox').columns(['tenant_id', 'inserted_at', 'id']).execute();

  await db.schema.createTable('audit_events')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('id', 'uuid', (c) => c.notNull().unique())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text')
    .addColumn('subject_contact_id', 'uuid')
    .addColumn('outcome', 'text', (c) => c.notNull())
    // exactly the canonical JSON that was hashed, so verification recomputes byte for byte
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('chained_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addPrimaryKeyConstraint('audit_events_pk', ['tenant_id', 'seq'])
    .execute();
  for (const [name, cols] of [
    ['audit_events_by_time', ['tenant_id', 'occurred_at']],
    ['audit_events_by_actor', ['tenant_id', 'actor_id', 'occurred_at']],
    ['audit_events_by_subject', ['tenant_id', 'subject_contact_id', 'occurred_at']],
    ['audit_events_by_resource', ['tenant_id', 'resource_type', 'resource_id', 'occurred_at']],
  ] as const) {
    await db.schema.createIndex(name).on('audit_events').columns([...cols]).execute();
  }

  await db.schema.createTable('audit_chain_heads')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();

  await sql`
    create or replace function audit_events_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_events is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`create trigger audit_events_no_update before update or delete on audit_events for each row execute function audit_events_append_only()`.execute(db);
  await sql`create trigger audit_events_no_truncate before truncate on audit_events for each statement execute function audit_events_append_only()`.execute(db);

  for (const table of ['audit_inbox', 'audit_events']) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    await sql`create policy tenant_isolation on ${sql.table(table)} to phidesk_app
      using (tenant_id = app_tenant_id()) with check (tenant_id = app_tenant_id())`.execute(db);
    await sql.raw(`do $$ begin execute format('create policy owner_access on ${table} to %I using (true) with check (true)', current_user); end $$`).execute(db);
  }
  // The runtime role may add events and read its tenant's trail; nothing else.
  await sql`grant insert on audit_inbox to phidesk_app`.execute(db);
  await sql`grant select on audit_events to phidesk_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_chain_heads').execute();
  await sql`drop trigger if exists audit_events_no_truncate on audit_events`.execute(db);
  await db.schema.dropTable('audit_events').execute();
  await db.schema.dropTable('audit_inbox').execute();
  await sql`drop function if exists audit_events_append_only()`.execute(db);
}
