// Idempotency-Keys live 24 hours. A caller reusing its own expired key takes it over, but
// keys nobody reuses would stay forever, so every server process deletes the expired ones
// now and then (a delete that finds nothing is cheap; two processes deleting the same rows
// merely wait for each other). Failures are logged and retried on the next tick.
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/database.js';
import * as repo from './idempotency.repository.js';

export const PURGE_INTERVAL_MS = 10 * 60_000;

/** Deletes every tenant's expired keys; returns how many. */
export async function purgeExpiredIdempotencyKeys(db: Kysely<Database>, now = new Date()): Promise<number> {
  return repo.deleteExpiredIdempotencyKeys(db, now);
}

/** Purges every `intervalMs` until stopped; the timer never keeps a process alive. */
export function startIdempotencyPurge(
  db: Kysely<Database>,
  log: Pick<Logger, 'warn'>,
  intervalMs = PURGE_INTERVAL_MS,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = purgeExpiredIdempotencyKeys(db).catch((error: unknown) =>
      log.warn({ err: error }, 'purging expired idempotency keys failed; retrying later'),
    );
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
