// SQL of incremental verification and re-verification jobs (migration 0011). The tables
// are not in src/db/database.ts: they are this module's alone, added with withTables.
// Reads run in the caller's tenant transaction (RLS, the runtime role may SELECT);
// writes take the owner connection (a Kysely<Database> outside any tenant transaction),
// because the runtime role may not write "verified up to" records (see the migration).
import { sql, type Generated, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import type { Tx } from '../db/tenant-tx.js';
import { storedEventColumns } from './audit.repository.js';
import type { ChainSlice } from './verification/verbatim.js';

type VerifiedPositionsTable = {
  tenant_id: string;
  seq: number;
  hash: string;
  merkle_frontier: string[];
  checkpoint_issued_at: string;
  checkpoint_key_id: string;
  checkpoints_verified: number;
  guard: string;
  verified_at: Date;
  verified_by: string;
};

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

type VerificationJobsTable = {
  id: string;
  tenant_id: string;
  status: JobStatus;
  requested_by: string;
  total_events: number;
  events_checked: Generated<number>;
  events_per_second: Generated<number>;
  result: unknown;
  error: string | null;
  created_at: Generated<Date>;
  started_at: Date | null;
  updated_at: Generated<Date>;
  finished_at: Date | null;
};

type VerificationTables = {
  audit_verified_positions: VerifiedPositionsTable;
  audit_verification_jobs: VerificationJobsTable;
};

type Db = Kysely<Database> | Tx;
const withVerification = (db: Db) => db.withTables<VerificationTables>();

export type VerifiedPositionRow = VerifiedPositionsTable;
export type VerificationJobRow = Selectable<VerificationJobsTable>;

/**
 * What the append-only triggers of audit_events look like now: name, enabled state and
 * row version of each. Disabling, dropping or recreating one (the way an owner edits the
 * trail) changes it, so a position recorded under another fingerprint is not trusted.
 */
export async function appendOnlyGuard(db: Db): Promise<string> {
  const { rows } = await sql<{ guard: string | null }>`
    select string_agg(concat_ws(':', t.tgname::text, t.tgenabled::text, t.xmin::text), ',' order by t.tgname) as guard
    from pg_trigger t where t.tgrelid = 'audit_events'::regclass and not t.tgisinternal`.execute(db);
  return rows[0]?.guard ?? '';
}

export async function verifiedPosition(db: Db, tenantId: string): Promise<VerifiedPositionRow | undefined> {
  const row = await withVerification(db)
    .selectFrom('audit_verified_positions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return row ? { ...row, seq: Number(row.seq) } : undefined;
}

/** Owner connection only (the runtime role has no write privilege). */
export async function saveVerifiedPosition(
  owner: Kysely<Database>,
  position: Omit<VerifiedPositionRow, 'verified_at'>,
): Promise<void> {
  const { tenant_id: _tenant, ...rest } = position;
  await withVerification(owner)
    .insertInto('audit_verified_positions')
    .values({ ...position, verified_at: sql<Date>`clock_timestamp()` })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...rest, verified_at: sql<Date>`clock_timestamp()` }))
    .execute();
}

const jobColumns = [
  'id',
  'tenant_id',
  'status',
  'requested_by',
  'total_events',
  'events_checked',
  'events_per_second',
  'result',
  'error',
  'created_at',
  'started_at',
  'updated_at',
  'finished_at',
] as const;

function jobFromRow(row: VerificationJobRow): VerificationJobRow {
  return { ...row, total_events: Number(row.total_events), events_checked: Number(row.events_checked) };
}

export async function job(db: Db, tenantId: string, id: string): Promise<VerificationJobRow | undefined> {
  const row = await withVerification(db)
    .selectFrom('audit_verification_jobs')
    .select(jobColumns)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row && jobFromRow(row);
}

export async function activeJob(db: Db, tenantId: string): Promise<VerificationJobRow | undefined> {
  const row = await withVerification(db)
    .selectFrom('audit_verification_jobs')
    .select(jobColumns)
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return row && jobFromRow(row);
}

/** Inserts a queued job; undefined when the tenant already has an active one (the partial unique index). */
export async function insertJob(
  owner: Kysely<Database>,
  job: { id: string; tenantId: string; requestedBy: string; totalEvents: number },
): Promise<VerificationJobRow | undefined> {
  const row = await withVerification(owner)
    .insertInto('audit_verification_jobs')
    .values({
      id: job.id,
      tenant_id: job.tenantId,
      status: 'queued',
      requested_by: job.requestedBy,
      total_events: job.totalEvents,
    })
    .onConflict((oc) => oc.column('tenant_id').where('status', 'in', ['queued', 'running']).doNothing())
    .returning(jobColumns)
    .executeTakeFirst();
  return row && jobFromRow(row);
}

/** Progress and heartbeat of a running job. */
export async function markProgress(
  owner: Kysely<Database>,
  id: string,
  progress: { eventsChecked: number; eventsPerSecond: number; started?: boolean },
): Promise<void> {
  await withVerification(owner)
    .updateTable('audit_verification_jobs')
    .set({
      status: 'running',
      events_checked: progress.eventsChecked,
      events_per_second: progress.eventsPerSecond,
      updated_at: sql<Date>`clock_timestamp()`,
      ...(progress.started ? { started_at: sql<Date>`clock_timestamp()` } : {}),
    })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

export async function finishJob(
  owner: Kysely<Database>,
  id: string,
  outcome: {
    status: 'succeeded' | 'failed';
    eventsChecked?: number;
    eventsPerSecond?: number;
    result?: unknown;
    error?: string;
  },
): Promise<void> {
  await withVerification(owner)
    .updateTable('audit_verification_jobs')
    .set({
      status: outcome.status,
      ...(outcome.eventsChecked !== undefined ? { events_checked: outcome.eventsChecked } : {}),
      ...(outcome.eventsPerSecond !== undefined ? { events_per_second: outcome.eventsPerSecond } : {}),
      result: outcome.result === undefined ? null : JSON.stringify(outcome.result),
      error: outcome.error ?? null,
      updated_at: sql<Date>`clock_timestamp()`,
      finished_at: sql<Date>`clock_timestamp()`,
    })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

/** Active jobs of `tenantId` whose heartbeat stopped `staleSeconds` ago: their process died. */
export async function failStaleJobs(owner: Kysely<Database>, tenantId: string, staleSeconds: number): Promise<void> {
  await withVerification(owner)
    .updateTable('audit_verification_jobs')
    .set({
      status: 'failed',
      error: 'interrupted: the server process running it stopped before it finished',
      finished_at: sql<Date>`clock_timestamp()`,
    })
    .where('tenant_id', '=', tenantId)
    .where('status', 'in', ['queued', 'running'])
    .where('updated_at', '<', sql<Date>`clock_timestamp() - make_interval(secs => ${staleSeconds})`)
    .execute();
}

/**
 * Columns of a stored event the fast path checks against its body (the rest must be null):
 * all but the entity arrays of an operation's event (form v2), which takes the full path.
 */
const entityColumns: ReadonlySet<string> = new Set(['entity_ids', 'entity_contact_ids']);
const checkedColumns = new Set(storedEventColumns.filter((c) => !entityColumns.has(c)));

/**
 * Events of one chain with seq in (afterSeq, uptoSeq] for the full walk's fast path
 * (verification/verbatim.ts), in the cheapest form to read (four text columns, no Date
 * per row): the body, prevHash and hash as one text, and the query columns joined by the
 * unit separator (U+001F) in the order of SLICE_COLUMNS, the time as toISOString writes it
 * (UTC, to the millisecond, truncated; text, where a numeric epoch per row cost the server
 * more than reading the row),
 * then how many columns the stored form has beyond these (storedEventColumns grows with
 * the event format) are set: such rows take the full path.
 */
export async function chainSlices(
  tx: Tx,
  tenantId: string,
  afterSeq: number,
  limit: number,
  uptoSeq: number,
): Promise<ChainSlice[]> {
  const others = storedEventColumns.filter((c) => !checkedColumns.has(c));
  const othersSet = others.length === 0 ? sql`0` : sql`num_nonnulls(${sql.join(others.map((c) => sql.ref(c)))})`;
  const { rows } = await sql<ChainSlice>`
    select audit_events.seq::text as seq, body, prev_hash || hash as hashes,
      concat_ws(chr(31), tenant_id, id, actor_id, action, resource_type, resource_id, coalesce(subject_contact_id::text, ''),
        outcome, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), ${othersSet}) as columns
    from audit_events
    where tenant_id = ${tenantId} and seq > ${afterSeq} and seq <= ${uptoSeq}
    order by audit_events.seq limit ${limit}`.execute(tx);
  return rows;
}
