// SLA clocks: due times from a policy's targets, counted around the clock or in business
// hours of the policy's time zone. Pure functions; the service stores the results.
import type { BusinessHours } from '../db/database.js';

export interface SlaTargets {
  firstResponseMinutes: number;
  resolutionMinutes: number;
  businessHours: BusinessHours | null;
}

export interface SlaDue {
  firstResponseDueAt: Date;
  resolutionDueAt: Date;
}

export function computeDue(start: Date, targets: SlaTargets): SlaDue {
  return {
    firstResponseDueAt: addWorkingMinutes(start, targets.firstResponseMinutes, targets.businessHours),
    resolutionDueAt: addWorkingMinutes(start, targets.resolutionMinutes, targets.businessHours),
  };
}

export function addWorkingMinutes(start: Date, minutes: number, hours: BusinessHours | null): Date {
  if (!hours) return new Date(start.getTime() + minutes * 60_000);
  let remaining = minutes * 60_000;
  let cursor = start.getTime();
  // At most a year of days: a policy with no working days must not loop forever.
  for (let day = 0; day < 370 && remaining > 0; day++) {
    const local = localDate(new Date(cursor), hours.timezone);
    const window = workingWindow(local, hours);
    if (window) {
      const from = Math.max(cursor, window.start);
      if (from < window.end) {
        const take = Math.min(remaining, window.end - from);
        remaining -= take;
        cursor = from + take;
        if (remaining === 0) break;
      }
    }
    cursor = zonedToUtc(nextDay(local), 0, 0, hours.timezone);
  }
  return new Date(cursor);
}

interface LocalDate { year: number; month: number; day: number; weekday: number }

function localDate(at: Date, timeZone: string): LocalDate {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { year: Number(get('year')), month: Number(get('month')), day: Number(get('day')), weekday };
}

function nextDay(d: LocalDate): LocalDate {
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), weekday: (d.weekday % 7) + 1 };
}

function workingWindow(d: LocalDate, hours: BusinessHours): { start: number; end: number } | undefined {
  if (!hours.days.includes(d.weekday)) return undefined;
  const [sh, sm] = hours.start.split(':').map(Number) as [number, number];
  const [eh, em] = hours.end.split(':').map(Number) as [number, number];
  return { start: zonedToUtc(d, sh, sm, hours.timezone), end: zonedToUtc(d, eh, em, hours.timezone) };
}

/** The UTC instant of a wall-clock time in a zone (offset found by one correction step). */
function zonedToUtc(d: LocalDate, hour: number, minute: number, timeZone: string): number {
  const guess = Date.UTC(d.year, d.month - 1, d.day, hour, minute);
  const offset = (at: number) => {
    const p = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(new Date(at));
    const g = (t: string) => Number(p.find((x) => x.type === t)!.value);
    return Date.UTC(g('year'), g('month') - 1, g('day'), g('hour'), g('minute')) - at;
  };
  const first = guess - offset(guess);
  return guess - offset(first);
}

export type SlaState = 'breached' | 'at_risk' | 'ok';

export interface SlaClock {
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstRespondedAt: Date | null;
  solvedAt: Date | null;
}

export function slaFlags(c: SlaClock, now = new Date()): { firstResponseBreached: boolean; resolutionBreached: boolean } {
  const breached = (due: Date | null, done: Date | null) => due !== null && (done ? done > due : now > due);
  return { firstResponseBreached: breached(c.firstResponseDueAt, c.firstRespondedAt), resolutionBreached: breached(c.resolutionDueAt, c.solvedAt) };
}
