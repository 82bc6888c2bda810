import { sql, type Kysely } from 'kysely';
import { tenantRls } from './2026_11_27_0002_identity.js';

// Per-tenant PHI detection on the way out (issue 18): what to do when an outgoing text
// (a public reply, a webhook payload) holds another patient's identifier (found by
// value through the contacts' blind indexes) or an identifier-shaped string (found by
// pattern), and the tenant's own MRN and account formats. A tenant without a row gets
// the defaults of src/phi-detection/settings.model.ts (detection off). No PHI here: the
// columns hold actions, kind names and regular expressions.
const actions = sql`('off', 'warn', 'redact', 'hold', 'block')`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('phi_detection_settings')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('other_patient_action', 'text', (c) => c.notNull().check(sql`other_patient_action in ${actions}`))
    .addColumn('pattern_action', 'text', (c) => c.notNull().check(sql`pattern_action in ${actions}`))
    .addColumn('pattern_kinds', sql`text[]`, (c) => c.notNull())
    .addColumn('mrn_patterns', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('account_patterns', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('updated_by', 'uuid', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();
  await tenantRls(db, 'phi_detection_settings');
  // no delete: a tenant changes its settings (back to 'off' if it wants), it does not remove them
  await sql`grant select, insert, update on phi_detection_settings to phidesk_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('phi_detection_settings').execute();
}
