// Embedded PostgreSQL for `npm start` without DATABASE_URL: a real server whose
// data lives under DATA_DIR/pgdata and survives restarts. Never used when
// DATABASE_URL is set.
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes, randomInt } from 'node:crypto';
import path from 'node:path';
import { userInfo } from 'node:os';
import { createServer } from 'node:net';
import type { Logger } from 'pino';
import { ensureDatabase, withDatabase } from './admin.js';
import { loadEmbeddedPostgres } from './embedded-postgres-module.js';

/**
 * A TCP port on 127.0.0.1 that was free a moment ago (for an embedded server in tests and
 * benchmarks). It is drawn from below the kernel's ephemeral range: a port the kernel hands
 * out can be taken, between this call and the listen, by the local end of any outgoing
 * connection (a busy test run opens thousands), and PostgreSQL then fails to bind.
 */
export async function freeLoopbackPort(): Promise<number> {
  const ephemeralLow = ephemeralRangeStart();
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 10_000 + randomInt(ephemeralLow - 10_000);
    if (await canListen(port)) return port;
  }
  return listenOn(0);
}

function ephemeralRangeStart(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > 11_000 ? low : 32_768;
  } catch {
    return 32_768; // Linux's default when /proc is not there
  }
}

async function canListen(port: number): Promise<boolean> {
  return listenOn(port).then(
    () => true,
    () => false,
  );
}

function listenOn(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => {
      const bound = (s.address() as { port: number }).port;
      s.close(() => resolve(bound));
    });
  });
}

export interface EmbeddedPostgres {
  /** URL of the application database (owner connection). */
  readonly url: string;
  stop(): Promise<void>;
}

// Connection facts of the embedded server, shared with the CLI so that it can reach a
// server that `npm start` runs on the same DATA_DIR instead of starting a second one.
const SUPERUSER = 'postgres';
const pgdataOf = (dataDir: string) => path.join(dataDir, 'pgdata');

/** DATA_DIR/pg-password: the embedded server's superuser password (mode 0600). */
export function embeddedPasswordFile(dataDir: string): string {
  return path.join(dataDir, 'pg-password');
}

/** Whether DATA_DIR holds an initialised embedded cluster. */
export function embeddedClusterExists(dataDir: string): boolean {
  return existsSync(path.join(pgdataOf(dataDir), 'PG_VERSION'));
}

function ownerUrl(password: string, port: number, database: string): string {
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/** The URL of `database` on the embedded server, as its owner, with the password read from its file. */
export async function embeddedDatabaseUrl(dataDir: string, port: number, database: string): Promise<string> {
  return ownerUrl((await readFile(embeddedPasswordFile(dataDir), 'utf8')).trim(), port, database);
}

/** The same URL for messages: the password is a shell pointer to its file, never the password. */
export function embeddedDatabaseUrlHint(dataDir: string, port: number, database: string): string {
  return `postgres://${SUPERUSER}:$(cat ${embeddedPasswordFile(dataDir)})@127.0.0.1:${port}/${database}`;
}

export interface RunningPostmaster {
  pid: number;
  port: number;
  /** the status line PostgreSQL keeps in postmaster.pid: starting, ready, stopping, ... */
  status: string;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, owned by another user
  }
}

/**
 * The postmaster running on DATA_DIR/pgdata, from its postmaster.pid (line 1 the pid,
 * line 4 the port, line 8 the status); undefined when there is no file or its process
 * is gone (a stale file, which PostgreSQL itself replaces on start).
 */
export async function findRunningPostmaster(dataDir: string): Promise<RunningPostmaster | undefined> {
  let text: string;
  try {
    text = await readFile(path.join(pgdataOf(dataDir), 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  return processAlive(pid) ? { pid, port, status: (lines[7] ?? '').trim() } : undefined;
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
  const databaseDir = pgdataOf(opts.dataDir);
  const password = await readOrCreatePassword(embeddedPasswordFile(opts.dataDir));
  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  let problem: string | undefined;
  const server = new EmbeddedPostgresServer({
    databaseDir,
    port: opts.port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; as root the library runs it as a `postgres` system user.
    createPostgresUser: runAsRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m: string) => {
      problem =
        m
          .split('\n')
          .findLast((line) => /\b(FATAL|PANIC|ERROR):/.test(line))
          ?.trim() ?? problem;
      opts.logger.debug({ embeddedPostgres: m.trim() }, 'embedded postgres');
    },
    onError: (e: unknown) => opts.logger.warn({ embeddedPostgres: String(e).trim() }, 'embedded postgres'),
  });
  if (!embeddedClusterExists(opts.dataDir)) await server.initialise();
  // The library rejects with no reason when PostgreSQL exits during start-up; its last error line is the reason.
  await server.start().catch((e: unknown) => {
    // Error messages are not logged (they may quote values), so PostgreSQL's own reason goes in a field.
    opts.logger.warn(
      { embeddedPostgresError: problem ?? 'no error logged' },
      'embedded PostgreSQL exited during start-up',
    );
    throw e instanceof Error ? e : new Error(`PostgreSQL exited during start-up: ${problem ?? 'no error logged'}`);
  });
  const adminUrl = ownerUrl(password, opts.port, 'postgres');
  await ensureDatabase(adminUrl, opts.database);
  let stopping: Promise<void> | undefined;
  return {
    url: withDatabase(adminUrl, opts.database),
    stop: () => (stopping ??= server.stop()),
  };
}
