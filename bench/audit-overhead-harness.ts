// The apps the audit overhead benchmark compares. Both are built the same way, from the
// real buildApp, authenticator (with its cache, as src/main.ts wires it) and the users,
// API keys and contacts (sealed PHI) routes and services, over one database; they
// differ only in the AuditPort the services write through: the real inbox (with the
// in-process sequencer and checkpoints running, as in production) or a port that drops
// every event. The dropping port exists only here, in bench/: no deployment setting
// turns auditing off.
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { authenticateCredentials } from '../src/auth/authenticator.js';
import { createJwtVerifier } from '../src/auth/jwt-verifier.js';
import { createAuthCache } from '../src/auth/auth-cache.js';
import { startChangeNotices } from '../src/db/change-notices.js';
import { loadConfig, type Config } from '../src/config.js';
import { rootFieldsOf } from '../src/graphql/gate.js';
import { loadSchemaSdl } from '../src/graphql/schema.js';
import { createAuditTrail } from '../src/audit/index.js';
import { withDatabase } from '../src/db/admin.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { connectDatabase, type DatabaseHandle } from '../src/db/kysely.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { AuditPort } from '../src/services/audit-port.js';
import type { ServiceDeps } from '../src/services/scope.js';
import { usersRoutes } from '../src/users/users.routes.js';
import { apiKeysRoutes } from '../src/api-keys/api-keys.routes.js';
import { contactsRoutes } from '../src/contacts/contacts.routes.js';
import { Keyring, loadOrCreateDevMasterKey } from '../src/crypto/index.js';
import { PgTenantKeyStore } from '../src/crypto/pg-tenant-key-store.js';
import { freeLoopbackPort } from '../src/db/embedded.js';
import { cpuSecondsOf } from './audit-overhead-load.js';

export interface BenchDatabase {
  handle: DatabaseHandle;
  url: string;
  describe: string;
  /** PostgreSQL's CPU seconds so far, as far as it is this benchmark's (undefined where /proc cannot tell) */
  postgresCpuSeconds(): Promise<number | undefined>;
  stop(): Promise<void>;
}

/**
 * A fresh database. 'embedded': an embedded PostgreSQL of its own (default settings, fsync
 * on), every one of its processes counted as the benchmark's CPU. 'machine': a new database
 * on BENCH_DATABASE_URL's server, else the machine's PostgreSQL at 127.0.0.1:5432; that
 * server is shared, so only the backends connected to this database are counted (not the
 * WAL writer or checkpointer, nor other people's work).
 */
export async function startBenchDatabase(
  dataDir: string,
  poolMax: number,
  which: 'machine' | 'embedded',
): Promise<BenchDatabase> {
  let url: string;
  let postgresCpuSeconds: () => Promise<number | undefined>;
  let stopServer = async (): Promise<void> => undefined;
  let where: string;
  if (which === 'machine') {
    const server = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    where = process.env['BENCH_DATABASE_URL'] ? 'BENCH_DATABASE_URL' : "the machine's PostgreSQL at 127.0.0.1:5432";
    const name = `phidesk_bench_${Date.now().toString(36)}`;
    const admin = connectDatabase(server, { poolMax: 1 });
    await sql.raw(`create database ${name}`).execute(admin.db);
    await admin.close();
    url = withDatabase(server, name);
    const probe = connectDatabase(url, { poolMax: 1, applicationName: 'phidesk-bench-probe' });
    postgresCpuSeconds = async () => {
      const { rows } = await sql<{
        pid: number;
      }>`select pid from pg_stat_activity where datname = current_database()`.execute(probe.db);
      const pids = new Set(rows.map((r) => r.pid));
      return cpuSecondsOf((pid) => pids.has(pid));
    };
    stopServer = async () => {
      await probe.close();
      const cleanup = connectDatabase(server, { poolMax: 1 });
      await sql.raw(`drop database if exists ${name} with (force)`).execute(cleanup.db);
      await cleanup.close();
    };
  } else {
    where = 'embedded';
    const embedded = await startEmbeddedPostgres({
      dataDir,
      port: await freeLoopbackPort(),
      database: 'phidesk_bench',
      logger: pino({ level: 'warn' }),
    });
    url = embedded.url;
    const postmaster = Number(readFileSync(path.join(dataDir, 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0]);
    postgresCpuSeconds = async () => cpuSecondsOf((pid, parent) => pid === postmaster || parent === postmaster);
    stopServer = () => embedded.stop();
  }
  const handle = connectDatabase(url, { poolMax, applicationName: 'phidesk-bench' });
  await migrateToLatest(handle.db);
  const version =
    (await sql<{ v: string }>`select current_setting('server_version') as v`.execute(handle.db)).rows[0]?.v ?? '?';
  const fsync = (await sql<{ v: string }>`select current_setting('fsync') as v`.execute(handle.db)).rows[0]?.v ?? '?';
  return {
    handle,
    url,
    postgresCpuSeconds,
    describe: `${where} PostgreSQL ${version} (fsync=${fsync}), pool of ${poolMax} per app`,
    stop: async () => {
      await handle.close();
      await stopServer();
    },
  };
}

/** Drops every event: the "without audit" baseline. Never wired into the product. */
export const droppingPort: AuditPort = {
  writeInTx: async () => undefined,
  writeDetached: async () => undefined,
  committed: () => undefined,
};

export async function benchConfig(): Promise<Config> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'phidesk-overhead-'));
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    RATE_LIMIT_MAX: '1000000',
    RATE_LIMIT_ADDRESS_MAX: '10000000',
  });
}

export interface BenchApp {
  app: FastifyInstance;
  base: string;
  /** messages sent on the audit writer's own pool so far, and how many of them ended a transaction */
  auditPool: { messages: number; commits: number };
  close(): Promise<void>;
}

/** 'audited': the product (capture, sequencer and checkpoints in process); 'none': the dropping port. Listens on 127.0.0.1. */
export type BenchMode = 'audited' | 'none';

export async function startBenchApp(
  config: Config,
  db: DatabaseHandle,
  mode: BenchMode,
  url: string,
): Promise<BenchApp> {
  // as src/main.ts does: the audit writer and sequencer on two connections of their own
  const auditPool = { messages: 0, commits: 0 };
  const countAudit = (text: string) => {
    auditPool.messages++;
    if (/(^|;\s*)commit\s*$/i.test(text.trim())) auditPool.commits++;
  };
  const auditDb =
    mode === 'none'
      ? undefined
      : connectDatabase(url, { poolMax: 2, applicationName: 'phidesk-bench-audit', onQuery: countAudit });
  const trail = auditDb ? await createAuditTrail(config, db.db, { auditDb: auditDb.db, runJobs: true }) : undefined;
  const services: ServiceDeps = { db: db.db, audit: trail?.port ?? droppingPort };
  const { provider: masterKey } = await loadOrCreateDevMasterKey(config.masterKeyFile);
  const keyring = new Keyring({
    masterKey,
    store: new PgTenantKeyStore(db.db),
    cacheMaxAgeMs: config.keyCacheSeconds * 1000,
  });
  const verifier = createJwtVerifier({
    lookupIssuer: async () => [],
    clockSkewSeconds: 30,
    maxSessionAgeSeconds: 3600,
    jwksCacheMaxAgeMs: 60_000,
    allowHttpJwks: false,
  });
  // as src/main.ts does: authentication cached, invalidated through LISTEN/NOTIFY
  const notices = await startChangeNotices({ connectionString: url });
  const cache = createAuthCache({
    notices,
    ttlMs: config.auth.cacheSeconds * 1000,
    maxEntries: config.auth.cacheMaxEntries,
  });
  const app = await buildApp({
    config,
    logStream: pino.destination('/dev/null'),
    restAreas: [usersRoutes(services), apiKeysRoutes(services), contactsRoutes({ ...services, keyring })],
    // GraphQL is not measured: every field is declared (start-up demands it) and resolves to nothing.
    fieldPolicies: Object.fromEntries(rootFieldsOf(loadSchemaSdl()).map((f) => [f, 'authenticated' as const])),
    readiness: async () => undefined,
    authChangesSettled: () => notices.caughtUp(),
    authenticate: (request) =>
      authenticateCredentials(
        { ...services, verifier, cache },
        {
          apiKey: request.headers['x-api-key'] as string | undefined,
          clientAddress: request.ip,
          requestId: request.id,
          userAgent: request.headers['user-agent'],
        },
      ),
  });
  await trail?.attach(app);
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    base,
    auditPool,
    close: async () => {
      await app.close();
      cache.close();
      await notices.close();
      await auditDb?.close();
    },
  };
}
