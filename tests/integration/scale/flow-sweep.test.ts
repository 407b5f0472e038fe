import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MetricArgs, Period, Scope } from "@/lib/metrics/period";
import {
  getCumulativeFlow,
  getCycleTime,
  getCycleTimeSeries,
  getDashboard,
  getDashboardMetrics,
  getFlowEfficiency,
  getFlowVelocity,
  getGoalContribution,
  getLeadTime,
  getWeeklyTrends,
  listDoneItems,
} from "@/lib/metrics/queries";
import { makeItem, makeTeam, makeValueStream } from "@/tests/support/factories";

/*
 * Oracle tests for the rewritten flow SQL (issue 10): on a random history (ties at one instant, reopened items,
 * items without any history, containers, changes after "now"), the event sweep of the cumulative flow and the
 * period-first done items give exactly what the original statements gave. The original statements are kept here,
 * word for word, as the oracle.
 */

const TZ = Prisma.sql`COALESCE((SELECT o.timezone FROM organization o ORDER BY o.id LIMIT 1), 'Europe/London')`;
const WORK_ITEM = Prisma.sql`bi.level IN ('FEATURE', 'STORY')
  AND NOT EXISTS (SELECT 1 FROM backlog_item wi_child WHERE wi_child.parent_id = bi.id)`;
function scopeTeams(scope: Scope): Prisma.Sql {
  switch (scope.kind) {
    case "PORTFOLIO":
      return Prisma.sql`SELECT st.id FROM team st`;
    case "VALUE_STREAM":
      return Prisma.sql`SELECT st.id FROM team st WHERE st.value_stream_id = ${scope.valueStreamId}`;
    case "TEAM":
      return Prisma.sql`SELECT st.id FROM team st WHERE st.id = ${scope.teamId}`;
  }
}

/** The cumulative flow as first written: every interval of every item's history against each day. */
function oracleFlow({ period, scope }: MetricArgs) {
  return getDb().$queryRaw<unknown[]>(Prisma.sql`
    WITH intervals AS (
      SELECT sc.to_status AS status, sc.changed_at AS since,
             lead(sc.changed_at) OVER (PARTITION BY sc.item_id ORDER BY sc.changed_at, sc.id) AS until
        FROM status_change sc JOIN backlog_item bi ON bi.id = sc.item_id
       WHERE ${WORK_ITEM} AND bi.team_id IN (${scopeTeams(scope)})
    ),
    days AS (
      SELECT d::date AS day, ((d::date + 1)::timestamp AT TIME ZONE ${TZ}) AS day_end
        FROM generate_series(${period.end}::date, ${period.start}::date,
               CASE WHEN ${period.end}::date - ${period.start}::date > 120 THEN interval '-7 days' ELSE interval '-1 day' END) AS d
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
           COUNT(i.status) FILTER (WHERE i.status = 'BACKLOG')::int AS backlog,
           COUNT(i.status) FILTER (WHERE i.status = 'READY')::int AS ready,
           COUNT(i.status) FILTER (WHERE i.status = 'IN_PROGRESS')::int AS "inProgress",
           COUNT(i.status) FILTER (WHERE i.status = 'BLOCKED')::int AS blocked,
           COUNT(i.status) FILTER (WHERE i.status = 'IN_REVIEW')::int AS "inReview",
           COUNT(i.status) FILTER (WHERE i.status = 'DONE')::int AS done
      FROM days d
      LEFT JOIN intervals i ON i.since < d.day_end AND (i.until IS NULL OR i.until >= d.day_end)
     GROUP BY d.day
     ORDER BY d.day`);
}

/** The done items as first written: every done item's last DONE change, then filtered to the period. */
function oracleDoneItems({ period, scope }: MetricArgs) {
  const from = Prisma.sql`((${period.start}::date)::timestamp AT TIME ZONE ${TZ})`;
  const to = Prisma.sql`((${period.end}::date + 1)::timestamp AT TIME ZONE ${TZ})`;
  return getDb().$queryRaw<{ key: string; doneAt: Date; startedAt: Date | null }[]>(Prisma.sql`
    SELECT bi.key, d.done_at AS "doneAt",
           (SELECT min(sc.changed_at) FROM status_change sc
             WHERE sc.item_id = bi.id AND sc.to_status = 'IN_PROGRESS' AND sc.changed_at <= d.done_at) AS "startedAt"
      FROM backlog_item bi
      CROSS JOIN LATERAL (
        SELECT max(sc.changed_at) AS done_at FROM status_change sc WHERE sc.item_id = bi.id AND sc.to_status = 'DONE'
      ) d
     WHERE bi.status = 'DONE' AND ${WORK_ITEM}
       AND bi.team_id IN (${scopeTeams(scope)})
       AND d.done_at >= ${from} AND d.done_at < ${to}
     ORDER BY bi.key`);
}

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FLOW: ItemStatus[] = ["BACKLOG", "READY", "IN_PROGRESS", "BLOCKED", "IN_REVIEW", "DONE", "CANCELLED"];
const HOUR = 3_600_000;
// Histories run from 2025-06-01 to 2026-02-15 (a few changes land after the last period); London is on summer time
// for part of it, so day boundaries are not all UTC midnights.
const START = Date.UTC(2025, 5, 1);
const SPAN = Date.UTC(2026, 1, 15) - START;

let stream: { id: number };
let teamA: { id: number };
let teamB: { id: number };
let teamC: { id: number };

beforeAll(async () => {
  const db = getDb();
  stream = await makeValueStream();
  teamA = await makeTeam({ valueStreamId: stream.id });
  teamB = await makeTeam({ valueStreamId: stream.id });
  teamC = await makeTeam();
  const epic = await makeItem({ level: "EPIC" });
  const rnd = random(20261130);
  const teams = [teamA.id, teamB.id, teamC.id];
  const features = [];
  for (let i = 0; i < 12; i++) {
    features.push(await makeItem({ level: "FEATURE", teamId: teams[i % 3]!, parentId: epic.id, estimate: i % 4 === 0 ? 5 : null }));
  }
  const changes: Prisma.StatusChangeCreateManyInput[] = [];
  for (let i = 0; i < 160; i++) {
    // Half the features keep stories (containers); the other half stay work items with a history of their own.
    const parent = features[Math.floor(rnd() * 6)]!;
    const level = i % 9 === 0 ? "FEATURE" : "STORY";
    const teamId = level === "STORY" ? parent.teamId! : teams[i % 3]!;
    let at = START + Math.floor(rnd() * SPAN);
    const steps = Math.floor(rnd() * 8);
    let status: ItemStatus = "BACKLOG";
    const history: { status: ItemStatus; at: number }[] = [{ status, at }];
    for (let s = 0; s < steps; s++) {
      status = FLOW[Math.floor(rnd() * FLOW.length)]!;
      // Every fifth change lands at the same instant as the one before it (ties are ordered by id).
      at += s % 5 === 4 ? 0 : Math.floor(rnd() * 20 * 24 * HOUR);
      history.push({ status, at });
    }
    const item = await makeItem({
      level,
      teamId,
      parentId: level === "STORY" ? parent.id : epic.id,
      estimate: rnd() < 0.8 ? 1 + Math.floor(rnd() * 8) : null,
      status: history.at(-1)!.status,
      createdAt: new Date(history[0]!.at),
    });
    // A few items have no recorded history at all (they count nowhere in the flow).
    if (i % 23 === 0) continue;
    let from: ItemStatus | null = null;
    for (const h of history) {
      changes.push({ itemId: item.id, fromStatus: from, toStatus: h.status, changedAt: new Date(h.at) });
      from = h.status;
    }
  }
  // Inserted in random order, so ids do not follow time.
  changes.sort(() => rnd() - 0.5);
  await db.statusChange.createMany({ data: changes });
  // The last change of one item is rewritten, and one change is deleted: the kept flow state follows both.
  const someChange = await db.statusChange.findFirst({ orderBy: { id: "desc" } });
  await db.statusChange.update({ where: { id: someChange!.id }, data: { changedAt: new Date(START + SPAN / 2) } });
  const another = await db.statusChange.findFirst({ orderBy: { id: "asc" }, skip: 5 });
  await db.statusChange.delete({ where: { id: another!.id } });
});

const PERIODS: Period[] = [
  { start: "2025-10-20", end: "2025-11-02" }, // across the end of summer time
  { start: "2025-12-01", end: "2026-01-29" },
  { start: "2025-07-01", end: "2026-01-31" }, // longer than 120 days: weekly
  { start: "2026-01-05", end: "2026-01-05" },
];
const scopes = (): Scope[] => [{ kind: "PORTFOLIO" }, { kind: "VALUE_STREAM", valueStreamId: stream.id }, { kind: "TEAM", teamId: teamC.id }];

describe("the cumulative flow as an event sweep", () => {
  it("equals the interval-by-day original for every period and scope", async () => {
    for (const period of PERIODS) {
      for (const scope of scopes()) {
        const expected = await oracleFlow({ period, scope });
        const actual = await getCumulativeFlow({ period, scope });
        expect(actual, `${period.start}…${period.end} ${scope.kind}`).toEqual(expected);
      }
    }
  });

  it("keeps each item's latest change on the item, whatever order the changes were written in", async () => {
    const drift = await getDb().$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM backlog_item bi
       WHERE bi.last_change_status IS DISTINCT FROM (SELECT sc.to_status FROM status_change sc WHERE sc.item_id = bi.id ORDER BY sc.changed_at DESC, sc.id DESC LIMIT 1)
          OR bi.last_change_at IS DISTINCT FROM (SELECT max(sc.changed_at) FROM status_change sc WHERE sc.item_id = bi.id)`;
    expect(drift[0]!.n).toBe(0);
  });
});

describe("done items from the period's changes into Done", () => {
  it("are exactly the original's, with the same done and start instants", async () => {
    for (const period of PERIODS) {
      for (const scope of scopes()) {
        const expected = await oracleDoneItems({ period, scope });
        const actual = (await listDoneItems({ period, scope })).sort((a, b) => a.key.localeCompare(b.key));
        expect(
          actual.map((r) => ({ key: r.key, doneAt: r.doneAt, startedAt: r.startedAt })),
          `${period.start}…${period.end} ${scope.kind}`,
        ).toEqual(expected.map((r) => ({ key: r.key, doneAt: r.doneAt.toISOString(), startedAt: r.startedAt?.toISOString() ?? null })));
      }
    }
  });
});

describe("the dashboard's families", () => {
  it("give every metric exactly what its own query gives", async () => {
    for (const period of PERIODS) {
      for (const scope of scopes()) {
        const args = { period, scope };
        const [all, withSeries] = await Promise.all([getDashboardMetrics(args), getDashboard(args)]);
        expect(withSeries.metrics).toEqual(all);
        expect(all.goalContribution).toEqual(await getGoalContribution(args));
        expect(all.cycleTime).toEqual(await getCycleTime(args));
        expect(all.leadTime).toEqual(await getLeadTime(args));
        expect(all.flowVelocity).toEqual(await getFlowVelocity(args));
        const efficiency = await getFlowEfficiency(args);
        expect(all.flowEfficiency.items).toBe(efficiency.items);
        expect(all.flowEfficiency.activeHours).toBeCloseTo(efficiency.activeHours, 6);
        expect(all.flowEfficiency.value ?? -1).toBeCloseTo(efficiency.value ?? -1, 10);
        expect(withSeries.series.trends).toEqual(await getWeeklyTrends(args));
        expect(withSeries.series.cycleTimes).toEqual(await getCycleTimeSeries(args));
      }
    }
  });

  it("bin every done item that was in progress exactly once, in its band", async () => {
    const period = PERIODS[2]!;
    const { bins, binDays } = await getCycleTimeSeries({ period, scope: { kind: "PORTFOLIO" } });
    const cycle = await getCycleTime({ period, scope: { kind: "PORTFOLIO" } });
    expect(binDays).toBe(7);
    expect(bins.reduce((n, b) => n + b.items, 0)).toBe(cycle.count);
    const rows = await listDoneItems({ period, scope: { kind: "PORTFOLIO" } });
    const meanAll = rows.filter((r) => r.cycleDays !== null).reduce((n, r) => n + r.cycleDays!, 0) / cycle.count;
    expect(bins.reduce((n, b) => n + b.meanDays * b.items, 0) / cycle.count).toBeCloseTo(meanAll, 6);
  });
});
