// Breach Notification Rule deadlines (45 CFR 164.404-410), computed from the discovery date.
// Pure: the caller supplies the discovery date and counts; no clock is read here, so tests
// control time by choosing the inputs.

/** Affected individuals at or above this count make HHS notice immediate (164.408(b)). */
export const HHS_IMMEDIATE_THRESHOLD = 500;
/** Media notice is owed when MORE than this many residents of one state are affected (164.406). */
export const MEDIA_STATE_THRESHOLD = 500;
const NOTICE_DAYS = 60;

export interface BreachFacts {
  /** The day the breach was discovered (or reasonably should have been), 164.404(a)(2). */
  discoveredAt: Date;
  affectedCount: number;
  /** Affected residents per state (two-letter code); unknown states are simply absent. */
  residentsByState: Readonly<Record<string, number>>;
  /** True when the tenant acts as a business associate of a covered entity (164.410). */
  businessAssociate: boolean;
}

export type DeadlineKind = 'individuals' | 'hhs_immediate' | 'hhs_annual_log' | 'media' | 'covered_entity';

export interface Deadline {
  kind: DeadlineKind;
  rule: string;
  dueBy: Date;
  /** For media notice: the states concerned. */
  states?: string[];
}

const addDays = (d: Date, days: number) => new Date(d.getTime() + days * 86_400_000);

export function breachDeadlines(facts: BreachFacts): Deadline[] {
  const { discoveredAt, affectedCount } = facts;
  if (!Number.isFinite(discoveredAt.getTime())) throw new RangeError('discoveredAt is not a date');
  if (!Number.isInteger(affectedCount) || affectedCount < 0)
    throw new RangeError('affectedCount must be a non-negative integer');
  const sixtyDays = addDays(discoveredAt, NOTICE_DAYS);
  const out: Deadline[] = [{ kind: 'individuals', rule: '164.404(b)', dueBy: sixtyDays }];
  if (affectedCount >= HHS_IMMEDIATE_THRESHOLD) {
    // "Contemporaneously" with the individual notices, and in no case later than 60 days.
    out.push({ kind: 'hhs_immediate', rule: '164.408(b)', dueBy: sixtyDays });
  } else {
    // Logged, and submitted within 60 days after the end of the calendar year of discovery.
    const endOfYear = new Date(Date.UTC(discoveredAt.getUTCFullYear() + 1, 0, 1));
    out.push({ kind: 'hhs_annual_log', rule: '164.408(c)', dueBy: addDays(endOfYear, NOTICE_DAYS) });
  }
  const states = Object.entries(facts.residentsByState)
    .filter(([, n]) => n > MEDIA_STATE_THRESHOLD)
    .map(([s]) => s)
    .sort();
  if (states.length > 0) out.push({ kind: 'media', rule: '164.406(b)', dueBy: sixtyDays, states });
  if (facts.businessAssociate) out.push({ kind: 'covered_entity', rule: '164.410(b)', dueBy: sixtyDays });
  return out;
}
