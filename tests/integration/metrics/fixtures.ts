import { getDb } from "@/lib/db/client";
import type { ItemLevel, ItemStatus } from "@/lib/generated/prisma/enums";
import type { Period, Scope } from "@/lib/metrics/period";
import { makeItem } from "@/tests/support/factories";

/*
 * Small builders for the metric tests' hand-made data sets. Instants are written in UTC; the tests use January
 * dates, when Europe/London (the default organisation zone) is UTC too, so "the period's days" are UTC days.
 */

export const at = (iso: string) => new Date(iso);

export const teamScope = (teamId: number): Scope => ({ kind: "TEAM", teamId });
export const streamScope = (valueStreamId: number): Scope => ({ kind: "VALUE_STREAM", valueStreamId });
export const PORTFOLIO: Scope = { kind: "PORTFOLIO" };
export const args = (period: Period, scope: Scope) => ({ period, scope });

/**
 * An item with its status history: created at `created` in `initial` (recorded as its first change, as the app
 * does), then each [status, instant] in order. Its status is the last one.
 */
export async function itemWithHistory(input: {
  level: ItemLevel;
  teamId?: number | null;
  parentId?: number | null;
  estimate?: number | null;
  created: string;
  history: [ItemStatus, string][];
  rank?: string;
}) {
  const portfolio = input.level === "THEME" || input.level === "EPIC";
  const initial: ItemStatus = portfolio ? "FUNNEL" : "BACKLOG";
  const last = input.history.at(-1)?.[0] ?? initial;
  const item = await makeItem({
    level: input.level,
    teamId: input.teamId ?? null,
    parentId: input.parentId ?? null,
    estimate: input.estimate ?? null,
    status: last,
    createdAt: at(input.created),
    ...(input.rank ? { rank: input.rank } : {}),
  });
  let from: ItemStatus | null = null;
  const changes = [[initial, input.created] as [ItemStatus, string], ...input.history].map(([to, when]) => {
    const change = { itemId: item.id, fromStatus: from, toStatus: to, changedAt: at(when) };
    from = to;
    return change;
  });
  await getDb().statusChange.createMany({ data: changes });
  return item;
}
