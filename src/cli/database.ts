// How CLI commands reach the database, in this order:
// 1. DATABASE_URL;
// 2. the embedded server that a running `npm start` keeps on DATA_DIR (its postmaster.pid
//    names a live postmaster): connected to in place and left running, because a second
//    postmaster on the same data cannot start;
// 3. the embedded server under DATA_DIR, started for the command and stopped after;
// 4. a DATA_DIR without a cluster is refused unless the command was given --init, so a
//    mistyped or missing DATA_DIR never silently grows a new, empty database.
import { sql } from 'kysely';
import pino from 'pino';
import type { Config } from '../config.js';
import { connectDatabase, type DatabaseHandle } from '../db/kysely.js';
import {
  embeddedClusterExists,
  embeddedDatabaseUrl,
  embeddedDatabaseUrlHint,
  findRunningPostmaster,
  startEmbeddedPostgres,
  type EmbeddedPostgres,
  type RunningPostmaster,
} from '../db/embedded.js';
import { migrateToLatest } from '../db/migrate.js';
import { CliError, describeError, type CliOutput } from './command.js';

/** the database src/main.ts keeps on the embedded server */
const DATABASE = 'phidesk';

export interface CliDatabase extends DatabaseHandle {
  /** where the data is, for messages */
  readonly where: string;
}

export interface CliDatabaseOptions {
  /** the command was given --init: a DATA_DIR without data may be initialised */
  init?: boolean | undefined;
  /** the command accepts --init (decides the advice when refusing) */
  offersInit?: boolean;
  /** where to say that a new cluster was created (the command's stderr) */
  notes?: CliOutput;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connects and proves the connection works, so a failure is reported here, with advice, not mid-command. */
async function open(url: string, attempts: number, failure: (e: unknown) => string): Promise<DatabaseHandle> {
  const handle = connectDatabase(url, { poolMax: 2, applicationName: 'phidesk-cli' });
  for (let attempt = 1; ; attempt++) {
    try {
      await sql`select 1`.execute(handle.db);
      return handle;
    } catch (e) {
      if (attempt < attempts) {
        await sleep(500);
        continue;
      }
      await handle.close().catch(() => undefined);
      throw new CliError(failure(e));
    }
  }
}

function noData(config: Config, opts: CliDatabaseOptions): CliError {
  const create = opts.offersInit ? 'pass --init to create one here' : 'run phidesk migrate --init to create one here';
  return new CliError(
    `no phidesk data in ${config.dataDir} (start the server once with npm start, point DATA_DIR at its data, set DATABASE_URL, or ${create})`,
  );
}

async function openRunning(config: Config, running: RunningPostmaster): Promise<DatabaseHandle> {
  const url = await embeddedDatabaseUrl(config.dataDir, running.port, DATABASE).catch((e: unknown) => {
    throw new CliError(
      `a PostgreSQL server (pid ${running.pid}) runs on ${config.dataDir}/pgdata but its password file cannot be read (${describeError(e)}); set DATABASE_URL=postgres://postgres:PASSWORD@127.0.0.1:${running.port}/${DATABASE} with its superuser password`,
    );
  });
  const hint = embeddedDatabaseUrlHint(config.dataDir, running.port, DATABASE);
  // A server still starting up (or creating its database) gets a few seconds.
  return open(
    url,
    running.status === 'ready' ? 1 : 20,
    (e) =>
      `a PostgreSQL server (pid ${running.pid}, port ${running.port}) runs on ${config.dataDir}/pgdata but refused the connection (${describeError(e)}); ` +
      `set DATABASE_URL=${hint} (if no server runs there, postmaster.pid is stale: remove it)`,
  );
}

async function startOwn(
  config: Config,
  opts: CliDatabaseOptions,
): Promise<{ embedded: EmbeddedPostgres; handle: DatabaseHandle }> {
  const fresh = !embeddedClusterExists(config.dataDir);
  if (fresh && !opts.init) throw noData(config, opts);
  const hint = embeddedDatabaseUrlHint(config.dataDir, config.embeddedPgPort, DATABASE);
  let embedded: EmbeddedPostgres;
  try {
    const logger = pino({ level: 'warn' }, pino.destination(2));
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      database: DATABASE,
      logger,
    });
  } catch (e) {
    throw new CliError(
      `could not start the embedded PostgreSQL in ${config.dataDir}/pgdata on port ${config.embeddedPgPort} (${describeError(e)}); ` +
        `if the port is taken, set EMBEDDED_PG_PORT; if a server already uses this data, set DATABASE_URL=${hint}`,
    );
  }
  try {
    const handle = await open(
      embedded.url,
      1,
      (e) =>
        `the embedded PostgreSQL started but refused the connection (${describeError(e)}); try DATABASE_URL=${hint}`,
    );
    if (fresh) {
      const applied = await migrateToLatest(handle.db);
      opts.notes?.write(
        `created an embedded PostgreSQL in ${config.dataDir}/pgdata (--init) and applied ${applied.length} migration(s)\n`,
      );
    }
    return { embedded, handle };
  } catch (e) {
    await embedded.stop();
    throw e;
  }
}

/** Runs `fn` with a connection to the configured database; an embedded server started here is stopped after. */
export async function withCliDatabase<T>(
  config: Config,
  fn: (db: CliDatabase) => Promise<T>,
  opts: CliDatabaseOptions = {},
): Promise<T> {
  let handle: DatabaseHandle;
  let embedded: EmbeddedPostgres | undefined;
  let where: string;
  if (config.databaseUrl) {
    handle = await open(
      config.databaseUrl,
      1,
      (e) =>
        `cannot connect to DATABASE_URL (${describeError(e)}); check that the server runs and the URL, user and password are right`,
    );
    where = 'the database at DATABASE_URL';
  } else {
    const running = await findRunningPostmaster(config.dataDir);
    if (running) handle = await openRunning(config, running);
    else ({ embedded, handle } = await startOwn(config, opts));
    where = `the embedded PostgreSQL in ${config.dataDir}`;
  }
  try {
    return await fn({ ...handle, where });
  } finally {
    await handle.close();
    await embedded?.stop();
  }
}
