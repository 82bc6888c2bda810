// What the audit trail costs on disk per request, for bench/tickets.bench.ts: the size of
// audit_events (heap, TOAST and every index) before and after a known number of requests,
// divided by that number, and what it means over six years for a desk of agents.
import type pg from 'pg';

export interface AuditSize {
  /** pg_total_relation_size: heap, TOAST and indexes */
  total: number;
  /** pg_relation_size: the heap alone */
  heap: number;
  /** pg_indexes_size */
  indexes: number;
  events: number;
}

export interface AuditGrowth {
  label: string;
  requests: number;
  /** per request */
  events: number;
  total: number;
  heap: number;
  indexes: number;
}

/** The desk the issue projects for: 100 agents, each viewing 500 list pages and 200 tickets a day. */
export const DESK = { agents: 100, listPagesPerDay: 500, ticketsPerDay: 200, years: 6 };
/** at most this many bytes of audit trail per REST list page of 50, indexes included */
export const LIST_PAGE_BYTES_TARGET = 5 * 1024;

async function auditSize(client: pg.Client): Promise<AuditSize> {
  // GIN indexes take new entries into a pending list first (fastupdate) and fold them into
  // the index later (at gin_pending_list_limit, VACUUM or ANALYZE): fold them now, so both
  // measurements see settled indexes and neither is flattered by entries not yet placed.
  const { rows: gins } = await client.query(
    `select c.relname from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
     where i.indrelid = 'audit_events'::regclass and a.amname = 'gin'`,
  );
  for (const g of gins) await client.query('select gin_clean_pending_list($1::regclass)', [g.relname]);
  const { rows } = await client.query(
    `select pg_total_relation_size('audit_events')::bigint as total, pg_relation_size('audit_events')::bigint as heap,
       pg_indexes_size('audit_events')::bigint as indexes, (select count(*) from audit_events)::bigint as events`,
  );
  const r = rows[0];
  return { total: Number(r.total), heap: Number(r.heap), indexes: Number(r.indexes), events: Number(r.events) };
}

/** Waits until the audit inbox is empty (creates are chained from it in the background), at most a minute. */
export async function auditSettled(client: pg.Client): Promise<void> {
  for (const until = Date.now() + 60_000; Date.now() < until; await new Promise((r) => setTimeout(r, 50))) {
    const { rows } = await client.query('select count(*)::int as n from audit_inbox');
    if (rows[0].n === 0) return;
  }
  throw new Error('the audit inbox did not drain within a minute');
}

/** The audit trail's growth per request over `requests` requests sent by `send`. */
export async function auditGrowth(
  client: pg.Client,
  label: string,
  requests: number,
  send: () => Promise<void>,
): Promise<AuditGrowth> {
  await auditSettled(client);
  const before = await auditSize(client);
  await send();
  await auditSettled(client);
  const after = await auditSize(client);
  const per = (k: keyof AuditSize) => (after[k] - before[k]) / requests;
  return { label, requests, events: per('events'), total: per('total'), heap: per('heap'), indexes: per('indexes') };
}

export interface Projection {
  perAgentDay: number;
  perDeskDay: number;
  sixYears: number;
}

/** Bytes of audit trail the desk writes by viewing lists and tickets. */
export function projection(list: AuditGrowth, read: AuditGrowth): Projection {
  const perAgentDay = DESK.listPagesPerDay * list.total + DESK.ticketsPerDay * read.total;
  const perDeskDay = perAgentDay * DESK.agents;
  return { perAgentDay, perDeskDay, sixYears: perDeskDay * 365.25 * DESK.years };
}

/** Bytes in binary units: 1,234 B, 5.1 KB, 3.2 MB, 1.4 GB, 2.0 TB. */
export function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  while (Math.abs(n) >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return i === 0 ? `${Math.round(n).toLocaleString('en-US')} B` : `${n.toFixed(1)} ${units[i]}`;
}
