// SLA breaches as events. Breach flags on a ticket are computed when it is read; nothing
// happens at the moment a clock runs out unless something watches. Every process watches:
// each round claims the breached tickets not yet announced (SKIP LOCKED, so two processes
// never announce one breach twice), writes a `ticket.sla_breached` event to the webhook
// outbox in the same transaction, and once committed hands it to GraphQL subscribers.
// A crash before COMMIT leaves the breach unannounced, to be claimed again next round.
import type { Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { startPeriodicJob, type PeriodicJob } from '../services/periodic-job.js';
import type { Database } from '../db/database.js';
import { ticketChangeOf, type ChangePublisher } from '../live/ticket-changes.js';
import { enqueueNow } from '../webhooks/outbox.repository.js';
import { claimBreaches, type SlaClockName } from './sla-breach.repository.js';

const BATCH = 500;
const clockNames: readonly SlaClockName[] = ['first_response', 'resolution'];

export interface SlaBreachDeps {
  db: Kysely<Database>;
  changes?: ChangePublisher | undefined;
}

/** One round at `now`: announces every breach due by then; returns how many. */
export async function announceSlaBreaches(deps: SlaBreachDeps, now = new Date()): Promise<number> {
  let total = 0;
  for (const clock of clockNames) {
    for (;;) {
      const announced = await deps.db.transaction().execute(async (trx) => {
        const claimed = await claimBreaches(trx, clock, now, BATCH);
        for (const b of claimed)
          await enqueueNow(trx, b.tenant_id, 'ticket.sla_breached', {
            ticketId: b.ticket_id,
            sla: clock,
            dueAt: b.due_at.toISOString(),
          });
        return claimed;
      });
      for (const b of announced) {
        const change = ticketChangeOf('ticket.sla_breached', { ticketId: b.ticket_id });
        if (change) deps.changes?.publish(b.tenant_id, change);
      }
      total += announced.length;
      if (announced.length < BATCH) break;
    }
  }
  return total;
}

/** Announces breaches every `intervalMs` until stopped. */
export function startSlaBreachWatch(deps: SlaBreachDeps, intervalMs: number, log: FastifyBaseLogger): PeriodicJob {
  return startPeriodicJob(
    (now) => announceSlaBreaches(deps, now),
    intervalMs,
    (err) => log.warn({ err }, 'SLA breach round failed; retrying next round'),
  );
}
