/**
 * Sprint cadence: a team's sprints are `cadenceDays` working days long, back to back, the first starting on the
 * team's anchor date. Working days are the organisation's working weekdays minus its holidays. Calendar days
 * are `YYYY-MM-DD` strings (a `@db.Date` column read as UTC midnight); nothing here reads the clock. Pure.
 */

export interface WorkingDays {
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday). */
  weekdays: readonly number[];
  /** Holidays as `YYYY-MM-DD`. */
  holidays: ReadonlySet<string>;
}

export interface SprintDates {
  number: number;
  startDate: string;
  endDate: string;
}

const DAY_MS = 86_400_000;
/** No walk goes further than this (a calendar without working days would otherwise never end). */
const MAX_WALK_DAYS = 3_660;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function toMs(day: string): number {
  const m = ISO_DAY.exec(day);
  if (!m) throw new Error(`cadence: expected YYYY-MM-DD, got "${day}"`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

export function addCalendarDays(day: string, days: number): string {
  return new Date(toMs(day) + days * DAY_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, calendar: WorkingDays): boolean {
  const weekday = new Date(toMs(day)).getUTCDay() || 7;
  return calendar.weekdays.includes(weekday) && !calendar.holidays.has(day);
}

/** The first working day on or after `day`. */
export function nextWorkingDay(day: string, calendar: WorkingDays): string {
  let current = day;
  for (let i = 0; i < MAX_WALK_DAYS; i++) {
    if (isWorkingDay(current, calendar)) return current;
    current = addCalendarDays(current, 1);
  }
  throw new Error("cadence: the calendar has no working days");
}

/** Working days from `start` to `end`, both included (0 when end is before start). */
export function countWorkingDays(start: string, end: string, calendar: WorkingDays): number {
  const from = toMs(start);
  const to = toMs(end);
  if (to < from) return 0;
  if ((to - from) / DAY_MS > MAX_WALK_DAYS) throw new Error("cadence: range too long");
  let count = 0;
  for (let ms = from; ms <= to; ms += DAY_MS) {
    if (isWorkingDay(new Date(ms).toISOString().slice(0, 10), calendar)) count++;
  }
  return count;
}

/**
 * Dates of `count` sprints following the last one (or starting at the anchor when there is none): each starts on
 * the first working day after the previous end and lasts `cadenceDays` working days.
 */
export function nextSprintDates(
  team: { cadenceDays: number; cadenceAnchor: string },
  last: { number: number; endDate: string } | null,
  count: number,
  calendar: WorkingDays,
): SprintDates[] {
  if (team.cadenceDays < 1) throw new Error("cadence: a sprint needs at least one working day");
  const out: SprintDates[] = [];
  let number = last ? last.number : 0;
  let from = last ? addCalendarDays(last.endDate, 1) : team.cadenceAnchor;
  for (let n = 0; n < count; n++) {
    const startDate = nextWorkingDay(from, calendar);
    let endDate = startDate;
    for (let worked = 1; worked < team.cadenceDays; worked++) endDate = nextWorkingDay(addCalendarDays(endDate, 1), calendar);
    number += 1;
    out.push({ number, startDate, endDate });
    from = addCalendarDays(endDate, 1);
  }
  return out;
}
