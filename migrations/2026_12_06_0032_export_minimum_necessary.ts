import { sql, type Kysely } from 'kysely';

// Minimum necessary on the export that carries PHI to a third party (issue 18, 45 CFR
// 164.502(b)): each webhook endpoint lists the PHI fields its deliveries may carry under a
// Business Associate Agreement in force. Only listed fields are opened, sent and recorded
// as disclosed; an empty list sends none. Default: both fields, so endpoints registered
// before the list existed keep receiving exactly what they received. Field names only: no PHI.
const webhookPhiFields = ['subject', 'commentBody'];

export async function up(db: Kysely<any>): Promise<void> {
  const known = sql.join(webhookPhiFields.map((f) => sql.lit(f)));
  await db.schema
    .alterTable('webhook_endpoints')
    .addColumn('phi_fields', sql`text[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`array[${known}]::text[]`)
        .check(sql`phi_fields <@ array[${known}]::text[]`),
    )
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('webhook_endpoints').dropColumn('phi_fields').execute();
}
