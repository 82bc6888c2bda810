// Ticketing over HTTP: the real app (composeApp: authentication, policy, sealing, audit,
// timeline, SLA) against a bare Fastify + pg server doing the same insert/select with none
// of that (bench/tickets-bare.ts), measured the same way in the same run: ticket create
// (POST /v1/tickets, also with an Idempotency-Key), read by id, list of 50, and the GraphQL
// page of 50 tickets with requester, assignee, group and lastComment; each at 10 and 50
// connections. Target: ticket create at least 50% of the bare insert's throughput.
//
//   node --import tsx bench/tickets.bench.ts [--duration 7] [--warmup 2] [--max-requests 200000] [--profile] [--no-results]
//   npm run bench:tickets
//
// Database: BENCH_DATABASE_URL (a server URL whose user may create databases) when set,
// else the machine's PostgreSQL at postgres://postgres@127.0.0.1:5432/postgres when it
// answers, else an embedded PostgreSQL in a temporary directory. A fresh database is
// created, migrated (src/db/migrate.ts) and dropped at the end.
//
// The servers run in a child process (bench/tickets-server.ts) so that the load generator
// (autocannon, in this process, loopback only, bounded in time and requests) does not
// share their event loop. The child counts and times every SQL statement of the app
// (Kysely's log hook) and, when asked, CPU-profiles a ticket-create run.
// bench/tickets-analysis.ts classifies the statements and writes up the results; this
// file seeds, runs the workloads and writes its section of bench/RESULTS.md (replacing an
// earlier run's) unless --no-results.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { withDatabase } from '../src/db/admin.js';
import { fmt, loadAverage, writeResultsSection } from './lib.js';
import { postgresServer } from './postgres.js';
import { againstTarget, CREATE, HEADING, ticketsSection, type Measured } from './tickets-analysis.js';
import { diff, forkServer, POOL_MAX, type ProfileSummary, type ServerProcess } from './tickets-server.js';

interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  maxOverallRequests: number;
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
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: CannonOptions) => Promise<CannonResult>;

interface Workload {
  name: string;
  /** the bare workload this one is compared with */
  ceiling?: string;
  request: (base: {
    app: string;
    bare: string;
  }) => Omit<CannonOptions, 'connections' | 'duration' | 'maxOverallRequests'>;
}

async function json(res: Response, expected: number): Promise<any> {
  const text = await res.text();
  if (res.status !== expected) throw new Error(`seeding: ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function drive(): Promise<void> {
  const { values: options } = parseArgs({
    options: {
      duration: { type: 'string', default: '7' },
      warmup: { type: 'string', default: '2' },
      'max-requests': { type: 'string', default: '200000' },
      profile: { type: 'boolean', default: false },
      'no-results': { type: 'boolean', default: false },
    },
  });
  const duration = Number(options.duration);
  const warmup = Number(options.warmup);
  const maxRequests = Number(options['max-requests']);
  const connectionLevels = [10, 50];
  const started = Date.now();
  const loadStart = loadAverage();
  // A hard bound on the whole run, whatever happens.
  const deadline = setTimeout(
    () => {
      console.error('tickets bench: out of time');
      process.exit(2);
    },
    (16 * (duration + warmup + 5) + 240) * 1000,
  );
  deadline.unref();

  const dir = await mkdtemp(path.join(tmpdir(), 'phidesk-tickets-bench-'));
  const server = await postgresServer(dir, { machine: true });
  const dbName = `phidesk_bench_tickets_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  let child: ServerProcess | undefined;
  try {
    child = forkServer(withDatabase(server.url, dbName), path.join(dir, 'data'));
    const ready = await child.next();
    if (ready.type !== 'ready') throw new Error('the bench server did not start');
    const { appUrl, bareUrl, adminKey } = ready;
    const post = (p: string, key: string, body: unknown) =>
      fetch(`${appUrl}${p}`, {
        method: 'POST',
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    // Seed through the API: a supervisor key, agents, groups, contacts, SLA policies, and
    // 200 tickets with a public reply and an internal note each.
    console.log('seeding through the API ...');
    const supervisor = (
      await json(await post('/v1/api-keys', adminKey, { name: 'bench supervisor', roles: ['supervisor'] }), 201)
    ).secret as string;
    await json(
      await fetch(`${appUrl}/v1/sla-policies/normal`, {
        method: 'PUT',
        headers: { 'x-api-key': adminKey, 'content-type': 'application/json' },
        body: JSON.stringify({ firstResponseMinutes: 240, resolutionMinutes: 2880 }),
      }),
      200,
    );
    await json(
      await fetch(`${appUrl}/v1/sla-policies/high`, {
        method: 'PUT',
        headers: { 'x-api-key': adminKey, 'content-type': 'application/json' },
        body: JSON.stringify({
          firstResponseMinutes: 60,
          resolutionMinutes: 480,
          businessHours: { timezone: 'America/New_York', days: [1, 2, 3, 4, 5], start: '09:00', end: '17:00' },
        }),
      }),
      200,
    );
    const users: string[] = [];
    const groups: string[] = [];
    const contacts: string[] = [];
    for (let i = 0; i < 5; i++) {
      users.push(
        (await json(await post('/v1/users', adminKey, { displayName: `Agent ${i}`, roles: ['agent'] }), 201)).id,
      );
      groups.push((await json(await post('/v1/groups', adminKey, { name: `Group ${i}` }), 201)).id);
    }
    for (let i = 0; i < 50; i++) {
      contacts.push(
        (
          await json(
            await post('/v1/contacts', supervisor, {
              name: `Patient ${i} Example`,
              mrn: `MRN-${100_000 + i}`,
              email: `patient${i}@example.org`,
            }),
            201,
          )
        ).id,
      );
    }
    const ticketIds: string[] = [];
    const ticketBody = (i: number) => ({
      subject: `Refill question ${i}`,
      description: 'Patient asks whether the metformin refill can be sent to another pharmacy.',
      priority: i % 4 === 0 ? 'high' : 'normal',
      requesterId: contacts[i % contacts.length],
      assigneeId: users[i % users.length],
      groupId: groups[i % groups.length],
      tags: ['pharmacy', 'refill'],
    });
    for (let i = 0; i < 200; i++) {
      const id = (await json(await post('/v1/tickets', supervisor, ticketBody(i)), 201)).id as string;
      ticketIds.push(id);
      await json(
        await post(`/v1/tickets/${id}/comments`, supervisor, {
          body: 'We have asked the pharmacy to transfer it.',
          public: true,
        }),
        201,
      );
      await json(
        await post(`/v1/tickets/${id}/comments`, supervisor, {
          body: 'Pharmacy called back; waiting for the prescriber.',
        }),
        201,
      );
    }
    const bareIds: string[] = [];
    for (let i = 0; i < 200; i++) {
      const res = await fetch(`${bareUrl}/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ticketBody(i)),
      });
      bareIds.push((await json(res, 201)).id);
    }
    console.log(`seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const auth = { 'x-api-key': supervisor, 'content-type': 'application/json' };
    const createBody = JSON.stringify(ticketBody(7));
    const rotate = (ids: string[], prefix: string) => {
      let i = 0;
      return [{ setupRequest: (req: CannonRequest) => ({ ...req, path: `${prefix}${ids[i++ % ids.length]}` }) }];
    };
    const gqlPage = JSON.stringify({
      query: `query Page($limit: Int) { tickets(limit: $limit) { items { id subject status priority
        requester { id name } assignee { id displayName } group { id name } lastComment { id body createdAt } } nextCursor } }`,
      variables: { limit: 50 },
    });
    const workloads: Workload[] = [
      {
        name: 'bare insert',
        request: (b) => ({
          url: `${b.bare}/tickets`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: createBody,
        }),
      },
      {
        name: CREATE,
        ceiling: 'bare insert',
        request: (b) => ({ url: `${b.app}/v1/tickets`, method: 'POST', headers: auth, body: createBody }),
      },
      {
        name: 'ticket create with Idempotency-Key',
        ceiling: 'bare insert',
        request: (b) => ({
          url: `${b.app}/v1/tickets`,
          method: 'POST',
          headers: auth,
          body: createBody,
          requests: [
            {
              setupRequest: (req: CannonRequest) => ({
                ...req,
                headers: { ...req.headers, 'idempotency-key': randomUUID() },
              }),
            },
          ],
        }),
      },
      {
        name: 'bare select by id',
        request: (b) => ({ url: b.bare, headers: {}, requests: rotate(bareIds, '/tickets/') }),
      },
      {
        name: 'ticket read (GET /v1/tickets/{id})',
        ceiling: 'bare select by id',
        request: (b) => ({ url: b.app, headers: auth, requests: rotate(ticketIds, '/v1/tickets/') }),
      },
      { name: 'bare list of 50', request: (b) => ({ url: `${b.bare}/tickets?limit=50` }) },
      {
        name: 'ticket list (GET /v1/tickets?limit=50)',
        ceiling: 'bare list of 50',
        request: (b) => ({ url: `${b.app}/v1/tickets?limit=50`, headers: auth }),
      },
      {
        name: 'GraphQL page of 50 (requester, assignee, group, lastComment)',
        ceiling: 'bare list of 50',
        request: (b) => ({ url: `${b.app}/graphql`, method: 'POST', headers: auth, body: gqlPage }),
      },
    ];

    // sanity: the GraphQL page answers without errors and with everything filled in
    const probe = (await (
      await fetch(`${appUrl}/graphql`, { method: 'POST', headers: auth, body: gqlPage })
    ).json()) as any;
    if (probe.errors || probe.data?.tickets?.items?.length !== 50 || !probe.data.tickets.items[0].lastComment?.body)
      throw new Error(`GraphQL page: ${JSON.stringify(probe).slice(0, 500)}`);

    const run = async (w: Workload, connections: number, seconds: number): Promise<Measured> => {
      const before = await child!.stats();
      const r = await autocannon({
        ...w.request({ app: appUrl, bare: bareUrl }),
        connections,
        duration: seconds,
        maxOverallRequests: Math.max(maxRequests, connections),
      });
      const stats = diff(await child!.stats(), before);
      const ok = r['2xx'];
      const statements = Object.values(stats).reduce((a, s) => a + s.count, 0);
      const dbMs = Object.values(stats).reduce((a, s) => a + s.ms, 0);
      return {
        workload: w.name,
        connections,
        rps: ok / r.duration,
        p50: r.latency.p50,
        p99: r.latency.p99,
        failed: r.non2xx + r.errors + r.timeouts,
        requests: ok,
        stats,
        ...(w.ceiling ? { statementsPerRequest: statements / ok, dbMsPerRequest: dbMs / ok } : {}),
      };
    };

    const results: Measured[] = [];
    for (const connections of connectionLevels) {
      for (const w of workloads) {
        if (warmup > 0) await run(w, connections, warmup);
        const m = await run(w, connections, duration);
        results.push(m);
        console.log(
          `  ${w.name} @${connections}: ${fmt(m.rps)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms${m.failed ? `, ${m.failed} FAILED` : ''}`,
        );
      }
    }
    const failed = results.filter((m) => m.failed > 0);
    if (failed.length > 0)
      throw new Error(
        `requests failed in: ${failed.map((m) => `${m.workload} @${m.connections}`).join(', ')}: the benchmark is broken`,
      );

    const { ratios, met } = againstTarget(results, connectionLevels);

    // Where a create's time goes: its SQL (counted and timed per kind) and a CPU profile.
    const profiled = async (w: Workload, seconds: number): Promise<{ profile: ProfileSummary; run: Measured }> => {
      console.log(`profiling ${w.name} @10 ...`);
      await child!.ask({ type: 'profile-start' });
      const measured = await run(w, 10, seconds);
      const m = await child!.ask({ type: 'profile-stop' });
      if (m.type !== 'profile') throw new Error('no profile');
      return { profile: m, run: measured };
    };
    let profile: ProfileSummary | undefined;
    let profiledRun: Measured | undefined;
    let bareCpuUs: number | undefined;
    if (!met || options.profile) {
      const bare = await profiled(workloads[0]!, 3);
      bareCpuUs = (bare.profile.busyMs / Math.max(bare.run.requests, 1)) * 1000;
      ({ profile, run: profiledRun } = await profiled(workloads[1]!, 5));
    }
    const loadEnd = loadAverage();
    const totalSeconds = (Date.now() - started) / 1000;

    const section = ticketsSection({
      results,
      workloads,
      ratios,
      met,
      totalSeconds,
      loadStart,
      loadEnd,
      database: server.describe,
      postgres: ready.postgres,
      poolMax: POOL_MAX,
      warmup,
      duration,
      maxRequests,
      profile,
      profiledRun,
      bareCpuUs,
    });
    console.log(`\n${section}`);
    if (!options['no-results']) writeResultsSection(HEADING, section);
  } finally {
    if (child) await child.stop();
    await admin
      .query(`drop database if exists ${dbName} with (force)`)
      .catch((e) => console.error(`could not drop ${dbName}: ${(e as Error).message}`));
    await admin.end();
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

await drive();
