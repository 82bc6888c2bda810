// Audit overhead: audited reads per second against the same reads with auditing
// dropped, over HTTP on 127.0.0.1, and what each costs in CPU per request (server and
// PostgreSQL), split between the server process and PostgreSQL. The apps take turns, so
// drift in a shared machine's load hits both; reads are chained as they are group-committed,
// and each audited run lasts until the inbox is drained, so any sequencer work is counted
// against auditing too. Target: auditing costs under 15% of throughput.
//
//   node --import tsx bench/audit-overhead.bench.ts [--duration 8] [--connections 32] [--rounds 3] [--max-requests 400000] [--no-results]
//
// Uses BENCH_DATABASE_URL (a server URL whose user may create databases) when set,
// else an embedded PostgreSQL with default settings. Writes its section of
// bench/RESULTS.md (replacing an earlier run's, leaving other sections alone).
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
import { fmt, loadAverage, machineLine, median, writeResultsSection } from './lib.js';

const TARGET_OVERHEAD = 0.15;
const HEADING = '## Audit overhead (audit-overhead.bench.ts)';

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
    'max-requests': { type: 'string', default: '400000' },
    'no-results': { type: 'boolean', default: false },
  },
});
const load = {
  duration: Number(options.duration),
  connections: Number(options.connections),
  maxRequests: Number(options['max-requests']),
};
const rounds = Number(options.rounds);

const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;

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

async function drained(database: DatabaseHandle): Promise<void> {
  for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 20))) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_inbox`.execute(database.db);
    if (rows[0]?.n === 0) return;
  }
  throw new Error('the sequencer did not drain the inbox within a minute');
}

const cpuPerRequest = (c: Cost): number => c.serverMs + (c.postgresMs ?? 0);

async function chainedCount(database: BenchDatabase): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(database.handle.db);
  return rows[0]?.n ?? 0;
}

async function main(): Promise<void> {
  const loadStart = loadAverage();
  const config = await benchConfig();
  const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-overhead-db-'));
  const database = await startBenchDatabase(dir, 10);
  const apps: BenchApp[] = [];
  // A hard bound on the whole run, whatever happens.
  const deadline = setTimeout(
    () => {
      console.error('audit overhead bench: out of time');
      process.exit(2);
    },
    (4 * (rounds + 1) * 3 * (load.duration + 70) + 300) * 1000,
  );
  deadline.unref();
  try {
    const audited = await startBenchApp(config, database.handle, 'audited', database.url);
    const plain = await startBenchApp(config, database.handle, 'none', database.url);
    apps.push(audited, plain);
    const primary = await seed(database.handle, plain);
    const workloads = [
      {
        label: 'GET /v1/users/:id (1 event per request)',
        path: (d: Seeded) => `/v1/users/${d.userId}`,
        events: 1,
        key: (d: Seeded) => d.adminKey,
      },
      {
        label: 'GET /v1/users?limit=20 (20 events per request)',
        path: () => '/v1/users?limit=20',
        events: 20,
        key: (d: Seeded) => d.adminKey,
      },
      {
        label: 'GET /v1/contacts/:id (sealed PHI, 1 event per request)',
        path: (d: Seeded) => `/v1/contacts/${d.contactId}`,
        events: 1,
        key: (d: Seeded) => d.supervisorKey,
      },
      {
        label: 'GET /v1/contacts?limit=20 (sealed PHI, 20 events per request)',
        path: () => '/v1/contacts?limit=20',
        events: 20,
        key: (d: Seeded) => d.supervisorKey,
      },
    ];
    const rows: string[] = [];
    const splitRows: string[] = [];
    const verdicts: boolean[] = [];
    const perEvent: Array<{ server: number; postgres: number }> = [];
    for (const workload of workloads) {
      const run = (app: BenchApp, data: Seeded, settle: () => Promise<void>) =>
        measureRun(
          () => runLoad(`${app.base}${workload.path(data)}`, workload.key(data), load),
          settle,
          database.postmasterPid,
        );
      const runAudited = () => run(audited, primary, () => drained(database.handle));
      const runPlain = () => run(plain, primary, async () => undefined);
      await runAudited(); // warm-up runs, not counted
      await runPlain();
      const costs = { audited: [] as Cost[], plain: [] as Cost[] };
      let chained = 0;
      for (let round = 0; round < rounds; round++) {
        const before = await chainedCount(database);
        costs.audited.push(await runAudited());
        chained += (await chainedCount(database)) - before;
        costs.plain.push(await runPlain());
        const [a, p] = [costs.audited[round]!, costs.plain[round]!];
        const split = (x: Cost) =>
          `${cpuPerRequest(x).toFixed(2)} CPU-ms/req (server ${x.serverMs.toFixed(2)}, PostgreSQL ${x.postgresMs?.toFixed(2) ?? '?'})`;
        console.log(
          `  ${workload.label}: round ${round + 1}: audited ${fmt(a.load.rps)} req/s ${split(a)}; without audit ${fmt(p.load.rps)} req/s ${split(p)}`,
        );
      }
      const failed = [...costs.audited, ...costs.plain].reduce((n, c) => n + c.load.failed, 0);
      if (failed > 0) throw new Error(`${failed} requests failed: the benchmark is broken`);
      // Every audited request must have left its events in the chain (a few more: the set-up's).
      const perRequest = chained / costs.audited.reduce((n, c) => n + c.load.requests, 0);
      if (perRequest < workload.events)
        throw new Error(
          `${perRequest.toFixed(2)} events chained per request, expected ${workload.events}: the benchmark is broken`,
        );
      const rps = (list: Cost[]) => median(list.map((c) => c.load.rps));
      const cpu = (list: Cost[]) => median(list.map(cpuPerRequest));
      const overhead = 1 - rps(costs.audited) / rps(costs.plain);
      // On a CPU-bound machine throughput is 1 / CPU per request: the overhead that implies.
      const cpuOverhead = (list: Cost[]) => 1 - cpu(costs.plain) / cpu(list);
      verdicts.push(overhead < TARGET_OVERHEAD);
      const side = (list: Cost[], of: (c: Cost) => number) => median(list.map(of));
      const server = (c: Cost) => c.serverMs;
      const postgres = (c: Cost) => c.postgresMs ?? 0;
      if (workload.events > 1) {
        perEvent.push({
          server: ((side(costs.audited, server) - side(costs.plain, server)) / workload.events) * 1000,
          postgres: ((side(costs.audited, postgres) - side(costs.plain, postgres)) / workload.events) * 1000,
        });
      }
      rows.push(
        `| ${workload.label} | ${fmt(rps(costs.audited))} | ${fmt(rps(costs.plain))} | ${pct(overhead)} | ${pct(cpuOverhead(costs.audited))} | ${perRequest.toFixed(2)} | ${fmt(rps(costs.audited) * perRequest)} | ${median(costs.audited.map((c) => c.load.p99))} / ${median(costs.plain.map((c) => c.load.p99))} ms | ${overhead < TARGET_OVERHEAD ? 'yes' : 'no'} |`,
      );
      const ms = (list: Cost[], of: (c: Cost) => number) => side(list, of).toFixed(2);
      splitRows.push(
        `| ${workload.label} | ${ms(costs.plain, server)} / ${ms(costs.plain, postgres)} | ${ms(costs.audited, server)} / ${ms(costs.audited, postgres)} | ${cpu(costs.plain).toFixed(2)} | ${cpu(costs.audited).toFixed(2)} (${pct(cpuOverhead(costs.audited))}) |`,
      );
    }
    const { rows: counts } = await sql<{ chained: number; pending: number }>`
      select (select count(*)::int from audit_events) as chained, (select count(*)::int from audit_inbox) as pending`.execute(
      database.handle.db,
    );
    const section = [
      HEADING,
      '',
      `- Date: ${new Date().toISOString().slice(0, 10)}`,
      machineLine(loadStart, loadAverage(), 'server, PostgreSQL and load generator share it with other work: '),
      `- Database: ${database.describe}; the audited app has 2 more connections of its own for the audit writer and sequencer (as src/main.ts)`,
      `- Load: autocannon in its own process, ${load.connections} connections, ${load.duration} s per run (at most ${fmt(load.maxRequests)} requests), ${rounds} rounds per app taking turns after a warm-up run each; API-key authentication on every request`,
      '- Audited: the product as it runs, the real capture path (READ ONLY transaction, then the events group-committed straight into the chain before the response) with the sequencer and checkpoints in the same process; each audited run lasts until the inbox is drained. Without audit: the same app with an AuditPort that drops events (bench/ only). Two apps over one database, taking turns',
      '- CPU per request: this process (server, capture, sequencer) plus every PostgreSQL process, per request served; the implied overhead is what it means for throughput when the CPU is the limit',
      `- After the runs: ${fmt(counts[0]?.chained ?? 0)} events chained, ${fmt(counts[0]?.pending ?? 0)} pending`,
      '',
      '| workload | audited req/s (median) | without audit req/s (median) | throughput overhead | overhead implied by CPU per request | events chained per request (measured) | audit events/s | p99 latency, audited / without | under 15% |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      'Where the cost goes: CPU-ms per request, server process / PostgreSQL (every PostgreSQL process, WAL writer and checkpointer included), without audit and audited; the percentage is the throughput overhead that the total implies.',
      '',
      '| workload | without audit: server / PostgreSQL | audited: server / PostgreSQL | without audit, total | audited, total |',
      '|---|---|---|---|---|',
      ...splitRows,
      '',
      `Target met for ${verdicts.filter(Boolean).length} of ${verdicts.length} workloads. From the 20-record lists, every audit event costs about ${perEvent.map((e) => fmt(e.server)).join(' and ')} CPU-µs in the server`,
      `(build and check the body, its canonical JSON, SHA-256 and Merkle leaf, the row's share of the append statement) and ${perEvent.map((e) => fmt(e.postgres)).join(' and ')} CPU-µs in PostgreSQL`,
      '(the row, ~1 KB with its canonical body, into audit_events and its indexes, and its WAL), on a machine where a whole 20-record read costs 1.5 to 3 CPU-ms.',
      'Per-record events make a list read pay that twenty times, so lists are where the target is missed; a single-record read pays it once.',
      '',
      'What was done to get here: reads group-commit their events after a READ ONLY transaction and are chained in that group commit',
      '(one short transaction per batch: lock the chains, read the heads, append rows and move heads in one statement), so a read event is',
      'written once, never to the inbox and back; the audit writer has connections of its own; chain rows are built straight from the captured',
      "bodies; the event-id unique index (random keys, a quarter of a row's insert cost) was dropped; time is a BRIN index and the patient",
      'index is partial. What remains per event is the event itself: its canonical JSON, hash and Merkle leaf, and a durable row that the',
      'queries by patient, user and resource can find. Under 15% for 20-record lists would need about 12 CPU-µs per event, all in, on this',
      "machine; the next step is to store one row per request (its events' canonical bodies and hashes together, subjects and resources",
      "in GIN-indexed arrays), which shares the row, index and WAL overhead among the request's events; verification and export already",
      'work event by event and would not change.',
      '',
      'Run: `node --import tsx bench/audit-overhead.bench.ts [--duration S] [--connections C] [--rounds R] [--max-requests N] [--no-results]`',
      '',
    ].join('\n');
    console.log(`\n${section}`);
    if (!options['no-results']) writeResultsSection(HEADING, section);
  } finally {
    for (const app of apps) await app.close();
    await database.stop();
    await rm(dir, { recursive: true, force: true });
    await rm(config.dataDir, { recursive: true, force: true });
  }
}

await main();
