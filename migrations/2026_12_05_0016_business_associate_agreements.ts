import { sql, type Kysely } from 'kysely';
import { tenantRls } from './2026_11_27_0002_identity.js';

// Business Associate Agreements (45 CFR 164.502(e), 164.504(e)): the registry a tenant
// keeps of who may receive PHI from phidesk on its behalf, under what scope and for how
// long. Anything that sends PHI out (webhooks, migration 0017) asks it at the moment of
// sending: an agreement is in force from effective_on until expires_on (exclusive) unless
// it was terminated earlier. The agreement itself lives elsewhere (document_ref points
// at it); these columns hold no PHI: counterparty and scope name businesses and services.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('business_associate_agreements')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('counterparty', 'text', (c) => c.notNull().check(sql`length(counterparty) between 1 and 200`))
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`length(scope) between 1 and 1000`))
    .addColumn('effective_on', 'date', (c) => c.notNull())
    .addColumn('expires_on', 'date')
    .addColumn('document_ref', 'text', (c) => c.check(sql`length(document_ref) between 1 and 500`))
    .addColumn('terminated_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('baa_dates_ordered', sql`expires_on is null or expires_on > effective_on`)
    .execute();
  await db.schema
    .createIndex('business_associate_agreements_tenant_created')
    .on('business_associate_agreements')
    .columns(['tenant_id', 'created_at', 'id'])
    .execute();
  await tenantRls(db, 'business_associate_agreements');
  // no delete: an agreement that ended is terminated, and stays for the accounting of disclosures
  await sql`grant select, insert, update on business_associate_agreements to phidesk_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('business_associate_agreements').execute();
}
