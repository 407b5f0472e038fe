/**
 * Business time: the organisation's working days (no weekends, no holidays) between its working hours, in its
 * own time zone. Pure functions over instants (`Date`) and calendar days (`YYYY-MM-DD` strings, local to the
 * organisation); nothing here reads the process time zone or the clock.
 *
 * Working hours are wall-clock times, so a day that changes to or from summer time still runs 09:00–17:30
 * local: turnarounds are counted in business minutes and never shift by the hour the clocks move.
 */
import type { TurnaroundUnit } from "@/lib/generated/prisma/enums";

export interface WorkingCalendar {
  /** IANA zone, e.g. Europe/London. */
  timeZone: string;
  /** Working hours, minutes from local midnight (09:00 = 540, 17:30 = 1050). */
  workdayStart: number;
  workdayEnd: number;
  /** ISO weekdays that are working days (1 = Monday … 7 = Sunday). */
  workingDays: readonly number[];
  /** Holidays as local calendar days (`YYYY-MM-DD`). */
  holidays: ReadonlySet<string>;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** No loop here walks further than this many calendar days (a calendar without working days would spin). */
const MAX_DAYS = 3_660;

// ───────────────────────────── calendar days ─────────────────────────────

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayToUtcMs(day: string): number {
  const match = ISO_DAY.exec(day);
  if (!match) throw new Error(`business time: expected YYYY-MM-DD, got "${day}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function utcMsToDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `2026-03-27` + 3 → `2026-03-30`. */
export function addDays(day: string, days: number): string {
  return utcMsToDay(dayToUtcMs(day) + days * DAY_MS);
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const weekday = new Date(dayToUtcMs(day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

// ───────────────────────────── time zones ─────────────────────────────

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of an instant in a zone, as if it were UTC (milliseconds), seconds precision. */
function wallMs(timeZone: string, atMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(atMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
}

/** The zone's offset from UTC at an instant, in milliseconds (+3 600 000 for British Summer Time). */
function offsetMs(timeZone: string, atMs: number): number {
  const whole = Math.floor(atMs / 1000) * 1000;
  return wallMs(timeZone, whole) - whole;
}

/**
 * The instant a wall-clock time (minutes from local midnight) happens on a local day. Two passes settle the
 * offset on either side of a change; a time that does not exist (inside the spring-forward gap) comes out
 * one hour later, like a wall clock that was moved on.
 */
export function zonedInstant(timeZone: string, day: string, minutes: number): Date {
  const wall = dayToUtcMs(day) + minutes * MINUTE_MS;
  const first = wall - offsetMs(timeZone, wall);
  const second = wall - offsetMs(timeZone, first);
  return new Date(second);
}

/** An instant's local calendar day and minutes from local midnight (with fractions of a minute). */
export function localTime(timeZone: string, at: Date): { day: string; minutes: number } {
  const ms = at.getTime();
  const local = ms + offsetMs(timeZone, ms);
  const dayMs = Math.floor(local / DAY_MS) * DAY_MS;
  return { day: utcMsToDay(dayMs), minutes: (local - dayMs) / MINUTE_MS };
}

/** Today's calendar day in a zone. */
export function localDay(timeZone: string, at: Date): string {
  return localTime(timeZone, at).day;
}

// ───────────────────────────── working days ─────────────────────────────

export function isWorkingDay(cal: WorkingCalendar, day: string): boolean {
  return cal.workingDays.includes(isoWeekday(day)) && !cal.holidays.has(day);
}

/** Business minutes in one working day (510 for 09:00–17:30). */
export function minutesPerWorkday(cal: WorkingCalendar): number {
  return cal.workdayEnd - cal.workdayStart;
}

/** The working hours of a day as instants (the day need not be a working day). */
function hoursOf(cal: WorkingCalendar, day: string): { start: number; end: number } {
  return {
    start: zonedInstant(cal.timeZone, day, cal.workdayStart).getTime(),
    end: zonedInstant(cal.timeZone, day, cal.workdayEnd).getTime(),
  };
}

function assertUsable(cal: WorkingCalendar): void {
  if (!(cal.workdayStart >= 0 && cal.workdayEnd <= 1440 && cal.workdayStart < cal.workdayEnd)) {
    throw new Error("business time: working hours must satisfy 0 ≤ start < end ≤ 1440");
  }
  if (!cal.workingDays.some((d) => d >= 1 && d <= 7)) throw new Error("business time: no working days");
}

/** The first working day on or after a day (`days` restricts it further, e.g. to an SLA's request days). */
export function workingDayOnOrAfter(cal: WorkingCalendar, day: string, days?: readonly number[]): string {
  let d = day;
  for (let i = 0; i < MAX_DAYS; i++) {
    if (isWorkingDay(cal, d) && (!days || days.includes(isoWeekday(d)))) return d;
    d = addDays(d, 1);
  }
  throw new Error(`business time: no working day within ${MAX_DAYS} days of ${day}`);
}

/**
 * The instant business time next runs at or after `at`: `at` itself inside working hours of a working day,
 * otherwise the next opening. With `days`, only those ISO weekdays count (an SLA's request window).
 */
export function nextBusinessInstant(cal: WorkingCalendar, at: Date, days?: readonly number[]): Date {
  assertUsable(cal);
  const t = at.getTime();
  let day = localDay(cal.timeZone, at);
  for (let i = 0; i < MAX_DAYS; i++) {
    if (isWorkingDay(cal, day) && (!days || days.includes(isoWeekday(day)))) {
      const { start, end } = hoursOf(cal, day);
      if (t < start) return new Date(start);
      if (t < end) return new Date(t);
    }
    day = addDays(day, 1);
  }
  throw new Error("business time: no opening found");
}

/**
 * `minutes` business minutes after `at` (which is first moved to the next opening when outside hours).
 * A result that lands exactly on the close of a day stays there (17:30) rather than moving to the next
 * morning: "due by close of business".
 */
export function addBusinessMinutes(cal: WorkingCalendar, at: Date, minutes: number): Date {
  if (!(minutes >= 0) || !Number.isFinite(minutes)) throw new Error("business time: minutes must be a finite number ≥ 0");
  let t = nextBusinessInstant(cal, at).getTime();
  let left = minutes * MINUTE_MS;
  for (let i = 0; i < MAX_DAYS; i++) {
    const day = localDay(cal.timeZone, new Date(t));
    const { end } = hoursOf(cal, day);
    const available = end - t;
    if (left <= available) return new Date(t + left);
    left -= available;
    t = nextBusinessInstant(cal, new Date(zonedInstant(cal.timeZone, addDays(day, 1), 0))).getTime();
  }
  throw new Error("business time: turnaround too long");
}

/**
 * Business minutes from `from` to `to`: the working hours of working days between them. Negative when `to`
 * is before `from` (time already past a due time).
 */
export function businessMinutesBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  assertUsable(cal);
  if (to.getTime() < from.getTime()) return -businessMinutesBetween(cal, to, from);
  const a = from.getTime();
  const b = to.getTime();
  let total = 0;
  let day = localDay(cal.timeZone, from);
  const last = localDay(cal.timeZone, to);
  for (let i = 0; i <= MAX_DAYS * 10; i++) {
    if (isWorkingDay(cal, day)) {
      const { start, end } = hoursOf(cal, day);
      const overlap = Math.min(end, b) - Math.max(start, a);
      if (overlap > 0) total += overlap;
    }
    if (day >= last) return total / MINUTE_MS;
    day = addDays(day, 1);
  }
  throw new Error("business time: range too long");
}

// ───────────────────────────── SLAs ─────────────────────────────

/** An SLA's turnaround in business minutes (a business day is one working day's hours). */
export function turnaroundMinutes(cal: WorkingCalendar, turnaround: number, unit: TurnaroundUnit): number {
  return unit === "BUSINESS_HOURS" ? turnaround * 60 : turnaround * minutesPerWorkday(cal);
}

export interface RequestClock {
  /** When the SLA clock starts: the submission itself, or the next opening of the request window. */
  clockStartsAt: Date;
  dueAt: Date;
  /** True when the request arrived outside the window and waits for its next opening. */
  deferred: boolean;
}

/**
 * The request-window rule and the due time of a request submitted at `submittedAt` under an SLA: inside
 * the window (a working day that is one of the SLA's request days, within working hours) the clock starts at
 * once; outside it, at the next opening of the window. The due time is the turnaround later, in business time.
 */
export function requestClock(
  cal: WorkingCalendar,
  submittedAt: Date,
  sla: { requestDays: readonly number[]; turnaround: number; turnaroundUnit: TurnaroundUnit },
): RequestClock {
  const clockStartsAt = nextBusinessInstant(cal, submittedAt, sla.requestDays);
  const dueAt = addBusinessMinutes(cal, clockStartsAt, turnaroundMinutes(cal, sla.turnaround, sla.turnaroundUnit));
  return { clockStartsAt, dueAt, deferred: clockStartsAt.getTime() !== submittedAt.getTime() };
}

/**
 * Where a request stands against its SLA:
 * BREACHED — open and past due; AT_RISK — open with less than 25 % of its turnaround left, in business time;
 * ON_TRACK — open otherwise; MET / LATE — delivered by / after the due time.
 */
export type SlaHealth = "BREACHED" | "AT_RISK" | "ON_TRACK" | "MET" | "LATE";

/** The share of the turnaround below which an open request is at risk. */
export const AT_RISK_SHARE = 0.25;

export function slaHealth(
  cal: WorkingCalendar,
  request: { clockStartsAt: Date; dueAt: Date; deliveredAt: Date | null },
  now: Date,
): SlaHealth {
  const due = request.dueAt.getTime();
  if (request.deliveredAt) return request.deliveredAt.getTime() <= due ? "MET" : "LATE";
  if (now.getTime() > due) return "BREACHED";
  const total = businessMinutesBetween(cal, request.clockStartsAt, request.dueAt);
  // Before the clock starts the whole turnaround is still ahead.
  const left = Math.min(total, businessMinutesBetween(cal, now, request.dueAt));
  return left < total * AT_RISK_SHARE ? "AT_RISK" : "ON_TRACK";
}

/** Business minutes left before a due time (negative once past it). */
export function businessMinutesLeft(cal: WorkingCalendar, dueAt: Date, now: Date): number {
  return businessMinutesBetween(cal, now, dueAt);
}
