// The process: config -> database (DATABASE_URL, or embedded PostgreSQL) -> migrate ->
// master key -> app -> listen -> graceful close on SIGTERM/SIGINT (a second signal forces exit).
import closeWithGrace from 'close-with-grace';
import pino from 'pino';
import { loadConfig, ConfigError, type Config } from './config.js';
import { connectDatabase, type DatabaseHandle } from './db/kysely.js';
import { startChangeNotices, type ChangeNotices } from './db/change-notices.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './db/embedded.js';
import { migrateToLatest } from './db/migrate.js';
import { loggerOptions } from './http/logger.js';
import { composeApp } from './compose.js';
import { loadPreviousMasterKeys, prepareMasterKey } from './crypto/master-key-setup.js';
import { ensureDemoTenant } from './tenants/demo.js';

let config: Config;
try {
  config = loadConfig();
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(78); // EX_CONFIG
}

const log = pino(loggerOptions(config.logLevel));
let embedded: EmbeddedPostgres | undefined;
let database: DatabaseHandle | undefined;
// The audit writer and sequencer get their own two connections: they must never queue behind request transactions.
let auditDatabase: DatabaseHandle | undefined;
// One LISTEN connection of its own: database triggers announce revocations and role changes on it.
let changeNotices: ChangeNotices | undefined;
let app: Awaited<ReturnType<typeof composeApp>> | undefined;

/** Stop accepting, drain in-flight requests, close the pool, then stop the embedded server. */
async function shutdown(): Promise<void> {
  await app?.close();
  await changeNotices?.close();
  await database?.close();
  await auditDatabase?.close();
  await embedded?.stop();
}

// Registered before anything starts, so a signal during start-up still stops the embedded server.
closeWithGrace(
  { delay: config.shutdownTimeoutMs, logger: { error: (m: string) => log.error(m) } },
  async ({ signal, err }) => {
    if (err) log.error({ err }, 'shutting down after an error');
    else log.info({ signal }, 'shutting down: draining requests');
    await shutdown();
    log.info('stopped');
  },
);

async function start(): Promise<void> {
  let url = config.databaseUrl;
  if (!url) {
    log.info(
      { dataDir: config.dataDir, port: config.embeddedPgPort },
      'DATABASE_URL is unset: starting embedded PostgreSQL',
    );
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      database: 'phidesk',
      logger: log,
    });
    url = embedded.url;
  }
  database = connectDatabase(url, { poolMax: config.dbPoolMax });
  auditDatabase = connectDatabase(url, { poolMax: 2, applicationName: 'phidesk-audit' });
  if (config.migrateOnStart) {
    const applied = await migrateToLatest(database.db);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
  }
  const masterKey = await prepareMasterKey(config, log);
  const previousMasterKeys = await loadPreviousMasterKeys(config);

  if (!config.isProduction) {
    const demo = await ensureDemoTenant(database.db, config.dataDir);
    log.info(
      { apiKeyFile: demo.keyFile },
      demo.created
        ? `created the demo tenant; its tenant-admin API key is in ${demo.keyFile} (send it as x-api-key)`
        : `demo tenant ready; its tenant-admin API key is in ${demo.keyFile}`,
    );
  }
  changeNotices = await startChangeNotices({ connectionString: url, log });
  app = await composeApp({
    config,
    db: database.db,
    auditDb: auditDatabase.db,
    masterKey,
    previousMasterKeys,
    changeNotices,
  });
  const address = await app.listen({ host: config.host, port: config.port });
  log.info(
    {
      rest: `${address}/v1`,
      docs: `${address}/docs`,
      openapi: `${address}/openapi.yaml`,
      graphql: `${address}/graphql`,
    },
    `phidesk listening on ${address}: REST docs at ${address}/docs, OpenAPI at ${address}/openapi.yaml, GraphQL at ${address}/graphql`,
  );
}

start().catch(async (err: unknown) => {
  log.fatal({ err }, 'start-up failed');
  await shutdown().catch(() => undefined);
  process.exit(1);
});
