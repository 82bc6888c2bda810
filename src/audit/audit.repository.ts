// SQL of the audit trail: the sequencer's chain moves, the checkpointer's reads, and the
// auditors' queries. The sequencer and checkpointer run on the owner connection (they
// serve every tenant); queries run in the caller's tenant transaction (RLS).
import { createHash } from 'node:crypto';
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/database.js';
import type { Tx } from '../db/tenant-tx.js';
import type { StoredEventRow } from './chain/stored-event.js';
import { isUuid } from '../ids.js';

type Db = Kysely<Database> | Tx;

/** Advisory lock class of the per-tenant sequencer lock ('phau'); the tenant hash is the object id. */
const CHAIN_LOCK_CLASS = 0x70686175;

export const storedEventColumns = [
  'tenant_id',
  'seq',
  'id',
  'occurred_at',
  'actor_id',
  'action',
  'resource_type',
  'resource_id',
  'subject_contact_id',
  'outcome',
  'body',
  'entity_ids',
  'entity_contact_ids',
  'prev_hash',
  'hash',
] as const;

export interface ChainHead {
  seq: number;
  hash: string;
  merkleFrontier: string[];
}

function lockKey(tenantId: string): number {
  // Same on every process (unlike a per-connection hash); a collision only makes two tenants wait for each other.
  return createHash('sha256').update(tenantId).digest().readInt32BE(0);
}

/** Takes this tenant's sequencer lock until the transaction ends; false when another sequencer holds it. */
export async function tryLockChain(tx: Tx, tenantId: string): Promise<boolean> {
  const { rows } = await sql<{
    locked: boolean;
  }>`select pg_try_advisory_xact_lock(${CHAIN_LOCK_CLASS}::int, ${lockKey(tenantId)}::int) as locked`.execute(tx);
  return rows[0]?.locked === true;
}

/**
 * Takes the sequencer locks of several tenants, waiting for each, until the transaction
 * ends. Always in ascending key order: two writers locking overlapping sets cannot deadlock.
 */
export async function lockChains(tx: Tx, tenantIds: readonly string[]): Promise<void> {
  const keys = [...new Set(tenantIds.map(lockKey))].sort((a, b) => a - b);
  // target-list expressions are evaluated left to right: the order above is the order taken
  const calls = keys.map((key) => sql`pg_advisory_xact_lock(${CHAIN_LOCK_CLASS}::int, ${key}::int)`);
  await sql`select ${sql.join(calls)}`.execute(tx);
}

export async function readHeads(tx: Tx, tenantIds: readonly string[]): Promise<Map<string, ChainHead>> {
  const rows = await tx
    .selectFrom('audit_chain_heads')
    .select(['tenant_id', 'seq', 'hash', 'merkle_frontier'])
    .where('tenant_id', '=', sql<string>`any(${[...tenantIds]}::uuid[])`)
    .execute();
  return new Map(
    rows.map((row) => [row.tenant_id, { seq: Number(row.seq), hash: row.hash, merkleFrontier: row.merkle_frontier }]),
  );
}

export async function readHead(tx: Tx, tenantId: string): Promise<ChainHead | undefined> {
  return (await readHeads(tx, [tenantId])).get(tenantId);
}

/** The oldest captured events of a tenant, in capture order. */
export async function takeInbox(tx: Tx, tenantId: string, limit: number): Promise<Array<{ id: string; body: string }>> {
  return tx
    .selectFrom('audit_inbox')
    .select(['id', 'body'])
    .where('tenant_id', '=', tenantId)
    .orderBy('inserted_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * JSON texts (which never hold a raw newline: JSON escapes it) as one newline-joined
 * parameter: a text[] parameter would escape and unescape every quote of every body.
 */
export function joinJsonTexts(texts: readonly string[]): string {
  const joined = texts.join('\n');
  // one scan of the whole: a raw newline inside a text would add a line
  let lines = 1;
  for (let i = joined.indexOf('\n'); i !== -1; i = joined.indexOf('\n', i + 1)) lines++;
  if (lines !== Math.max(texts.length, 1)) throw new Error('a JSON text with a raw newline cannot be joined');
  return joined;
}

/**
 * A chain write as one statement: append the chained rows, move each chain's head and
 * Merkle frontier, delete the inbox rows they came from (none when the events were
 * chained straight from capture). Every audited request pays its share of this, so it is
 * one round trip, with the columns as arrays (a multi-row VALUES list costs far more to
 * build and plan than unnest).
 */
export async function appendChained(
  tx: Tx,
  rows: StoredEventRow[],
  heads: ReadonlyArray<{ tenantId: string } & ChainHead>,
  inboxIds: readonly string[] = [],
): Promise<void> {
  const col = <K extends keyof StoredEventRow>(key: K) => rows.map((row) => row[key]);
  const bodies = joinJsonTexts(rows.map((row) => row.body));
  // a frontier is a list of hex hashes: comma-joined, one text per head
  const frontiers = heads.map((h) => h.merkleFrontier.join(','));
  // uuid lists (ragged, so not a 2-D array): comma-joined, '' for a null element
  const idList = (ids: ReadonlyArray<string | null> | null) =>
    ids === null ? null : ids.map((id) => id ?? '').join(',');
  const deleteInbox =
    inboxIds.length > 0 ? sql`delete from audit_inbox where id = any(${[...inboxIds]}::uuid[])` : sql`select 1`;
  await sql`
    with appended as (
      insert into audit_events (tenant_id, seq, id, occurred_at, actor_id, action, resource_type, resource_id, subject_contact_id, outcome, body, prev_hash, hash, entity_ids, entity_contact_ids)
      select r.tenant_id, r.seq, r.id, r.occurred_at, r.actor_id, r.action, r.resource_type, r.resource_id, r.subject_contact_id, r.outcome, r.body, r.prev_hash, r.hash,
        string_to_array(r.entity_ids, ',', '')::uuid[], string_to_array(r.entity_contact_ids, ',', '')::uuid[]
      from unnest(${col('tenant_id')}::uuid[], ${col('seq')}::bigint[], ${col('id')}::uuid[], ${col('occurred_at')}::timestamptz[],
        ${col('actor_id')}::text[], ${col('action')}::text[], ${col('resource_type')}::text[], ${col('resource_id')}::text[],
        ${col('subject_contact_id')}::uuid[], ${col('outcome')}::text[], string_to_array(${bodies}::text, chr(10)), ${col('prev_hash')}::text[], ${col('hash')}::text[],
        ${rows.map((row) => idList(row.entity_ids))}::text[], ${rows.map((row) => idList(row.entity_contact_ids))}::text[])
        as r(tenant_id, seq, id, occurred_at, actor_id, action, resource_type, resource_id, subject_contact_id, outcome, body, prev_hash, hash, entity_ids, entity_contact_ids)
    ), moved as (
      insert into audit_chain_heads (tenant_id, seq, hash, merkle_frontier, updated_at)
      select h.tenant_id, h.seq, h.hash, string_to_array(h.frontier, ','), clock_timestamp()
      from unnest(${heads.map((h) => h.tenantId)}::uuid[], ${heads.map((h) => h.seq)}::bigint[], ${heads.map((h) => h.hash)}::text[], ${frontiers}::text[])
        as h(tenant_id, seq, hash, frontier)
      on conflict (tenant_id) do update set seq = excluded.seq, hash = excluded.hash, merkle_frontier = excluded.merkle_frontier, updated_at = excluded.updated_at
    )
    ${deleteInbox}`.execute(tx);
}

/** Tenants with events waiting in the inbox, longest-waiting first. */
export async function tenantsWithPending(db: Kysely<Database>, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_inbox')
    .select('tenant_id')
    .groupBy('tenant_id')
    .orderBy(sql`min(inserted_at)`)
    .limit(limit)
    .execute();
  return rows.map((r) => r.tenant_id);
}

/** Chains that grew since their last signed checkpoint. */
export async function headsToCheckpoint(db: Kysely<Database>): Promise<Array<{ tenantId: string } & ChainHead>> {
  const rows = await db
    .selectFrom('audit_chain_heads')
    .select(['tenant_id', 'seq', 'hash', 'merkle_frontier'])
    .whereRef('seq', '>', 'checkpointed_seq')
    .orderBy('tenant_id')
    .execute();
  return rows.map((r) => ({
    tenantId: r.tenant_id,
    seq: Number(r.seq),
    hash: r.hash,
    merkleFrontier: r.merkle_frontier,
  }));
}

export async function eventHashAt(db: Db, tenantId: string, seq: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('audit_events')
    .select('hash')
    .where('tenant_id', '=', tenantId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return row?.hash;
}

export async function markCheckpointed(db: Kysely<Database>, tenantId: string, seq: number): Promise<void> {
  await db
    .updateTable('audit_chain_heads')
    .set({ checkpointed_seq: seq })
    .where('tenant_id', '=', tenantId)
    .where('checkpointed_seq', '<', seq)
    .execute();
}

/** Events of one chain with seq in (afterSeq, uptoSeq], in seq order. */
export async function eventsAfter(
  db: Db,
  tenantId: string,
  afterSeq: number,
  limit: number,
  uptoSeq?: number,
): Promise<StoredEventRow[]> {
  let q = db
    .selectFrom('audit_events')
    .select(storedEventColumns)
    .where('tenant_id', '=', tenantId)
    .where('seq', '>', afterSeq);
  if (uptoSeq !== undefined) q = q.where('seq', '<=', uptoSeq);
  return (await q.orderBy('seq').limit(limit).execute()) as StoredEventRow[];
}

export async function lastSeq(db: Db, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** Every tenant with a chain, by a skip scan over the primary key (no full scan of the trail). */
export async function chainTenantIds(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ tenant_id: string }>`
    with recursive t as (
      (select tenant_id from audit_events order by tenant_id limit 1)
      union all
      select (select e.tenant_id from audit_events e where e.tenant_id > t.tenant_id order by e.tenant_id limit 1) from t where t.tenant_id is not null
    )
    select tenant_id from t where tenant_id is not null`.execute(db);
  return rows.map((r) => r.tenant_id);
}

/** The transaction's tenant's events still in the inbox (the runtime role reads no inbox rows, only this). */
export async function pendingStats(tx: Tx): Promise<{ count: number; oldestAgeSeconds: number | null }> {
  const { rows } = await sql<{
    pending: number;
    oldest_age_seconds: number | null;
  }>`select * from audit_pending_stats()`.execute(tx);
  const row = rows[0];
  return { count: row?.pending ?? 0, oldestAgeSeconds: row?.oldest_age_seconds ?? null };
}

export interface EventFilter {
  contactId?: string | undefined;
  actorId?: string | undefined;
  resourceType?: string | undefined;
  resourceId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  outcome?: string | undefined;
  action?: string | undefined;
}

type EventCondition = (eb: ExpressionBuilder<Database, 'audit_events'>) => Expression<SqlBool>;

/**
 * A patient or record named in either form: by the single-record columns (events before
 * operations were recorded whole, and single-record events; btree), or in an
 * operation's entity array (GIN). The GIN lookup goes through a function of migration
 * 0014 that returns the tenant's matching seqs: under RLS the array operators, not being
 * leakproof, cannot use the index directly. The array condition is checked again on the rows.
 */
interface EitherForm {
  single: EventCondition;
  entities: EventCondition;
}

/**
 * One page of a tenant's chained events matching `filter`, by seq after the cursor's.
 *
 * A patient or record lookup is two queries in one, each answered by its own index: the
 * events naming it in their columns, in seq order from the btree, and the operations
 * naming it in their entity arrays, from the GIN index; each gives at most a page, and
 * the page is the first of both by seq. Written as one OR, PostgreSQL walks the primary
 * key in seq order instead, filtering every event of the tenant until it has a page
 * (bench/RESULTS.md, "Audit lookups at a million events"). The second part leaves out
 * what the first has, so an event in both forms appears once.
 */
export async function searchEvents(
  tx: Tx,
  tenantId: string,
  filter: EventFilter,
  page: { afterSeq?: number | undefined; limit: number; order: 'asc' | 'desc' },
): Promise<StoredEventRow[]> {
  const conditions: EventCondition[] = [];
  const either: EitherForm[] = [];
  const contactId = filter.contactId;
  if (contactId !== undefined)
    either.push({
      single: (eb) => eb('subject_contact_id', '=', contactId),
      entities: (eb) =>
        eb.and([
          eb('seq', 'in', sql<number>`(select audit_event_seqs_naming_contact(${contactId}::uuid))`),
          eb('entity_contact_ids', '@>', sql<string[]>`array[${contactId}]::uuid[]`),
        ]),
    });
  const actorId = filter.actorId;
  if (actorId !== undefined) conditions.push((eb) => eb('actor_id', '=', actorId));
  const { resourceType, resourceId } = filter;
  if (resourceId !== undefined && resourceType !== undefined && isUuid(resourceId))
    either.push({
      single: (eb) => eb.and([eb('resource_type', '=', resourceType), eb('resource_id', '=', resourceId)]),
      // ids are uuids, unique across kinds; the kind is checked on the event itself by the reader
      entities: (eb) =>
        eb.and([
          eb('seq', 'in', sql<number>`(select audit_event_seqs_naming_entity(${resourceId}::uuid))`),
          eb('entity_ids', '@>', sql<string[]>`array[${resourceId}]::uuid[]`),
        ]),
    });
  else {
    if (resourceType !== undefined) conditions.push((eb) => eb('resource_type', '=', resourceType));
    if (resourceId !== undefined) conditions.push((eb) => eb('resource_id', '=', resourceId));
  }
  const { from, to, outcome, action } = filter;
  if (from !== undefined) conditions.push((eb) => eb('occurred_at', '>=', from));
  if (to !== undefined) conditions.push((eb) => eb('occurred_at', '<', to));
  if (outcome !== undefined) conditions.push((eb) => eb('outcome', '=', outcome));
  if (action !== undefined) conditions.push((eb) => eb('action', '=', action));
  const afterSeq = page.afterSeq;
  if (afterSeq !== undefined) conditions.push((eb) => eb('seq', page.order === 'asc' ? '>' : '<', afterSeq));

  // the first lookup by patient or record is split in two; a second one filters both parts
  const [split, ...others] = either;
  for (const other of others) conditions.push((eb) => eb.or([other.single(eb), other.entities(eb)]));
  const matching = (...extra: EventCondition[]) => {
    let q = tx.selectFrom('audit_events').select(storedEventColumns).where('tenant_id', '=', tenantId);
    for (const condition of [...conditions, ...extra]) q = q.where(condition);
    return q.orderBy('seq', page.order).limit(page.limit);
  };
  if (split === undefined) return (await matching().execute()) as StoredEventRow[];
  const inColumns = matching(split.single);
  // null (no subject) is not a match of the first part, so it must not exclude a row here
  const inEntities = matching(split.entities, (eb) => sql<SqlBool>`not coalesce(${split.single(eb)}, false)`);
  const both = tx
    .selectFrom(inColumns.as('in_columns'))
    .selectAll()
    .unionAll(tx.selectFrom(inEntities.as('in_entities')).selectAll());
  return (await tx
    .selectFrom(both.as('matches'))
    .selectAll()
    .orderBy('seq', page.order)
    .limit(page.limit)
    .execute()) as StoredEventRow[];
}
