/**
 * Date helpers for the demo data.
 *
 * Date-only values (the @db.Date columns) are `Date`s at UTC midnight and are only ever read with the UTC
 * getters, so the process time zone (tests run in Australia/Adelaide) never shifts a day. Instants (timestamptz
 * columns) are computed from the organisation's wall-clock time in its own zone through Intl, never through the
 * process zone.
 */

export const DAY_MS = 86_400_000;

export function dateOnly(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/** Parses YYYY-MM-DD strictly (a real calendar date) into a date-only value. */
export function parseDateOnly(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`expected a date as YYYY-MM-DD, got "${text}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = dateOnly(year, month, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new Error(`"${text}" is not a calendar date`);
  }
  return date;
}

/** The UTC calendar date of a Date (drops any time of day). */
export function toDateOnly(date: Date): Date {
  return dateOnly(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** ISO weekday of a date-only value: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: Date): number {
  const day = date.getUTCDay();
  return day === 0 ? 7 : day;
}

export function mondayOnOrBefore(date: Date): Date {
  return addDays(date, 1 - isoWeekday(date));
}

export function startOfMonth(date: Date): Date {
  return dateOnly(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

export function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
}

export interface Quarter {
  year: number;
  quarter: number;
  start: Date;
  end: Date;
}

export function quarterOf(date: Date, offset = 0): Quarter {
  const index = date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3) + offset;
  const year = Math.floor(index / 4);
  const quarter = (index % 4) + 1;
  const start = dateOnly(year, (quarter - 1) * 3 + 1, 1);
  const end = addDays(addMonths(start, 3), -1);
  return { year, quarter, start, end };
}

/** Today's calendar date in a time zone (the default `today` of the seed). */
export function todayIn(timeZone: string, now: Date = new Date()): Date {
  const text = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  return parseDateOnly(text);
}

// ───────────────────────────── UK bank holidays ─────────────────────────────

export interface HolidayDate {
  date: Date;
  name: string;
}

/** Easter Sunday (anonymous Gregorian algorithm). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dateOnly(year, month, day);
}

function firstMonday(year: number, month: number): Date {
  const first = dateOnly(year, month, 1);
  return addDays(first, (8 - isoWeekday(first)) % 7);
}

function lastMonday(year: number, month: number): Date {
  const last = addDays(dateOnly(year, month + 1, 1), -1);
  return addDays(last, -((isoWeekday(last) + 6) % 7));
}

/** One-off bank holidays proclaimed for a single year (England and Wales). */
const SPECIAL_BANK_HOLIDAYS: Record<number, { moved?: [string, string]; extra: [string, string][] }> = {
  2020: { moved: ["2020-05-04", "2020-05-08"], extra: [] },
  2022: { moved: ["2022-05-30", "2022-06-02"], extra: [["2022-06-03", "Platinum Jubilee bank holiday"], ["2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"]] },
  2023: { extra: [["2023-05-08", "Bank holiday for the coronation of King Charles III"]] },
};

/** Bank holidays in England and Wales for a year, with weekend substitutes. */
export function ukBankHolidays(year: number): HolidayDate[] {
  const out: HolidayDate[] = [];
  const newYear = dateOnly(year, 1, 1);
  const nyDay = isoWeekday(newYear);
  out.push(
    nyDay === 6
      ? { date: addDays(newYear, 2), name: "New Year’s Day (substitute day)" }
      : nyDay === 7
        ? { date: addDays(newYear, 1), name: "New Year’s Day (substitute day)" }
        : { date: newYear, name: "New Year’s Day" },
  );
  const easter = easterSunday(year);
  out.push({ date: addDays(easter, -2), name: "Good Friday" });
  out.push({ date: addDays(easter, 1), name: "Easter Monday" });
  out.push({ date: firstMonday(year, 5), name: "Early May bank holiday" });
  out.push({ date: lastMonday(year, 5), name: "Spring bank holiday" });
  out.push({ date: lastMonday(year, 8), name: "Summer bank holiday" });
  const christmas = dateOnly(year, 12, 25);
  switch (isoWeekday(christmas)) {
    case 5: // Friday: Boxing Day falls on Saturday
      out.push({ date: christmas, name: "Christmas Day" });
      out.push({ date: dateOnly(year, 12, 28), name: "Boxing Day (substitute day)" });
      break;
    case 6: // Saturday
      out.push({ date: dateOnly(year, 12, 27), name: "Christmas Day (substitute day)" });
      out.push({ date: dateOnly(year, 12, 28), name: "Boxing Day (substitute day)" });
      break;
    case 7: // Sunday
      out.push({ date: dateOnly(year, 12, 26), name: "Boxing Day" });
      out.push({ date: dateOnly(year, 12, 27), name: "Christmas Day (substitute day)" });
      break;
    default:
      out.push({ date: christmas, name: "Christmas Day" });
      out.push({ date: dateOnly(year, 12, 26), name: "Boxing Day" });
  }
  const special = SPECIAL_BANK_HOLIDAYS[year];
  if (special?.moved) {
    const [from, to] = special.moved;
    const moved = out.find((h) => isoDate(h.date) === from);
    if (moved) moved.date = parseDateOnly(to);
  }
  for (const [date, name] of special?.extra ?? []) out.push({ date: parseDateOnly(date), name });
  return out.sort((a, b) => a.date.getTime() - b.date.getTime());
}

// ───────────────────────────── business time ─────────────────────────────

export interface WorkingTime {
  timeZone: string;
  /** Minutes from local midnight. */
  workdayStart: number;
  workdayEnd: number;
  /** ISO weekdays. */
  workingDays: readonly number[];
  holidays: readonly Date[];
}

interface WorkingDay {
  date: Date;
  startMs: number;
  endMs: number;
  /** Business minutes before this day (within the calendar's range). */
  before: number;
}

/**
 * Business time of the organisation between `from` and `to`: working days (no weekends, no holidays) from
 * workdayStart to workdayEnd in the organisation's zone. Points in time are mapped to a business-minute
 * coordinate (`toBiz`) and back (`fromBiz`), so "x business hours after t" and "somewhere between a and b in
 * working hours" are plain arithmetic.
 */
export class BusinessCalendar {
  readonly minutesPerDay: number;
  private readonly days: WorkingDay[] = [];
  private readonly holidayKeys: Set<string>;
  private readonly formatter: Intl.DateTimeFormat;

  constructor(
    readonly working: WorkingTime,
    from: Date,
    to: Date,
  ) {
    this.minutesPerDay = working.workdayEnd - working.workdayStart;
    this.holidayKeys = new Set(working.holidays.map(isoDate));
    this.formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone: working.timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    let before = 0;
    for (let d = toDateOnly(from); d.getTime() <= to.getTime(); d = addDays(d, 1)) {
      if (!this.isWorkingDay(d)) continue;
      const startMs = this.instant(d, working.workdayStart).getTime();
      const endMs = this.instant(d, working.workdayEnd).getTime();
      this.days.push({ date: d, startMs, endMs, before });
      before += this.minutesPerDay;
    }
  }

  isWorkingDay(date: Date): boolean {
    return this.working.workingDays.includes(isoWeekday(date)) && !this.holidayKeys.has(isoDate(date));
  }

  /** The zone's UTC offset in minutes at an instant. */
  private offsetMinutes(at: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.formatter.formatToParts(new Date(at))) {
      if (part.type !== "literal") parts[part.type] = Number(part.value);
    }
    const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
    return Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000);
  }

  /** The instant of a wall-clock time (minutes from local midnight) on a date in the organisation's zone. */
  instant(date: Date, minutes: number): Date {
    const wall = date.getTime() + minutes * 60_000;
    const first = wall - this.offsetMinutes(wall) * 60_000;
    const second = wall - this.offsetMinutes(first) * 60_000;
    return new Date(second);
  }

  /** The local calendar date of an instant. */
  localDate(at: Date): Date {
    return toDateOnly(new Date(at.getTime() + this.offsetMinutes(at.getTime()) * 60_000));
  }

  addWorkingDays(date: Date, count: number): Date {
    let d = toDateOnly(date);
    const step = count >= 0 ? 1 : -1;
    let left = Math.abs(count);
    while (left > 0) {
      d = addDays(d, step);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** The first working day on or after a date. */
  workingDayOnOrAfter(date: Date): Date {
    let d = toDateOnly(date);
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** The last working day on or before a date. */
  workingDayOnOrBefore(date: Date): Date {
    let d = toDateOnly(date);
    while (!this.isWorkingDay(d)) d = addDays(d, -1);
    return d;
  }

  /** Business minutes from the start of the calendar's range to an instant (times outside hours clamp). */
  toBiz(at: Date): number {
    const t = at.getTime();
    const days = this.days;
    const first = days[0];
    if (!first || t < first.startMs) throw new Error(`business calendar: ${at.toISOString()} is before its range`);
    let lo = 0;
    let hi = days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((days[mid] as WorkingDay).startMs <= t) lo = mid;
      else hi = mid - 1;
    }
    const day = days[lo] as WorkingDay;
    if (lo === days.length - 1 && t > day.endMs + DAY_MS) throw new Error(`business calendar: ${at.toISOString()} is after its range`);
    return day.before + Math.min(this.minutesPerDay, (t - day.startMs) / 60_000);
  }

  /** The instant at a business-minute coordinate (rounded to the minute). */
  fromBiz(minutes: number): Date {
    const m = Math.round(minutes);
    const days = this.days;
    const last = days[days.length - 1];
    if (!last || m < 0 || m > last.before + this.minutesPerDay) throw new Error(`business calendar: ${m} is outside its range`);
    const index = Math.min(days.length - 1, Math.floor(m / this.minutesPerDay));
    const day = days[index] as WorkingDay;
    return new Date(day.startMs + (m - day.before) * 60_000);
  }

  addBusinessMinutes(at: Date, minutes: number): Date {
    return this.fromBiz(this.toBiz(at) + minutes);
  }

  businessMinutesBetween(from: Date, to: Date): number {
    return this.toBiz(to) - this.toBiz(from);
  }

  /** A point a fraction of the way from `a` to `b` in business time. */
  between(a: Date, b: Date, fraction: number): Date {
    const from = this.toBiz(a);
    return this.fromBiz(from + (this.toBiz(b) - from) * fraction);
  }

  /**
   * When an SLA clock starts for a request submitted at `at`: at once when inside working hours on a working
   * day that is also a request day, otherwise at the next opening of such a day.
   */
  nextWindowOpening(at: Date, requestDays: readonly number[]): Date {
    let date = this.localDate(at);
    for (let guard = 0; guard < 30; guard++) {
      if (this.isWorkingDay(date) && requestDays.includes(isoWeekday(date))) {
        const open = this.instant(date, this.working.workdayStart);
        const close = this.instant(date, this.working.workdayEnd);
        if (at.getTime() < open.getTime()) return open;
        if (at.getTime() < close.getTime()) return at;
      }
      date = addDays(date, 1);
    }
    throw new Error("business calendar: no request window within 30 days");
  }
}
