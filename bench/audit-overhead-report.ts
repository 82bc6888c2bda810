// The section of bench/RESULTS.md that bench/audit-overhead.bench.ts writes: per database
// and connection count, audited against unaudited throughput for each workload, and where
// the CPU goes, from the medians of its rounds.
import type { Cost } from './audit-overhead-load.js';
import type { ProfileSummary } from './cpu-profile.js';
import { fmt, machineLine, median } from './lib.js';

export const HEADING = '## Audit overhead (audit-overhead.bench.ts)';
export const TARGET_OVERHEAD = 0.15;

export interface OverheadRow {
  workload: string;
  connections: number;
  audited: Cost[];
  plain: Cost[];
  /** events chained per audited request, measured */
  eventsPerRequest: number;
  /** messages (round trips) on the audit writer's pool per audited request, and transactions it committed */
  auditMessagesPerRequest: number;
  auditCommitsPerRequest: number;
  /** with --profile: one profiled run of each app */
  profiles?: { audited: ProfiledRun; plain: ProfiledRun };
}

export interface ProfiledRun {
  profile: ProfileSummary;
  requests: number;
}

export interface DatabaseOverhead {
  describe: string;
  loadavgStart: string;
  loadavgEnd: string;
  seconds: number;
  chained: number;
  pending: number;
  rows: OverheadRow[];
}

const pct = (n: number): string => `${(n * 100).toFixed(1)}%`;
const cpu = (c: Cost): number => c.serverMs + (c.postgresMs ?? 0);
const rps = (list: Cost[]) => median(list.map((c) => c.load.rps));
const side = (list: Cost[], of: (c: Cost) => number) => median(list.map(of));

export function overheadOf(row: OverheadRow): number {
  return 1 - rps(row.audited) / rps(row.plain);
}

/** On a CPU-bound machine throughput is 1 / CPU per request: the overhead that implies. */
function cpuOverheadOf(row: OverheadRow): number {
  return 1 - side(row.plain, cpu) / side(row.audited, cpu);
}

function tables(d: DatabaseOverhead): string[] {
  const ms = (list: Cost[], of: (c: Cost) => number) => side(list, of).toFixed(2);
  const server = (c: Cost) => c.serverMs;
  const postgres = (c: Cost) => c.postgresMs ?? 0;
  const added = (row: OverheadRow, of: (c: Cost) => number) =>
    fmt((side(row.audited, of) - side(row.plain, of)) * 1000);
  return [
    `### ${d.describe}`,
    '',
    `- ${fmt(d.seconds)} s; \`/proc/loadavg\` at start \`${d.loadavgStart}\`, at end \`${d.loadavgEnd}\`; after the runs ${fmt(d.chained)} events chained, ${fmt(d.pending)} pending`,
    '',
    '| workload | connections | audited req/s (median) | without audit req/s (median) | throughput overhead | overhead implied by CPU per request | events chained per request | audit writer: round trips / transactions per request | p99 latency, audited / without | under 15% |',
    '|---|---:|---:|---:|---:|---:|---:|---|---|---|',
    ...d.rows.map(
      (r) =>
        `| ${r.workload} | ${r.connections} | ${fmt(rps(r.audited))} | ${fmt(rps(r.plain))} | ${pct(overheadOf(r))} | ${pct(cpuOverheadOf(r))} | ${r.eventsPerRequest.toFixed(2)} | ${r.auditMessagesPerRequest.toFixed(2)} / ${r.auditCommitsPerRequest.toFixed(2)} | ${median(r.audited.map((c) => c.load.p99))} / ${median(r.plain.map((c) => c.load.p99))} ms | ${overheadOf(r) < TARGET_OVERHEAD ? 'yes' : '**no**'} |`,
    ),
    '',
    'Where the cost goes: CPU-ms per request, server process / PostgreSQL, without audit and audited; the percentage is the throughput overhead the total implies; the last column is what auditing adds per request in CPU-µs.',
    '',
    '| workload | connections | without audit: server / PostgreSQL | audited: server / PostgreSQL | without audit, total | audited, total | audit adds: server / PostgreSQL µs |',
    '|---|---:|---|---|---:|---|---|',
    ...d.rows.map(
      (r) =>
        `| ${r.workload} | ${r.connections} | ${ms(r.plain, server)} / ${ms(r.plain, postgres)} | ${ms(r.audited, server)} / ${ms(r.audited, postgres)} | ${side(r.plain, cpu).toFixed(2)} | ${side(r.audited, cpu).toFixed(2)} (${pct(cpuOverheadOf(r))}) | ${added(r, server)} / ${added(r, postgres)} |`,
    ),
    '',
    ...profileLines(d.rows),
  ];
}

/** Per workload profiled: server CPU-µs per request by where the code lives, audited against without, largest differences first. */
function profileLines(rows: OverheadRow[]): string[] {
  const profiled = rows.filter((r) => r.profiles);
  if (profiled.length === 0) return [];
  const perRequest = (p: ProfiledRun) =>
    new Map(
      p.profile.categories.map((c) => [c.category, (c.share * p.profile.busyMs * 1000) / Math.max(p.requests, 1)]),
    );
  return [
    `Where auditing's server CPU goes (one more run of each app under the CPU profiler, ${profiled[0]!.connections} connections; CPU-µs per request by where the code lives, audited - without, largest first; sampling slows both runs alike):`,
    '',
    ...profiled.map((r) => {
      const a = perRequest(r.profiles!.audited);
      const p = perRequest(r.profiles!.plain);
      const diffs = [...new Set([...a.keys(), ...p.keys()])]
        .map((c) => ({ c, d: (a.get(c) ?? 0) - (p.get(c) ?? 0) }))
        .sort((x, y) => y.d - x.d)
        .slice(0, 6);
      const total = (m: Map<string, number>) => [...m.values()].reduce((x, y) => x + y, 0);
      return `- ${r.workload}: ${fmt(total(a))} µs audited, ${fmt(total(p))} µs without; ${diffs.map((x) => `${x.c} ${x.d >= 0 ? '+' : ''}${fmt(x.d)}`).join(', ')}`;
    }),
    '',
  ];
}

export function overheadSection(opts: {
  databases: DatabaseOverhead[];
  loadStart: number;
  loadEnd: number;
  load: { duration: number; maxRequests: number };
  rounds: number;
  command: string;
}): string {
  const rows = opts.databases.flatMap((d) => d.rows);
  const met = rows.filter((r) => overheadOf(r) < TARGET_OVERHEAD).length;
  const worst = rows.reduce((a, b) => (overheadOf(b) > overheadOf(a) ? b : a), rows[0]!);
  return [
    HEADING,
    '',
    `- Date: ${new Date().toISOString().slice(0, 10)}; \`${opts.command}\``,
    machineLine(opts.loadStart, opts.loadEnd, 'server, PostgreSQL and load generator share it with other work: '),
    "- Databases: each run a fresh database, migrated; the audited app has 2 more connections of its own for the audit writer and sequencer (as src/main.ts). PostgreSQL CPU: every process of the embedded server; on the machine's shared server only the backends connected to the bench database (its WAL writer and checkpointer are not counted)",
    `- Load: autocannon in its own process, ${opts.load.duration} s per run (at most ${fmt(opts.load.maxRequests)} requests), ${opts.rounds} rounds per app taking turns after a warm-up run each; API-key authentication on every request, cached as src/main.ts caches it (LISTEN/NOTIFY)`,
    '- Audited: the product as it runs: one audit event per operation (a list of 20 is one event naming its 20 records), reads group-committed straight into the chain before the response, the sequencer and checkpoints in the same process; each audited run lasts until the inbox is drained. Without audit: the same app with an AuditPort that drops events (bench/ only). Two apps over one database, taking turns',
    '- CPU per request: this process (server, capture, sequencer) plus PostgreSQL as above, per request served; the implied overhead is what it means for throughput when the CPU is the limit',
    '',
    `**Target (audit overhead at most 15% on every workload): ${met === rows.length ? 'met' : 'not met'}**: ${met} of ${rows.length} runs under 15%; the highest overhead ${pct(overheadOf(worst))} (${worst.workload}, ${worst.connections} connections).`,
    '',
    ...opts.databases.flatMap(tables),
    'Run: `node --import tsx bench/audit-overhead.bench.ts [--database both|machine|embedded] [--connections 10,50] [--duration S] [--rounds R] [--max-requests N] [--profile] [--no-results]`',
    '',
  ].join('\n');
}
