// The server process of bench/tickets.bench.ts: the real app (composeApp) and the bare
// server (bench/tickets-bare.ts) over one fresh database, in a process of their own so that
// the load generator does not share their event loop. It counts and times every SQL
// statement of the app by kind (Kysely's log hook) and, when asked, CPU-profiles a run and
// sums the profile up by where the code lives.
//
// The driver starts it with `forkServer` (this file with --serve) and talks to it over IPC
// through the returned `ServerProcess`.
import { fork, type ChildProcess } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { classifyStatement } from './tickets-analysis.js';
import { startBareServer } from './tickets-bare.js';

/** The connection pool of each server, the app's and the bare one's. */
export const POOL_MAX = 10;

// ---------------------------------------------------------------------------------------
// The server process: the app and the bare server, SQL statement accounting, profiling.

/** Statements by kind: how many, and their time in ms as Kysely's log hook measures it. */
export interface StatementStats {
  [kind: string]: { count: number; ms: number };
}
type ToChild = { type: 'stats' } | { type: 'profile-start' } | { type: 'profile-stop' } | { type: 'stop' };
export type FromChild =
  | { type: 'ready'; appUrl: string; bareUrl: string; adminKey: string; postgres: string }
  | { type: 'stats'; stats: StatementStats }
  | { type: 'ok' }
  | {
      type: 'profile';
      categories: Array<{ category: string; share: number }>;
      functions: Array<{ fn: string; share: number }>;
      busyMs: number;
      totalMs: number;
    }
  | { type: 'error'; message: string };

export type ProfileSummary = Extract<FromChild, { type: 'profile' }>;

const kinds = new Map<string, string>();
/** A statement's kind, for where the database time of a request goes (cached per SQL text). */
function statementKind(text: string): string {
  let kind = kinds.get(text);
  if (kind === undefined) {
    kind = classifyStatement(text);
    if (kinds.size < 10_000) kinds.set(text, kind);
  }
  return kind;
}

async function serve(): Promise<void> {
  const send = (m: FromChild) => process.send?.(m);
  try {
    // src/db/kysely.ts sets the pg type parsers the app relies on; its pool is rebuilt here
    // only to see every statement with its duration.
    await import('../src/db/kysely.js');
    const { loadConfig } = await import('../src/config.js');
    const { composeApp } = await import('../src/compose.js');
    const { loadOrCreateDevMasterKey } = await import('../src/crypto/index.js');
    const { migrateToLatest } = await import('../src/db/migrate.js');
    const { createTenant } = await import('../src/tenants/tenants.service.js');
    const url = process.env['BENCH_DB_URL'] as string;
    const dataDir = process.env['BENCH_DATA_DIR'] as string;
    const config = loadConfig({
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      RATE_LIMIT_MAX: '1000000',
      DB_POOL_MAX: String(POOL_MAX),
    });
    const stats: StatementStats = {};
    const pool = new pg.Pool({ connectionString: url, max: config.dbPoolMax, application_name: 'phidesk-bench' });
    pool.on('error', () => undefined);
    const db = new Kysely<any>({
      dialect: new PostgresDialect({ pool }),
      log: (event) => {
        const kind = statementKind(event.query.sql);
        const s = (stats[kind] ??= { count: 0, ms: 0 });
        s.count++;
        s.ms += event.queryDurationMillis;
      },
    });
    await migrateToLatest(db);
    const tenant = await createTenant(db, { slug: 'bench', name: 'Bench', allowHttpJwks: false });
    const masterKey = (await loadOrCreateDevMasterKey(config.masterKeyFile)).provider;
    const app = await composeApp({ config, db, masterKey });
    const appUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const bare = await startBareServer(url, POOL_MAX);
    const version = (await pool.query('show server_version')).rows[0].server_version as string;
    let session: Session | undefined;
    process.on('message', async (m: ToChild) => {
      try {
        if (m.type === 'stats') send({ type: 'stats', stats: structuredClone(stats) });
        if (m.type === 'profile-start') {
          session = new Session();
          session.connect();
          await session.post('Profiler.enable');
          await session.post('Profiler.setSamplingInterval', { interval: 200 });
          await session.post('Profiler.start');
          send({ type: 'ok' });
        }
        if (m.type === 'profile-stop' && session) {
          const { profile } = await session.post('Profiler.stop');
          session.disconnect();
          send({ type: 'profile', ...summariseProfile(profile) });
        }
        if (m.type === 'stop') {
          await app.close();
          await bare.close();
          await db.destroy();
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

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}

/** Self time of a CPU profile by where the code lives. */
function summariseProfile(profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples?: number[] }) {
  const category = (n: ProfileNode): string => {
    const { functionName, url } = n.callFrame;
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(program)') return 'V8/native (program)';
    if (
      url === '' &&
      /^(writev|writeBuffer|writeUtf8String|writeLatin1String|writeAsciiString|readStart|readStop)$/.test(functionName)
    )
      return 'socket writes and reads (native, syscalls)';
    if (url.includes('libsodium')) return 'sealing: libsodium (XChaCha20-Poly1305, KDF)';
    if (url.includes('/src/crypto/')) return 'sealing: phidesk crypto (envelope, keyring)';
    if (/\/node_modules\/(pg|pg-protocol|pg-pool|pg-types|pgpass|postgres-)/.test(url))
      return 'pg driver (protocol, parsing)';
    if (url.includes('/node_modules/kysely/')) return 'Kysely (building and compiling queries)';
    if (url.includes('/src/audit/')) return 'audit (event building, inbox, sequencer)';
    if (url.includes('/node_modules/@casl/') || url.includes('/src/policy/'))
      return 'policy (CASL abilities, policy to SQL)';
    if (/\/node_modules\/(ajv|fast-json-stringify|fast-uri|json-schema|@sinclair|secure-json-parse)/.test(url))
      return 'validation and serialisation (ajv, fast-json-stringify)';
    if (/\/node_modules\/(fastify|@fastify|find-my-way|avvio|light-my-request|fastify-plugin|helmet)/.test(url))
      return 'Fastify and its plugins (routing, hooks, helmet, rate limit)';
    if (url.includes('/node_modules/pino') || url.includes('/node_modules/sonic-boom')) return 'logging (pino)';
    if (url.startsWith('node:')) return 'Node core (sockets, streams, HTTP, crypto)';
    if (url.includes('/src/')) return 'phidesk services, repositories, auth';
    if (url === '') return 'V8/native (builtins)';
    return 'other packages';
  };
  const interval = profile.samples?.length ? (profile.endTime - profile.startTime) / profile.samples.length / 1000 : 0;
  const byCategory = new Map<string, number>();
  for (const node of profile.nodes) {
    const c = category(node);
    byCategory.set(c, (byCategory.get(c) ?? 0) + (node.hitCount ?? 0));
  }
  const idle = byCategory.get('idle') ?? 0;
  byCategory.delete('idle');
  const busy = [...byCategory.values()].reduce((a, b) => a + b, 0);
  const categories = [...byCategory.entries()]
    .map(([c, hits]) => ({ category: c, share: busy ? hits / busy : 0 }))
    .sort((a, b) => b.share - a.share);
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    if (category(node) === 'idle' || !node.hitCount) continue;
    const { functionName, url } = node.callFrame;
    const where = url.replace(/^.*\/node_modules\//, '').replace(/^.*\/(src|bench)\//, '$1/');
    const key = `${functionName || '(anonymous)'} ${where}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + node.hitCount);
  }
  const functions = [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([fn, hits]) => ({ fn, share: busy ? hits / busy : 0 }));
  return { categories, functions, busyMs: busy * interval, totalMs: (busy + idle) * interval };
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

/** The statements counted between two `stats()` answers. */
export function diff(after: StatementStats, before: StatementStats): StatementStats {
  const out: StatementStats = {};
  for (const [k, v] of Object.entries(after)) {
    const b = before[k] ?? { count: 0, ms: 0 };
    if (v.count - b.count > 0) out[k] = { count: v.count - b.count, ms: v.ms - b.ms };
  }
  return out;
}

if (process.argv.includes('--serve')) await serve();
