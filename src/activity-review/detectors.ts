// The detectors as pure functions over a batch of chained audit events: each event adds to
// the running tally of its actor for one period per detector. Whether a tally has become a
// finding is decided after the batch (thresholds and the actor's own baseline), by the run.
// Only people and API keys are reviewed: system jobs (the sequencer, the detectors
// themselves, webhooks) and anonymous callers are not workforce members.
import type { AuditEvent } from '../audit/index.js';
import type { FindingKind } from '../db/database.js';
import { patientCount, patientTouches } from '../incidents/patient-touches.js';
import { isOffHours, localTime, utcHour, type ReviewSettings } from './review-settings.js';

export interface TallyIncrement {
  kind: FindingKind;
  actorId: string;
  actorKind: string;
  /** an off-hours local day ('2026-12-06'), a UTC hour ('2026-12-06T21'), or a break-glass grant's id */
  periodKey: string;
  records: number;
  firstAt: Date;
  lastAt: Date;
}

const reviewedKinds = new Set(['user', 'api_key']);

export function tallyBatch(events: readonly AuditEvent[], settings: ReviewSettings): TallyIncrement[] {
  const tallies = new Map<string, TallyIncrement>();
  const add = (kind: FindingKind, e: AuditEvent, periodKey: string, records: number) => {
    const at = new Date(e.occurredAt);
    const key = `${kind}|${e.actor.id}|${periodKey}`;
    const t = tallies.get(key);
    if (t) {
      t.records += records;
      if (at < t.firstAt) t.firstAt = at;
      if (at > t.lastAt) t.lastAt = at;
    } else {
      tallies.set(key, {
        kind,
        actorId: e.actor.id,
        actorKind: e.actor.kind,
        periodKey,
        records,
        firstAt: at,
        lastAt: at,
      });
    }
  };
  for (const e of events) {
    if (!reviewedKinds.has(e.actor.kind)) continue;
    const at = new Date(e.occurredAt);
    if (e.outcome === 'denied') {
      add('denied_burst', e, utcHour(at), 1);
      continue;
    }
    if (e.outcome !== 'allowed') continue;
    const grant = openedGrant(e);
    if (grant) add('break_glass', e, grant, 1);
    const records = patientCount(e);
    if (records === 0) continue;
    add('volume', e, utcHour(at), records);
    if (isOffHours(at, settings)) add('off_hours', e, localTime(at, settings.timeZone).day, records);
  }
  return [...tallies.values()];
}

/** Whether a tally's running total makes it a finding (baseline: the actor's mean hourly records, or null). */
/** The grant a break_glass.open event opened: its reason reference names it (break-glass.service.ts reasonReference). */
function openedGrant(e: AuditEvent): string | undefined {
  if (e.action !== 'break_glass.open') return undefined;
  const m = /^break_glass_grants\/([0-9a-f-]{36})$/.exec(e.breakGlassReason ?? '');
  return m?.[1];
}

/** Grants reviewed in this batch (break_glass.review names the grant), with who reviewed them and when. */
export function reviewedGrants(events: readonly AuditEvent[]): Array<{ grantId: string; by: string; at: Date }> {
  return events
    .filter((e) => e.action === 'break_glass.review' && e.outcome === 'allowed')
    .map((e) => ({ grantId: e.resource.id, by: e.actor.id, at: new Date(e.occurredAt) }));
}

export function crossesThreshold(
  kind: FindingKind,
  records: number,
  settings: ReviewSettings,
  baseline: number | null,
): boolean {
  switch (kind) {
    case 'off_hours':
      return records >= settings.offHoursMinRecords;
    case 'break_glass':
      return records >= 1;
    case 'denied_burst':
      return records >= settings.deniedBurstMin;
    case 'volume':
      return records >= settings.volumeMinRecords && (baseline === null || records >= settings.volumeFactor * baseline);
    case 'relationship_match':
      return records >= 1;
  }
}

/**
 * Every (staff user, patient) pair of the batch: a user's allowed access that touched the
 * patient's record, one tally per pair (the period is the contact's id, so a pair is raised
 * once). Which pairs share a surname or address is for the database to say (blind indexes,
 * repository relationshipMatches); only those become relationship_match tallies.
 */
export function userPatientPairs(events: readonly AuditEvent[]): TallyIncrement[] {
  const pairs = new Map<string, TallyIncrement>();
  for (const e of events) {
    if (e.actor.kind !== 'user' || e.outcome !== 'allowed') continue;
    const at = new Date(e.occurredAt);
    for (const contactId of new Set(patientTouches(e).map((t) => t.contactId))) {
      const key = `${e.actor.id}|${contactId}`;
      const p = pairs.get(key);
      if (p) {
        p.records++;
        if (at < p.firstAt) p.firstAt = at;
        if (at > p.lastAt) p.lastAt = at;
      } else {
        pairs.set(key, {
          kind: 'relationship_match',
          actorId: e.actor.id,
          actorKind: e.actor.kind,
          periodKey: contactId,
          records: 1,
          firstAt: at,
          lastAt: at,
        });
      }
    }
  }
  return [...pairs.values()];
}
