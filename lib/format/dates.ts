/**
 * Date formatting that gives the same text on the server and in the browser (so hydration never differs):
 * month names come from a fixed table instead of the runtime's locale data, and times are read in an
 * explicit time zone.
 */

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;

/** A calendar day (a `@db.Date` column, which Prisma reads as UTC midnight) as `YYYY-MM-DD`. */
export function toIsoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `2026-03-09` → `9 Mar 2026`; an empty string for null. */
export function formatDay(isoDay: string | null | undefined): string {
  if (!isoDay) return "";
  const match = ISO_DAY.exec(isoDay);
  if (!match) return isoDay;
  const [, year, month, day] = match;
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** `2026-03-09` → `9 Mar` (for compact cells). */
export function formatShortDay(isoDay: string | null | undefined): string {
  if (!isoDay) return "";
  const match = ISO_DAY.exec(isoDay);
  if (!match) return isoDay;
  const [, , month, day] = match;
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month}`;
}

/** An instant (ISO string) as `9 Mar 2026, 14:05` in the given IANA time zone. */
export function formatDateTime(isoInstant: string | null | undefined, timeZone: string): string {
  if (!isoInstant) return "";
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant;
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? "";
  const month = MONTHS[Number(part("month")) - 1] ?? part("month");
  return `${Number(part("day"))} ${month} ${part("year")}, ${part("hour")}:${part("minute")}`;
}

const MINUTE = 60_000;

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
function dayIn(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(date);
}

/**
 * An instant relative to `now` where that reads better, in the organisation's zone: "just now", "12 min ago",
 * "today, 14:05", "yesterday, 09:30"; further back (or ahead) the full `9 Mar 2026, 14:05`.
 */
export function formatRelative(isoInstant: string | null | undefined, now: Date, timeZone: string): string {
  if (!isoInstant) return "";
  const date = new Date(isoInstant);
  if (Number.isNaN(date.getTime())) return isoInstant;
  const ago = now.getTime() - date.getTime();
  if (ago >= 0 && ago < MINUTE) return "just now";
  if (ago >= 0 && ago < 60 * MINUTE) return `${Math.floor(ago / MINUTE)} min ago`;
  const time = formatDateTime(isoInstant, timeZone).split(", ")[1] ?? "";
  const day = dayIn(date, timeZone);
  if (day === dayIn(now, timeZone)) return `today, ${time}`;
  if (day === dayIn(new Date(now.getTime() - 24 * 60 * MINUTE), timeZone)) return `yesterday, ${time}`;
  return formatDateTime(isoInstant, timeZone);
}
