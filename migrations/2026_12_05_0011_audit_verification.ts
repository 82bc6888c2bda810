import { sql, type Kysely } from 'kysely';

// Verification that does not grow with history (issue 14).
//
// audit_verified_positions: per tenant, how far its chain has been verified: the signed
// checkpoint the walk ended on (tree size, head hash, key, issue time), the Merkle
// frontier at that size (so the next walk can check later checkpoints' roots without
// re-reading the prefix), when and by what (a request or a job id), and a fingerprint of
// the append-only triggers of audit_events at the time. The next verification starts
// there instead of at seq 1.
//
// Who may write it matters: a forged "verified up to N" record would hide an edit before
// N from every incremental verification. So the runtime role (every request transaction,
// and any injection inside one) may only READ its tenant's row; rows are written on the
// owner connection by the verification service after a walk that found nothing. The
// record is also checked before use (the checkpoint it names must be signed, its root
// must match the stored frontier, the event at its seq must still have its hash, the
// trigger fingerprint must be unchanged), and the full re-verification job walks from
// seq 1 whatever the record says.
//
// audit_verification_jobs: full re-verification jobs, their progress and result. Same
// privileges: the runtime role reads its tenant's jobs, the owner connection writes.
// One active (queued or running) job per tenant, by a partial unique index.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_verified_positions')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull().check(sql`seq >= 1`))
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('merkle_frontier', sql`text[]`, (c) => c.notNull())
    .addColumn('checkpoint_issued_at', 'text', (c) => c.notNull())
    .addColumn('checkpoint_key_id', 'text', (c) => c.notNull())
    // signed checkpoints verified from seq 1 up to here (carried from walk to walk)
    .addColumn('checkpoints_verified', 'integer', (c) => c.notNull())
    .addColumn('guard', 'text', (c) => c.notNull())
    .addColumn('verified_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    // 'request' or the id of the job that verified it
    .addColumn('verified_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_verification_jobs')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed')`))
    .addColumn('requested_by', 'text', (c) => c.notNull())
    // events of the chain when the job started (seq 1..total_events are walked)
    .addColumn('total_events', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('events_checked', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('events_per_second', 'integer', (c) => c.notNull().defaultTo(0))
    // the verification report once done (no event content: seqs, damage kinds, counts)
    .addColumn('result', 'jsonb')
    .addColumn('error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('started_at', 'timestamptz')
    // heartbeat: a running job moves it at every batch; one that stops moving was left by a dead process
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await sql`create unique index audit_verification_jobs_one_active on audit_verification_jobs (tenant_id)
    where status in ('queued', 'running')`.execute(db);
  await db.schema
    .createIndex('audit_verification_jobs_tenant_created')
    .on('audit_verification_jobs')
    .columns(['tenant_id', 'created_at'])
    .execute();

  for (const table of ['audit_verified_positions', 'audit_verification_jobs']) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    // read-only for the runtime role: no WITH CHECK needed, it has no write privilege
    await sql`create policy tenant_isolation on ${sql.table(table)} to phidesk_app
      using (tenant_id = app_tenant_id())`.execute(db);
    await sql
      .raw(
        `do $$ begin execute format('create policy owner_access on ${table} to %I using (true) with check (true)', current_user); end $$`,
      )
      .execute(db);
    await sql`grant select on ${sql.table(table)} to phidesk_app`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_verification_jobs').execute();
  await db.schema.dropTable('audit_verified_positions').execute();
}
