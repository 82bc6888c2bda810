// "Who accessed patient X", "what did actor Y see" and "what happened to record R" over
// a trail of a million events or more (issue 14): the plans PostgreSQL picks for the exact
// SQL GET /v1/audit/events issues (searchEvents, compiled by its own Kysely builder and
// captured, not copied), run with EXPLAIN (ANALYZE, BUFFERS) in a tenant transaction under
// the runtime role (RLS applies, as for a request), and the table's bytes per event.
//
// The trail is generated in SQL (generate_series), several tenants, six years of events:
// single-record v1 events (a contact read, a ticket read with its requester, a user read)
// and operation events naming many records (a list of 20 contacts, a page of 50 tickets
// with their requesters) with the ids in the entity arrays. Bodies come from templates
// built by the app's export line (v1) and in the stored form of operations (eventTemplates); the hashes
// are random-looking, as nothing here verifies the chain. The indexes exist while the
// rows go in, as in production. ANALYZE runs after the load (autovacuum is off here).
//
//   node --import tsx bench/audit-lookups.bench.ts [--events 1200000] [--tenants 4] [--runs 3] [--no-results]
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  sql,
  type DatabaseConnection,
  type Driver,
} from 'kysely';
import { searchEvents, type EventFilter } from '../src/audit/audit.repository.js';
import { formatExportLine, type AuditEventBody } from '../src/audit/index.js';
import { withDatabase } from '../src/db/admin.js';
import type { Database } from '../src/db/database.js';
import { connectDatabase } from '../src/db/kysely.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { inTenantTx, type Tx } from '../src/db/tenant-tx.js';
import { fmt, loadAverage, machineLine, median, RESULTS_PATH, writeResultsSection } from './lib.js';
import { postgresServer } from './postgres.js';

const HEADING = '## Audit lookups at a million events (audit-lookups.bench.ts)';
const { values: options } = parseArgs({
  options: {
    events: { type: 'string', default: '1200000' },
    tenants: { type: 'string', default: '4' },
    runs: { type: 'string', default: '3' },
    'no-results': { type: 'boolean', default: false },
  },
});
const shape = {
  events: Number(options.events),
  tenants: Number(options.tenants),
  contactsPerTenant: 20_000,
  ticketsPerTenant: 60_000,
  actorsPerTenant: 100,
};
const runs = Number(options.runs);

interface TrailShape {
  events: number;
  tenants: number;
  contactsPerTenant: number;
  ticketsPerTenant: number;
  actorsPerTenant: number;
}

/** md5(text)::uuid, as the SQL below names tenants, contacts, tickets and users. */
function md5Uuid(text: string): string {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const tenantIdOf = (index: number) => md5Uuid(`tenant:${index}`);

/** Records of tenant `index` that the lookups ask about. */
function probeIds(index: number) {
  return {
    contactId: md5Uuid(`${index}:c:123`),
    actorId: md5Uuid(`${index}:u:7`),
    ticketId: md5Uuid(`${index}:t:4242`),
  };
}

// Placeholders the SQL replaces row by row; the seq is a number in the canonical form.
const SEQ_MARK = 987654321987;
const mark = {
  tenantId: '@TENANT@',
  id: '@ID@',
  occurredAt: '@AT@',
  actor: '@ACTOR@',
  resource: '@RID@',
  subject: '@SUBJ@',
} as const;

/** The stored body of one kind of event, with placeholders. */
function template(kind: {
  action: string;
  type: string;
  phiFields: string[];
  subject: boolean;
  entities?: { type: string; count: number; phiFields: string[] };
}): string {
  const body: AuditEventBody = {
    seq: SEQ_MARK,
    tenantId: mark.tenantId,
    id: mark.id,
    occurredAt: mark.occurredAt,
    actor: { id: mark.actor, kind: 'user', authMethod: 'jwt', keyId: null, sessionId: 'sess_4f1c2a9e' },
    action: kind.action,
    resource: { type: kind.type, id: kind.entities ? '*' : mark.resource },
    phiFields: kind.phiFields,
    subjectContactId: kind.subject ? mark.subject : null,
    requestId: 'req-7c1e5b0a-3d2f',
    clientAddrHash: '9f2c4e1a7b3d5c60',
    userAgentFamily: 'Chrome',
    purposeOfUse: 'TREAT',
    breakGlassReason: null,
    outcome: 'allowed',
    reasonCode: null,
  };
  // A single-record (v1) row stores the canonical JSON that was hashed: the export line
  // less its prevHash/hash tail. An operation's row stores the event with each entity
  // group's ids replaced by their count (the ids go to the uuid arrays), as storedForm
  // in src/audit/chain/stored-event.ts writes it.
  if (!kind.entities) {
    const line = formatExportLine({ ...body, prevHash: '0'.repeat(64), hash: '0'.repeat(64) });
    return line.slice(0, line.indexOf(',"prevHash":"')) + '}';
  }
  const skeleton = [
    { action: kind.action, type: kind.entities.type, phiFields: kind.entities.phiFields, count: kind.entities.count },
  ];
  return JSON.stringify({ ...body, entities: skeleton });
}

/** Kinds of event by g % 10: what each names (see the header). */
function eventTemplates(): Array<{ kinds: number[]; action: string; type: string; body: string }> {
  const contactPhi = ['contact.name', 'contact.dob', 'contact.phone'];
  const ticketPhi = ['ticket.subject', 'ticket.description'];
  const kinds = [
    { kinds: [0, 1, 2], action: 'contact.read', type: 'Contact', phiFields: contactPhi, subject: true },
    { kinds: [3, 4], action: 'ticket.read', type: 'Ticket', phiFields: ticketPhi, subject: true },
    { kinds: [5], action: 'user.read', type: 'User', phiFields: [], subject: false },
    {
      kinds: [6, 7, 8],
      action: 'contact.read',
      type: 'Contact',
      phiFields: contactPhi,
      subject: false,
      entities: { type: 'Contact', count: 20, phiFields: contactPhi },
    },
    {
      kinds: [9],
      action: 'ticket.read',
      type: 'Ticket',
      phiFields: ticketPhi,
      subject: false,
      entities: { type: 'Ticket', count: 50, phiFields: ticketPhi },
    },
  ];
  return kinds.map((k) => ({ kinds: k.kinds, action: k.action, type: k.type, body: template(k) }));
}

const CHUNK = 50_000;

/** Inserts tenant `ti`'s events with seq in [from, to], as the app stores them. */
async function insertChunk(
  db: Kysely<Database>,
  shape: TrailShape,
  ti: number,
  from: number,
  to: number,
  perTenant: number,
) {
  const templates = eventTemplates();
  const kindRows = templates.flatMap((t) =>
    t.kinds.map((k) => sql`(${k}::int, ${t.action}::text, ${t.type}::text, ${t.body}::text)`),
  );
  const nc = shape.contactsPerTenant;
  const nt = shape.ticketsPerTenant;
  const contact = (n: ReturnType<typeof sql>) => sql`md5(${String(ti)}::text || ':c:' || (${n}))::uuid`;
  const ticket = (n: ReturnType<typeof sql>) => sql`md5(${String(ti)}::text || ':t:' || (${n}))::uuid`;
  const requester = (n: ReturnType<typeof sql>) => contact(sql`((${n}) * 31) % ${nc}`);
  await sql`
    insert into audit_events (tenant_id, seq, id, occurred_at, actor_id, action, resource_type, resource_id,
      subject_contact_id, outcome, body, prev_hash, hash, entity_ids, entity_contact_ids)
    select t, g, e.id, e.at, e.actor, k.action, k.rtype, coalesce(e.rid, '*'), e.subj, 'allowed',
      replace(replace(replace(replace(replace(replace(replace(k.body,
        '@TENANT@', t::text), '@ID@', e.id::text),
        '@AT@', to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
        '@ACTOR@', e.actor), '@RID@', coalesce(e.rid, '*')), '@SUBJ@', coalesce(e.subj::text, '')),
        ${String(SEQ_MARK)}, g::text),
      md5(g || 'p' || t) || md5(g || 'q' || t), md5(g || 'h' || t) || md5(g || 'i' || t),
      e.eids, e.ecids
    from (select ${tenantIdOf(ti)}::uuid as t) tenant,
      generate_series(${from}::bigint, ${to}::bigint) g
      join (values ${sql.join(kindRows)}) k(kind, action, rtype, body) on k.kind = g % 10
      cross join lateral (select
        md5(t || ':e:' || g)::uuid as id,
        date_trunc('milliseconds', timestamptz '2020-12-01 00:00:00+00' + (g::float8 / ${perTenant}) * interval '2191 days') as at,
        md5(${String(ti)}::text || ':u:' || ((g * 31) % ${shape.actorsPerTenant}))::uuid::text as actor,
        (g * 7919 + g % 10) % ${nc} as c, (g * 104729) % ${nt} as tk, (g * 13) % ${nc} as ls, (g * 17) % ${nt} as ps) n
      cross join lateral (select
        case when g % 10 < 3 then ${contact(sql`n.c`)}::text when g % 10 < 5 then ${ticket(sql`n.tk`)}::text
          when g % 10 = 5 then md5(${String(ti)}::text || ':u:' || (g % ${shape.actorsPerTenant}))::uuid::text end as rid,
        case when g % 10 < 3 then ${contact(sql`n.c`)} when g % 10 < 5 then ${requester(sql`n.tk`)} end as subj,
        case when g % 10 between 6 and 8 then array(select ${contact(sql`(n.ls + i) % ${nc}`)} from generate_series(0, 19) i)
          when g % 10 = 9 then array(select ${ticket(sql`(n.ps + i) % ${nt}`)} from generate_series(0, 49) i) end as eids,
        case when g % 10 between 6 and 8 then array(select ${contact(sql`(n.ls + i) % ${nc}`)} from generate_series(0, 19) i)
          when g % 10 = 9 then array(select ${requester(sql`(n.ps + i) % ${nt}`)} from generate_series(0, 49) i) end as ecids,
        n.id, n.at, n.actor) e`.execute(db);
}

/** Loads the trail, tenant by tenant in chunks; returns the tenant ids. */
async function loadTrail(db: Kysely<Database>, shape: TrailShape, progress: (done: number) => void): Promise<string[]> {
  const perTenant = Math.ceil(shape.events / shape.tenants);
  let done = 0;
  for (let ti = 0; ti < shape.tenants; ti++) {
    for (let from = 1; from <= perTenant; from += CHUNK) {
      const to = Math.min(perTenant, from + CHUNK - 1);
      await insertChunk(db, shape, ti, from, to, perTenant);
      done += to - from + 1;
      if (done % 200_000 < CHUNK) progress(done);
    }
  }
  return Array.from({ length: shape.tenants }, (_, ti) => tenantIdOf(ti));
}

/**
 * The query `run` makes, compiled by Kysely (what .compile() gives) and caught by a driver
 * that records it instead of sending it anywhere.
 */
async function capturedQuery(run: (tx: Tx) => Promise<unknown>): Promise<CompiledQuery> {
  let caught: CompiledQuery | undefined;
  const connection: DatabaseConnection = {
    executeQuery: async (query) => {
      caught = query;
      return { rows: [] };
    },
    streamQuery: () => {
      throw new Error('not streamed');
    },
  };
  const driver: Driver = {
    init: async () => undefined,
    acquireConnection: async () => connection,
    beginTransaction: async () => undefined,
    commitTransaction: async () => undefined,
    rollbackTransaction: async () => undefined,
    releaseConnection: async () => undefined,
    destroy: async () => undefined,
  };
  const recorder = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  await recorder.transaction().execute(run);
  await recorder.destroy();
  if (caught === undefined) throw new Error('no query was issued');
  return caught;
}

interface Lookup {
  name: string;
  filter: EventFilter;
  order: 'asc' | 'desc';
}

interface LookupResult {
  lookup: Lookup;
  query: CompiledQuery;
  first: PlanFacts;
  runs: PlanFacts[];
  inner?: PlanFacts;
}

/** The table rows of one round of lookups. */
function lookupRows(results: LookupResult[], phase: string): string[] {
  return [
    ...results.map(({ lookup, first, runs: r }) => {
      const last = r[r.length - 1]!;
      return `| ${phase} | ${lookup.name} | ${first.rows} | ${first.nodes.join(' > ')}; ${first.indexes.map((i) => `\`${i}\``).join(', ')} | ${first.ms.toFixed(2)} ms | ${median(r.map((x) => x.ms)).toFixed(2)} ms | ${fmt(last.sharedHit)} / ${fmt(last.sharedRead)} |`;
    }),
    ...results.flatMap(({ lookup, inner }) =>
      inner
        ? [
            `| ${phase} | inside it, the lookup function (its own plan): ${lookup.name.split(' (')[0]} | ${inner.rows} seqs | ${inner.nodes.join(' > ')}; ${inner.indexes.map((i) => `\`${i}\``).join(', ')} | | ${inner.ms.toFixed(2)} ms | ${fmt(inner.sharedHit)} / ${fmt(inner.sharedRead)} |`,
          ]
        : [],
    ),
  ];
}

interface PlanFacts {
  indexes: string[];
  nodes: string[];
  ms: number;
  rows: number;
  sharedHit: number;
  sharedRead: number;
  text: string;
}

type PlanNode = Record<string, unknown> & { Plans?: PlanNode[] };

function walkPlan(node: PlanNode, indexes: Set<string>, nodes: string[]): void {
  const type = String(node['Node Type']);
  if (!nodes.includes(type)) nodes.push(type);
  if (typeof node['Index Name'] === 'string') indexes.add(node['Index Name']);
  for (const child of node.Plans ?? []) walkPlan(child, indexes, nodes);
}

/** EXPLAIN (ANALYZE, BUFFERS) of `query` in the tenant's transaction, as a request runs it. */
async function explain(db: Kysely<Database>, tenantId: string, query: CompiledQuery): Promise<PlanFacts> {
  const run = (format: string) =>
    inTenantTx(
      db,
      tenantId,
      (tx) =>
        tx.executeQuery<Record<string, unknown>>(
          CompiledQuery.raw(`explain (analyze, buffers, format ${format}) ${query.sql}`, [...query.parameters]),
        ),
      { readOnly: true },
    );
  const json = (await run('json')).rows[0]!['QUERY PLAN'] as Array<{ Plan: PlanNode; 'Execution Time': number }>;
  const top = json[0]!;
  const indexes = new Set<string>();
  const nodes: string[] = [];
  walkPlan(top.Plan, indexes, nodes);
  const text = (await run('text')).rows.map((r) => String(r['QUERY PLAN'])).join('\n');
  return {
    indexes: [...indexes],
    nodes,
    ms: top['Execution Time'],
    rows: Number(top.Plan['Actual Rows']),
    sharedHit: Number(top.Plan['Shared Hit Blocks'] ?? 0),
    sharedRead: Number(top.Plan['Shared Read Blocks'] ?? 0),
    text,
  };
}

/**
 * The plan inside a lookup function of migration 0014 (a plan of the caller shows only a
 * Function Scan): its body as stored in pg_proc, its parameter bound, run as the function
 * runs it (the owner, the tenant pinned), so the GIN index it uses shows.
 */
async function explainFunction(db: Kysely<Database>, tenantId: string, name: string, arg: string): Promise<PlanFacts> {
  const body = (
    await sql<{ src: string; arg: string }>`
    select prosrc as src, proargnames[1] as arg from pg_proc where proname = ${name}`.execute(db)
  ).rows[0]!;
  const query = body.src.trim().replace(new RegExp(`\\b${body.arg}\\b`, 'g'), '$1::uuid');
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('app.tenant_id', ${tenantId}, true)`.execute(tx);
    const json = (
      await tx.executeQuery<Record<string, unknown>>(
        CompiledQuery.raw(`explain (analyze, buffers, format json) ${query}`, [arg]),
      )
    ).rows[0]!['QUERY PLAN'] as Array<{ Plan: PlanNode; 'Execution Time': number }>;
    const text = (
      await tx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`explain (analyze, buffers) ${query}`, [arg]))
    ).rows
      .map((r) => String(r['QUERY PLAN']))
      .join('\n');
    const indexes = new Set<string>();
    const nodes: string[] = [];
    walkPlan(json[0]!.Plan, indexes, nodes);
    return {
      indexes: [...indexes],
      nodes,
      ms: json[0]!['Execution Time'],
      rows: Number(json[0]!.Plan['Actual Rows']),
      sharedHit: Number(json[0]!.Plan['Shared Hit Blocks'] ?? 0),
      sharedRead: Number(json[0]!.Plan['Shared Read Blocks'] ?? 0),
      text: `${query}\n\n${text}`,
    };
  });
}

async function sizes(db: Kysely<Database>) {
  const { rows } = await sql<{ name: string; bytes: string }>`
    select 'table (heap + TOAST)' as name, (pg_table_size('audit_events'))::text as bytes
    union all select c.relname::text, pg_relation_size(c.oid)::text from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = 'audit_events'::regclass
    union all select 'total', pg_total_relation_size('audit_events')::text`.execute(db);
  return rows.map((r) => ({ name: r.name, bytes: Number(r.bytes) }));
}

async function main(): Promise<void> {
  const loadStart = loadAverage();
  const loadAvgText = (await readFile('/proc/loadavg', 'utf8')).trim();
  const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-lookups-bench-'));
  const server = await postgresServer(dir, { machine: true });
  const name = `phidesk_lookups_bench_${Date.now().toString(36)}`;
  const admin = connectDatabase(server.url, { poolMax: 1 });
  await sql.raw(`create database ${name}`).execute(admin.db);
  const handle = connectDatabase(withDatabase(server.url, name), { poolMax: 2 });
  try {
    const db = handle.db;
    await migrateToLatest(db);
    const version = (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0]?.v.split(' on ')[0] ?? '?';
    console.log(`loading ${fmt(shape.events)} events in ${shape.tenants} tenants on ${server.describe} (${version})`);
    const t0 = performance.now();
    const tenantIds = await loadTrail(db, shape, (done) => console.log(`  ${fmt(done)} events`));
    const loadS = (performance.now() - t0) / 1000;
    const a0 = performance.now();
    await sql`analyze audit_events`.execute(db);
    const analyzeS = (performance.now() - a0) / 1000;
    const count = Number(
      (await sql<{ n: string }>`select count(*)::text as n from audit_events`.execute(db)).rows[0]!.n,
    );
    console.log(`  loaded ${fmt(count)} events in ${loadS.toFixed(1)} s, ANALYZE ${analyzeS.toFixed(1)} s`);

    const tenantId = tenantIds[0]!;
    const ids = probeIds(0);
    const lookups: Lookup[] = [
      {
        name: 'who accessed patient X (`contactId`), oldest first (the default)',
        filter: { contactId: ids.contactId },
        order: 'asc',
      },
      {
        name: 'who accessed patient X (`contactId`), newest first',
        filter: { contactId: ids.contactId },
        order: 'desc',
      },
      { name: 'what did actor Y see (`actorId`), newest first', filter: { actorId: ids.actorId }, order: 'desc' },
      {
        name: 'what happened to ticket R (`resourceType` + `resourceId`), newest first',
        filter: { resourceType: 'Ticket', resourceId: ids.ticketId },
        order: 'desc',
      },
    ];
    const measure = async () => {
      const results: LookupResult[] = [];
      for (const lookup of lookups) {
        const query = await capturedQuery((tx) =>
          searchEvents(tx, tenantId, lookup.filter, { limit: 51, order: lookup.order }),
        );
        const first = await explain(db, tenantId, query);
        const again: PlanFacts[] = [];
        for (let i = 0; i < runs; i++) again.push(await explain(db, tenantId, query));
        const fn = /audit_event_seqs_naming_\w+/.exec(query.sql)?.[0];
        const arg = lookup.filter.contactId ?? lookup.filter.resourceId;
        const inner = fn !== undefined && arg !== undefined ? await explainFunction(db, tenantId, fn, arg) : undefined;
        results.push({ lookup, query, first, runs: again, ...(inner ? { inner } : {}) });
        console.log(
          `  ${lookup.name}: ${first.indexes.join(', ') || first.nodes.join(', ')}; ${again.map((r) => r.ms.toFixed(2)).join(', ')} ms`,
        );
      }
      return results;
    };
    console.log('as loaded (GIN pending lists not flushed: autovacuum is off)');
    const loaded = await measure();
    // what autovacuum (or VACUUM) does to a GIN index with fastupdate: merge its pending list
    const flushed = await sql<{ pages: string }>`
      select (gin_clean_pending_list('audit_events_by_entity') + gin_clean_pending_list('audit_events_by_entity_contact'))::text as pages`.execute(
      db,
    );
    const pendingPages = Number(flushed.rows[0]!.pages);
    console.log(`after gin_clean_pending_list (${pendingPages} pages merged)`);
    const results = await measure();
    const measured = await sizes(db);
    const loadEnd = loadAverage();
    const total = measured.find((s) => s.name === 'total')!.bytes;
    const perEvent = (bytes: number) => fmt(bytes / count);

    const section = [
      HEADING,
      '',
      `- Date: ${new Date().toISOString().slice(0, 10)}; \`/proc/loadavg\` at start: \`${loadAvgText}\``,
      machineLine(loadStart, loadEnd, "shared with other engineers' test and bench runs, "),
      `- Database: ${server.describe}, ${version}; autovacuum off on this machine, so ANALYZE after the load (${analyzeS.toFixed(1)} s)`,
      `- Command: \`node --import tsx bench/audit-lookups.bench.ts --events ${shape.events} --tenants ${shape.tenants} --runs ${runs}\``,
      `- Trail: ${fmt(count)} events in ${shape.tenants} tenants over six years, loaded with every index in place in ${loadS.toFixed(1)} s; per tenant ${fmt(shape.contactsPerTenant)} contacts, ${fmt(shape.ticketsPerTenant)} tickets, ${shape.actorsPerTenant} actors. Per ten events: 3 contact reads, 2 ticket reads (with the requester as patient), 1 user read (v1, one record each); 3 lists of 20 contacts and 1 page of 50 tickets with their requesters (operation events, ids in \`entity_ids\` / \`entity_contact_ids\`)`,
      '- SQL: what `searchEvents` (src/audit/audit.repository.ts) issues, compiled by its Kysely builder and captured from a driver that records the compiled query; limit 51 (a page of 50 plus the look-ahead, as GET /v1/audit/events asks). Run with `EXPLAIN (ANALYZE, BUFFERS)` inside `inTenantTx` (runtime role, RLS on)',
      '',
      `GIN indexes with \`fastupdate\` (the default) take new entries into a pending list that every search reads in full until it is merged into the index, which autovacuum does; this machine runs with autovacuum off, so each lookup is run as loaded and again after \`gin_clean_pending_list\` merged ${fmt(pendingPages)} pending pages (what autovacuum or VACUUM would have done). The list is bounded by \`gin_pending_list_limit\` (4 MB): its cost does not grow with the trail.`,
      '',
      `| GIN pending lists | lookup | rows | plan (indexes used) | first run | then (median of ${runs}) | shared buffers hit / read (then) |`,
      '|---|---|---:|---|---:|---:|---:|',
      ...lookupRows(loaded, 'as loaded'),
      ...lookupRows(results, 'pending lists merged'),
      '',
      `Storage at ${fmt(count)} events: ${fmt(total)} bytes in all, ${perEvent(total)} bytes per event.`,
      '',
      '| relation | bytes | bytes per event |',
      '|---|---:|---:|',
      ...measured.map(
        (s) => `| ${s.name === 'total' ? '**table + indexes**' : s.name} | ${fmt(s.bytes)} | ${perEvent(s.bytes)} |`,
      ),
      '',
      'Before migration 0014 (the same bench at 1,200,000 events the same day, load average 5.9 to 3.6), `searchEvents` asked for',
      'both forms in one OR (`subject_contact_id = X or entity_contact_ids @> array[X]`). Under RLS the policy is a security',
      'barrier, and PostgreSQL only uses a condition as an index condition when its operator is leakproof; `@>` is not, so',
      "the GIN indexes were never used by a request, and the planner walked the tenant's events by `audit_events_pk` in seq",
      'order, filtering each until it had a page: patient X 62.6 ms (18,607 buffers) oldest first and 42.6 ms newest first,',
      'ticket R 367.5 ms (98,059 buffers hit, 54,898 read); a patient or record seldom seen would read the whole tenant.',
      'Now each form is its own index lookup: the columns through their btree, the arrays through',
      "`audit_event_seqs_naming_contact` / `_entity` (security definer, the tenant's seqs only), merged by seq.",
      '',
      'Plans as run (the last run of each, pending lists merged):',
      '',
      ...results.flatMap(({ lookup, query, runs: r, inner }) => [
        `${lookup.name}, parameters \`${JSON.stringify(query.parameters)}\`:`,
        '',
        '```sql',
        query.sql,
        '```',
        '',
        '```',
        r[r.length - 1]!.text,
        '```',
        '',
        ...(inner
          ? ['The lookup function inside it, as it runs (owner, tenant pinned):', '', '```', inner.text, '```', '']
          : []),
      ]),
    ].join('\n');
    console.log('\n' + section);
    if (!options['no-results']) {
      writeResultsSection(HEADING, section);
      console.log(`written to ${RESULTS_PATH}`);
    }
  } finally {
    await handle.close();
    await sql
      .raw(`drop database if exists ${name} with (force)`)
      .execute(admin.db)
      .catch(() => undefined);
    await admin.close();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
