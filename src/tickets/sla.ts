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

/** How many calendar days a due time may lie ahead; policies are checked against it when saved. */
export const MAX_SLA_DAYS = 3660;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/**
 * `minutes` of working time after `start`: around the clock without business hours, else
 * only inside the daily windows of the policy's working days, in its time zone (wall
 * clock, so a window keeps its local times across daylight-saving changes). Throws a
 * RangeError when the calendar cannot provide that much time within MAX_SLA_DAYS.
 */
export function addWorkingMinutes(start: Date, minutes: number, hours: BusinessHours | null): Date {
  if (!hours) return new Date(start.getTime() + minutes * 60_000);
  let remaining = minutes * 60_000;
  if (remaining <= 0) return start;
  const zone = hours.timezone;
  // working time in a week without a clock change: whole weeks of it are skipped at once
  const [sh, sm] = hours.start.split(':').map(Number) as [number, number];
  const [eh, em] = hours.end.split(':').map(Number) as [number, number];
  const week =
    new Set(hours.days.filter((d) => d >= 1 && d <= 7)).size * Math.max(0, eh * 60 + em - (sh * 60 + sm)) * 60_000;
  if (week === 0) throw new RangeError('the business hours contain no working time');
  let cursor = start.getTime();
  for (let day = 0; day <= MAX_SLA_DAYS; day++) {
    const local = localDate(new Date(cursor), zone);
    const window = workingWindow(local, hours);
    if (window) {
      const from = Math.max(cursor, window.start);
      if (from < window.end) {
        const take = Math.min(remaining, window.end - from);
        remaining -= take;
        if (remaining === 0) return new Date(from + take);
      }
    }
    cursor = zonedToUtc(nextDay(local), 0, 0, zone);
    // cursor is a local midnight; a week with the same UTC offset at both ends holds exactly `week`
    while (remaining > week && day + 7 <= MAX_SLA_DAYS && offsetAt(cursor, zone) === offsetAt(cursor + WEEK_MS, zone)) {
      remaining -= week;
      cursor += WEEK_MS;
      day += 7;
    }
  }
  throw new RangeError(`the target is not reached within ${MAX_SLA_DAYS} days of these business hours`);
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

// Intl.DateTimeFormat is costly to build and cheap to use: one per zone and purpose.
const formats = new Map<string, Intl.DateTimeFormat>();
function format(kind: 'date' | 'time', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f =
      kind === 'date'
        ? new Intl.DateTimeFormat('en-US', {
            timeZone,
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            weekday: 'short',
          })
        : new Intl.DateTimeFormat('en-US', {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          });
    formats.set(key, f);
  }
  return f;
}

function localDate(at: Date, timeZone: string): LocalDate {
  const parts = format('date', timeZone).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')) + 1;
  return { year: Number(get('year')), month: Number(get('month')), day: Number(get('day')), weekday };
}

function nextDay(d: LocalDate): LocalDate {
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return {
    year: next.getUTCFullYear(),
    month: next.getUTCMonth() + 1,
    day: next.getUTCDate(),
    weekday: (d.weekday % 7) + 1,
  };
}

function workingWindow(d: LocalDate, hours: BusinessHours): { start: number; end: number } | undefined {
  if (!hours.days.includes(d.weekday)) return undefined;
  const [sh, sm] = hours.start.split(':').map(Number) as [number, number];
  const [eh, em] = hours.end.split(':').map(Number) as [number, number];
  return { start: zonedToUtc(d, sh, sm, hours.timezone), end: zonedToUtc(d, eh, em, hours.timezone) };
}

/** The zone's UTC offset at an instant, in ms (wall clock minus UTC). */
function offsetAt(at: number, timeZone: string): number {
  const p = format('time', timeZone).formatToParts(new Date(at));
  const g = (t: string) => Number(p.find((x) => x.type === t)!.value);
  return (
    Date.UTC(g('year'), g('month') - 1, g('day'), g('hour'), g('minute'), g('second')) - Math.floor(at / 1000) * 1000
  );
}

/**
 * The UTC instant of a wall-clock time in a zone. Around a clock change the wall time may
 * occur twice (the earlier instant is taken) or not at all: in a gap (e.g. 00:00 on a day
 * whose clocks jump from 00:00 to 01:00) it is the instant the gap ends, so a local day
 * always starts on that day.
 */
function zonedToUtc(d: LocalDate, hour: number, minute: number, timeZone: string): number {
  const wall = Date.UTC(d.year, d.month - 1, d.day, hour, minute);
  // the offsets in force well before and well after (clock changes are months apart)
  const early = offsetAt(wall - DAY_MS, timeZone);
  const late = offsetAt(wall + DAY_MS, timeZone);
  const candidates = [wall - early, wall - late].filter((at, i) => offsetAt(at, timeZone) === (i === 0 ? early : late));
  if (candidates.length > 0) return Math.min(...candidates);
  return wall - early; // in the gap: the earlier offset puts it where the gap ends
}

export type SlaState = 'breached' | 'at_risk' | 'ok';

export interface SlaClock {
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  firstRespondedAt: Date | null;
  solvedAt: Date | null;
}

export function slaFlags(
  c: SlaClock,
  now = new Date(),
): { firstResponseBreached: boolean; resolutionBreached: boolean } {
  const breached = (due: Date | null, done: Date | null) => due !== null && (done ? done > due : now > due);
  return {
    firstResponseBreached: breached(c.firstResponseDueAt, c.firstRespondedAt),
    resolutionBreached: breached(c.resolutionDueAt, c.solvedAt),
  };
}
