// The composition root: wires repositories, services and transports for one process.
// main.ts owns the process (database server, signals); tests call composeApp directly.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DestinationStream } from 'pino';
import { sql } from 'kysely';
import type { Config } from './config.js';
import type { Database } from './db/database.js';
import { pendingMigrations } from './db/migrate.js';
import { buildApp } from './app.js';
import { AppError } from './errors.js';
import { meRoutes } from './auth/me.routes.js';

export interface ComposeDeps {
  config: Config;
  db: Kysely<Database>;
  logStream?: DestinationStream;
}

export async function composeApp(deps: ComposeDeps): Promise<FastifyInstance> {
  const { db } = deps;
  let migrationsCurrent = false;
  return buildApp({
    config: deps.config,
    logStream: deps.logStream,
    restAreas: [meRoutes],
    readiness: async () => {
      try {
        await sql`select 1`.execute(db);
      } catch {
        return 'database unreachable';
      }
      // Once current, stays current for this process: migrations only run before listen.
      if (!migrationsCurrent) {
        const pending = await pendingMigrations(db as Kysely<any>);
        if (pending.length > 0) return `${pending.length} migration(s) pending`;
        migrationsCurrent = true;
      }
      return undefined;
    },
    authenticate: async (request) => {
      if (request.headers.authorization || request.headers['x-api-key']) {
        throw new AppError('TOKEN_INVALID', 'The credentials are not valid.');
      }
      return undefined;
    },
  });
}
