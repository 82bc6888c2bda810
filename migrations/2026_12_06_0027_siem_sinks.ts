import { sql, type Kysely } from 'kysely';
import { tenantRls } from './2026_11_27_0002_identity.js';

// SIEM sinks: where a tenant's chained audit events are streamed (issue 17). One row per
// sink holds its cursor: the last seq of the tenant's chain the receiver acknowledged.
// The streamer (src/siem/siem-streamer.service.ts) claims due sinks with FOR UPDATE SKIP
// LOCKED and a lease (next_attempt_at), sends the events after the cursor in seq order and
// moves the cursor only when the receiver acknowledged them, compare-and-set on the cursor
// it started from, so two processes never advance one sink twice and a crash loses nothing
// (at least once: the batch in flight may be sent again).
//
// The sink's extra request headers (an auth token) are a secret: sealed as one JSON object
// under the tenant's key, bound to the row (src/siem/siem-sinks.sealing.ts); only their
// names are kept in clear, to show which ones are set.
const SEALED_MIN_BYTES = 6 + 24 + 16;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('siem_sinks')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('otlp_http', 'syslog_tls')`))
    .addColumn('endpoint', 'text', (c) => c.notNull().check(sql`length(endpoint) between 1 and 2000`))
    .addColumn('description', 'text', (c) => c.check(sql`length(description) <= 500`))
    .addColumn('header_names', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('headers_sealed', 'bytea', (c) =>
      c
        .notNull()
        .check(
          sql`length(headers_sealed) >= ${sql.lit(SEALED_MIN_BYTES)} and get_byte(headers_sealed, 0) = 1 and get_byte(headers_sealed, 1) = 1`,
        ),
    )
    .addColumn('key_version', 'integer', (c) => c.notNull().check(sql`key_version >= 1`))
    // syslog_tls: PEM of the CA that signed the receiver's certificate (public; null: the system's CAs)
    .addColumn('tls_ca_pem', 'text', (c) => c.check(sql`length(tls_ca_pem) <= 20000`))
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('cursor_seq', 'bigint', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`cursor_seq >= 0`),
    )
    .addColumn('last_ack_at', 'timestamptz')
    .addColumn('last_attempt_at', 'timestamptz')
    // a short code (http_503, network, timeout, url_refused), never a response body
    .addColumn('last_error', 'text')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    // when the streamer may take the sink next; also its lease while a batch is in flight
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('siem_sinks_tenant_created')
    .on('siem_sinks')
    .columns(['tenant_id', 'created_at', 'id'])
    .execute();
  await sql`create index siem_sinks_due on siem_sinks (next_attempt_at) where enabled`.execute(db);
  await tenantRls(db, 'siem_sinks');
  await sql`grant select, insert, update, delete on siem_sinks to phidesk_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('siem_sinks').execute();
}
