import { getDb } from "@/lib/db/client";
import type { IntervalState } from "@/lib/generated/prisma/enums";
import { unique, utcDate } from "./factories";

/**
 * A planning interval of its own: intervals never overlap (db_rule_interval_no_overlap), so each call takes the
 * next free block of `days` days after every interval that exists, from 2031-01-06 on (far from the intervals
 * actions create near today). No sprints are made for it.
 */
export async function makeInterval(options: { state?: IntervalState; days?: number; start?: Date; name?: string } = {}) {
  const db = getDb();
  const days = options.days ?? 70;
  let start = options.start;
  if (!start) {
    const last = await db.planningInterval.findFirst({ orderBy: { endDate: "desc" }, select: { endDate: true } });
    const floor = utcDate(2031, 1, 6);
    start = last && last.endDate >= floor ? new Date(last.endDate.getTime() + 86_400_000) : floor;
  }
  const end = new Date(start.getTime() + (days - 1) * 86_400_000);
  const state = options.state ?? "PLANNING";
  return db.planningInterval.create({
    data: { name: options.name ?? unique("PI"), startDate: start, endDate: end, state, closedAt: state === "CLOSED" ? new Date() : null },
  });
}

const DAY = 86_400_000;

/**
 * The first `days`-long block of days from `from` on that no interval touches (intervals near today are the ones
 * whose sprints get generated, so actions that create intervals take these).
 */
export async function freeBlock(days: number, from = new Date(new Date().toISOString().slice(0, 10))): Promise<{ startDate: string; endDate: string }> {
  const taken = await getDb().planningInterval.findMany({ where: { endDate: { gte: from } }, orderBy: { startDate: "asc" }, select: { startDate: true, endDate: true } });
  let start = from.getTime();
  for (const t of taken) {
    if (t.startDate.getTime() > start + (days - 1) * DAY) break;
    start = Math.max(start, t.endDate.getTime() + DAY);
  }
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { startDate: iso(start), endDate: iso(start + (days - 1) * DAY) };
}
