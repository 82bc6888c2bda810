// The purge as a periodic job inside the server (RETENTION_PURGE_INTERVAL_MS; 0, the
// default, leaves it to `phidesk retention purge` from cron). Every process may run it:
// two processes on one tenant work the same run, their batches serialised by the tenant's
// retention lock; the one that finds the run finished by the other stops (CONFLICT) and
// moves on to the next tenant.
import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { startPeriodicJob, type PeriodicJob } from '../services/periodic-job.js';
import type { ServiceDeps } from '../services/scope.js';
import { purgeTenant, tenantsToPurge } from './purge.service.js';

/** Who the trail names for what the periodic purge removes. */
export const PURGE_JOB_ACTOR_ID = '00000000-0000-0000-0000-0000000be7e2';
export const purgeJobActor = (tenantId: string): Actor => ({
  tenantId,
  id: PURGE_JOB_ACTOR_ID,
  kind: 'system',
  authMethod: 'system',
  roles: [],
  groupIds: [],
  scopes: [],
  mfa: true,
  requireMfaForPhi: false,
  breakGlass: [],
});

/** One round over every tenant with retention periods; returns how many records it removed. */
export async function purgeRound(deps: ServiceDeps, log: Pick<FastifyBaseLogger, 'warn'>): Promise<number> {
  const purgeDeps = { db: deps.db, audit: deps.audit, actorFor: purgeJobActor };
  let removed = 0;
  for (const tenantId of await tenantsToPurge(deps.db)) {
    try {
      const result = await purgeTenant(purgeDeps, tenantId);
      removed +=
        result.removed.tickets + result.removed.comments + result.removed.attachments + result.removed.contacts;
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
      log.warn({ tenantId }, 'retention purge of this tenant is run by another process; skipped this round');
    }
  }
  return removed;
}

export function startRetentionPurge(deps: ServiceDeps, intervalMs: number, log: FastifyBaseLogger): PeriodicJob {
  return startPeriodicJob(
    () => purgeRound(deps, log),
    intervalMs,
    (err) => log.warn({ err }, 'retention purge round failed; retrying next round'),
  );
}
