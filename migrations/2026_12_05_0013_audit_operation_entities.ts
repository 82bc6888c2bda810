import { sql, type Kysely } from 'kysely';

// One audit event per operation (issue 14): an event that names several records keeps
// their ids and their patients' ids in two uuid arrays rather than in its JSON body, so a
// list page of 50 costs a few KB of trail instead of 50 events. GIN indexes over the
// arrays answer "who accessed patient X" and "which events touched record R" from an
// index; events written before (and single-record events) keep subject_contact_id and
// resource_id, which their btree indexes already serve. fastupdate (the default) batches
// the GIN insertions: a page's 50 keys cost one pending-list append, not 50 tree inserts.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_events add column entity_ids uuid[], add column entity_contact_ids uuid[]`.execute(db);
  await sql`create index audit_events_by_entity on audit_events using gin (entity_ids) where entity_ids is not null`.execute(
    db,
  );
  await sql`create index audit_events_by_entity_contact on audit_events using gin (entity_contact_ids) where entity_contact_ids is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists audit_events_by_entity_contact`.execute(db);
  await sql`drop index if exists audit_events_by_entity`.execute(db);
  await sql`alter table audit_events drop column entity_contact_ids, drop column entity_ids`.execute(db);
}
