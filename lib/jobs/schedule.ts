import { addDays, isoWeekday, localTime, zonedInstant } from "@/lib/calendar/business-time";

/**
 * When periodic work is due, in the organisation's own zone. Pure: the scheduler tick (every few minutes) asks
 * "which slot should have run by now?" and runs it unless that slot's run already succeeded (lib/jobs/ledger).
 * So a slot runs once, late rather than never after downtime, and a DST change never skips or doubles a day: slots
 * are named by local calendar day, and the instant a wall-clock time happens is worked out per day
 * (zonedInstant: a time inside the spring-forward gap happens an hour later, like a wall clock moved on).
 */
export interface Slot {
  /** The local calendar day the slot belongs to (`YYYY-MM-DD`): the run key. */
  day: string;
  /** The instant it became due. */
  dueAt: Date;
}

/** The latest daily slot at `minutes` past local midnight that is due at `now` (today's, or yesterday's before the time). */
export function dailySlot(timeZone: string, minutes: number, now: Date): Slot {
  const today = localTime(timeZone, now).day;
  const todayAt = zonedInstant(timeZone, today, minutes);
  if (todayAt.getTime() <= now.getTime()) return { day: today, dueAt: todayAt };
  const yesterday = addDays(today, -1);
  return { day: yesterday, dueAt: zonedInstant(timeZone, yesterday, minutes) };
}

/** The latest weekly slot (ISO weekday 1 = Monday, at `minutes` past local midnight) that is due at `now`. */
export function weeklySlot(timeZone: string, weekday: number, minutes: number, now: Date): Slot {
  let day = localTime(timeZone, now).day;
  for (let i = 0; i < 8; i++) {
    if (isoWeekday(day) === weekday) {
      const at = zonedInstant(timeZone, day, minutes);
      if (at.getTime() <= now.getTime()) return { day, dueAt: at };
    }
    day = addDays(day, -1);
  }
  throw new Error("unreachable: a week always has the weekday");
}

/** A fixed-length slot (every `minutes`), named by its start in UTC: for the frequent sweeps. */
export function intervalSlot(minutes: number, now: Date): Slot {
  const ms = minutes * 60_000;
  const start = new Date(Math.floor(now.getTime() / ms) * ms);
  return { day: start.toISOString().slice(0, 16), dueAt: start };
}
