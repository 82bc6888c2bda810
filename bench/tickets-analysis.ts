// What the tickets benchmark (bench/tickets.bench.ts) says: each measured run, the
// targets of issue 14 and whether every run meets them, list and GraphQL throughput at a
// large table against a small one, and where a request's database time goes.
import { fmt } from './lib.js';
import { AUDIT_POOL, perRequest, type StatementStats } from './tickets-statements.js';
import {
  BARE_INSERT,
  BARE_LIST,
  BARE_SELECT,
  CREATE,
  GRAPHQL,
  LIST,
  READ,
  type AuthMode,
} from './tickets-workloads.js';

export interface Measured {
  workload: string;
  auth: AuthMode | undefined;
  connections: number;
  /** tickets in the app's table (and the bare one's) when the run started */
  tickets: number;
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  requests: number;
  stats: StatementStats;
}

export interface Target {
  workload: string;
  ceiling: string;
  /** at least this share of the ceiling's throughput */
  share: number;
  /** p99 under this many ms at 50 connections */
  p99At50?: number;
}

export const TARGETS: Target[] = [
  { workload: CREATE, ceiling: BARE_INSERT, share: 0.3 },
  { workload: READ, ceiling: BARE_SELECT, share: 0.4 },
  { workload: LIST, ceiling: BARE_LIST, share: 0.35 },
  { workload: GRAPHQL, ceiling: BARE_LIST, share: 0.3, p99At50: 500 },
];
/** list and GraphQL at the large table within this share of the same at the small one */
export const SIZE_TOLERANCE = 0.2;

/** The bare run `m` is compared with: same ceiling workload, connections and table size. */
export function ceilingOf(results: Measured[], m: Measured, ceiling: string): Measured | undefined {
  return results.find((r) => r.workload === ceiling && r.connections === m.connections && r.tickets === m.tickets);
}

export interface Verdict {
  target: Target;
  runs: Array<{ m: Measured; ratio: number; ok: boolean }>;
  met: boolean;
}

/** Each target against every run of its workload (both auth modes, every connection count and table size). */
export function verdicts(results: Measured[]): Verdict[] {
  return TARGETS.map((target) => {
    const runs = results
      .filter((m) => m.workload === target.workload)
      .flatMap((m) => {
        const bare = ceilingOf(results, m, target.ceiling);
        if (!bare) return [];
        const ratio = m.rps / bare.rps;
        const p99ok = target.p99At50 === undefined || m.connections !== 50 || m.p99 < target.p99At50;
        return [{ m, ratio, ok: ratio >= target.share && p99ok }];
      });
    return { target, runs, met: runs.length > 0 && runs.every((r) => r.ok) };
  });
}

export interface SizeRow {
  workload: string;
  auth: AuthMode | undefined;
  connections: number;
  small: Measured;
  large: Measured;
  change: number;
}

/** List and GraphQL (and the bare list) at the largest table size against the same at the smallest. */
export function sizeRows(results: Measured[]): SizeRow[] {
  const sizes = [...new Set(results.map((m) => m.tickets))].sort((a, b) => a - b);
  const [smallest, largest] = [sizes[0], sizes[sizes.length - 1]];
  if (sizes.length < 2) return [];
  const rows: SizeRow[] = [];
  for (const large of results.filter((m) => m.tickets === largest)) {
    if (![LIST, GRAPHQL, BARE_LIST].includes(large.workload)) continue;
    const small = results.find(
      (m) =>
        m.tickets === smallest &&
        m.workload === large.workload &&
        m.auth === large.auth &&
        m.connections === large.connections,
    );
    if (small) rows.push({ ...large, small, large, change: large.rps / small.rps - 1 });
  }
  return rows;
}

/** Rows of a statement-kind table for one run: statements and ms per request, by kind and pool. */
export function breakdownRows(m: Measured): string[] {
  return Object.entries(m.stats)
    .sort((a, b) => Number(a[0].startsWith(AUDIT_POOL)) - Number(b[0].startsWith(AUDIT_POOL)) || b[1].ms - a[1].ms)
    .map(([kind, s]) => `| ${kind} | ${fmt(s.count / m.requests, 2)} | ${fmt(s.ms / m.requests, 2)} |`);
}

/** What bounds a run, in words: its round trips against the pool, and (when profiled) its server CPU against its ceiling's. */
export function boundBy(m: Measured, poolMax: number, cpuUs?: { app: number; bare: number }): string {
  const per = perRequest(m.stats, m.requests);
  const cap = (poolMax * 1000) / Math.max(per.dbMs, 1e-9);
  const words = [
    `${m.workload} (${m.auth}, ${m.connections} connections): ${fmt(per.request, 1)} statements per request on the request's pool` +
      ` (${fmt(per.audit, 1)} more on the audit writer's), ${fmt(per.dbMs, 2)} ms of round trips (as the client sees them), which caps ${poolMax} connections at about` +
      ` ${fmt(cap)} req/s (measured ${fmt(m.rps)})`,
  ];
  if (cpuUs)
    words.push(
      `; server CPU ${fmt(cpuUs.app)} µs per request against ${fmt(cpuUs.bare)} µs for its bare ceiling, so with a free database and a CPU to itself it would reach about ${fmt((cpuUs.bare / cpuUs.app) * 100)}% of the ceiling`,
    );
  return `${words.join('')}.`;
}
