// Builds the real app (composeApp) over a fresh cloned database, with logs captured.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.js';
import { composeApp } from '../../src/compose.js';
import { createMasterKeyFile, loadOrCreateDevMasterKey, type MasterKeyProvider } from '../../src/crypto/index.js';
import { connectDatabase } from '../../src/db/kysely.js';
import { startChangeNotices, type ChangeNotices } from '../../src/db/change-notices.js';
import { createTestDatabase, type TestDatabase } from './db.js';

/** Collects every log line the app writes, to assert that canaries never reach them. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    done();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  logs: LogCapture;
  /** the real master key (a 0600 file in the test's data directory) the app wraps tenant keys with */
  masterKey: MasterKeyProvider;
  /** the app's LISTEN connection, when started with authCache */
  changeNotices: ChangeNotices | undefined;
  close(): Promise<void>;
}

/** A real master key in a fresh temporary file (for composeApp calls outside startTestApp). */
export async function testMasterKey(): Promise<MasterKeyProvider> {
  return createMasterKeyFile(path.join(await mkdtemp(path.join(tmpdir(), 'phidesk-key-')), 'master.key'));
}

export async function testConfig(env: Record<string, string> = {}): Promise<Config> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'phidesk-app-'));
  // Tests that allow http JWKS run their IdP on 127.0.0.1, which the outbound URL guard
  // refuses unless private addresses are allowed too; a test may still set it false.
  const privateUrls = env['ALLOW_HTTP_JWKS'] === 'true' ? { ALLOW_PRIVATE_URLS: 'true' } : {};
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    RATE_LIMIT_MAX: '100000',
    RATE_LIMIT_ADDRESS_MAX: '10000000',
    ...privateUrls,
    ...env,
  });
}

export async function startTestApp(
  opts: {
    env?: Record<string, string>;
    database?: TestDatabase;
    beforeReady?: (app: FastifyInstance) => void;
    masterKey?: MasterKeyProvider;
    previousMasterKeys?: MasterKeyProvider[];
    /** false: no in-process audit sequencer/checkpoints (tests that drive them by hand) */
    auditJobs?: boolean;
    /** observes every SQL statement of the app's database handle (ignored when `database` is given) */
    onQuery?: (sql: string) => void;
    /**
     * gives the audit writer a pool of its own, as src/main.ts does, observed by this
     * (so a test counting a request's statements sees the audit writes apart)
     */
    auditOnQuery?: (sql: string) => void;
    /** cache authentication, invalidated by change notices on a LISTEN connection of the app's own (as src/main.ts does) */
    authCache?: boolean;
  } = {},
): Promise<TestApp> {
  const database = opts.database ?? (await createTestDatabase({ onQuery: opts.onQuery }));
  const auditDb = opts.auditOnQuery
    ? connectDatabase(database.url, { poolMax: 2, onQuery: opts.auditOnQuery })
    : undefined;
  const config = await testConfig(opts.env);
  const logs = new LogCapture();
  const masterKey = opts.masterKey ?? (await loadOrCreateDevMasterKey(config.masterKeyFile)).provider;
  const changeNotices = opts.authCache ? await startChangeNotices({ connectionString: database.url }) : undefined;
  const app = await composeApp({
    changeNotices,
    config,
    db: database.db,
    auditDb: auditDb?.db,
    logStream: logs,
    masterKey,
    previousMasterKeys: opts.previousMasterKeys,
    auditJobs: opts.auditJobs,
  });
  opts.beforeReady?.(app);
  await app.ready();
  return {
    app,
    database,
    config,
    logs,
    masterKey,
    changeNotices,
    close: async () => {
      await app.close();
      await changeNotices?.close();
      await auditDb?.close();
      if (!opts.database) await database.drop();
    },
  };
}
