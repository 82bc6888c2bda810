// Patient-rights deadlines as events: an access request (164.524) or an accounting request
// (164.528) that enters its last DUE_SOON_DAYS, or passes its due time while still open, is
// announced once (again after an extension moves its due time) as access_request.due_soon /
// .overdue or accounting_request.due_soon / .overdue, to webhook endpoints through the
// outbox, written in the transaction that marks it announced. Ids and the due time only:
// no PHI. Every process watches (SKIP LOCKED); tests drive rounds with a controlled clock.
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { startPeriodicJob, type PeriodicJob } from '../services/periodic-job.js';
import { enqueueNow } from '../webhooks/outbox.repository.js';
import type { WebhookEventType } from '../webhooks/webhook-events.js';
import { claimDeadlines, type DeadlineKind, type RequestTable } from './deadline-watch.repository.js';
import { DUE_SOON_DAYS } from './patient-rights.model.js';

const BATCH = 500;

const watched: ReadonlyArray<{ table: RequestTable; kind: DeadlineKind; type: WebhookEventType; idField: string }> = [
  { table: 'access_requests', kind: 'overdue', type: 'access_request.overdue', idField: 'accessRequestId' },
  { table: 'access_requests', kind: 'due_soon', type: 'access_request.due_soon', idField: 'accessRequestId' },
  { table: 'accounting_requests', kind: 'overdue', type: 'accounting_request.overdue', idField: 'accountingRequestId' },
  {
    table: 'accounting_requests',
    kind: 'due_soon',
    type: 'accounting_request.due_soon',
    idField: 'accountingRequestId',
  },
];

/** One round at `now`: announces every deadline reached by then; returns how many. */
export async function announceDeadlines(deps: { db: Kysely<Database> }, now = new Date()): Promise<number> {
  let total = 0;
  for (const w of watched) {
    for (;;) {
      const claimed = await deps.db.transaction().execute(async (trx) => {
        const rows = await claimDeadlines(trx, w.table, w.kind, now, DUE_SOON_DAYS, BATCH);
        for (const r of rows)
          await enqueueNow(trx, r.tenant_id, w.type, { [w.idField]: r.id, dueAt: r.due_at.toISOString() });
        return rows.length;
      });
      total += claimed;
      if (claimed < BATCH) break;
    }
  }
  return total;
}

export function startDeadlineWatch(
  deps: { db: Kysely<Database> },
  intervalMs: number,
  log: FastifyBaseLogger,
): PeriodicJob {
  return startPeriodicJob(
    (now) => announceDeadlines(deps, now),
    intervalMs,
    (err) => log.warn({ err }, 'patient-rights deadline round failed; retrying next round'),
  );
}
