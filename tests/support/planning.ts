import { getDb } from "@/lib/db/client";
import type { IntervalState } from "@/lib/generated/prisma/enums";
import { unique, utcDate } from "./factories";

/**
 * A planning interval of its own: intervals never overlap (db_rule_interval_no_overlap), so each call takes the
 * next free block of `days` days after every interval that exists (from `from`, default 2030-01-07).
 */
export async function makeInterval(options: { state?: IntervalState; days?: number; start?: Date; name?: string } = {}) {
  const db = getDb();
  const days = options.days ?? 70;
  let start = options.start;
  if (!start) {
    const last = await db.planningInterval.findFirst({ orderBy: { endDate: "desc" }, select: { endDate: true } });
    const floor = utcDate(2030, 1, 7);
    start = last && last.endDate >= floor ? new Date(last.endDate.getTime() + 86_400_000) : floor;
  }
  const end = new Date(start.getTime() + (days - 1) * 86_400_000);
  const state = options.state ?? "PLANNING";
  return db.planningInterval.create({
    data: { name: options.name ?? unique("PI"), startDate: start, endDate: end, state, closedAt: state === "CLOSED" ? new Date() : null },
  });
}
