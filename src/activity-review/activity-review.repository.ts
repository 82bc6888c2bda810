// Activity review in SQL: the per-tenant cursor over the audit trail, the running tallies,
// the findings and the tenant's settings. Everything runs in the tenant's transaction (RLS),
// except tenantsBehind, which the periodic run asks on the owner connection to learn which
// tenants have events the detectors have not read yet.
import { sql, type Kysely } from 'kysely';
import type { Database, FindingKind, FindingStatus } from '../db/database.js';
import type { Tx } from '../db/tenant-tx.js';
import type { Sealed } from '../crypto/sealed.js';

/** Tenants whose chain has grown past the detectors' cursor (owner connection). */
export async function tenantsBehind(db: Kysely<Database>, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_chain_heads as h')
    .leftJoin('activity_review_cursors as c', 'c.tenant_id', 'h.tenant_id')
    .select('h.tenant_id')
    .where(sql<boolean>`h.seq > coalesce(c.last_seq, 0)`)
    .orderBy('h.tenant_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.tenant_id);
}

/** The cursor, locked for this run: two processes never read the same events twice. */
export async function lockCursor(tx: Tx, tenantId: string): Promise<number> {
  await tx
    .insertInto('activity_review_cursors')
    .values({ tenant_id: tenantId, last_seq: 0 })
    .onConflict((oc) => oc.column('tenant_id').doNothing())
    .execute();
  const row = await tx
    .selectFrom('activity_review_cursors')
    .select('last_seq')
    .where('tenant_id', '=', tenantId)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return row === undefined ? -1 : Number(row.last_seq);
}

export async function moveCursor(tx: Tx, tenantId: string, lastSeq: number): Promise<void> {
  await tx
    .updateTable('activity_review_cursors')
    .set({ last_seq: lastSeq, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .execute();
}

const settingsColumns = [
  'time_zone',
  'business_start',
  'business_end',
  'business_days',
  'off_hours_min_records',
  'volume_min_records',
  'volume_factor',
  'denied_burst_min',
  'updated_at',
] as const;

export async function getSettings(tx: Tx) {
  return tx.selectFrom('activity_review_settings').select(settingsColumns).executeTakeFirst();
}

export interface SettingsRow {
  time_zone: string;
  business_start: number;
  business_end: number;
  business_days: number[];
  off_hours_min_records: number;
  volume_min_records: number;
  volume_factor: number;
  denied_burst_min: number;
}

export async function putSettings(tx: Tx, tenantId: string, row: SettingsRow, by: string): Promise<void> {
  const values = { ...row, tenant_id: tenantId, updated_by: by, updated_at: new Date() };
  await tx
    .insertInto('activity_review_settings')
    .values(values)
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values))
    .execute();
}

/** Adds to a tally; returns its new running total and window. */
export async function addToTally(
  tx: Tx,
  t: {
    tenant_id: string;
    kind: FindingKind;
    actor_id: string;
    period_key: string;
    records: number;
    first_at: Date;
    last_at: Date;
  },
) {
  return tx
    .insertInto('activity_tallies')
    .values(t)
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'kind', 'actor_id', 'period_key']).doUpdateSet({
        records: sql`activity_tallies.records + excluded.records`,
        first_at: sql`least(activity_tallies.first_at, excluded.first_at)`,
        last_at: sql`greatest(activity_tallies.last_at, excluded.last_at)`,
      }),
    )
    .returning(['records', 'first_at', 'last_at'])
    .executeTakeFirstOrThrow();
}

/** The actor's mean records per active hour over the 14 days before `period` (null: no history). */
export async function volumeBaseline(tx: Tx, actorId: string, period: string): Promise<number | null> {
  const row = await tx
    .selectFrom('activity_tallies')
    .select(sql<number | null>`avg(records)::float8`.as('mean'))
    .where('kind', '=', 'volume')
    .where('actor_id', '=', actorId)
    .where('period_key', '<', period)
    .where('last_at', '>', sql<Date>`now() - interval '14 days'`)
    .executeTakeFirst();
  return row?.mean ?? null;
}

/** Raises a finding, or widens the open one already raised for this actor, kind and period; `created` says which. */
export async function upsertFinding(
  tx: Tx,
  f: {
    id: string;
    tenant_id: string;
    kind: FindingKind;
    actor_id: string;
    actor_kind: string;
    period_key: string;
    window_start: Date;
    window_end: Date;
    records: number;
    baseline: number | null;
  },
): Promise<{ id: string; created: boolean }> {
  const row = await tx
    .insertInto('review_findings')
    .values(f)
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'kind', 'actor_id', 'period_key'])
        .doUpdateSet({
          window_start: sql`least(review_findings.window_start, excluded.window_start)`,
          window_end: sql`greatest(review_findings.window_end, excluded.window_end)`,
          records: sql`excluded.records`,
          updated_at: new Date(),
        })
        // a finding already dismissed or acted on keeps the window the officer judged
        .where('review_findings.status', 'in', ['open', 'acknowledged']),
    )
    .returning(['id', sql<boolean>`(xmax = 0)`.as('created')])
    .executeTakeFirst();
  return { id: row?.id ?? f.id, created: row?.created ?? false };
}

const findingColumns = [
  'review_findings.id',
  'review_findings.kind',
  'review_findings.actor_id',
  'review_findings.actor_kind',
  'review_findings.period_key',
  'review_findings.window_start',
  'review_findings.window_end',
  'review_findings.records',
  'review_findings.baseline',
  'review_findings.status',
  'review_findings.dismiss_reason_sealed',
  'review_findings.incident_id',
  'review_findings.decided_by',
  'review_findings.decided_at',
  'review_findings.created_at',
  'review_findings.updated_at',
] as const;

export function selectFindings(tx: Tx, filter: { status?: FindingStatus | undefined; kind?: FindingKind | undefined }) {
  let q = tx.selectFrom('review_findings').select(findingColumns);
  if (filter.status) q = q.where('review_findings.status', '=', filter.status);
  if (filter.kind) q = q.where('review_findings.kind', '=', filter.kind);
  return q;
}

export async function getFinding(tx: Tx, id: string, lock = false) {
  const q = selectFindings(tx, {}).where('review_findings.id', '=', id);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

export type FindingRow = NonNullable<Awaited<ReturnType<typeof getFinding>>>;

export async function decideFinding(
  tx: Tx,
  id: string,
  patch: {
    status: FindingStatus;
    decided_by: string;
    decided_at: Date;
    dismiss_reason_sealed?: Sealed<string>;
    key_version?: number;
    incident_id?: string;
  },
): Promise<FindingRow> {
  await tx
    .updateTable('review_findings')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  return (await getFinding(tx, id))!;
}

/** Marks the open finding of a break-glass grant acknowledged by the grant's review. */
export async function acknowledgeBreakGlassFinding(tx: Tx, grantId: string, by: string, at: Date): Promise<void> {
  await tx
    .updateTable('review_findings')
    .set({ status: 'acknowledged', decided_by: by, decided_at: at, updated_at: new Date() })
    .where('kind', '=', 'break_glass')
    .where('period_key', '=', grantId)
    .where('status', '=', 'open')
    .execute();
}
