import { sql, type Kysely } from 'kysely';

// Minimum necessary on the way out (issue 18; 164.502(b), 164.514(d)(2)): per tenant, which
// PHI fields each role may have opened, per record type, e.g.
//   { "Contact": { "agent": ["name", "phone"] }, "Ticket": { "integration": ["subject"] } }.
// A (record type, role) pair not listed keeps every field its read_phi allows. It lives on
// the tenant row because authentication already reads that row (no extra round trip per
// request) and because the tenants change notice already drops the cached actors when it
// changes (migration 0012). No PHI here: record types, role names and field names only.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('tenants')
    .addColumn('minimum_necessary', 'jsonb', (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'::jsonb`)
        .check(sql`jsonb_typeof(minimum_necessary) = 'object'`),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tenants').dropColumn('minimum_necessary').execute();
}
