// Purge runs and their saved progress (owner connection; the tenant named explicitly).
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Tx } from '../db/tenant-tx.js';

type Db = Kysely<Database> | Tx;

export async function runningRun(db: Db, tenantId: string, lock = false) {
  const q = db
    .selectFrom('retention_runs')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'running');
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export type RunRow = NonNullable<Awaited<ReturnType<typeof runningRun>>>;

/** A new run, or undefined when another process started one first (one running run per tenant). */
export async function insertRun(db: Db, tenantId: string, asOf: Date): Promise<RunRow | undefined> {
  return db
    .insertInto('retention_runs')
    .values({ tenant_id: tenantId, status: 'running', as_of: asOf })
    .onConflict((oc) => oc.column('tenant_id').where('status', '=', 'running').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function saveProgress(db: Db, runId: string, removed: Record<string, number>, batches: number) {
  await db
    .updateTable('retention_runs')
    .set({ removed: JSON.stringify(removed), batches, updated_at: sql<Date>`clock_timestamp()` })
    .where('id', '=', runId)
    .execute();
}

export async function finishRun(db: Db, runId: string): Promise<RunRow> {
  return db
    .updateTable('retention_runs')
    .set({ status: 'completed', finished_at: sql<Date>`clock_timestamp()`, updated_at: sql<Date>`clock_timestamp()` })
    .where('id', '=', runId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The tenant's retention periods, read as the owner (the purge runs outside a tenant transaction). */
export async function policyOf(db: Db, tenantId: string) {
  return db.selectFrom('retention_policies').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
}

/** Tenants that set any retention period (the purge of every tenant walks these). */
export async function tenantsWithPolicy(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('retention_policies').select('tenant_id').orderBy('tenant_id').execute();
  return rows.map((r) => r.tenant_id);
}
