import { sql, type Kysely } from 'kysely';
import { tenantRls } from './2026_11_27_0002_identity.js';

// Attachments on tickets and comments (src/attachments). The bytes never exist here in
// plaintext: each attachment is one libsodium secretstream, stored as numbered chunks of
// sealed bytea; its stream key is sealed under the tenant's data key (so crypto-shredding
// the tenant makes every chunk unreadable) and so is its filename. Metadata that is not
// PHI (detected type, size, chunk count) stays in the clear for listing and limits.
export async function up(db: Kysely<any>): Promise<void> {
  // Per-tenant limits; a tenant without a row gets the defaults in attachments.limits.ts.
  await db.schema
    .createTable('attachment_settings')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('max_bytes', 'bigint', (c) => c.notNull().check(sql`max_bytes > 0`))
    .addColumn('allowed_types', sql`text[]`, (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('ticket_id', 'uuid', (c) => c.notNull().references('tickets.id'))
    .addColumn('comment_id', 'uuid', (c) => c.references('ticket_comments.id'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'bigint', (c) => c.notNull())
    .addColumn('chunk_count', 'integer', (c) => c.notNull())
    .addColumn('chunk_bytes', 'integer', (c) => c.notNull())
    // secretstream header (public, 24 bytes): needed with the key to start pulling
    .addColumn('stream_header', 'bytea', (c) => c.notNull())
    .addColumn('stream_key', 'bytea', (c) => c.notNull())
    .addColumn('filename', 'bytea', (c) => c.notNull())
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();
  await db.schema
    .createIndex('attachments_ticket')
    .on('attachments')
    .columns(['tenant_id', 'ticket_id', 'created_at', 'id'])
    .execute();
  await db.schema.createIndex('attachments_tenant_id').on('attachments').columns(['tenant_id', 'id']).execute();

  await db.schema
    .createTable('attachment_chunks')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('attachment_id', 'uuid', (c) => c.notNull().references('attachments.id').onDelete('cascade'))
    .addColumn('index', 'integer', (c) => c.notNull().check(sql`index >= 0`))
    .addColumn('sealed', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('attachment_chunks_pk', ['attachment_id', 'index'])
    .execute();
  // sealed chunks are already incompressible: storing them EXTERNAL skips a wasted pglz attempt
  await sql`alter table attachment_chunks alter column sealed set storage external`.execute(db);

  for (const table of ['attachment_settings', 'attachments', 'attachment_chunks']) await tenantRls(db, table);
  await sql`grant select on attachment_settings to phidesk_app`.execute(db);
  await sql`grant select, insert, update on attachments to phidesk_app`.execute(db);
  await sql`grant select, insert on attachment_chunks to phidesk_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['attachment_chunks', 'attachments', 'attachment_settings'])
    await db.schema.dropTable(table).execute();
}
