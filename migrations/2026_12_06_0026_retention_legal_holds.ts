import { sql, type Kysely } from 'kysely';
import { tenantRls } from './2026_11_27_0002_identity.js';

// Retention and legal hold (164.316(b)(2), litigation hold; src/retention).
// - retention_policies: per tenant, how many days each kind of record is kept (null: kept
//   for ever). Audit events are not in it: they are never purged (the chain must verify).
// - legal_holds: what must not be purged, by patient, by ticket or by a simple query
//   (created-at range and/or statuses). A hold is released, never deleted, so the record
//   of who held what, and why, stays. The reason is staff free text: sealed, like PHI.
//   contact_id/ticket_id are plain ids, not foreign keys: a released hold must not stop
//   its records from being purged later.
// - retention_runs: one purge run per tenant at a time, its progress saved with each
//   batch, so a run that died (SIGKILL, a deploy) is resumed by the next invocation.
// The purge itself runs as the table owner (CLI), so the runtime role gains no DELETE.
export async function up(db: Kysely<any>): Promise<void> {
  const days = (column: string) => sql`${sql.ref(column)} is null or ${sql.ref(column)} between 1 and 36500`;
  await db.schema
    .createTable('retention_policies')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('closed_ticket_days', 'integer', (c) => c.check(days('closed_ticket_days')))
    .addColumn('comment_days', 'integer', (c) => c.check(days('comment_days')))
    .addColumn('attachment_days', 'integer', (c) => c.check(days('attachment_days')))
    .addColumn('contact_days', 'integer', (c) => c.check(days('contact_days')))
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();
  await tenantRls(db, 'retention_policies');
  await sql`grant select, insert, update on retention_policies to phidesk_app`.execute(db);

  await db.schema
    .createTable('legal_holds')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('contact', 'ticket', 'query')`))
    .addColumn('contact_id', 'uuid')
    .addColumn('ticket_id', 'uuid')
    .addColumn('created_from', 'timestamptz')
    .addColumn('created_to', 'timestamptz')
    .addColumn('statuses', sql`text[]`)
    .addColumn('reason_sealed', 'bytea', (c) => c.notNull())
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('released_at', 'timestamptz')
    .addColumn('released_by', 'text')
    .addCheckConstraint(
      'legal_holds_target',
      sql`(kind = 'contact' and contact_id is not null and ticket_id is null)
        or (kind = 'ticket' and ticket_id is not null and contact_id is null)
        or (kind = 'query' and contact_id is null and ticket_id is null
            and (created_from is not null or created_to is not null or statuses is not null))`,
    )
    .addCheckConstraint(
      'legal_holds_range',
      sql`created_from is null or created_to is null or created_from < created_to`,
    )
    .execute();
  await db.schema
    .createIndex('legal_holds_tenant_created')
    .on('legal_holds')
    .columns(['tenant_id', 'created_at', 'id'])
    .execute();
  await sql`create index legal_holds_active on legal_holds (tenant_id) where released_at is null`.execute(db);
  await db.schema.createIndex('legal_holds_tenant_id').on('legal_holds').columns(['tenant_id', 'id']).execute();
  await tenantRls(db, 'legal_holds');
  await sql`grant select, insert, update on legal_holds to phidesk_app`.execute(db);

  await db.schema
    .createTable('retention_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('running', 'completed')`))
    // the run's "now": every cutoff is computed from it, so a resumed run keeps its cutoffs
    .addColumn('as_of', 'timestamptz', (c) => c.notNull())
    .addColumn('batches', 'integer', (c) => c.notNull().defaultTo(0))
    // records removed so far, by kind: {"tickets": 3, "comments": 7, ...}
    .addColumn('removed', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await sql`create unique index retention_runs_one_running on retention_runs (tenant_id) where status = 'running'`.execute(
    db,
  );
  await tenantRls(db, 'retention_runs');
  await sql`grant select on retention_runs to phidesk_app`.execute(db);

  // the purge finds expired rows by these times
  await sql`create index retention_attachments_created on attachments (tenant_id, created_at)`.execute(db);
  await sql`create index retention_contacts_updated on contacts (tenant_id, updated_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists retention_attachments_created`.execute(db);
  await sql`drop index if exists retention_contacts_updated`.execute(db);
  for (const table of ['retention_runs', 'legal_holds', 'retention_policies'])
    await db.schema.dropTable(table).execute();
}
