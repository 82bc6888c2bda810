import { loadConfig } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import { withCliDatabase } from './database.js';
import type { CliIo } from './index.js';

export async function runMigrate(_argv: string[], io: CliIo): Promise<number> {
  const config = loadConfig();
  const applied = await withCliDatabase(config, (h) => migrateToLatest(h.db));
  io.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'already up to date\n');
  return 0;
}
