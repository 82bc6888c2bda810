import { sql, type Kysely } from 'kysely';

// The relationship-match detector of the activity review (issue 17): staff reading the record
// of a patient who shares their surname or address. Names and addresses are PHI, so both
// sides are compared by keyed blind index only (the tenant's contacts/surname and
// contacts/address keys): contacts get the indexes, filled on every create and update
// (existing contacts have none until re-saved), and staff users get the same indexes of
// their self-declared surname and address, set through PUT /v1/users/{id}/relationship-hashes.
// The tenant switches the comparison on per attribute; both are off by default.
const kinds = (values: string[]) => sql`kind in (${sql.join(values.map((v) => sql.lit(v)))})`;
const before = ['off_hours', 'volume', 'denied_burst', 'break_glass'];
const after = [...before, 'relationship_match'];

async function setKinds(db: Kysely<any>, values: string[]): Promise<void> {
  for (const table of ['activity_tallies', 'review_findings']) {
    await sql`alter table ${sql.table(table)} drop constraint if exists ${sql.ref(`${table}_kind_check`)}`.execute(db);
    await sql`alter table ${sql.table(table)} add constraint ${sql.ref(`${table}_kind_check`)} check (${kinds(values)})`.execute(
      db,
    );
  }
}

const index = (column: string) => sql`${sql.ref(column)} is null or length(${sql.ref(column)}) = 16`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('contacts')
    .addColumn('surname_bidx', 'bytea', (c) => c.check(index('surname_bidx')))
    .addColumn('address_bidx', 'bytea', (c) => c.check(index('address_bidx')))
    .execute();
  await db.schema
    .alterTable('users')
    .addColumn('surname_bidx', 'bytea', (c) => c.check(index('surname_bidx')))
    .addColumn('address_bidx', 'bytea', (c) => c.check(index('address_bidx')))
    .execute();
  await db.schema
    .alterTable('activity_review_settings')
    .addColumn('relationship_surname', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('relationship_address', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await setKinds(db, after);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from review_findings where kind = 'relationship_match'`.execute(db);
  await sql`delete from activity_tallies where kind = 'relationship_match'`.execute(db);
  await setKinds(db, before);
  await db.schema
    .alterTable('activity_review_settings')
    .dropColumn('relationship_surname')
    .dropColumn('relationship_address')
    .execute();
  await db.schema.alterTable('users').dropColumn('surname_bidx').dropColumn('address_bidx').execute();
  await db.schema.alterTable('contacts').dropColumn('surname_bidx').dropColumn('address_bidx').execute();
}
