import type { Prisma } from "@/lib/generated/prisma/client";
import { BusinessCalendar, addDays, ukBankHolidays, type HolidayDate } from "./calendar";
import { DEMO_SEED, Rng } from "./random";

/** The transaction every write of the seed goes through. */
export type Tx = Prisma.TransactionClient;

export const ORGANIZATION = {
  name: "Northwind Marketing",
  timezone: "Europe/London",
  workdayStart: 9 * 60,
  workdayEnd: 17 * 60 + 30,
  workingDays: [1, 2, 3, 4, 5],
} as const;

export const EMAIL_DOMAIN = "northwind.example";

/** What every part of the seed shares: the anchor date, the business calendar and a PRNG per part. */
export interface SeedContext {
  /** The seed's "today" (date-only, UTC midnight). */
  today: Date;
  /** Today at the start of the working day in the organisation's zone: all generated history is before it. */
  now: Date;
  /** `now` as a business-minute coordinate of `cal`. */
  nowBiz: number;
  cal: BusinessCalendar;
  holidays: HolidayDate[];
  /** A PRNG of its own for each part of the seed, so changing one part does not reshuffle the others. */
  rng: (part: string) => Rng;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function createContext(today: Date): SeedContext {
  const year = today.getUTCFullYear();
  // The calendar covers this year and next (the organisation's holidays) plus the history and look-ahead.
  const holidays = [year - 1, year, year + 1].flatMap(ukBankHolidays);
  const cal = new BusinessCalendar(
    {
      timeZone: ORGANIZATION.timezone,
      workdayStart: ORGANIZATION.workdayStart,
      workdayEnd: ORGANIZATION.workdayEnd,
      workingDays: ORGANIZATION.workingDays,
      holidays: holidays.map((h) => h.date),
    },
    addDays(today, -400),
    addDays(today, 400),
  );
  const now = cal.instant(today, ORGANIZATION.workdayStart);
  return {
    today,
    now,
    nowBiz: cal.toBiz(now),
    cal,
    holidays: holidays.filter((h) => h.date.getUTCFullYear() >= year),
    rng: (part) => new Rng((DEMO_SEED ^ hash(part)) >>> 0),
  };
}

/**
 * Fixed-width base-36 rank keys ("a001i", "a002i", …): lowercase digits and letters, so text order is rank order
 * under any collation; 36 free positions between neighbours, and never a trailing "0" (lib/backlog/rank.ts).
 */
export function rankKey(position: number): string {
  return `a${((position + 1) * 36 + 18).toString(36).padStart(4, "0")}`;
}

export function emailOf(handle: string): string {
  return `${handle}@${EMAIL_DOMAIN}`;
}

/** Groups rows into a map of lists. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** Looks a key up in a map of ids, failing loudly on a typo in the demo definitions. */
export function idOf<K>(map: ReadonlyMap<K, number>, key: K, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`seed: unknown ${what} "${String(key)}"`);
  return id;
}
