// SQL for key operations (owner connection: these run from the CLI, never in a request).
// The re-seal queries are generic over the sealed tables listed in sealed-tables.ts,
// whose names are constants of this codebase, never input.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, ResealJobStatus } from '../db/database.js';
import type { SealedTableSpec } from './sealed-tables.js';

type Db = Kysely<Database>;

export async function findTenant(db: Db, slug: string) {
  return db.selectFrom('tenants').select(['id', 'slug', 'status']).where('slug', '=', slug).executeTakeFirst();
}

export async function lockTenant(db: Db, id: string) {
  return db.selectFrom('tenants').select(['id', 'slug', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function markTenantShredded(db: Db, id: string): Promise<void> {
  await db.updateTable('tenants').set({ status: 'shredded', updated_at: new Date() }).where('id', '=', id).execute();
}

/** bytes 2..5 of a sealed value are its key version (see envelope.ts); int4send gives the same big-endian bytes */
const versionIs = (column: string, version: number): RawBuilder<boolean> =>
  sql<boolean>`substring(${sql.ref(column)} from 3 for 4) = int4send(${version}::int4)`;

/** How many sealed values of the tenant name `version`, read from the ciphertext headers themselves. */
export async function countValuesUnderVersion(
  db: Db,
  tables: readonly SealedTableSpec[],
  tenantId: string,
  version: number,
): Promise<number> {
  let total = 0;
  for (const spec of tables) {
    const sums = spec.columns.map((c) => sql`count(*) filter (where ${versionIs(c, version)})`);
    const { rows } = await sql<{
      n: number;
    }>`select (${sql.join(sums, sql` + `)})::int as n from ${sql.table(spec.table)} where tenant_id = ${tenantId}`.execute(
      db,
    );
    total += rows[0]?.n ?? 0;
  }
  return total;
}

/** Sealed values per key version, across every sealed table of the tenant (for `keys status`). */
export async function valuesByVersion(
  db: Db,
  tables: readonly SealedTableSpec[],
  tenantId: string,
): Promise<Map<number, number>> {
  const counts = new Map<number, number>();
  for (const spec of tables) {
    for (const column of spec.columns) {
      const { rows } = await sql<{ v: number; n: number }>`
        select ('x' || encode(substring(${sql.ref(column)} from 3 for 4), 'hex'))::bit(32)::int as v, count(*)::int as n
        from ${sql.table(spec.table)} where tenant_id = ${tenantId} and ${sql.ref(column)} is not null group by 1`.execute(
        db,
      );
      for (const r of rows) counts.set(r.v, (counts.get(r.v) ?? 0) + r.n);
    }
  }
  return counts;
}

export async function countRowsToReseal(
  db: Db,
  spec: SealedTableSpec,
  tenantId: string,
  target: number,
): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(spec.table)}
    where tenant_id = ${tenantId} and key_version <> ${target}`.execute(db);
  return rows[0]?.n ?? 0;
}

/**
 * A re-seal batch need not wait for its WAL flush: if the server crashes first, the
 * batch (and its saved progress, in the same transaction) is lost together, the rows
 * keep their old, still readable ciphertext, and the job redoes them when resumed.
 */
export async function relaxCommitDurability(tx: Db): Promise<void> {
  await sql`set local synchronous_commit = off`.execute(tx);
}

export type SealedRow = { id: string; [column: string]: Buffer | string | null };

/** The next batch of rows not yet under `target`, after `afterId`, locked until the batch commits. */
export async function lockResealBatch(
  db: Db,
  spec: SealedTableSpec,
  tenantId: string,
  target: number,
  afterId: string | null,
  limit: number,
): Promise<SealedRow[]> {
  const after = afterId === null ? sql`true` : sql`id > ${afterId}::uuid`;
  const { rows } =
    await sql<SealedRow>`select id, ${sql.join(spec.columns.map((c) => sql.ref(c)))} from ${sql.table(spec.table)}
    where tenant_id = ${tenantId} and key_version <> ${target} and ${after}
    order by id limit ${limit} for update`.execute(db);
  return rows;
}

/** Writes re-sealed columns of many rows in one statement and moves them to `target`. */
export async function writeResealed(
  db: Db,
  spec: SealedTableSpec,
  tenantId: string,
  target: number,
  rows: SealedRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map(
    (r) => sql`(${r.id}::uuid, ${sql.join(spec.columns.map((c) => sql`${r[c] ?? null}::bytea`))})`,
  );
  const names = sql.join(['id', ...spec.columns].map((c) => sql.id(c)));
  const sets = sql.join(spec.columns.map((c) => sql`${sql.id(c)} = v.${sql.id(c)}`));
  await sql`update ${sql.table(spec.table)} as t set ${sets}, key_version = ${target}
    from (values ${sql.join(values)}) as v(${names})
    where t.id = v.id and t.tenant_id = ${tenantId}`.execute(db);
}

const jobColumns = [
  'id',
  'tenant_id',
  'target_version',
  'status',
  'cursor',
  'total_rows',
  'rows_done',
  'fields_done',
  'rows_failed',
  'started_at',
  'updated_at',
  'finished_at',
] as const;

export async function runningJob(db: Db, tenantId: string, lock = false) {
  const q = db
    .selectFrom('reseal_jobs')
    .select(jobColumns)
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'running');
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export type ResealJobRow = NonNullable<Awaited<ReturnType<typeof runningJob>>>;

export async function insertJob(db: Db, tenantId: string, target: number, totalRows: number) {
  return db
    .insertInto('reseal_jobs')
    .values({ tenant_id: tenantId, target_version: target, total_rows: totalRows })
    .onConflict((oc) => oc.column('tenant_id').where('status', '=', 'running').doNothing())
    .returning(jobColumns)
    .executeTakeFirst();
}

export async function saveProgress(
  db: Db,
  id: string,
  progress: { cursor: { table?: string; afterId?: string }; rowsDone: number; fieldsDone: number; rowsFailed: number },
): Promise<void> {
  await db
    .updateTable('reseal_jobs')
    .set({
      cursor: JSON.stringify(progress.cursor),
      rows_done: progress.rowsDone,
      fields_done: progress.fieldsDone,
      rows_failed: progress.rowsFailed,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
}

export async function finishJob(db: Db, id: string, status: ResealJobStatus): Promise<void> {
  await db
    .updateTable('reseal_jobs')
    .set({ status, finished_at: new Date(), updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function cancelRunningJobs(db: Db, tenantId: string): Promise<void> {
  await db
    .updateTable('reseal_jobs')
    .set({ status: 'cancelled', finished_at: new Date(), updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'running')
    .execute();
}
