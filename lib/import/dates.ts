/**
 * Dates as Jira exports write them (`15/Feb/26 4:37 PM`, `16/02/2017 15:26`, `2025-12-22 18:45:55.01`, ISO), read
 * as wall-clock time in the organisation's time zone, and written back in Jira's default format. Pure.
 */

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

interface Parts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

function to24(hour: number, ampm: string | undefined): number {
  if (!ampm) return hour;
  const pm = ampm.toLowerCase() === "pm";
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

const fullYear = (y: number) => (y < 100 ? 2000 + y : y);

function readParts(text: string): Parts | "offset" | null {
  const t = text.trim();
  // 15/Feb/26 4:37 PM  ·  15/Feb/2026 16:37  ·  15/Feb/26
  let m = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    if (month === 0) return null;
    return { year: fullYear(Number(m[3])), month, day: Number(m[1]), hour: to24(Number(m[4] ?? 0), m[7]), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0), ms: 0 };
  }
  // 16/02/2017 15:26 (day first, as Jira's own formats are; month first only when the day cannot be a month)
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(t);
  if (m) {
    let [day, month] = [Number(m[1]), Number(m[2])];
    if (month > 12 && day <= 12) [day, month] = [month, day];
    return { year: fullYear(Number(m[3])), month, day, hour: to24(Number(m[4] ?? 0), m[7]), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0), ms: 0 };
  }
  // 2025-12-22 18:45:55.01 (no zone: wall-clock time)
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(t);
  if (m) {
    return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4] ?? 0), minute: Number(m[5] ?? 0), second: Number(m[6] ?? 0), ms: Number((m[7] ?? "0").padEnd(3, "0")) };
  }
  // An ISO instant with its own offset.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(t)) return "offset";
  return null;
}

function valid(p: Parts): boolean {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.hour > 23 || p.minute > 59 || p.second > 59) return false;
  const days = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  return p.day <= days;
}

/** The offset (ms) of a time zone from UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const parts = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** A Jira date cell as an instant (wall-clock time in `timeZone`), or null when it is not a date Jira writes. */
export function parseJiraDate(text: string, timeZone: string): Date | null {
  const parts = readParts(text);
  if (parts === null) return null;
  if (parts === "offset") {
    const d = new Date(text.trim().replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
    return Number.isNaN(d.getTime()) ? null : d;
  }
  if (!valid(parts)) return null;
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.ms);
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant);
}

/** An instant in Jira's default export format (`15/Feb/26 4:37 PM`) in `timeZone`. */
export function formatJiraDate(date: Date, timeZone: string): string {
  const wall = new Date(date.getTime() + offsetAt(date.getTime(), timeZone));
  const h = wall.getUTCHours();
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  const month = MONTHS[wall.getUTCMonth()]!;
  return `${String(wall.getUTCDate()).padStart(2, "0")}/${month[0]!.toUpperCase()}${month.slice(1)}/${String(wall.getUTCFullYear() % 100).padStart(2, "0")} ${hour12}:${String(wall.getUTCMinutes()).padStart(2, "0")} ${h < 12 ? "AM" : "PM"}`;
}
