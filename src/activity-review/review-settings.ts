// A tenant's activity-review settings and the pure rules built on them: when is an access
// "off hours" (the tenant's business hours in its own time zone), and which period an event
// falls in for each detector. No clock is read here; callers pass the instants.
import { AppError } from '../errors.js';

export interface ReviewSettings {
  /** IANA time zone of the business hours, e.g. 'America/New_York' */
  timeZone: string;
  /** 'HH:MM', local time, inclusive */
  businessStart: string;
  /** 'HH:MM', local time, exclusive; after businessStart ('24:00' = midnight) */
  businessEnd: string;
  /** ISO weekdays that are business days, 1 = Monday .. 7 = Sunday */
  businessDays: number[];
  /** patients' records touched off hours by one actor on one local day before a finding is raised */
  offHoursMinRecords: number;
  /** an hour's records below this never count as unusual volume */
  volumeMinRecords: number;
  /** an hour is unusual when it reaches this multiple of the actor's own hourly baseline */
  volumeFactor: number;
  /** denied attempts by one actor in one hour that make a burst */
  deniedBurstMin: number;
  /** raise relationship_match when staff read a patient sharing their declared surname / address (blind indexes) */
  relationshipMatch: { surname: boolean; address: boolean };
}

/** Used until a tenant sets its own: weekdays 08:00-18:00 UTC, conservative thresholds. */
export const defaultReviewSettings: ReviewSettings = {
  timeZone: 'UTC',
  businessStart: '08:00',
  businessEnd: '18:00',
  businessDays: [1, 2, 3, 4, 5],
  offHoursMinRecords: 20,
  volumeMinRecords: 100,
  volumeFactor: 3,
  deniedBurstMin: 20,
  relationshipMatch: { surname: false, address: false },
};

export const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const fromMinutes = (m: number): string =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

function knownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The checks REST's schema cannot make (time zone, order of the hours, weekdays). */
export function assertSettings(s: ReviewSettings): void {
  const bad = (pointer: string, detail: string) => {
    throw new AppError('VALIDATION_FAILED', `${pointer.slice(1)} ${detail}.`, [{ pointer, detail }]);
  };
  if (!knownTimeZone(s.timeZone)) bad('/timeZone', 'must be an IANA time zone');
  for (const f of ['businessStart', 'businessEnd'] as const)
    if (!/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(s[f])) bad(`/${f}`, 'must be HH:MM');
  if (toMinutes(s.businessStart) >= toMinutes(s.businessEnd)) bad('/businessEnd', 'must be after businessStart');
  if (
    s.businessDays.some((d) => !Number.isInteger(d) || d < 1 || d > 7) ||
    new Set(s.businessDays).size !== s.businessDays.length
  )
    bad('/businessDays', 'must be distinct ISO weekdays 1..7');
  // REST's body schema bounds these too; checked here so GraphQL's input gets the same answer
  for (const f of ['offHoursMinRecords', 'volumeMinRecords', 'deniedBurstMin'] as const)
    if (!Number.isInteger(s[f]) || s[f] < 1 || s[f] > 1_000_000) bad(`/${f}`, 'must be an integer 1..1000000');
  if (!(s.volumeFactor >= 1 && s.volumeFactor <= 1000)) bad('/volumeFactor', 'must be 1..1000');
}

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Local calendar day, ISO weekday and minutes after midnight of `at` in `timeZone`. */
export function localTime(at: Date, timeZone: string): { day: string; weekday: number; minutes: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    day: `${parts['year']}-${parts['month']}-${parts['day']}`,
    weekday: weekdays[parts['weekday'] ?? ''] ?? 0,
    minutes: Number(parts['hour']) * 60 + Number(parts['minute']),
  };
}

/** Whether `at` falls outside the tenant's business hours. */
export function isOffHours(at: Date, s: ReviewSettings): boolean {
  const local = localTime(at, s.timeZone);
  if (!s.businessDays.includes(local.weekday)) return true;
  return local.minutes < toMinutes(s.businessStart) || local.minutes >= toMinutes(s.businessEnd);
}

/** The UTC hour an instant falls in, as a period key ('2026-12-06T21'). */
export const utcHour = (at: Date): string => at.toISOString().slice(0, 13);
