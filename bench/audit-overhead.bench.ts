// Audit overhead: audited reads per second against the same reads with auditing
// dropped, over HTTP on 127.0.0.1 (autocannon in a worker thread; the two apps take
// turns, A B A B, so drift in a shared machine's load hits both). Target: auditing
// costs under 15% of throughput.
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
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { createTenant } from '../src/tenants/tenants.service.js';
import { benchConfig, startBenchApp, startBenchDatabase, type BenchApp } from './audit-overhead-harness.js';

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
const duration = Number(options.duration);
const connections = Number(options.connections);
const rounds = Number(options.rounds);
const maxRequests = Number(options['max-requests']);

interface Workload {
  label: string;
  path: string;
  eventsPerRequest: number;
}

async function load(base: string, path: string, apiKey: string): Promise<{ rps: number; p99: number; non2xx: number }> {
  const result = await autocannon({
    url: `${base}${path}`, headers: { 'x-api-key': apiKey }, connections, duration, maxOverallRequests: maxRequests, workers: 1,
  });
  return { rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx + result.errors + result.timeouts };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

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

async function main(): Promise<void> {
  const loadStart = loadavg()[0] as number;
  const config = await benchConfig();
  const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-overhead-db-'));
  const database = await startBenchDatabase(dir, 10);
  const apps: BenchApp[] = [];
  // A hard bound on the whole run, whatever autocannon does.
  const deadline = setTimeout(() => { console.error('audit overhead bench: out of time'); process.exit(2); }, (rounds * 4 * (duration + 10) + 300) * 1000);
  deadline.unref();
  try {
    const tenant = await createTenant(database.handle.db, { slug: 'bench', name: 'Bench', allowHttpJwks: false });
    const audited = await startBenchApp(config, database.handle, true);
    const plain = await startBenchApp(config, database.handle, false);
    apps.push(audited, plain);
    let firstId = '';
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${plain.base}/v1/users`, { method: 'POST', headers: { 'x-api-key': tenant.adminKey, 'content-type': 'application/json' }, body: JSON.stringify({ displayName: `Bench user ${i}` }) });
      firstId ||= ((await res.json()) as { id: string }).id;
    }
    const workloads: Workload[] = [
      { label: 'GET /v1/users/:id (1 event per request)', path: `/v1/users/${firstId}`, eventsPerRequest: 1 },
      { label: 'GET /v1/users?limit=20 (20 events per request)', path: '/v1/users?limit=20', eventsPerRequest: 20 },
    ];
    const rows: string[] = [];
    const verdicts: boolean[] = [];
    for (const workload of workloads) {
      await load(audited.base, workload.path, tenant.adminKey); // warm-up, not measured
      await load(plain.base, workload.path, tenant.adminKey);
      const a: number[] = [];
      const p: number[] = [];
      const p99: number[] = [];
      let failures = 0;
      for (let round = 0; round < rounds; round++) {
        const withAudit = await load(audited.base, workload.path, tenant.adminKey);
        const without = await load(plain.base, workload.path, tenant.adminKey);
        a.push(withAudit.rps);
        p.push(without.rps);
        p99.push(withAudit.p99);
        failures += withAudit.non2xx + without.non2xx;
        console.log(`  ${workload.label}: round ${round + 1}: audited ${fmt(withAudit.rps)} req/s, without audit ${fmt(without.rps)} req/s`);
      }
      if (failures > 0) throw new Error(`${failures} requests failed: the benchmark is broken`);
      const overhead = 1 - median(a) / median(p);
      verdicts.push(overhead < TARGET_OVERHEAD);
      rows.push(`| ${workload.label} | ${fmt(median(a))} | ${fmt(median(p))} | ${(overhead * 100).toFixed(1)}% | ${fmt(median(a) * workload.eventsPerRequest)} | ${median(p99)} ms | ${overhead < TARGET_OVERHEAD ? 'yes' : 'no'} |`);
    }
    // Everything audited must have been chained, and the chain must verify.
    const verify = await fetch(`${audited.base}/v1/users?limit=1`, { headers: { 'x-api-key': tenant.adminKey } });
    if (!verify.ok) throw new Error('audited app stopped answering');
    await audited.close();
    apps.shift();
    const { rows: counts } = await sql<{ chained: number; pending: number }>`
      select (select count(*)::int from audit_events) as chained, (select count(*)::int from audit_inbox) as pending`.execute(database.handle.db);
    const section = [
      HEADING,
      '',
      `- Date: ${new Date().toISOString().slice(0, 10)}`,
      `- Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), Node ${process.version}; server, PostgreSQL and load generator share it; load average ${loadStart.toFixed(2)} at start, ${(loadavg()[0] as number).toFixed(2)} at end`,
      `- Database: ${database.describe}`,
      `- Load: autocannon in a worker thread, ${connections} connections, ${duration} s per run (at most ${fmt(maxRequests)} requests), ${rounds} rounds per app taking turns after a warm-up run each; API-key authentication on every request`,
      '- Audited: the real capture path (READ ONLY transaction, then the events group-committed to the inbox before the response) with the sequencer and checkpoints running in the same process. Without audit: the same app with an AuditPort that drops events (bench/ only)',
      `- After the runs: ${fmt(counts[0]?.chained ?? 0)} events chained, ${fmt(counts[0]?.pending ?? 0)} still pending when the audited app stopped`,
      '',
      '| workload | audited req/s (median) | without audit req/s (median) | audit overhead | audit events/s | audited p99 latency | under 15% |',
      '|---|---|---|---|---|---|---|',
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
