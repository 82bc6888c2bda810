// How CLI commands reach the database: DATABASE_URL, or the embedded server under
// DATA_DIR (started for the command and stopped after it), exactly as `npm start` does.
import pino from 'pino';
import type { Config } from '../config.js';
import { connectDatabase, type DatabaseHandle } from '../db/kysely.js';
import { startEmbeddedPostgres } from '../db/embedded.js';

export async function withCliDatabase<T>(config: Config, fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const log = pino({ level: 'warn' }, pino.destination(2));
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, database: 'phidesk', logger: log });
  const handle = connectDatabase(config.databaseUrl ?? embedded!.url, { poolMax: 2, applicationName: 'phidesk-cli' });
  try {
    return await fn(handle);
  } finally {
    await handle.close();
    await embedded?.stop();
  }
}
