// One round of activity review: for each tenant whose audit chain has grown past the
// detectors' cursor, read the new events in seq order (batches, each in one transaction
// with the cursor's move, so a crash resumes where the last batch ended and nothing is read
// twice), add them to the tallies and raise a finding for every tally that crossed its
// threshold. Never a rescan: a round costs what was chained since the last one. Every
// process runs rounds (src/compose.ts); the cursor row is locked SKIP LOCKED, so two
// processes never work one tenant at once. Tests call runActivityReview directly.
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Actor } from '../auth/actor.js';
import { eventFromRow, type AuditEvent } from '../audit/index.js';
import type { Tx } from '../db/tenant-tx.js';
import type { ReviewSettings } from './review-settings.js';
import { eventsAfter } from '../audit/audit.repository.js';
import { startPeriodicJob, type PeriodicJob } from '../services/periodic-job.js';
import { inTenant, type ServiceDeps } from '../services/scope.js';
import { crossesThreshold, reviewedGrants, tallyBatch, userPatientPairs } from './detectors.js';
import * as repo from './activity-review.repository.js';
import { settingsOf } from './review-settings.service.js';

const BATCH = 2000;
const TENANTS_PER_ROUND = 200;
/** How often every process runs a round (a round costs only what was chained since the last). */
export const ACTIVITY_REVIEW_INTERVAL_MS = 60_000;

/** Who the trail names for findings the detectors raise. */
export const REVIEWER_ACTOR_ID = '00000000-0000-0000-0000-0000000a5e71';
const reviewer = (tenantId: string): Actor => ({
  tenantId,
  id: REVIEWER_ACTOR_ID,
  kind: 'system',
  authMethod: 'system',
  roles: [],
  groupIds: [],
  scopes: [],
  mfa: true,
  requireMfaForPhi: false,
  breakGlass: [],
});

/** The batch's (user, patient) pairs whose blind indexes match on an attribute the tenant compares. */
async function relationshipTallies(tx: Tx, events: AuditEvent[], settings: ReviewSettings) {
  const { surname, address } = settings.relationshipMatch;
  if (!surname && !address) return [];
  const pairs = userPatientPairs(events);
  const matched = await repo.relationshipMatches(
    tx,
    pairs.map((p) => ({ actorId: p.actorId, contactId: p.periodKey })),
    settings.relationshipMatch,
  );
  return pairs.filter((p) => matched.has(`${p.actorId}|${p.periodKey}`));
}

/** One batch of one tenant; returns how many events it read (0: caught up, or another process has it). */
async function reviewBatch(deps: ServiceDeps, tenantId: string): Promise<{ read: number; raised: number }> {
  return inTenant(deps, reviewer(tenantId), async (s) => {
    const cursor = await repo.lockCursor(s.tx, tenantId);
    if (cursor < 0) return { read: 0, raised: 0 };
    const rows = await eventsAfter(s.tx, tenantId, cursor, BATCH);
    if (rows.length === 0) return { read: 0, raised: 0 };
    const settings = settingsOf(await repo.getSettings(s.tx));
    let raised = 0;
    const events = rows.map(eventFromRow);
    for (const inc of [...tallyBatch(events, settings), ...(await relationshipTallies(s.tx, events, settings))]) {
      const total = await repo.addToTally(s.tx, {
        tenant_id: tenantId,
        kind: inc.kind,
        actor_id: inc.actorId,
        period_key: inc.periodKey,
        records: inc.records,
        first_at: inc.firstAt,
        last_at: inc.lastAt,
      });
      const baseline = inc.kind === 'volume' ? await repo.volumeBaseline(s.tx, inc.actorId, inc.periodKey) : null;
      if (!crossesThreshold(inc.kind, total.records, settings, baseline)) continue;
      const finding = await repo.upsertFinding(s.tx, {
        id: randomUUID(),
        tenant_id: tenantId,
        kind: inc.kind,
        actor_id: inc.actorId,
        actor_kind: inc.actorKind,
        period_key: inc.periodKey,
        window_start: total.first_at,
        window_end: total.last_at,
        records: total.records,
        baseline,
      });
      if (!finding.created) continue;
      raised++;
      s.record({
        action: 'review_finding.create',
        resourceType: 'ReviewFinding',
        resourceId: finding.id,
        outcome: 'allowed',
        reasonCode: inc.kind,
      });
    }
    // a grant's review answers its finding: the queue's open break_glass findings are the unreviewed grants
    for (const r of reviewedGrants(events)) await repo.acknowledgeBreakGlassFinding(s.tx, r.grantId, r.by, r.at);
    await repo.moveCursor(s.tx, tenantId, Number(rows[rows.length - 1]!.seq));
    return { read: rows.length, raised };
  });
}

/** One round over every tenant that is behind; returns how many findings it raised. */
export async function runActivityReview(deps: ServiceDeps): Promise<number> {
  let raised = 0;
  for (const tenantId of await repo.tenantsBehind(deps.db, TENANTS_PER_ROUND)) {
    for (;;) {
      const batch = await reviewBatch(deps, tenantId);
      raised += batch.raised;
      if (batch.read < BATCH) break;
    }
  }
  return raised;
}

export function startActivityReview(deps: ServiceDeps, intervalMs: number, log: FastifyBaseLogger): PeriodicJob {
  return startPeriodicJob(
    () => runActivityReview(deps),
    intervalMs,
    (err) => log.warn({ err }, 'activity review round failed; retrying next round'),
  );
}
