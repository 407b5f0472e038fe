import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  getCycleTime,
  getFlowEfficiency,
  getFlowVelocity,
  getGoalContribution,
  getLeadTime,
  listDoneItems,
} from "@/lib/metrics/queries";
import { formatPercent } from "@/lib/metrics/definitions";
import { makeItem, makeTeam, makeValueStream, utcDate } from "@/tests/support/factories";
import { PORTFOLIO, args, itemWithHistory, streamScope, teamScope } from "./fixtures";

/*
 * Metrics over the work items done in a period: goal contribution, cycle time, lead time, flow velocity and
 * flow efficiency. Period: 5–18 January 2026 (London is on UTC then), i.e. [2026-01-05T00:00Z, 2026-01-19T00:00Z).
 *
 * Team T (value stream V):
 *   O1 ACTIVE → EPIC E1 ── F1 ── S1 (5 pts), S2 (3 pts), S4 (no estimate), S5 (13 pts, done before the period)
 *   O2 DRAFT  → EPIC E2 ── F2 ── S3 (8 pts)
 *   O3 ACTIVE → THEME TH ── EPIC E3 ── F3 (2 pts, unsplit: a work item itself)
 *               EPIC E4 ── F4 ── S6 (4 pts), S7 (6 pts, in progress), S8 (1 pt, done 23:59 on the last day),
 *                                S9 (1 pt, done at midnight after the last day: outside)
 * Team U: one story done in the period without an estimate.
 */
const PERIOD = { start: "2026-01-05", end: "2026-01-18" };

let team: { id: number };
let stream: { id: number };
let other: { id: number };
let keys: Record<string, string>;

beforeAll(async () => {
  const db = getDb();
  stream = await makeValueStream();
  team = await makeTeam({ valueStreamId: stream.id });
  other = await makeTeam();
  const period = { periodStart: utcDate(2026, 1, 1), periodEnd: utcDate(2026, 3, 31) };
  const o1 = await db.objective.create({ data: { key: "T-O1", title: "Active one", level: "PORTFOLIO", status: "ACTIVE", ...period } });
  const o2 = await db.objective.create({ data: { key: "T-O2", title: "Draft", level: "PORTFOLIO", status: "DRAFT", ...period } });
  const o3 = await db.objective.create({ data: { key: "T-O3", title: "Active via theme", level: "PORTFOLIO", status: "ACTIVE", ...period } });

  const theme = await makeItem({ level: "THEME" });
  const e1 = await makeItem({ level: "EPIC" });
  const e2 = await makeItem({ level: "EPIC" });
  const e3 = await makeItem({ level: "EPIC", parentId: theme.id });
  const e4 = await makeItem({ level: "EPIC" });
  await db.objectiveItem.createMany({
    data: [
      { objectiveId: o1.id, itemId: e1.id },
      { objectiveId: o2.id, itemId: e2.id },
      { objectiveId: o3.id, itemId: theme.id },
    ],
  });
  const feature = (epicId: number) => makeItem({ level: "FEATURE", teamId: team.id, parentId: epicId, status: "IN_PROGRESS" });
  const f1 = await feature(e1.id);
  const f2 = await feature(e2.id);
  const f4 = await feature(e4.id);
  const story = (parentId: number, estimate: number | null, created: string, history: Parameters<typeof itemWithHistory>[0]["history"]) =>
    itemWithHistory({ level: "STORY", teamId: team.id, parentId, estimate, created, history });

  const s1 = await story(f1.id, 5, "2026-01-01T09:00:00Z", [
    ["READY", "2026-01-02T09:00:00Z"],
    ["IN_PROGRESS", "2026-01-05T09:00:00Z"],
    ["IN_REVIEW", "2026-01-07T09:00:00Z"],
    ["DONE", "2026-01-08T09:00:00Z"],
  ]);
  const s2 = await story(f1.id, 3, "2026-01-03T09:00:00Z", [
    ["IN_PROGRESS", "2026-01-06T09:00:00Z"],
    ["BLOCKED", "2026-01-07T09:00:00Z"],
    ["IN_PROGRESS", "2026-01-08T09:00:00Z"],
    ["DONE", "2026-01-10T09:00:00Z"],
  ]);
  const s4 = await story(f1.id, null, "2026-01-05T09:00:00Z", [
    ["IN_PROGRESS", "2026-01-09T09:00:00Z"],
    ["DONE", "2026-01-10T21:00:00Z"],
  ]);
  await story(f1.id, 13, "2025-12-01T09:00:00Z", [
    ["IN_PROGRESS", "2025-12-20T09:00:00Z"],
    ["DONE", "2026-01-02T09:00:00Z"],
  ]);
  const s3 = await story(f2.id, 8, "2026-01-02T09:00:00Z", [
    ["READY", "2026-01-04T09:00:00Z"],
    ["IN_PROGRESS", "2026-01-12T09:00:00Z"],
    ["DONE", "2026-01-14T09:00:00Z"],
  ]);
  const f3 = await itemWithHistory({
    level: "FEATURE", teamId: team.id, parentId: e3.id, estimate: 2, created: "2025-12-20T09:00:00Z",
    history: [["IN_PROGRESS", "2026-01-10T09:00:00Z"], ["DONE", "2026-01-15T09:00:00Z"]],
  });
  const s6 = await story(f4.id, 4, "2026-01-10T09:00:00Z", [["DONE", "2026-01-16T09:00:00Z"]]);
  await story(f4.id, 6, "2026-01-10T09:00:00Z", [["IN_PROGRESS", "2026-01-11T09:00:00Z"]]);
  const s8 = await story(f4.id, 1, "2026-01-11T23:59:00Z", [
    ["IN_PROGRESS", "2026-01-18T11:59:00Z"],
    ["DONE", "2026-01-18T23:59:00Z"],
  ]);
  await story(f4.id, 1, "2026-01-11T09:00:00Z", [
    ["IN_PROGRESS", "2026-01-12T09:00:00Z"],
    ["DONE", "2026-01-19T00:00:00Z"],
  ]);
  keys = { s1: s1.key, s2: s2.key, s3: s3.key, s4: s4.key, f3: f3.key, s6: s6.key, s8: s8.key };

  const otherFeature = await makeItem({ level: "FEATURE", teamId: other.id, parentId: e4.id, status: "IN_PROGRESS" });
  await itemWithHistory({
    level: "STORY", teamId: other.id, parentId: otherFeature.id, estimate: null, created: "2026-01-06T09:00:00Z",
    history: [["IN_PROGRESS", "2026-01-07T09:00:00Z"], ["DONE", "2026-01-09T09:00:00Z"]],
  });
});

describe("goal contribution", () => {
  it("is the share of points done that trace to an active objective", async () => {
    // Done in the period: S1 5 (O1), S2 3 (O1), S4 – (O1, no estimate), S3 8 (O2 is a draft: not traced),
    // F3 2 (O3 via its theme), S6 4 (no objective), S8 1 (no objective). S5 was done before; S9 after.
    // Traced: 5 + 3 + 0 + 2 = 10. All: 5 + 3 + 0 + 8 + 2 + 4 + 1 = 23. 10 ÷ 23 = 0.4348.
    const result = await getGoalContribution(args(PERIOD, teamScope(team.id)));
    expect(result).toEqual({ numerator: 10, denominator: 23, value: 10 / 23, unestimated: 1 });
  });

  it("gives the same for the team's value stream", async () => {
    expect((await getGoalContribution(args(PERIOD, streamScope(stream.id)))).value).toBeCloseTo(10 / 23, 10);
  });

  it("is null (shown as —) when the only points done are unestimated: 0 ÷ 0", async () => {
    // Team U finished one story without an estimate: no points at all.
    const result = await getGoalContribution(args(PERIOD, teamScope(other.id)));
    expect(result).toEqual({ numerator: 0, denominator: 0, value: null, unestimated: 1 });
    expect(formatPercent(result.value)).toBe("—");
  });

  it("is null when nothing was done in the period", async () => {
    const result = await getGoalContribution(args({ start: "2025-06-01", end: "2025-06-30" }, teamScope(team.id)));
    expect(result.value).toBeNull();
    expect(result.denominator).toBe(0);
  });
});

describe("cycle time", () => {
  it("is the median and 85th percentile of done − first in progress, in days", async () => {
    // S1 8th 09:00 − 5th 09:00 = 3; S2 10th − 6th = 4 (first in-progress, despite the block); S4 10th 21:00 − 9th
    // 09:00 = 1.5; S3 14th − 12th = 2; F3 15th − 10th = 5; S8 18th 23:59 − 11:59 = 0.5. S6 was never in progress.
    // Sorted: 0.5, 1.5, 2, 3, 4, 5 (n = 6). Median: rank (6−1)×0.5 = 2.5 → 2 + 0.5×(3−2) = 2.5.
    // P85: rank (6−1)×0.85 = 4.25 → 4 + 0.25×(5−4) = 4.25.
    const result = await getCycleTime(args(PERIOD, teamScope(team.id)));
    expect(result.count).toBe(6);
    expect(result.median).toBeCloseTo(2.5, 10);
    expect(result.p85).toBeCloseTo(4.25, 10);
  });

  it("has no percentiles without done items", async () => {
    expect(await getCycleTime(args({ start: "2025-06-01", end: "2025-06-30" }, teamScope(team.id)))).toEqual({ median: null, p85: null, count: 0 });
  });
});

describe("lead time", () => {
  it("is the median and 85th percentile of done − created, in days", async () => {
    // S1 8th − 1st = 7; S2 10th − 3rd = 7; S4 10th 21:00 − 5th 09:00 = 5.5; S3 14th − 2nd = 12;
    // F3 15 Jan − 20 Dec = 26; S6 16th − 10th = 6; S8 18th 23:59 − 11th 23:59 = 7.
    // Sorted: 5.5, 6, 7, 7, 7, 12, 26 (n = 7). Median: rank 3 → 7. P85: rank 6×0.85 = 5.1 → 12 + 0.1×(26−12) = 13.4.
    const result = await getLeadTime(args(PERIOD, teamScope(team.id)));
    expect(result.count).toBe(7);
    expect(result.median).toBeCloseTo(7, 10);
    expect(result.p85).toBeCloseTo(13.4, 10);
  });
});

describe("flow velocity", () => {
  it("counts the work items done in the period (and their points)", async () => {
    // S1, S2, S4, S3, F3, S6, S8 = 7 items; 5 + 3 + 0 + 8 + 2 + 4 + 1 = 23 points. The split features F1, F2, F4
    // are containers; S9 finished at midnight after the last day.
    expect(await getFlowVelocity(args(PERIOD, teamScope(team.id)))).toEqual({ items: 7, points: 23 });
  });

  it("adds the other team's item in the portfolio scope", async () => {
    // 7 + team U's unestimated story = 8 items, 23 points.
    expect(await getFlowVelocity(args(PERIOD, PORTFOLIO))).toEqual({ items: 8, points: 23 });
  });
});

describe("flow efficiency", () => {
  it("is active ÷ (active + waiting + blocked) time from the status history", async () => {
    // Hours per item (active = in progress; waiting = ready, in review; blocked; backlog time not counted):
    //   S1: ready 2nd→5th 72 w, in progress 5th→7th 48 a, in review 7th→8th 24 w
    //   S2: in progress 6th→7th 24 a, blocked 7th→8th 24 b, in progress 8th→10th 48 a
    //   S4: in progress 9th 09:00→10th 21:00 36 a
    //   S3: ready 4th→12th 192 w, in progress 12th→14th 48 a
    //   F3: in progress 10th→15th 120 a;  S6: nothing;  S8: in progress 11:59→23:59 12 a
    // Active 48+24+48+36+48+120+12 = 336; waiting 72+24+192 = 288; blocked 24. 336 ÷ 648 = 0.5185.
    const result = await getFlowEfficiency(args(PERIOD, teamScope(team.id)));
    expect(result.activeHours).toBeCloseTo(336, 6);
    expect(result.waitingHours).toBeCloseTo(288, 6);
    expect(result.blockedHours).toBeCloseTo(24, 6);
    expect(result.items).toBe(7);
    expect(result.value).toBeCloseTo(336 / 648, 10);
  });

  it("is null when the done items spent no time in flow (0 ÷ 0)", async () => {
    // A period holding only S6, which went straight from the backlog to done.
    const result = await getFlowEfficiency(args({ start: "2026-01-16", end: "2026-01-16" }, teamScope(team.id)));
    expect(result).toMatchObject({ items: 1, value: null, activeHours: 0 });
  });
});

describe("the rows behind them", () => {
  it("lists exactly the done items, with their objectives and times", async () => {
    const rows = await listDoneItems(args(PERIOD, teamScope(team.id)));
    expect(rows.map((r) => r.key).sort()).toEqual(Object.values(keys).sort());
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get(keys.s1!)).toMatchObject({ points: 5, cycleDays: 3, leadDays: 7, objectives: ["T-O1"] });
    expect(byKey.get(keys.s3!)?.objectives).toEqual([]);
    expect(byKey.get(keys.f3!)?.objectives).toEqual(["T-O3"]);
    expect(byKey.get(keys.s6!)).toMatchObject({ cycleDays: null, startedAt: null });
    expect(byKey.get(keys.s8!)?.doneAt).toBe("2026-01-18T23:59:00.000Z");
  });
});
