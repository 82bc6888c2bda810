import { sql, type Kysely } from 'kysely';
import { tenantRls } from './2026_11_27_0002_identity.js';

// PHI sealing: wrapped tenant keys, contacts (every PHI column sealed), and the
// resumable re-seal job.
//
// tenant_keys and reseal_jobs get RLS but NO grant to the runtime role: key loading
// and key operations run on the owner connection, outside request transactions, so a
// request (or an injection inside one) can never read wrapped keys.
//
// Sealed columns carry a CHECK that they start with the envelope header (format 1,
// algorithm 1) and are at least header + nonce + tag long: plaintext written by a
// forgotten code path or a hand-typed UPDATE is refused by the database itself.

const SEALED_MIN_BYTES = 6 + 24 + 16;
const sealedColumns = [
  'name',
  'email',
  'phone',
  'date_of_birth',
  'address',
  'mrn',
  'health_plan_member_id',
  'external_ids',
];
const blindIndexColumns = ['email_bidx', 'phone_bidx', 'mrn_bidx', 'dob_name_bidx'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tenant_keys')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    // 0 = the blind-index root, >= 1 = data key versions
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 0`))
    .addColumn('wrapped', 'bytea', (c) => c.notNull())
    .addColumn('master_key_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('active', 'decrypt_only', 'retired', 'destroyed')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('tenant_keys_pk', ['tenant_id', 'version'])
    // a destroyed key holds nothing, and only a destroyed key holds nothing
    .addCheckConstraint('tenant_keys_destroyed_is_empty', sql`(status = 'destroyed') = (length(wrapped) = 0)`)
    .execute();
  await tenantRls(db, 'tenant_keys');

  let contacts = db.schema
    .createTable('contacts')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'));
  for (const column of sealedColumns) contacts = contacts.addColumn(column, 'bytea');
  for (const column of blindIndexColumns)
    contacts = contacts.addColumn(column, 'bytea', (c) => c.check(sql`length(${sql.ref(column)}) = 16`));
  await contacts
    .addColumn('key_version', 'integer', (c) => c.notNull().check(sql`key_version >= 1`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    // a live contact has a name; a deleted one has had its PHI erased
    .addCheckConstraint('contacts_live_has_name', sql`deleted_at is not null or name is not null`)
    .execute();
  for (const column of sealedColumns) {
    await sql`alter table contacts add constraint ${sql.id(`contacts_${column}_sealed`)} check (
      ${sql.ref(column)} is null or (length(${sql.ref(column)}) >= ${sql.lit(SEALED_MIN_BYTES)}
        and get_byte(${sql.ref(column)}, 0) = 1 and get_byte(${sql.ref(column)}, 1) = 1))`.execute(db);
  }
  await db.schema
    .createIndex('contacts_tenant_created')
    .on('contacts')
    .columns(['tenant_id', 'created_at', 'id'])
    .execute();
  // the re-seal job walks a tenant's rows in id order from its saved cursor, skipping
  // those already under the target version: an ordered range scan, whatever the size
  await db.schema.createIndex('contacts_tenant_id').on('contacts').columns(['tenant_id', 'id']).execute();
  for (const column of blindIndexColumns) {
    await db.schema
      .createIndex(`contacts_${column}`)
      .on('contacts')
      .columns(['tenant_id', column])
      .where(column, 'is not', null)
      .execute();
  }
  await tenantRls(db, 'contacts');
  // no DELETE: deleting a contact erases its PHI columns and keeps the row for references
  await sql`grant select, insert, update on contacts to phidesk_app`.execute(db);

  await db.schema
    .createTable('reseal_jobs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('target_version', 'integer', (c) => c.notNull().check(sql`target_version >= 1`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('running')
        .check(sql`status in ('running', 'completed', 'superseded', 'cancelled')`),
    )
    .addColumn('cursor', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('total_rows', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_done', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('fields_done', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_failed', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  // one running job per tenant: a second start resumes it instead
  await sql`create unique index reseal_jobs_one_running on reseal_jobs (tenant_id) where status = 'running'`.execute(
    db,
  );
  await tenantRls(db, 'reseal_jobs');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reseal_jobs').execute();
  await db.schema.dropTable('contacts').execute();
  await db.schema.dropTable('tenant_keys').execute();
}
