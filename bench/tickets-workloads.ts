// The workloads of bench/tickets.bench.ts and how one is measured: autocannon in the
// driver process (loopback only, bounded in time and requests) against the app or the bare
// server, the app's SQL statements counted in the server process around the run.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Measured } from './tickets-analysis.js';
import { diff } from './tickets-statements.js';
import type { ServerProcess } from './tickets-server.js';

interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface CannonOptions {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  maxOverallRequests?: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  requests?: Array<{ setupRequest?: (req: CannonRequest) => CannonRequest }>;
}
interface CannonResult {
  duration: number;
  latency: { p50: number; p99: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
export const autocannon = createRequire(import.meta.url)('autocannon') as (
  opts: CannonOptions,
) => Promise<CannonResult>;

export type AuthMode = 'api key' | 'JWT';

export const BARE_INSERT = 'bare insert';
export const BARE_AUDITED_INSERT = 'bare insert + audit row in a transaction';
export const CREATE = 'ticket create (POST /v1/tickets)';
export const CREATE_IDEMPOTENT = 'ticket create with Idempotency-Key';
export const BARE_SELECT = 'bare select by id';
export const READ = 'ticket read (GET /v1/tickets/{id})';
export const BARE_LIST = 'bare list of 50';
export const LIST = 'ticket list (GET /v1/tickets?limit=50)';
export const GRAPHQL = 'GraphQL page of 50 (requester, assignee, group, lastComment)';

/** What the workloads send: where, with which credentials, over which seeded ids. */
export interface BenchContext {
  appUrl: string;
  bareUrl: string;
  ticketIds: string[];
  bareIds: string[];
  /** a supervisor API key */
  apiKey: string;
  /** supervisor tokens of several subjects from the bench's identity provider, rotated per request */
  tokens: string[];
  createBody: string;
}

type Request = Omit<CannonOptions, 'connections' | 'duration' | 'amount' | 'maxOverallRequests'>;

export interface Workload {
  name: string;
  /** undefined for the bare server */
  auth?: AuthMode;
  /** the bare workload this one is compared with */
  ceiling?: string;
  request: (ctx: BenchContext) => Request;
}

/** One setupRequest doing what a workload needs per request: rotate ids in the path, a fresh Idempotency-Key, rotate tokens. */
function perRequest(opts: { ids?: string[]; prefix?: string; idempotent?: boolean; tokens?: string[] }) {
  let i = 0;
  let t = 0;
  return [
    {
      setupRequest: (req: CannonRequest): CannonRequest => {
        const headers = { ...req.headers };
        if (opts.idempotent) headers['idempotency-key'] = randomUUID();
        if (opts.tokens) headers['authorization'] = `Bearer ${opts.tokens[t++ % opts.tokens.length]}`;
        const path = opts.ids ? `${opts.prefix}${opts.ids[i++ % opts.ids.length]}` : req.path;
        return { ...req, headers, ...(path ? { path } : {}) };
      },
    },
  ];
}

const gqlPage = JSON.stringify({
  query: `query Page($limit: Int) { tickets(limit: $limit) { items { id subject status priority
    requester { id name } assignee { id displayName } group { id name } lastComment { id body createdAt } } nextCursor } }`,
  variables: { limit: 50 },
});
const json = { 'content-type': 'application/json' };

/** The app's request: the API key in its header, or a rotating bearer token. */
export function appRequest(
  auth: AuthMode,
  ctx: BenchContext,
  r: Request,
  rotate: { ids?: string[]; prefix?: string; idempotent?: boolean } = {},
): Request {
  const apiKey = auth === 'api key';
  return {
    ...r,
    headers: { ...r.headers, ...(apiKey ? { 'x-api-key': ctx.apiKey } : {}) },
    requests: perRequest({ ...rotate, ...(apiKey ? {} : { tokens: ctx.tokens }) }),
  };
}

export function writeWorkloads(auths: AuthMode[]): Workload[] {
  const post = (url: string, ctx: BenchContext): Request => ({
    url,
    method: 'POST',
    headers: json,
    body: ctx.createBody,
  });
  return [
    { name: BARE_INSERT, request: (ctx) => post(`${ctx.bareUrl}/tickets`, ctx) },
    { name: BARE_AUDITED_INSERT, request: (ctx) => post(`${ctx.bareUrl}/tickets/audited`, ctx) },
    ...auths.map((auth) => ({
      name: CREATE,
      auth,
      ceiling: BARE_INSERT,
      request: (ctx: BenchContext) => appRequest(auth, ctx, post(`${ctx.appUrl}/v1/tickets`, ctx)),
    })),
    {
      name: CREATE_IDEMPOTENT,
      auth: 'api key',
      ceiling: BARE_INSERT,
      request: (ctx) => appRequest('api key', ctx, post(`${ctx.appUrl}/v1/tickets`, ctx), { idempotent: true }),
    },
  ];
}

export function listWorkloads(auths: AuthMode[]): Workload[] {
  return [
    { name: BARE_LIST, request: (ctx) => ({ url: `${ctx.bareUrl}/tickets?limit=50` }) },
    ...auths.map((auth) => ({
      name: LIST,
      auth,
      ceiling: BARE_LIST,
      request: (ctx: BenchContext) => appRequest(auth, ctx, { url: `${ctx.appUrl}/v1/tickets?limit=50` }),
    })),
    ...auths.map((auth) => ({
      name: GRAPHQL,
      auth,
      ceiling: BARE_LIST,
      request: (ctx: BenchContext) =>
        appRequest(auth, ctx, { url: `${ctx.appUrl}/graphql`, method: 'POST', headers: json, body: gqlPage }),
    })),
  ];
}

export function readWorkloads(auths: AuthMode[]): Workload[] {
  return [
    {
      name: BARE_SELECT,
      request: (ctx) => ({ url: ctx.bareUrl, requests: perRequest({ ids: ctx.bareIds, prefix: '/tickets/' }) }),
    },
    ...auths.map((auth) => ({
      name: READ,
      auth,
      ceiling: BARE_SELECT,
      request: (ctx: BenchContext) =>
        appRequest(auth, ctx, { url: ctx.appUrl }, { ids: ctx.ticketIds, prefix: '/v1/tickets/' }),
    })),
    ...listWorkloads(auths),
  ];
}

/** Checks that the GraphQL page answers without errors and with everything filled in. */
export async function probeGraphqlPage(ctx: BenchContext): Promise<void> {
  const res = await fetch(`${ctx.appUrl}/graphql`, {
    method: 'POST',
    headers: { ...json, 'x-api-key': ctx.apiKey },
    body: gqlPage,
  });
  const probe = (await res.json()) as any;
  if (probe.errors || probe.data?.tickets?.items?.length !== 50 || !probe.data.tickets.items[0].lastComment?.body)
    throw new Error(`GraphQL page: ${JSON.stringify(probe).slice(0, 500)}`);
}

/** Runs `w` for `seconds` (at most `maxRequests`) at `connections`, counting the app's statements around it. */
export async function measure(
  child: ServerProcess,
  ctx: BenchContext,
  w: Workload,
  run: { connections: number; seconds: number; maxRequests: number; tickets: number },
): Promise<Measured> {
  const before = await child.stats();
  const r = await autocannon({
    ...w.request(ctx),
    connections: run.connections,
    duration: run.seconds,
    maxOverallRequests: Math.max(run.maxRequests, run.connections),
  });
  const stats = diff(await child.stats(), before);
  const ok = r['2xx'];
  return {
    workload: w.name,
    auth: w.auth,
    connections: run.connections,
    tickets: run.tickets,
    rps: ok / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    failed: r.non2xx + r.errors + r.timeouts,
    requests: ok,
    stats,
  };
}

/** Sends exactly `amount` requests of `w` (bulk loads, storage measurements); fails if any fails. */
export async function send(ctx: BenchContext, w: Workload, amount: number, connections: number): Promise<void> {
  const r = await autocannon({ ...w.request(ctx), connections, amount });
  const failed = r.non2xx + r.errors + r.timeouts;
  if (failed > 0) throw new Error(`${w.name}: ${failed} of ${amount} requests failed`);
}
