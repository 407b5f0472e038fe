import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { formatPercent } from "@/lib/metrics/definitions";
import {
  getBacklogChurn,
  getCapacityAccuracy,
  getSprintGoalAttainment,
  getVelocity,
  listClosedSprints,
  listVelocitySprints,
} from "@/lib/metrics/queries";
import { makeItem, makeTeam, makeValueStream, utcDate } from "@/tests/support/factories";
import { args, streamScope, teamScope } from "./fixtures";

/*
 * Sprint metrics: capacity accuracy, sprint goal attainment, backlog churn, velocity.
 * Period: 5 January – 1 February 2026. Team T (value stream V):
 *
 *   SP1 8–19 Dec 2025      closed, completed 20, goal met          (ends before the period)
 *   SP2 22 Dec – 9 Jan     closed, completed 9, goal met
 *        committed I1 (5 pts at start), I2 (no points at start, estimate 3), I3 (2 pts at start, removed later);
 *        I4 inserted mid-sprint (8)                                 committed 10 pts, 3 items; 1 insertion, 1 removal
 *   SP3 12–23 Jan          closed, completed 24, goal missed
 *        committed I5 (10), I6 (6); I7 inserted mid-sprint and removed  committed 16 pts, 2 items; 1 ins., 1 rem.
 *   SP5 26–30 Jan          closed, completed 0, goal missed, nothing committed
 *   SP4 26 Jan – 6 Feb     active                                   (not closed)
 * Team T2 (also in V): one closed sprint in the period, completed 7, goal met, committed 7 pts (1 item).
 * Team E: no sprints at all.
 */
const PERIOD = { start: "2026-01-05", end: "2026-02-01" };
let team: { id: number };
let team2: { id: number };
let empty: { id: number };
let stream: { id: number };

beforeAll(async () => {
  const db = getDb();
  stream = await makeValueStream();
  team = await makeTeam({ valueStreamId: stream.id });
  team2 = await makeTeam({ valueStreamId: stream.id });
  empty = await makeTeam({ valueStreamId: stream.id });

  const sprint = (teamId: number, number: number, start: Date, end: Date, status: "CLOSED" | "ACTIVE", completed: number | null, goalMet: boolean | null) =>
    db.sprint.create({
      data: { teamId, number, startDate: start, endDate: end, capacityPoints: 20, status, completedPoints: completed, goalMet },
    });
  const story = (teamId: number, estimate: number | null) => makeItem({ level: "STORY", teamId, estimate, status: "DONE" });
  const entry = async (
    sprintId: number,
    teamId: number,
    e: { estimate: number | null; pointsAtStart?: number | null; committed?: boolean; midSprint?: boolean; removed?: boolean },
  ) => {
    const item = await story(teamId, e.estimate);
    await db.sprintItem.create({
      data: {
        sprintId, itemId: item.id, committed: e.committed ?? true, midSprint: e.midSprint ?? false,
        pointsAtStart: e.pointsAtStart ?? null, removedAt: e.removed ? new Date("2026-01-07T10:00:00Z") : null,
      },
    });
  };

  await sprint(team.id, 1, utcDate(2025, 12, 8), utcDate(2025, 12, 19), "CLOSED", 20, true);
  const sp2 = await sprint(team.id, 2, utcDate(2025, 12, 22), utcDate(2026, 1, 9), "CLOSED", 9, true);
  await entry(sp2.id, team.id, { estimate: 5, pointsAtStart: 5 });
  await entry(sp2.id, team.id, { estimate: 3 });
  await entry(sp2.id, team.id, { estimate: 2, pointsAtStart: 2, removed: true });
  await entry(sp2.id, team.id, { estimate: 8, committed: false, midSprint: true });
  const sp3 = await sprint(team.id, 3, utcDate(2026, 1, 12), utcDate(2026, 1, 23), "CLOSED", 24, false);
  await entry(sp3.id, team.id, { estimate: 13, pointsAtStart: 10 });
  await entry(sp3.id, team.id, { estimate: 6, pointsAtStart: 6 });
  await entry(sp3.id, team.id, { estimate: 5, committed: false, midSprint: true, removed: true });
  await sprint(team.id, 4, utcDate(2026, 1, 26), utcDate(2026, 2, 6), "ACTIVE", null, null);
  await sprint(team.id, 5, utcDate(2026, 1, 26), utcDate(2026, 1, 30), "CLOSED", 0, false);

  const t2 = await sprint(team2.id, 1, utcDate(2026, 1, 5), utcDate(2026, 1, 16), "CLOSED", 7, true);
  await entry(t2.id, team2.id, { estimate: 7, pointsAtStart: 7 });
});

describe("capacity accuracy", () => {
  it("averages 1 − |committed − completed| ÷ committed over the closed sprints", async () => {
    // SP2: committed 5 + 3 + 2 = 10, completed 9 → 1 − 1/10 = 0.9.  SP3: committed 10 + 6 = 16, completed 24 →
    // 1 − 8/16 = 0.5.  SP5 committed nothing: no ratio, left out.  SP1 ended before the period; SP4 is not closed.
    // (0.9 + 0.5) ÷ 2 = 0.7.
    const result = await getCapacityAccuracy(args(PERIOD, teamScope(team.id)));
    expect(result.sprints).toBe(2);
    expect(result.excluded).toBe(1);
    expect(result.value).toBeCloseTo(0.7, 10);
  });

  it("is null (—) with no closed sprints", async () => {
    const result = await getCapacityAccuracy(args(PERIOD, teamScope(empty.id)));
    expect(result).toEqual({ value: null, sprints: 0, excluded: 0 });
    expect(formatPercent(result.value)).toBe("—");
  });

  it("is null when the only closed sprint committed nothing (÷ 0)", async () => {
    // 26 Jan – 1 Feb holds only SP5 (ended 30 Jan) for team T.
    const result = await getCapacityAccuracy(args({ start: "2026-01-26", end: "2026-02-01" }, teamScope(team.id)));
    expect(result).toEqual({ value: null, sprints: 0, excluded: 1 });
  });
});

describe("sprint goal attainment", () => {
  it("is closed sprints with the goal met ÷ closed sprints", async () => {
    // SP2 met, SP3 missed, SP5 missed → 1 ÷ 3.
    expect(await getSprintGoalAttainment(args(PERIOD, teamScope(team.id)))).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 });
  });

  it("adds T2's met sprint in the value stream: 2 ÷ 4", async () => {
    expect(await getSprintGoalAttainment(args(PERIOD, streamScope(stream.id)))).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
  });

  it("is null without sprints (0 ÷ 0)", async () => {
    expect(await getSprintGoalAttainment(args(PERIOD, teamScope(empty.id)))).toEqual({ numerator: 0, denominator: 0, value: null });
  });
});

describe("backlog churn", () => {
  it("is (mid-sprint insertions + removals) ÷ committed items", async () => {
    // Insertions: SP2 1 (I4) + SP3 1 (I7) = 2. Removals: SP2 1 (I3) + SP3 1 (I7) = 2. Committed items: 3 + 2 + 0 = 5.
    // (2 + 2) ÷ 5 = 0.8.
    expect(await getBacklogChurn(args(PERIOD, teamScope(team.id)))).toEqual({ value: 0.8, insertions: 2, removals: 2, committed: 5 });
  });

  it("is null when no item was committed (÷ 0)", async () => {
    expect(await getBacklogChurn(args({ start: "2026-01-26", end: "2026-02-01" }, teamScope(team.id)))).toEqual({
      value: null, insertions: 0, removals: 0, committed: 0,
    });
    expect((await getBacklogChurn(args(PERIOD, teamScope(empty.id)))).value).toBeNull();
  });
});

describe("velocity", () => {
  it("is the mean completed points of the team's last 3 closed sprints", async () => {
    // Closed by 1 Feb, newest first: SP5 0 (30 Jan), SP3 24 (23 Jan), SP2 9 (9 Jan) → (0 + 24 + 9) ÷ 3 = 11.
    const result = await getVelocity(args(PERIOD, teamScope(team.id)));
    expect(result.value).toBeCloseTo(11, 10);
    expect(result.teams).toEqual([expect.objectContaining({ teamId: team.id, velocity: 11, sprints: 3 })]);
  });

  it("sums the teams' velocities for a value stream", async () => {
    // T 11 + T2 7 (its one sprint) = 18; team E has no closed sprint and no velocity.
    const result = await getVelocity(args(PERIOD, streamScope(stream.id)));
    expect(result.value).toBeCloseTo(18, 10);
    expect(result.teams.map((t) => t.teamId).sort()).toEqual([team.id, team2.id].sort());
  });

  it("reads the sprints closed by the period's end only", async () => {
    // By 31 Dec only SP1 (20) had closed → 20.
    expect((await getVelocity(args({ start: "2025-12-01", end: "2025-12-31" }, teamScope(team.id)))).value).toBe(20);
  });

  it("is null for a team with no sprints", async () => {
    expect(await getVelocity(args(PERIOD, teamScope(empty.id)))).toEqual({ value: null, teams: [] });
  });
});

describe("the rows behind them", () => {
  it("lists the closed sprints of the period with their figures", async () => {
    const rows = await listClosedSprints(args(PERIOD, teamScope(team.id)));
    expect(rows.map((r) => r.number)).toEqual([5, 3, 2]);
    expect(rows.find((r) => r.number === 2)).toMatchObject({ committedPoints: 10, completedPoints: 9, committedItems: 3, insertions: 1, removals: 1, accuracy: 0.9 });
    expect(rows.find((r) => r.number === 5)?.accuracy).toBeNull();
  });

  it("lists the sprints velocity averages", async () => {
    expect((await listVelocitySprints(args(PERIOD, teamScope(team.id)))).map((r) => r.number)).toEqual([5, 3, 2]);
  });
});
