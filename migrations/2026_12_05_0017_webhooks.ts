import { sql, type Kysely } from 'kysely';
import { tenantRls } from './2026_11_27_0002_identity.js';

// Webhooks: endpoints a tenant admin registers, their signing secrets (sealed, several
// during a rotation), and an outbox. A change writes its event and one delivery row per
// subscribed endpoint in the same transaction as the change (src/webhooks/outbox.repository.ts),
// so a crash after COMMIT loses nothing; the dispatcher claims due deliveries with
// FOR UPDATE SKIP LOCKED and a lease (next_attempt_at), so several processes share the work and a delivery
// whose process died is taken up again when its lease runs out (at least once).
//
// Events carry ids and types, never PHI values; PHI is looked up at delivery time, and
// only for an endpoint tied to an agreement in force then (migration 0016).
const SEALED_MIN_BYTES = 6 + 24 + 16;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('url', 'text', (c) => c.notNull().check(sql`length(url) between 1 and 2000`))
    .addColumn('description', 'text', (c) => c.check(sql`length(description) <= 500`))
    .addColumn('event_types', sql`text[]`, (c) => c.notNull().check(sql`cardinality(event_types) >= 1`))
    .addColumn('baa_id', 'uuid', (c) => c.references('business_associate_agreements.id'))
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('disabled_reason', 'text')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('webhook_endpoints_tenant_created')
    .on('webhook_endpoints')
    .columns(['tenant_id', 'created_at', 'id'])
    .execute();

  // A secret with retires_at set still signs until then: old and new overlap during a rotation.
  await db.schema
    .createTable('webhook_secrets')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('endpoint_id', 'uuid', (c) => c.notNull().references('webhook_endpoints.id').onDelete('cascade'))
    .addColumn('secret_sealed', 'bytea', (c) =>
      c
        .notNull()
        .check(
          sql`length(secret_sealed) >= ${sql.lit(SEALED_MIN_BYTES)} and get_byte(secret_sealed, 0) = 1 and get_byte(secret_sealed, 1) = 1`,
        ),
    )
    .addColumn('key_version', 'integer', (c) => c.notNull().check(sql`key_version >= 1`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('retires_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('webhook_secrets_endpoint').on('webhook_secrets').columns(['endpoint_id']).execute();

  await db.schema
    .createTable('webhook_events')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  // One row per (event, endpoint): its id is the webhook-id receivers deduplicate by.
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('event_id', 'uuid', (c) => c.notNull().references('webhook_events.id').onDelete('cascade'))
    .addColumn('endpoint_id', 'uuid', (c) => c.notNull().references('webhook_endpoints.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'delivered', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // also the lease: a claim moves it past the attempt's timeout, so a claim whose process
    // died comes due again by itself
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('webhook_deliveries_event_endpoint', ['event_id', 'endpoint_id'])
    .execute();
  await sql`create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending'`.execute(
    db,
  );
  await db.schema
    .createIndex('webhook_deliveries_endpoint')
    .on('webhook_deliveries')
    .columns(['endpoint_id', 'created_at'])
    .execute();

  // Each try, for the attempts listing: an error is a short code, never a response body.
  await db.schema
    .createTable('webhook_attempts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('delivery_id', 'uuid', (c) => c.notNull().references('webhook_deliveries.id').onDelete('cascade'))
    .addColumn('endpoint_id', 'uuid', (c) => c.notNull().references('webhook_endpoints.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('error', 'text')
    .addColumn('carried_phi', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('webhook_attempts_endpoint')
    .on('webhook_attempts')
    .columns(['endpoint_id', 'created_at', 'id'])
    .execute();

  for (const table of [
    'webhook_endpoints',
    'webhook_secrets',
    'webhook_events',
    'webhook_deliveries',
    'webhook_attempts',
  ]) {
    await tenantRls(db, table);
  }
  await sql`grant select, insert, update, delete on webhook_endpoints, webhook_secrets to phidesk_app`.execute(db);
  await sql`grant select, insert on webhook_events to phidesk_app`.execute(db);
  await sql`grant select, insert, update on webhook_deliveries to phidesk_app`.execute(db);
  await sql`grant select on webhook_attempts to phidesk_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'webhook_attempts',
    'webhook_deliveries',
    'webhook_events',
    'webhook_secrets',
    'webhook_endpoints',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
