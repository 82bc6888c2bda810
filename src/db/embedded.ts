// Embedded PostgreSQL for `npm start` without DATABASE_URL: a real server whose
// data lives under DATA_DIR/pgdata and survives restarts. Never used when
// DATABASE_URL is set.
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { userInfo } from 'node:os';
import { createServer } from 'node:net';
import type { Logger } from 'pino';
import { ensureDatabase, withDatabase } from './admin.js';
import { loadEmbeddedPostgres } from './embedded-postgres-module.js';

/** A TCP port on 127.0.0.1 that was free a moment ago (for an embedded server in tests and benchmarks). */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface EmbeddedPostgres {
  /** URL of the application database (owner connection). */
  readonly url: string;
  stop(): Promise<void>;
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return password;
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  database: string;
  logger: Pick<Logger, 'debug' | 'warn'>;
}): Promise<EmbeddedPostgres> {
  // 0711: as root, the postgres system user must traverse DATA_DIR to reach pgdata; key files inside are 0600.
  await mkdir(opts.dataDir, { recursive: true, mode: 0o711 });
  const runAsRoot = userInfo().uid === 0;
  if (runAsRoot) await chmod(opts.dataDir, 0o711);
  const databaseDir = path.join(opts.dataDir, 'pgdata');
  const password = await readOrCreatePassword(path.join(opts.dataDir, 'pg-password'));
  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgresServer({
    databaseDir,
    port: opts.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the library runs it as a `postgres` system user.
    createPostgresUser: runAsRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m: string) => opts.logger.debug({ embeddedPostgres: m.trim() }, 'embedded postgres'),
    onError: (e: unknown) => opts.logger.warn({ embeddedPostgres: String(e).trim() }, 'embedded postgres'),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${opts.port}/postgres`;
  await ensureDatabase(adminUrl, opts.database);
  let stopping: Promise<void> | undefined;
  return {
    url: withDatabase(adminUrl, opts.database),
    stop: () => (stopping ??= server.stop()),
  };
}
