// `phidesk migrate`: apply pending migrations (a release step when MIGRATE_ON_START=false).
import { loadConfig } from '../config.js';
import { migrateToLatest } from '../db/migrate.js';
import type { CommandRun } from './command.js';
import type { migrateOptions } from './commands.js';
import { withCliDatabase } from './database.js';

export const migrate: CommandRun<typeof migrateOptions> = async (values, io) => {
  const applied = await withCliDatabase(loadConfig(), (h) => migrateToLatest(h.db), {
    init: values.init,
    offersInit: true,
    notes: io.stderr,
  });
  io.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'already up to date\n');
  return 0;
};
