// The Kysely instance over a pg pool. Only src/db touches `pg` directly.
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './database.js';
import { scopedPool } from './scoped-connection.js';

// int8 (bigint) columns hold audit sequence numbers and counts; they stay exact as strings
// unless they fit, in which case numbers are friendlier for callers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v;
});

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  /** Closes the pool; safe to call more than once. */
  close(): Promise<void>;
}

export interface ConnectOptions {
  poolMax: number;
  applicationName?: string;
  /**
   * Observes every message sent through this handle (also the ones that fail), e.g. so
   * tests can count round trips. Called with the SQL text as written, placeholders and
   * all: parameters may hold PHI.
   */
  onQuery?: ((sql: string) => void) | undefined;
}

export function connectDatabase(url: string, opts: ConnectOptions): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolMax,
    application_name: opts.applicationName ?? 'phidesk',
    // Fail fast rather than queueing forever when the server is gone; /readyz reports it.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  // the observer sees each message sent (a round trip), as scoped-connection.ts batches them
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: scopedPool(pool, opts.onQuery) }) });
  let closing: Promise<void> | undefined;
  return {
    db,
    close: () => (closing ??= db.destroy()),
  };
}
