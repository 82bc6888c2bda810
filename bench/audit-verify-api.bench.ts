// GET /v1/audit/verify with a million events in the trail, and the full re-verification
// job's rate (issue 14, acceptance 4). The trail is generated in bulk (rows chained and
// hashed in JS, inserted by unnest in chunks, checkpoints signed every 10,000 events with
// the server's own key), then: one incremental verify with no verified position yet
// (bounded at 100k events), the full job from seq 1 (its rate), then N more events and a
// checkpoint, and the incremental verify timed over the API (app.inject: the whole
// request path, policy and audit included).
//
//   node --import tsx bench/audit-verify-api.bench.ts [--events 1000000] [--append 5000] [--runs 5] [--no-results]
//
// The database: BENCH_DATABASE_URL, else the machine's PostgreSQL at 127.0.0.1:5432, else
// an embedded one. It runs ANALYZE after the bulk load (autovacuum may be off).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql, type Kysely } from 'kysely';
import { composeApp } from '../src/compose.js';
import { loadConfig } from '../src/config.js';
import { loadOrCreateDevMasterKey } from '../src/crypto/index.js';
import { withDatabase } from '../src/db/admin.js';
import type { Database } from '../src/db/database.js';
import { connectDatabase } from '../src/db/kysely.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createTenant } from '../src/tenants/tenants.service.js';
import { DirectoryCheckpointSink, loadAuditKeys } from '../src/audit/index.js';
import { bulkChain, type BulkHead, type BulkRows } from '../tests/audit/bulk-chain-fixture.js';
import { fmt, loadAverage, machineLine, median, RESULTS_PATH, writeResultsSection } from './lib.js';
import { postgresServer } from './postgres.js';

const HEADING = '## Audit verification over the API (audit-verify-api.bench.ts)';
const { values: options } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    append: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '5' },
    'checkpoint-every': { type: 'string', default: '10000' },
    'no-results': { type: 'boolean', default: false },
  },
});
const events = Number(options.events);
const append = Number(options.append);
const runs = Number(options.runs);
const every = Number(options['checkpoint-every']);

async function insertRows(db: Kysely<Database>, r: BulkRows): Promise<void> {
  await sql`insert into audit_events (tenant_id, seq, id, occurred_at, actor_id, action, resource_type, resource_id, subject_contact_id, outcome, body, prev_hash, hash)
    select * from unnest(${r.tenant_id}::uuid[], ${r.seq}::bigint[], ${r.id}::uuid[], ${r.occurred_at}::timestamptz[],
      ${r.actor_id}::text[], ${r.action}::text[], ${r.resource_type}::text[], ${r.resource_id}::text[],
      ${r.subject_contact_id}::uuid[], ${r.outcome}::text[], ${r.body}::text[], ${r.prev_hash}::text[], ${r.hash}::text[])`.execute(
    db,
  );
}

async function setHead(db: Kysely<Database>, tenantId: string, head: BulkHead): Promise<void> {
  await sql`insert into audit_chain_heads (tenant_id, seq, hash, merkle_frontier, checkpointed_seq)
    values (${tenantId}, ${head.seq}, ${head.hash}, ${head.merkleFrontier}::text[], ${head.seq})
    on conflict (tenant_id) do update set seq = excluded.seq, hash = excluded.hash,
      merkle_frontier = excluded.merkle_frontier, checkpointed_seq = excluded.checkpointed_seq`.execute(db);
}

async function readHead(db: Kysely<Database>, tenantId: string): Promise<BulkHead> {
  const { rows } = await sql<{ seq: string; hash: string; merkle_frontier: string[] }>`
    select seq, hash, merkle_frontier from audit_chain_heads where tenant_id = ${tenantId}`.execute(db);
  const row = rows[0]!;
  return { seq: Number(row.seq), hash: row.hash, merkleFrontier: row.merkle_frontier };
}

async function main(): Promise<void> {
  const loadStart = loadAverage();
  const loadAvgText = (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim();
  const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-verify-api-bench-'));
  const server = await postgresServer(dir, { machine: true });
  const name = `phidesk_verify_bench_${Date.now().toString(36)}`;
  const admin = connectDatabase(server.url, { poolMax: 1 });
  await sql.raw(`create database ${name}`).execute(admin.db);
  const handle = connectDatabase(withDatabase(server.url, name), { poolMax: 10 });
  try {
    await migrateToLatest(handle.db);
    const db = handle.db;
    const version = (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0]?.v.split(' on ')[0] ?? '?';
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATA_DIR: dir,
      RATE_LIMIT_MAX: '100000',
      RATE_LIMIT_ADDRESS_MAX: '10000000',
    });
    const masterKey = (await loadOrCreateDevMasterKey(config.masterKeyFile)).provider;
    const app = await composeApp({ config, db, masterKey, auditJobs: false });
    await app.ready();
    const keys = await loadAuditKeys(config);
    const sink = new DirectoryCheckpointSink(config.audit.checkpointDir);
    const created = await createTenant(db, {
      slug: 'verify-bench',
      name: 'Verify bench',
      allowHttpJwks: false,
      allowPrivateUrls: false,
    });
    const tenantId = created.tenant.id;
    const minted = await app.inject({
      method: 'POST',
      url: '/v1/api-keys',
      headers: { 'x-api-key': created.adminKey },
      payload: { name: 'auditor', roles: ['auditor'] },
    });
    const auditorKey = minted.json().secret as string;
    const call = (method: 'GET' | 'POST', url: string) =>
      app.inject({ method, url, headers: { 'x-api-key': auditorKey } });

    console.log(`generating ${fmt(events)} events on ${server.describe} (${version})`);
    // the key and tenant creation above wrote events: the bulk chain goes after them
    await new Promise((r) => setTimeout(r, 200));
    const t0 = performance.now();
    const start = await readHead(db, tenantId).catch(() => undefined);
    const bulk = await bulkChain(tenantId, events, {
      from: start,
      every,
      key: keys.signingKey,
      write: (rows) => insertRows(db, rows),
    });
    await setHead(db, tenantId, bulk.head);
    for (const checkpoint of bulk.checkpoints) await sink.write(checkpoint);
    const loadMs = performance.now() - t0;
    await sql`analyze audit_events`.execute(db);
    console.log(`  loaded ${fmt(bulk.head.seq)} events in ${(loadMs / 1000).toFixed(1)} s`);

    const timed = async (method: 'GET' | 'POST', url: string) => {
      const s = performance.now();
      const res = await call(method, url);
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return { ms: performance.now() - s, body: res.json() as Record<string, any> };
    };
    const cold = await timed('GET', '/v1/audit/verify');
    console.log(
      `  first verify (no position): ${cold.ms.toFixed(0)} ms, ${fmt(cold.body.eventsChecked)} events, complete ${cold.body.complete}`,
    );

    const jobStart = performance.now();
    const started = await timed('POST', '/v1/audit/verifications');
    let job = started.body;
    const samples: string[] = [];
    while (job.status === 'queued' || job.status === 'running') {
      await new Promise((r) => setTimeout(r, 1000));
      job = (await timed('GET', `/v1/audit/verifications/${job.id}`)).body;
      samples.push(`${fmt(job.eventsChecked)} (${fmt(job.eventsPerSecond)}/s)`);
    }
    const jobMs = performance.now() - jobStart;
    if (job.status !== 'succeeded' || job.result?.ok !== true) throw new Error(`job ended ${JSON.stringify(job)}`);
    console.log(
      `  full job: ${fmt(job.eventsChecked)} events in ${(jobMs / 1000).toFixed(1)} s, ${fmt(job.eventsPerSecond)} events/s`,
    );

    // new events since the position the job left, and a checkpoint over them
    const more = await bulkChain(tenantId, append, {
      from: await readHead(db, tenantId),
      every,
      key: keys.signingKey,
      salt: 1,
      write: (rows) => insertRows(db, rows),
    });
    await setHead(db, tenantId, more.head);
    for (const checkpoint of more.checkpoints) await sink.write(checkpoint);

    const warm: Array<{ ms: number; body: Record<string, any> }> = [];
    for (let i = 0; i < runs; i++) warm.push(await timed('GET', '/v1/audit/verify'));
    const first = warm[0]!.body;
    if (first.ok !== true || first.startedFrom === null)
      throw new Error(`incremental verify: ${JSON.stringify(first)}`);
    const ms = warm.map((w) => w.ms);
    console.log(`  incremental verify: ${ms.map((m) => m.toFixed(0)).join(', ')} ms`);
    const loadEnd = loadAverage();

    const section = [
      HEADING,
      '',
      `- Date: ${new Date().toISOString().slice(0, 10)}; \`/proc/loadavg\` at start: \`${loadAvgText}\``,
      machineLine(loadStart, loadEnd, "shared with other engineers' test runs, "),
      `- Database: ${server.describe}, ${version}; ANALYZE after the bulk load`,
      `- Command: \`node --import tsx bench/audit-verify-api.bench.ts --events ${events} --append ${append} --runs ${runs}\``,
      `- Trail: ${fmt(bulk.head.seq)} events in one tenant (chain-fixture bodies), a signed checkpoint every ${fmt(every)}; generated, hashed and inserted in ${(loadMs / 1000).toFixed(1)} s`,
      '- Targets: GET /v1/audit/verify under 1 s with a million events; the full job at least 100,000 events/s',
      '',
      '| what | events checked | time | events/s | target met |',
      '|---|---:|---:|---:|---|',
      `| GET /v1/audit/verify, incremental: ${fmt(append)} new events and 1 new checkpoint after the job's position (median of ${runs}; first call) | ${fmt(first.eventsChecked)} | ${fmt(median(ms))} ms (${fmt(ms[0]!)} ms) | | ${median(ms) < 1000 ? 'yes' : 'no'} (< 1 s) |`,
      `| GET /v1/audit/verify, later calls: nothing new since the position they left | ${fmt(warm[warm.length - 1]!.body.eventsChecked)} | ${fmt(ms[ms.length - 1]!)} ms | | ${ms[ms.length - 1]! < 1000 ? 'yes' : 'no'} |`,
      `| GET /v1/audit/verify with no verified position yet (stops at its 20k bound, \`complete: false\`) | ${fmt(cold.body.eventsChecked)} | ${fmt(cold.ms)} ms | ${fmt((cold.body.eventsChecked / cold.ms) * 1000)} | ${cold.ms < 1000 ? 'yes' : 'no'} |`,
      `| full re-verification job (POST /v1/audit/verifications), seq 1 to the head | ${fmt(job.eventsChecked)} | ${(jobMs / 1000).toFixed(1)} s wall (polled each second) | ${fmt(job.eventsPerSecond)} | ${job.eventsPerSecond >= 100_000 ? 'yes' : 'no'} (>= 100,000/s) |`,
      '',
      `Job progress as polled: ${samples.join(', ')}.`,
      '',
      'The incremental verification costs what is new since the verified position (plus listing and',
      "signature-checking the tenant's checkpoint files and one indexed lookup of the event at the",
      'position), not the size of the trail. The full job takes each row from its stored bytes while',
      'a signed checkpoint lies ahead: the stored v1 body is the canonical text that was hashed, so it',
      "goes to the offline verifier's own chain check (`TenantChain.acceptVerbatim`: seq, link, SHA-256,",
      'Merkle leaf) as the parts of its export line, after the query columns, read as one text, are',
      'matched in place in the body (`columnsAgree`: one pass through the body, no fragments built).',
      'Only rows that do not pass are re-read on the full path (`eventsAfter` + `eventForVerification`):',
      'the tail past the newest checkpoint, v2 events (stored apart from their entity ids), damage. The',
      'next batch is fetched while one is hashed. What remains per event: node-pg reading ~1 KB and the',
      'garbage it leaves, the column check, one SHA-256 of the canonical bytes and four Merkle hashes',
      '(the verifier keeps the tree, and the walk keeps its own to store the frontier of the position',
      'it reaches).',
      '',
    ].join('\n');
    console.log('\n' + section);
    if (!options['no-results']) {
      writeResultsSection(HEADING, section);
      console.log(`written to ${RESULTS_PATH}`);
    }
    await app.close();
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
