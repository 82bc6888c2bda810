import { sql, type Kysely } from 'kysely';

// Break-glass reasons and review notes are free text that staff type ("Patient in ED,
// unconscious, ..."): they may hold PHI, so they are sealed like PHI columns from now on.
// The auditor role sees that a reason exists and how long it is (reason_length), never
// its text; the privacy officer and the grant's holder open it.
//
// Grants opened before this migration keep their plaintext in `reason`/`review_note`:
// a migration has no tenant keys to seal with. They are presented exactly like sealed
// ones (text only to the privacy officer and the holder). New rows never write plaintext:
// the CHECK below refuses a row that has both.
//
// Sealed columns carry the same envelope-header CHECK as every other sealed column
// (format 1, algorithm 1, at least header + nonce + tag), and `key_version` is the
// version both sealed columns of the row are under (src/keys/sealed-tables.ts).
const SEALED_MIN_BYTES = 6 + 24 + 16;

const envelope = (
  column: string,
) => sql`${sql.ref(column)} is null or (length(${sql.ref(column)}) >= ${sql.lit(SEALED_MIN_BYTES)}
  and get_byte(${sql.ref(column)}, 0) = 1 and get_byte(${sql.ref(column)}, 1) = 1)`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('break_glass_grants')
    .addColumn('reason_sealed', 'bytea', (c) => c.check(envelope('reason_sealed')))
    .addColumn('reason_length', 'integer', (c) => c.check(sql`reason_length between 10 and 1000`))
    .addColumn('review_note_sealed', 'bytea', (c) => c.check(envelope('review_note_sealed')))
    .addColumn('review_note_length', 'integer', (c) => c.check(sql`review_note_length between 0 and 2000`))
    .addColumn('key_version', 'integer', (c) => c.check(sql`key_version >= 1`))
    .execute();
  await sql`alter table break_glass_grants alter column reason drop not null`.execute(db);
  await sql`update break_glass_grants set reason_length = length(reason),
    review_note_length = case when review_note is null then null else length(review_note) end`.execute(db);
  await sql`alter table break_glass_grants alter column reason_length set not null`.execute(db);
  await sql`alter table break_glass_grants add constraint break_glass_reason_once check (
    (reason is null) <> (reason_sealed is null)
    and (review_note is null or review_note_sealed is null)
    and (reason_sealed is null) = (key_version is null))`.execute(db);
  // the re-seal job walks a tenant's rows in id order (as for every sealed table)
  await db.schema
    .createIndex('break_glass_grants_tenant_id')
    .on('break_glass_grants')
    .columns(['tenant_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('break_glass_grants_tenant_id').execute();
  await sql`alter table break_glass_grants drop constraint break_glass_reason_once`.execute(db);
  for (const column of ['reason_sealed', 'reason_length', 'review_note_sealed', 'review_note_length', 'key_version']) {
    await db.schema.alterTable('break_glass_grants').dropColumn(column).execute();
  }
}
