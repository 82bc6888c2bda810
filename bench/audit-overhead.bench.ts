// Audit overhead: audited reads per second against the same reads with auditing
// dropped, over HTTP on 127.0.0.1, and what each costs in CPU per request (server and
// PostgreSQL). The two apps take turns, A B A B, so drift in a shared machine's load
// hits both; each audited run lasts until its inbox is drained, so the sequencer's work
// is counted against auditing. Target: auditing costs under 15% of throughput.
//
//   node --import tsx bench/audit-overhead.bench.ts [--duration 8] [--connections 32] [--rounds 3] [--max-requests 400000] [--no-results]
//
// Uses BENCH_DATABASE_URL (a server URL whose user may create databases) when set,
// else an embedded PostgreSQL with default settings. Writes its section of
// bench/RESULTS.md (replacing an earlier run's, leaving other sections alone).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createTenant } from '../src/tenants/tenants.service.js';
import { benchConfig, startBenchApp, startBenchDatabase, type BenchApp, type BenchDatabase } from './audit-overhead-harness.js';
import { measureRun, runLoad, type Cost } from './audit-overhead-load.js';

const TARGET_OVERHEAD = 0.15;
const HEADING = '## Audit overhead (audit-overhead.bench.ts)';
const RESULTS_PATH = fileURLToPath(new URL('./RESULTS.md', import.meta.url));

const { values: options } = parseArgs({
  options: {
    duration: { type: 'string', default: '8' },
    connections: { type: 'string', default: '32' },
    rounds: { type: 'string', default: '3' },
    'max-requests': { type: 'string', default: '400000' },
    'no-results': { type: 'boolean', default: false },
  },
});
const load = { duration: Number(options.duration), connections: Number(options.connections), maxRequests: Number(options['max-requests']) };
const rounds = Number(options.rounds);

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;

function writeResultsSection(section: string): void {
  // Re-read right before writing: another benchmark may have added its section meanwhile.
  const current = existsSync(RESULTS_PATH) ? readFileSync(RESULTS_PATH, 'utf8') : '# Benchmark results\n';
  const start = current.indexOf(HEADING);
  let next: string;
  if (start === -1) {
    next = current.replace(/\n*$/, '\n\n') + section;
  } else {
    const following = current.indexOf('\n## ', start + HEADING.length);
    next = current.slice(0, start) + section + (following === -1 ? '' : current.slice(following));
  }
  writeFileSync(RESULTS_PATH, next);
}

async function drained(database: BenchDatabase): Promise<void> {
  for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 20))) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_inbox`.execute(database.handle.db);
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
  const loadStart = loadavg()[0] as number;
  const config = await benchConfig();
  const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-overhead-db-'));
  const database = await startBenchDatabase(dir, 10);
  const apps: BenchApp[] = [];
  // A hard bound on the whole run, whatever happens.
  const deadline = setTimeout(() => { console.error('audit overhead bench: out of time'); process.exit(2); }, (4 * (rounds + 1) * 2 * (load.duration + 70) + 300) * 1000);
  deadline.unref();
  try {
    const tenant = await createTenant(database.handle.db, { slug: 'bench', name: 'Bench', allowHttpJwks: false });
    const audited = await startBenchApp(config, database.handle, true, database.url);
    const plain = await startBenchApp(config, database.handle, false, database.url);
    apps.push(audited, plain);
    const post = async (key: string, url: string, body: unknown): Promise<{ id: string; key?: { id: string }; secret?: string }> => {
      const res = await fetch(`${plain.base}${url}`, { method: 'POST', headers: { 'x-api-key': key, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`set-up ${url}: ${res.status}`);
      return (await res.json()) as { id: string };
    };
    const userIds: string[] = [];
    for (let i = 0; i < 20; i++) userIds.push((await post(tenant.adminKey, '/v1/users', { displayName: `Bench user ${i}` })).id);
    const supervisor = (await post(tenant.adminKey, '/v1/api-keys', { name: 'bench supervisor', roles: ['supervisor'] })).secret!;
    const contactIds: string[] = [];
    for (let i = 0; i < 20; i++) {
      const contact = { name: `Patient ${i}`, email: `patient${i}@example.test`, phone: '+1 555 0100', dateOfBirth: '1970-01-01', mrn: `MRN-${i}` };
      contactIds.push((await post(supervisor, '/v1/contacts', contact)).id);
    }
    const workloads = [
      { label: 'GET /v1/users/:id (1 event per request)', path: `/v1/users/${userIds[0]}`, events: 1, key: tenant.adminKey },
      { label: 'GET /v1/users?limit=20 (20 events per request)', path: '/v1/users?limit=20', events: 20, key: tenant.adminKey },
      { label: 'GET /v1/contacts/:id (sealed PHI, 1 event per request)', path: `/v1/contacts/${contactIds[0]}`, events: 1, key: supervisor },
      { label: 'GET /v1/contacts?limit=20 (sealed PHI, 20 events per request)', path: '/v1/contacts?limit=20', events: 20, key: supervisor },
    ];
    const rows: string[] = [];
    const verdicts: boolean[] = [];
    for (const workload of workloads) {
      const run = (app: BenchApp, settle: () => Promise<void>) =>
        measureRun(() => runLoad(`${app.base}${workload.path}`, workload.key, load), settle, database.postmasterPid);
      await run(audited, () => drained(database)); // warm-up runs, not counted
      await run(plain, async () => undefined);
      const withAudit: Cost[] = [];
      const without: Cost[] = [];
      let chained = 0;
      for (let round = 0; round < rounds; round++) {
        const before = await chainedCount(database);
        withAudit.push(await run(audited, () => drained(database)));
        chained += (await chainedCount(database)) - before;
        without.push(await run(plain, async () => undefined));
        const [a, p] = [withAudit[round]!, without[round]!];
        console.log(`  ${workload.label}: round ${round + 1}: audited ${fmt(a.load.rps)} req/s ${cpuPerRequest(a).toFixed(2)} CPU-ms/req (server ${a.serverMs.toFixed(2)}); without audit ${fmt(p.load.rps)} req/s ${cpuPerRequest(p).toFixed(2)} CPU-ms/req (server ${p.serverMs.toFixed(2)})`);
      }
      const failed = [...withAudit, ...without].reduce((n, c) => n + c.load.failed, 0);
      if (failed > 0) throw new Error(`${failed} requests failed: the benchmark is broken`);
      // Every audited request must have left its events in the chain (a few more: the set-up's).
      const perRequest = chained / withAudit.reduce((n, c) => n + c.load.requests, 0);
      if (perRequest < workload.events) throw new Error(`${perRequest.toFixed(2)} events chained per request, expected ${workload.events}: the benchmark is broken`);
      const rpsA = median(withAudit.map((c) => c.load.rps));
      const rpsP = median(without.map((c) => c.load.rps));
      const cpuA = median(withAudit.map(cpuPerRequest));
      const cpuP = median(without.map(cpuPerRequest));
      const overhead = 1 - rpsA / rpsP;
      // On a CPU-bound machine throughput is 1 / CPU per request: the overhead that implies.
      const cpuOverhead = 1 - cpuP / cpuA;
      verdicts.push(overhead < TARGET_OVERHEAD);
      rows.push(`| ${workload.label} | ${fmt(rpsA)} | ${fmt(rpsP)} | ${pct(overhead)} | ${cpuA.toFixed(2)} / ${cpuP.toFixed(2)} | ${pct(cpuOverhead)} | ${perRequest.toFixed(2)} | ${fmt(rpsA * perRequest)} | ${median(withAudit.map((c) => c.load.p99))} / ${median(without.map((c) => c.load.p99))} ms | ${overhead < TARGET_OVERHEAD ? 'yes' : 'no'} |`);
    }
    const { rows: counts } = await sql<{ chained: number; pending: number }>`
      select (select count(*)::int from audit_events) as chained, (select count(*)::int from audit_inbox) as pending`.execute(database.handle.db);
    const section = [
      HEADING,
      '',
      `- Date: ${new Date().toISOString().slice(0, 10)}`,
      `- Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}; server, PostgreSQL and load generator share it with other work: load average ${loadStart.toFixed(2)} at start, ${(loadavg()[0] as number).toFixed(2)} at end`,
      `- Database: ${database.describe}; the audited app has 2 more connections of its own for the audit writer and sequencer (as src/main.ts)`,
      `- Load: autocannon in its own process, ${load.connections} connections, ${load.duration} s per run (at most ${fmt(load.maxRequests)} requests), ${rounds} rounds per app taking turns after a warm-up run each; API-key authentication on every request`,
      '- Audited: the real capture path (READ ONLY transaction, then the events group-committed to the inbox before the response), the sequencer and checkpoints running in the same process; each audited run lasts until the inbox is drained, so chaining is paid for inside it. Without audit: the same app with an AuditPort that drops events (bench/ only)',
      '- CPU per request: this process (server, capture, sequencer) plus every PostgreSQL process, per request served; the implied overhead is what it means for throughput when the CPU is the limit',
      `- After the runs: ${fmt(counts[0]?.chained ?? 0)} events chained, ${fmt(counts[0]?.pending ?? 0)} pending`,
      '',
      '| workload | audited req/s (median) | without audit req/s (median) | throughput overhead | CPU-ms per request, audited / without | overhead implied by CPU | events chained per request (measured) | audit events/s | p99 latency, audited / without | under 15% |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      'Run: `node --import tsx bench/audit-overhead.bench.ts [--duration S] [--connections C] [--rounds R] [--max-requests N] [--no-results]`',
      '',
    ].join('\n');
    console.log(`\n${section}`);
    if (!options['no-results']) writeResultsSection(section);
    if (!verdicts.every(Boolean)) process.exitCode = 1;
  } finally {
    for (const app of apps) await app.close();
    await database.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
