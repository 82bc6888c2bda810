// The section of bench/RESULTS.md that bench/tickets.bench.ts writes: one subsection per
// database run (every measured run, audit bytes per request with the six-year projection,
// large table against small, statement breakdowns, CPU profiles) under a summary of the
// targets over all runs.
import type { ProfileSummary } from './cpu-profile.js';
import { fmt, machineLine } from './lib.js';
import {
  boundBy,
  breakdownRows,
  ceilingOf,
  SIZE_TOLERANCE,
  sizeRows,
  verdicts,
  type Measured,
  type Verdict,
} from './tickets-analysis.js';
import { perRequest } from './tickets-statements.js';
import { bytes, DESK, LIST_PAGE_BYTES_TARGET, projection, type AuditGrowth } from './tickets-storage.js';
import { BARE_AUDITED_INSERT, BARE_INSERT, CREATE, READ, type Workload } from './tickets-workloads.js';

export const HEADING = '## Tickets over HTTP (tickets.bench.ts)';

export interface Profiled {
  run: Measured;
  profile: ProfileSummary;
  ceiling: Measured;
  ceilingProfile: ProfileSummary;
}

export interface DatabaseRun {
  /** where the server comes from and its version */
  database: string;
  loadavgStart: string;
  loadavgEnd: string;
  seconds: number;
  results: Measured[];
  storage: { list?: AuditGrowth; read?: AuditGrowth; listPages: number };
  profiles: Profiled[];
}

export interface Report {
  runs: DatabaseRun[];
  workloads: Workload[];
  command: string;
  loadStart: number;
  loadEnd: number;
  totalSeconds: number;
  poolMax: number;
  warmup: number;
  duration: number;
  maxRequests: number;
  /** list workloads (bare list, REST list, GraphQL page): the best of this many runs */
  bestOf: number;
}

const pct = (x: number) => `${fmt(x * 100)}%`;
const cpuUs = (p: ProfileSummary, m: Measured) => (p.busyMs / Math.max(m.requests, 1)) * 1000;
const who = (m: Measured) => `${m.auth ?? 'bare'}, ${m.connections} conn., ${fmt(m.tickets)} tickets`;

function targetRows(run: DatabaseRun, all: Verdict[]): string[] {
  return all.map((v) => {
    const ratios = v.runs.map((r) => r.ratio);
    const worst = v.runs.reduce((a, b) => (b.ratio < a.ratio ? b : a), v.runs[0]!);
    const p99 = v.target.p99At50
      ? `; p99 at 50 connections ${v.runs
          .filter((r) => r.m.connections === 50)
          .map((r) => `${fmt(r.m.p99)} ms`)
          .join(', ')}`
      : '';
    return `| ${v.target.workload} at least ${pct(v.target.share)} of ${v.target.ceiling}${v.target.p99At50 ? `, p99 under ${v.target.p99At50} ms at 50 connections` : ''} | ${run.database} | ${v.runs.length} | ${pct(Math.min(...ratios))} (${who(worst.m)}) to ${pct(Math.max(...ratios))}${p99} | **${v.met ? 'met' : 'not met'}** |`;
  });
}

function runRows(results: Measured[], workloads: Workload[]): string[] {
  return results.map((m) => {
    const ceiling = workloads.find((w) => w.name === m.workload)?.ceiling;
    const bare = ceiling ? ceilingOf(results, m, ceiling) : undefined;
    const info = m.workload === BARE_AUDITED_INSERT ? ceilingOf(results, m, BARE_INSERT) : undefined;
    // a create against the bare transactional insert too: what the guarantees beyond it cost
    const tx = ceiling === BARE_INSERT ? ceilingOf(results, m, BARE_AUDITED_INSERT) : undefined;
    const vs = bare
      ? `${pct(m.rps / bare.rps)} of ${ceiling}${tx ? ` (${pct(m.rps / tx.rps)} of the transactional one)` : ''}`
      : info
        ? `${pct(m.rps / info.rps)} of ${BARE_INSERT} (information)`
        : 'ceiling';
    const per = perRequest(m.stats, m.requests);
    const statements = m.auth
      ? `${fmt(per.request, 1)} + ${fmt(per.audit, 1)}`
      : m.workload === BARE_AUDITED_INSERT
        ? '4'
        : '1';
    return `| ${m.workload} | ${m.auth ?? ''} | ${m.connections} | ${fmt(m.tickets)} | ${fmt(m.rps)} | ${fmt(m.p50)} | ${fmt(m.p99)} | ${statements} | ${vs} |`;
  });
}

function storageLines(s: DatabaseRun['storage']): string[] {
  if (!s.list || !s.read) return [];
  const row = (g: AuditGrowth, target?: string) =>
    `| ${g.label} | ${fmt(g.requests)} | ${fmt(g.events, 2)} | ${bytes(g.total)} | ${bytes(g.heap)} | ${bytes(g.indexes)} | ${bytes(g.total - g.heap - g.indexes)} | ${target ?? ''} |`;
  const p = projection(s.list, s.read);
  return [
    `Audit trail written per request (audit_events before and after, \`pg_total_relation_size\` = heap + TOAST + indexes, GIN pending lists folded in before each measurement; list pages rotate over the first ${s.listPages} pages of the list, reads over 200 tickets):`,
    '',
    '| request | requests | events per request | bytes per request, all | heap | indexes | TOAST | target |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    row(
      s.list,
      `at most ${bytes(LIST_PAGE_BYTES_TARGET)}: **${s.list.total <= LIST_PAGE_BYTES_TARGET ? 'met' : 'not met'}**`,
    ),
    row(s.read),
    '',
    `Six-year projection for a desk of ${DESK.agents} agents, each viewing ${DESK.listPagesPerDay} list pages and ${DESK.ticketsPerDay} tickets a day, every day of the year: ${bytes(p.perAgentDay)} per agent a day, ${bytes(p.perDeskDay)} a day for the desk, **${bytes(p.sixYears)} over ${DESK.years} years** (reads only; creates and updates add their own events).`,
    '',
  ];
}

function sizeLines(results: Measured[]): string[] {
  const rows = sizeRows(results);
  if (rows.length === 0) return [];
  return [
    `List and GraphQL throughput at ${fmt(rows[0]!.large.tickets)} tickets against ${fmt(rows[0]!.small.tickets)} (ANALYZE after each bulk load):`,
    '',
    `| workload | auth | connections | req/s at ${fmt(rows[0]!.small.tickets)} | req/s at ${fmt(rows[0]!.large.tickets)} | change | within ${pct(SIZE_TOLERANCE)} |`,
    '|---|---|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.workload} | ${r.auth ?? ''} | ${r.connections} | ${fmt(r.small.rps)} | ${fmt(r.large.rps)} | ${r.change >= 0 ? '+' : ''}${fmt(r.change * 100, 1)}% | ${r.auth ? (Math.abs(r.change) <= SIZE_TOLERANCE ? 'yes' : '**no**') : '(bare)'} |`,
    ),
    '',
  ];
}

function breakdownLines(results: Measured[], poolMax: number): string[] {
  const lines: string[] = [];
  for (const name of [CREATE, READ]) {
    const m = results.find((r) => r.workload === name && r.auth === 'api key' && r.connections === 10);
    if (!m) continue;
    lines.push(
      `Where a ${name}'s SQL goes (api key, 10 connections, per request; the audit writer's pool counted apart): ${boundBy(m, poolMax)}`,
      '',
      '| statement kind | statements (round trips) | ms per request, round trip as the client sees it |',
      '|---|---:|---:|',
      ...breakdownRows(m),
      '',
    );
  }
  return lines;
}

function profileLines(profiles: Profiled[], poolMax: number): string[] {
  if (profiles.length === 0) return [];
  const lines = [
    "CPU profiles of the server process (app and bare server share it) while each missed target's workload ran at 10 connections with the API key, and its bare ceiling: server CPU per request, then self time by where the code lives.",
    '',
  ];
  for (const p of profiles)
    lines.push(
      `- ${boundBy(p.run, poolMax, { app: cpuUs(p.profile, p.run), bare: cpuUs(p.ceilingProfile, p.ceiling) })}`,
    );
  const categories = [
    ...new Set(profiles.flatMap((p) => p.profile.categories.filter((c) => c.share >= 0.01).map((c) => c.category))),
  ];
  lines.push(
    '',
    `| where | ${profiles.map((p) => `${p.run.workload} (${fmt(p.run.tickets)} tickets)`).join(' | ')} |`,
    `|---|${profiles.map(() => '---:').join('|')}|`,
    ...categories.map(
      (c) =>
        `| ${c} | ${profiles.map((p) => `${fmt((p.profile.categories.find((x) => x.category === c)?.share ?? 0) * 100, 1)}%`).join(' | ')} |`,
    ),
    '',
    'The functions with the most self time:',
    '',
    ...profiles.flatMap((p) => [
      `- ${p.run.workload}: ${p.profile.functions
        .slice(0, 8)
        .map((f) => `\`${f.fn.trim()}\` ${fmt(f.share * 100, 1)}%`)
        .join(', ')}`,
    ]),
    '',
  );
  return lines;
}

/** The benchmark's section of bench/RESULTS.md. */
export function ticketsSection(report: Report): string {
  const all = report.runs.map((run) => ({ run, verdicts: verdicts(run.results) }));
  const lines = [
    HEADING,
    '',
    `- Date: ${new Date().toISOString().slice(0, 10)}; whole run ${fmt(report.totalSeconds)} s; \`${report.command}\``,
    machineLine(
      report.loadStart,
      report.loadEnd,
      'server process, PostgreSQL and load generator share it; ',
      ' (other work on the machine included; /proc/loadavg per database below)',
    ),
    `- App: composeApp wired as src/main.ts wires it: a pool of ${report.poolMax} connections, the audit writer on 2 of its own, a LISTEN connection so authentication is cached (AUTH_CACHE_SECONDS default) and invalidated by change notices; NODE_ENV=development for plain HTTP, LOG_LEVEL=warn, rate limit out of the way; audit sequencer and checkpoints running. A tenant from createTenant, then through the API: SLA policies (one with business hours), 5 agents, 5 groups, 50 contacts, 200 tickets with a public reply and an internal note each, more tickets by API creates up to each table size`,
    '- Auth: "api key" sends a supervisor API key; "JWT" sends RS256 tokens of 20 subjects (role supervisor, rotated per request) from a partner identity provider whose JWKS is served on 127.0.0.1 (tests/helpers/idp.ts), trusted by the tenant through POST /v1/tenant/issuers (ALLOW_HTTP_JWKS and ALLOW_PRIVATE_URLS, development only); each subject\'s user is provisioned before the load',
    `- Bare ceiling (bench/tickets-bare.ts): Fastify + pg, its own table in the same database filled to the same size, one autocommit INSERT ... RETURNING / SELECT per request, no authentication, policy, sealing, audit, timeline, SLA or idempotency. "${BARE_AUDITED_INSERT}": BEGIN, the insert, one row into an audit-like table, COMMIT, for information only`,
    `- Load: autocannon on 127.0.0.1 in the driver process, servers in a child process; per workload, connection count and auth a ${report.warmup} s warm-up, then ${report.duration} s measured (at most ${fmt(report.maxRequests)} requests; the lists, compared across table sizes, the best of ${report.bestOf} runs); reads rotate over 200 seeded ids. req/s counts 2xx responses; latencies in ms. Statements per request: on the request's pool + on the audit writer's pool (group commit, sequencer)`,
    '',
    '| target | database | runs | share of the ceiling, lowest (where) to highest | verdict |',
    '|---|---|---:|---|---|',
    ...all.flatMap(({ run, verdicts: v }) => targetRows(run, v)),
    '',
  ];
  for (const { run } of all) {
    lines.push(
      `### ${run.database}`,
      '',
      `- ${fmt(run.seconds)} s; \`/proc/loadavg\` at start \`${run.loadavgStart}\`, at end \`${run.loadavgEnd}\``,
      '',
      '| workload | auth | connections | tickets | req/s | p50 ms | p99 ms | statements per request | vs bare |',
      '|---|---|---:|---:|---:|---:|---:|---:|---|',
      ...runRows(run.results, report.workloads),
      '',
      ...storageLines(run.storage),
      ...sizeLines(run.results),
      ...breakdownLines(run.results, report.poolMax),
      ...profileLines(run.profiles, report.poolMax),
    );
  }
  lines.push(
    'Run: `npm run bench:tickets` (`node --import tsx bench/tickets.bench.ts [--database both|machine|embedded] [--embedded] [--auth apikey,jwt] [--connections 10,50] [--small N] [--large N] [--storage-pages N] [--duration S] [--warmup S] [--max-requests N] [--best-of N] [--profile] [--no-profile] [--no-results]`)',
    '',
  );
  return lines.join('\n');
}
