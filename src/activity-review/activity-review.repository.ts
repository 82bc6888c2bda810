// Activity review in SQL: the per-tenant cursor over the audit trail, the running tallies,
// the findings and the tenant's settings. Everything runs in the tenant's transaction (RLS),
// except tenantsBehind, which the periodic run asks on the owner connection to learn which
// tenants have events the detectors have not read yet.
import { sql, type Kysely } from 'kysely';
import type { Database, FindingKind, FindingStatus } from '../db/database.js';
import type { ReviewFindingsTable } from '../db/tables/incidents.js';
import type { Tx } from '../db/tenant-tx.js';
import { isUuid } from '../ids.js';
import type { BlindIndex, Sealed } from '../crypto/sealed.js';

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
  'relationship_surname',
  'relationship_address',
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
  relationship_surname: boolean;
  relationship_address: boolean;
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
  f: Pick<
    ReviewFindingsTable,
    | 'id'
    | 'tenant_id'
    | 'kind'
    | 'actor_id'
    | 'actor_kind'
    | 'period_key'
    | 'window_start'
    | 'window_end'
    | 'records'
    | 'baseline'
  >,
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

/**
 * Of these (user, contact) pairs, those whose blind indexes match on a compared attribute:
 * the user's self-declared surname (address) index equals the contact's. Indexes only, never
 * plaintext; RLS keeps both sides in the tenant. Returns 'userId|contactId' keys.
 */
export async function relationshipMatches(
  tx: Tx,
  pairs: ReadonlyArray<{ actorId: string; contactId: string }>,
  compare: { surname: boolean; address: boolean },
): Promise<Set<string>> {
  const valid = pairs.filter((p) => isUuid(p.actorId) && isUuid(p.contactId));
  if (valid.length === 0 || (!compare.surname && !compare.address)) return new Set();
  const userIds = [...new Set(valid.map((p) => p.actorId))];
  const contactIds = [...new Set(valid.map((p) => p.contactId))];
  const rows = await tx
    .selectFrom('users as u')
    .innerJoin('contacts as c', (join) =>
      join.on((eb) =>
        eb.or([
          ...(compare.surname ? [eb('c.surname_bidx', '=', eb.ref('u.surname_bidx'))] : []),
          ...(compare.address ? [eb('c.address_bidx', '=', eb.ref('u.address_bidx'))] : []),
        ]),
      ),
    )
    .select(['u.id as user_id', 'c.id as contact_id'])
    .where('u.id', 'in', userIds)
    .where('c.id', 'in', contactIds)
    .execute();
  return new Set(rows.map((r) => `${r.user_id}|${r.contact_id}`));
}

/** Sets a user's self-declared surname and address indexes; false when no such user in the tenant. */
export async function setRelationshipHashes(
  tx: Tx,
  userId: string,
  hashes: { surname_bidx: BlindIndex | null; address_bidx: BlindIndex | null },
): Promise<boolean> {
  const rows = await tx
    .updateTable('users')
    .set({ ...hashes, updated_at: new Date() })
    .where('id', '=', userId)
    .returning('id')
    .execute();
  return rows.length > 0;
}
