// The server process of bench/tickets.bench.ts: the real app (composeApp, wired as
// src/main.ts wires it: a pool of its own for the audit writer, and a LISTEN connection so
// that authentication is cached) and the bare server (bench/tickets-bare.ts) over one fresh
// database, in a process of their own so that the load generator does not share their
// event loop. It counts and times every SQL statement of the app by kind and pool (Kysely's
// log hook) and, when asked, CPU-profiles a run (bench/cpu-profile.ts).
//
// The driver starts it with `forkServer` (this file with --serve) and talks to it over IPC
// through the returned `ServerProcess`.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { startProfile, type ProfileSummary } from './cpu-profile.js';
import { AUDIT_POOL, classifyMessage, type StatementStats } from './tickets-statements.js';
import { startBareServer } from './tickets-bare.js';

/** The connection pool of each server, the app's and the bare one's. */
export const POOL_MAX = 10;
/** The audit writer's own pool, as src/main.ts gives it. */
export const AUDIT_POOL_MAX = 2;

// ---------------------------------------------------------------------------------------
// The server process: the app and the bare server, SQL statement accounting, profiling.

type ToChild = { type: 'stats' } | { type: 'profile-start' } | { type: 'profile-stop' } | { type: 'stop' };
export type FromChild =
  | { type: 'ready'; appUrl: string; bareUrl: string; adminKey: string; postgres: string }
  | { type: 'stats'; stats: StatementStats }
  | { type: 'ok' }
  | ({ type: 'profile' } & ProfileSummary)
  | { type: 'error'; message: string };

/**
 * Counts and times every message the app's pools send, by kind, on pg's Client (below the
 * app's wrapper, so a message carrying several statements counts once: it is one round
 * trip). Clients are told apart by application_name: `pools` maps each counted one to the
 * prefix of its kinds; others (the bare server, the LISTEN connection) are not counted.
 */
function countRoundTrips(pools: Record<string, string>): StatementStats {
  const stats: StatementStats = {};
  const kinds = new Map<string, string>();
  const kindOf = (text: string) => {
    let kind = kinds.get(text);
    if (kind === undefined) {
      kind = classifyMessage(text);
      if (kinds.size < 10_000) kinds.set(text, kind);
    }
    return kind;
  };
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const prefix =
      pools[
        (this as unknown as { connectionParameters: { application_name?: string } }).connectionParameters
          .application_name ?? ''
      ];
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    const result = query.apply(this, args);
    if (prefix === undefined || text === undefined || !(result instanceof Promise)) return result;
    const started = performance.now();
    const count = () => {
      const s = (stats[prefix + kindOf(text)] ??= { count: 0, ms: 0 });
      s.count++;
      s.ms += performance.now() - started;
    };
    result.then(count, count);
    return result;
  } as typeof pg.Client.prototype.query;
  return stats;
}

async function serve(): Promise<void> {
  const send = (m: FromChild) => process.send?.(m);
  try {
    const { connectDatabase } = await import('../src/db/kysely.js');
    const { loadConfig } = await import('../src/config.js');
    const { composeApp } = await import('../src/compose.js');
    const { loadOrCreateDevMasterKey } = await import('../src/crypto/index.js');
    const { migrateToLatest } = await import('../src/db/migrate.js');
    const { startChangeNotices } = await import('../src/db/change-notices.js');
    const { createTenant } = await import('../src/tenants/tenants.service.js');
    const url = process.env['BENCH_DB_URL'] as string;
    const dataDir = process.env['BENCH_DATA_DIR'] as string;
    const config = loadConfig({
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      RATE_LIMIT_MAX: '1000000',
      RATE_LIMIT_ADDRESS_MAX: '10000000',
      DB_POOL_MAX: String(POOL_MAX),
      // the JWT mode's identity provider serves its JWKS over http on 127.0.0.1
      ALLOW_HTTP_JWKS: 'true',
      ALLOW_PRIVATE_URLS: 'true',
    });
    const stats = countRoundTrips({ 'phidesk-bench': '', 'phidesk-bench-audit': AUDIT_POOL });
    // The app's own connectDatabase (whatever it does with a pool), so the bench runs what production runs.
    const { db, close } = connectDatabase(url, { poolMax: config.dbPoolMax, applicationName: 'phidesk-bench' });
    const audit = connectDatabase(url, { poolMax: AUDIT_POOL_MAX, applicationName: 'phidesk-bench-audit' });
    await migrateToLatest(db);
    const changeNotices = await startChangeNotices({ connectionString: url });
    const tenant = await createTenant(db, { slug: 'bench', name: 'Bench', allowHttpJwks: false });
    const masterKey = (await loadOrCreateDevMasterKey(config.masterKeyFile)).provider;
    const app = await composeApp({ config, db, auditDb: audit.db, masterKey, changeNotices });
    const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const bare = await startBareServer(url, POOL_MAX);
    const version =
      (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0]?.v ?? '?';
    let stopProfile: (() => Promise<ProfileSummary>) | undefined;
    process.on('message', async (m: ToChild) => {
      try {
        if (m.type === 'stats') send({ type: 'stats', stats: structuredClone(stats) });
        if (m.type === 'profile-start') {
          stopProfile = await startProfile();
          send({ type: 'ok' });
        }
        if (m.type === 'profile-stop' && stopProfile) {
          send({ type: 'profile', ...(await stopProfile()) });
          stopProfile = undefined;
        }
        if (m.type === 'stop') {
          await app.close();
          await changeNotices.close();
          await bare.close();
          await audit.close();
          await close();
          process.exit(0);
        }
      } catch (e) {
        send({ type: 'error', message: (e as Error).stack ?? String(e) });
      }
    });
    send({ type: 'ready', appUrl, bareUrl: bare.url, adminKey: tenant.adminKey, postgres: `PostgreSQL ${version}` });
  } catch (e) {
    send({ type: 'error', message: (e as Error).stack ?? String(e) });
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------------------
// The driver's side.

/** The server process, from the driver's side. */
export class ServerProcess {
  private readonly waiters: Array<{ resolve: (m: FromChild) => void; reject: (e: Error) => void }> = [];
  constructor(readonly process: ChildProcess) {
    process.on('message', (m: FromChild) => {
      if (m.type === 'error') console.error(`bench server: ${m.message}`);
      this.waiters.shift()?.resolve(m);
    });
    process.once('exit', (code) => {
      for (const w of this.waiters.splice(0)) w.reject(new Error(`bench server exited (${code})`));
    });
  }
  next(): Promise<FromChild> {
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }
  async ask(m: ToChild): Promise<FromChild> {
    const reply = this.next();
    this.process.send(m);
    return reply;
  }
  async stats(): Promise<StatementStats> {
    const m = await this.ask({ type: 'stats' });
    if (m.type !== 'stats') throw new Error(`unexpected ${m.type}`);
    return m.stats;
  }
  /** Asks the server to stop; kills it if it has not exited within 10 s. */
  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.send({ type: 'stop' });
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
  }
}

/** Starts this file with --serve on the database at `databaseUrl`, with its data (master key) in `dataDir`; its first message is 'ready' or 'error'. */
export function forkServer(databaseUrl: string, dataDir: string): ServerProcess {
  return new ServerProcess(
    fork(fileURLToPath(import.meta.url), ['--serve'], {
      env: { ...process.env, BENCH_DB_URL: databaseUrl, BENCH_DATA_DIR: dataDir },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
}

if (process.argv.includes('--serve')) await serve();
