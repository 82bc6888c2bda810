import { sql, type Kysely } from 'kysely';
import { tenantRls } from './2026_11_27_0002_identity.js';

// Ticketing. Free text (subject, description, comment bodies) and PHI custom fields and
// EHR references are sealed (bytea); statuses, priorities, tags, ids and times are not.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('custom_field_definitions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull().check(sql`key ~ '^[a-z][a-z0-9_]{0,39}$'`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('text', 'number', 'date', 'enum', 'boolean')`))
    .addColumn('options', sql`text[]`)
    .addColumn('phi', 'boolean', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('custom_field_definitions_key', ['tenant_id', 'key'])
    .execute();

  await db.schema
    .createTable('sla_policies')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('priority', 'text', (c) => c.notNull().check(sql`priority in ('low', 'normal', 'high', 'urgent')`))
    .addColumn('first_response_minutes', 'integer', (c) => c.notNull().check(sql`first_response_minutes > 0`))
    .addColumn('resolution_minutes', 'integer', (c) => c.notNull().check(sql`resolution_minutes > 0`))
    // {"timezone": "America/New_York", "days": [1,2,3,4,5], "start": "09:00", "end": "17:00"} or null for 24x7
    .addColumn('business_hours', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('sla_policies_priority', ['tenant_id', 'priority'])
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('subject', 'bytea', (c) => c.notNull())
    .addColumn('description', 'bytea')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')`),
    )
    .addColumn('priority', 'text', (c) => c.notNull().check(sql`priority in ('low', 'normal', 'high', 'urgent')`))
    .addColumn('type', 'text', (c) => c.notNull().check(sql`type in ('question', 'incident', 'problem', 'task')`))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('api', 'web', 'email', 'phone', 'chat')`))
    .addColumn('requester_id', 'uuid', (c) => c.references('contacts.id'))
    .addColumn('assignee_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('group_id', 'uuid', (c) => c.references('groups.id').onDelete('set null'))
    .addColumn('tags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('custom_fields', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    // JSON of PHI custom fields and external references, sealed as one value
    .addColumn('sealed_fields', 'bytea')
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('first_response_due_at', 'timestamptz')
    .addColumn('resolution_due_at', 'timestamptz')
    .addColumn('first_responded_at', 'timestamptz')
    .addColumn('solved_at', 'timestamptz')
    .addColumn('deleted_at', 'timestamptz')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();
  for (const [name, cols] of [
    ['tickets_tenant_order', ['tenant_id', 'created_at', 'id']],
    ['tickets_assignee', ['tenant_id', 'assignee_id']],
    ['tickets_group', ['tenant_id', 'group_id']],
    ['tickets_requester', ['tenant_id', 'requester_id']],
    ['tickets_updated', ['tenant_id', 'updated_at']],
    ['tickets_resolution_due', ['tenant_id', 'resolution_due_at']],
  ] as const) {
    await db.schema
      .createIndex(name)
      .on('tickets')
      .columns([...cols])
      .execute();
  }
  await sql`create index tickets_tags on tickets using gin (tags)`.execute(db);

  await db.schema
    .createTable('ticket_comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('ticket_id', 'uuid', (c) => c.notNull().references('tickets.id'))
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('author_kind', 'text', (c) => c.notNull())
    .addColumn('public', 'boolean', (c) => c.notNull())
    .addColumn('body', 'bytea', (c) => c.notNull())
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('redacted', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();
  await db.schema
    .createIndex('ticket_comments_ticket')
    .on('ticket_comments')
    .columns(['tenant_id', 'ticket_id', 'created_at', 'id'])
    .execute();

  // Earlier bodies of edited comments (edits keep history); redaction rewrites these too.
  await db.schema
    .createTable('ticket_comment_revisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('comment_id', 'uuid', (c) => c.notNull().references('ticket_comments.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('body', 'bytea', (c) => c.notNull())
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('edited_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addUniqueConstraint('ticket_comment_revisions_rev', ['comment_id', 'revision'])
    .execute();

  // The ticket timeline: every change as an event (names and non-PHI values only).
  await db.schema
    .createTable('ticket_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('ticket_id', 'uuid', (c) => c.notNull().references('tickets.id'))
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('changes', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();
  await db.schema
    .createIndex('ticket_events_ticket')
    .on('ticket_events')
    .columns(['tenant_id', 'ticket_id', 'created_at', 'id'])
    .execute();

  // Idempotency-Key records: the key, a hash of the request, and where the first result
  // lives (re-read on replay, so no response body, and no PHI, is stored here).
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['tenant_id', 'actor_id', 'key'])
    .execute();

  // The re-seal job walks each sealed table of a tenant in id order.
  for (const table of ['tickets', 'ticket_comments', 'ticket_comment_revisions']) {
    await db.schema.createIndex(`${table}_tenant_id`).on(table).columns(['tenant_id', 'id']).execute();
  }
  for (const table of [
    'custom_field_definitions',
    'sla_policies',
    'tickets',
    'ticket_comments',
    'ticket_comment_revisions',
    'ticket_events',
    'idempotency_keys',
  ]) {
    await tenantRls(db, table);
  }
  await sql`grant select, insert, update on tickets, ticket_comments, ticket_comment_revisions to phidesk_app`.execute(
    db,
  );
  await sql`grant select, insert on ticket_events to phidesk_app`.execute(db);
  await sql`grant select, insert, update, delete on custom_field_definitions, sla_policies, idempotency_keys to phidesk_app`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'idempotency_keys',
    'ticket_events',
    'ticket_comment_revisions',
    'ticket_comments',
    'tickets',
    'sla_policies',
    'custom_field_definitions',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
