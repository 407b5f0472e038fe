import "server-only";
import type { Tx } from "@/lib/db/transaction";
import { DEFAULT_TIME_ZONE } from "@/lib/organization/sql-fragments";
import type { WorkingCalendar } from "./business-time";

/** The schema defaults, used when no organisation row exists yet (a fresh database, tests). */
export const DEFAULT_CALENDAR: WorkingCalendar = {
  timeZone: DEFAULT_TIME_ZONE,
  workdayStart: 540,
  workdayEnd: 1050,
  workingDays: [1, 2, 3, 4, 5],
  holidays: new Set(),
};

/**
 * The organisation's business-time calendar: zone, working hours and days, and every holiday. Takes the
 * client or a transaction, so actions compute due times inside their own transaction.
 */
export async function loadWorkingCalendar(db: Tx): Promise<WorkingCalendar> {
  const org = await db.organization.findFirst({
    orderBy: { id: "asc" },
    select: { timezone: true, workdayStart: true, workdayEnd: true, workingDays: true, holidays: { select: { date: true } } },
  });
  if (!org) return DEFAULT_CALENDAR;
  return {
    timeZone: org.timezone,
    workdayStart: org.workdayStart,
    workdayEnd: org.workdayEnd,
    workingDays: org.workingDays,
    holidays: new Set(org.holidays.map((h) => h.date.toISOString().slice(0, 10))),
  };
}
