// Audit overhead: audited reads per second against the same reads with auditing
// dropped, over HTTP on 127.0.0.1, and what each costs in CPU per request (server and
// PostgreSQL). The apps take turns, so drift in a shared machine's load hits both; reads
// are chained as they are group-committed, and each audited run lasts until the inbox is
// drained, so any sequencer work is counted against auditing too. Target: auditing costs
// at most 15% of throughput on every workload, lists of 20 included (one event per
// operation: a list of 20 writes one event naming its 20 records).
//
//   node --import tsx bench/audit-overhead.bench.ts [--database both|machine|embedded] [--connections 10,50]
//     [--duration 5] [--rounds 3] [--max-requests 400000] [--profile] [--no-results]
//
// --profile: after the rounds at the first connection count, one more run of each app under
// the CPU profiler (bench/cpu-profile.ts), to say where auditing's server CPU goes.
//
// "machine": a fresh database on BENCH_DATABASE_URL's server when set, else the machine's
// PostgreSQL at 127.0.0.1:5432; "embedded": an embedded PostgreSQL with default settings.
// Writes its section of bench/RESULTS.md (replacing an earlier run's, leaving other
// sections alone).
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createTenant } from '../src/tenants/tenants.service.js';
import type { DatabaseHandle } from '../src/db/kysely.js';
import {
  benchConfig,
  startBenchApp,
  startBenchDatabase,
  type BenchApp,
  type BenchDatabase,
} from './audit-overhead-harness.js';
import { measureRun, runLoad, type Cost } from './audit-overhead-load.js';
import {
  HEADING,
  overheadOf,
  overheadSection,
  type DatabaseOverhead,
  type OverheadRow,
} from './audit-overhead-report.js';
import { startProfile } from './cpu-profile.js';
import { fmt, loadAverage, writeResultsSection } from './lib.js';

const { values: options } = parseArgs({
  options: {
    database: { type: 'string', default: 'both' },
    connections: { type: 'string', default: '10,50' },
    duration: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    'max-requests': { type: 'string', default: '400000' },
    profile: { type: 'boolean', default: false },
    'no-results': { type: 'boolean', default: false },
  },
});
const databases = (options.database === 'both' ? ['machine', 'embedded'] : [options.database]) as Array<
  'machine' | 'embedded'
>;
const connectionLevels = (options.connections as string).split(',').map(Number);
const load = { duration: Number(options.duration), maxRequests: Number(options['max-requests']) };
const rounds = Number(options.rounds);
const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();

interface Seeded {
  adminKey: string;
  supervisorKey: string;
  userId: string;
  contactId: string;
}

/** A tenant with 20 users, a supervisor key and 20 contacts with PHI, created through `app`. */
async function seed(database: DatabaseHandle, app: BenchApp): Promise<Seeded> {
  const tenant = await createTenant(database.db, { slug: 'bench', name: 'Bench', allowHttpJwks: false });
  const post = async (key: string, url: string, body: unknown): Promise<{ id: string; secret?: string }> => {
    const res = await fetch(`${app.base}${url}`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`set-up ${url}: ${res.status}`);
    return (await res.json()) as { id: string; secret?: string };
  };
  const userIds: string[] = [];
  for (let i = 0; i < 20; i++)
    userIds.push((await post(tenant.adminKey, '/v1/users', { displayName: `Bench user ${i}` })).id);
  const supervisorKey = (
    await post(tenant.adminKey, '/v1/api-keys', { name: 'bench supervisor', roles: ['supervisor'] })
  ).secret!;
  const contactIds: string[] = [];
  for (let i = 0; i < 20; i++) {
    const contact = {
      name: `Patient ${i}`,
      email: `patient${i}@example.test`,
      phone: '+1 555 0100',
      dateOfBirth: '1970-01-01',
      mrn: `MRN-${i}`,
    };
    contactIds.push((await post(supervisorKey, '/v1/contacts', contact)).id);
  }
  return { adminKey: tenant.adminKey, supervisorKey, userId: userIds[0]!, contactId: contactIds[0]! };
}

const workloads = [
  { label: 'GET /v1/users/:id', path: (d: Seeded) => `/v1/users/${d.userId}`, key: (d: Seeded) => d.adminKey },
  { label: 'GET /v1/users?limit=20', path: () => '/v1/users?limit=20', key: (d: Seeded) => d.adminKey },
  {
    label: 'GET /v1/contacts/:id (sealed PHI)',
    path: (d: Seeded) => `/v1/contacts/${d.contactId}`,
    key: (d: Seeded) => d.supervisorKey,
  },
  {
    label: 'GET /v1/contacts?limit=20 (sealed PHI)',
    path: () => '/v1/contacts?limit=20',
    key: (d: Seeded) => d.supervisorKey,
  },
];

async function drained(database: DatabaseHandle): Promise<void> {
  for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 20))) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_inbox`.execute(database.db);
    if (rows[0]?.n === 0) return;
  }
  throw new Error('the sequencer did not drain the inbox within a minute');
}

async function chainedCount(database: BenchDatabase): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(database.handle.db);
  return rows[0]?.n ?? 0;
}

async function onDatabase(which: 'machine' | 'embedded'): Promise<DatabaseOverhead> {
  const started = Date.now();
  const loadavgStart = loadavg();
  const config = await benchConfig();
  const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-overhead-db-'));
  const database = await startBenchDatabase(dir, 10, which);
  const apps: BenchApp[] = [];
  try {
    const audited = await startBenchApp(config, database.handle, 'audited', database.url);
    const plain = await startBenchApp(config, database.handle, 'none', database.url);
    apps.push(audited, plain);
    const data = await seed(database.handle, plain);
    console.log(`${database.describe}: /proc/loadavg ${loadavgStart}`);
    const rows: OverheadRow[] = [];
    for (const connections of connectionLevels)
      for (const workload of workloads) {
        const run = (app: BenchApp, settle: () => Promise<void>) =>
          measureRun(
            () => runLoad(`${app.base}${workload.path(data)}`, workload.key(data), { ...load, connections }),
            settle,
            () => database.postgresCpuSeconds(),
          );
        const runAudited = () => run(audited, () => drained(database.handle));
        const runPlain = () => run(plain, async () => undefined);
        await runAudited(); // warm-up runs, not counted
        await runPlain();
        const row: OverheadRow = {
          workload: workload.label,
          connections,
          audited: [],
          plain: [],
          eventsPerRequest: 0,
          auditMessagesPerRequest: 0,
          auditCommitsPerRequest: 0,
        };
        let chained = 0;
        const pool0 = { ...audited.auditPool };
        for (let round = 0; round < rounds; round++) {
          const before = await chainedCount(database);
          row.audited.push(await runAudited());
          chained += (await chainedCount(database)) - before;
          row.plain.push(await runPlain());
          const [a, p] = [row.audited[round]!, row.plain[round]!];
          const split = (x: Cost) =>
            `${(x.serverMs + (x.postgresMs ?? 0)).toFixed(2)} CPU-ms/req (server ${x.serverMs.toFixed(2)}, PostgreSQL ${x.postgresMs?.toFixed(2) ?? '?'})`;
          console.log(
            `  ${workload.label} @${connections}: round ${round + 1}: audited ${fmt(a.load.rps)} req/s ${split(a)}; without audit ${fmt(p.load.rps)} req/s ${split(p)}`,
          );
        }
        const failed = [...row.audited, ...row.plain].reduce((n, c) => n + c.load.failed, 0);
        if (failed > 0) throw new Error(`${failed} requests failed: the benchmark is broken`);
        // Every audited request must have left its event in the chain (a few more: checkpoints).
        const served = row.audited.reduce((n, c) => n + c.load.requests, 0);
        row.eventsPerRequest = chained / served;
        row.auditMessagesPerRequest = (audited.auditPool.messages - pool0.messages) / served;
        row.auditCommitsPerRequest = (audited.auditPool.commits - pool0.commits) / served;
        if (options.profile && connections === connectionLevels[0]) {
          const profiled = async (app: BenchApp, settle: () => Promise<void>) => {
            const stop = await startProfile();
            const cost = await run(app, settle);
            return { profile: await stop(), requests: cost.load.requests };
          };
          row.profiles = {
            audited: await profiled(audited, () => drained(database.handle)),
            plain: await profiled(plain, async () => undefined),
          };
        }
        if (row.eventsPerRequest < 1)
          throw new Error(`${row.eventsPerRequest.toFixed(2)} events chained per request: the benchmark is broken`);
        console.log(`  ${workload.label} @${connections}: overhead ${(overheadOf(row) * 100).toFixed(1)}%`);
        rows.push(row);
      }
    const { rows: counts } = await sql<{ chained: number; pending: number }>`
      select (select count(*)::int from audit_events) as chained, (select count(*)::int from audit_inbox) as pending`.execute(
      database.handle.db,
    );
    return {
      describe: database.describe,
      loadavgStart,
      loadavgEnd: loadavg(),
      seconds: (Date.now() - started) / 1000,
      chained: counts[0]?.chained ?? 0,
      pending: counts[0]?.pending ?? 0,
      rows,
    };
  } finally {
    for (const app of apps) await app.close();
    await database.stop();
    await rm(dir, { recursive: true, force: true });
    await rm(config.dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const loadStart = loadAverage();
  // A hard bound on the whole run, whatever happens.
  const deadline = setTimeout(
    () => {
      console.error('audit overhead bench: out of time');
      process.exit(2);
    },
    (databases.length * connectionLevels.length * workloads.length * (rounds + 1) * 2 * (load.duration + 70) + 300) *
      1000,
  );
  deadline.unref();
  const results: DatabaseOverhead[] = [];
  for (const which of databases) results.push(await onDatabase(which));
  const section = overheadSection({
    databases: results,
    loadStart,
    loadEnd: loadAverage(),
    load,
    rounds,
    command: `node --import tsx bench/audit-overhead.bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
  });
  console.log(`\n${section}`);
  if (!options['no-results']) writeResultsSection(HEADING, section);
}

await main();
