import { sql, type Kysely } from 'kysely';
import { tenantRls } from './2026_11_27_0002_identity.js';

// Who may receive a patient's PHI (issue 18, src/disclosure):
// - contact_verifications: a contact's identity was verified (164.514(h)), by which fixed
//   method, by whom and when; valid for the tenant's verification_valid_days; revocable.
// - personal_representatives (164.502(g)): another contact who stands in for the patient,
//   with a relationship and a scope from fixed lists and effective days.
// - disclosure_settings: per tenant, whether public replies to a patient's ticket are
//   checked against these (off, refuse, hold) and how long a verification lasts.
// - held_replies: public replies a check held for a supervisor; the body and a rejection's
//   reason are sealed like comment bodies (bound to table, column and row id).
// None of these columns holds PHI in the clear: ids, fixed-list values, dates, and the
// fixed-phrase reasons a check gave (pointers such as /recipients/0, never names or text).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('contact_verifications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('contact_id', 'uuid', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('method', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`method in ('government_id', 'date_of_birth_and_address', 'knowledge_based', 'callback_to_number_on_file', 'in_person', 'patient_portal_login')`,
        ),
    )
    .addColumn('verified_by', 'uuid', (c) => c.notNull())
    .addColumn('verified_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('contact_verifications_contact')
    .on('contact_verifications')
    .columns(['tenant_id', 'contact_id', 'verified_at'])
    .execute();

  await db.schema
    .createTable('personal_representatives')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('patient_contact_id', 'uuid', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('representative_contact_id', 'uuid', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('relationship', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`relationship in ('parent', 'legal_guardian', 'healthcare_power_of_attorney', 'spouse', 'executor', 'other_authorised')`,
        ),
    )
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('all', 'billing', 'appointments', 'clinical')`))
    .addColumn('effective_from', 'date', (c) => c.notNull())
    .addColumn('effective_to', 'date')
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('representative_not_self', sql`patient_contact_id <> representative_contact_id`)
    .addCheckConstraint('representative_dates_ordered', sql`effective_to is null or effective_to > effective_from`)
    .execute();
  await db.schema
    .createIndex('personal_representatives_patient')
    .on('personal_representatives')
    .columns(['tenant_id', 'patient_contact_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('personal_representatives_created')
    .on('personal_representatives')
    .columns(['tenant_id', 'created_at', 'id'])
    .execute();

  await db.schema
    .createTable('disclosure_settings')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('recipient_check', 'text', (c) =>
      c
        .notNull()
        .defaultTo('off')
        .check(sql`recipient_check in ('off', 'refuse', 'hold')`),
    )
    .addColumn('verification_valid_days', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(365)
        .check(sql`verification_valid_days between 1 and 3650`),
    )
    .addColumn('updated_by', 'uuid', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('held_replies')
    // the id the comment gets when the reply is released
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('ticket_id', 'uuid', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.notNull())
    .addColumn('author_kind', 'text', (c) => c.notNull())
    .addColumn('recipient_contact_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('topic', 'text', (c) => c.check(sql`topic in ('billing', 'appointments', 'clinical')`))
    .addColumn('reasons', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('body', 'bytea', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('held')
        .check(sql`status in ('held', 'released', 'rejected')`),
    )
    .addColumn('decided_by', 'uuid')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('rejection_reason_sealed', 'bytea')
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('held_replies_tenant_created')
    .on('held_replies')
    .columns(['tenant_id', 'created_at', 'id'])
    .execute();

  for (const table of ['contact_verifications', 'personal_representatives', 'disclosure_settings', 'held_replies'])
    await tenantRls(db, table);
  await sql`grant select, insert, update on contact_verifications, disclosure_settings, held_replies to phidesk_app`.execute(
    db,
  );
  await sql`grant select, insert, update, delete on personal_representatives to phidesk_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['held_replies', 'disclosure_settings', 'personal_representatives', 'contact_verifications'])
    await db.schema.dropTable(table).execute();
}
