import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { Direction, KpiScope } from "@/lib/generated/prisma/enums";
import { getKpiProgress, listKpiProgress } from "@/lib/metrics/queries";
import { makePerson, makeTeam, makeValueStream, unique, utcDate } from "@/tests/support/factories";
import { PORTFOLIO, args, streamScope, teamScope } from "./fixtures";

/*
 * KPI progress against target, by team. Period: 1–18 January 2026. Team T in value stream V; team U.
 *
 *   K1 team T   higher is better, target 100   5 Jan: 90, 12 Jan: 110, 2 Feb: 50 (after)   latest 110: on target, 1.1
 *   K2 team T   lower is better,  target 20    12 Jan: 25                                   off target, 20 ÷ 25 = 0.8
 *   K3 team T   higher is better, target 10    no measurement                               not measured
 *   K4 stream V lower is better,  target 5     12 Jan: 4                                    on target, 5 ÷ 4 = 1.25
 *   K5 team U   higher is better, target 0     12 Jan: 3                                    on target, attainment — (÷ 0)
 *   K6 portfolio higher is better, target 50   1 Jan: 50                                    on target, 1
 */
const PERIOD = { start: "2026-01-01", end: "2026-01-18" };
let t: { id: number };
let u: { id: number };
let v: { id: number };
let empty: { id: number };

beforeAll(async () => {
  const db = getDb();
  v = await makeValueStream();
  t = await makeTeam({ valueStreamId: v.id });
  u = await makeTeam();
  empty = await makeTeam();
  const owner = await makePerson();
  const kpi = async (
    scope: KpiScope,
    where: { teamId?: number; valueStreamId?: number },
    direction: Direction,
    target: number,
    values: [Date, number][],
  ) => {
    const k = await db.kpi.create({
      data: {
        key: unique("KPI"), name: unique("kpi"), definition: "d", unit: "%", direction, target, frequency: "WEEKLY",
        dataOwnerId: owner.id, scope, ...where,
      },
    });
    await db.kpiMeasurement.createMany({ data: values.map(([periodStart, value]) => ({ kpiId: k.id, periodStart, value })) });
    return k;
  };
  await kpi("TEAM", { teamId: t.id }, "HIGHER_IS_BETTER", 100, [[utcDate(2026, 1, 5), 90], [utcDate(2026, 1, 12), 110], [utcDate(2026, 2, 2), 50]]);
  await kpi("TEAM", { teamId: t.id }, "LOWER_IS_BETTER", 20, [[utcDate(2026, 1, 12), 25]]);
  await kpi("TEAM", { teamId: t.id }, "HIGHER_IS_BETTER", 10, []);
  await kpi("VALUE_STREAM", { valueStreamId: v.id }, "LOWER_IS_BETTER", 5, [[utcDate(2026, 1, 12), 4]]);
  await kpi("TEAM", { teamId: u.id }, "HIGHER_IS_BETTER", 0, [[utcDate(2026, 1, 12), 3]]);
  await kpi("PORTFOLIO", {}, "HIGHER_IS_BETTER", 50, [[utcDate(2026, 1, 1), 50]]);
});

describe("KPI progress against target", () => {
  it("is KPIs on target ÷ KPIs measured, per team with the mean attainment", async () => {
    // Team T: K1 on target (110 ≥ 100), K2 off (25 > 20), K3 unmeasured → 1 ÷ 2 = 0.5.
    // Mean attainment (1.1 + 0.8) ÷ 2 = 0.95.
    const result = await getKpiProgress(args(PERIOD, teamScope(t.id)));
    expect(result).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
    expect(result.groups).toHaveLength(1);
    expect(result.groups[0]).toMatchObject({ level: "TEAM", teamId: t.id, kpis: 3, measured: 2, onTarget: 1 });
    expect(result.groups[0]!.meanAttainment).toBeCloseTo(0.95, 10);
  });

  it("adds the value stream's own KPIs in its scope", async () => {
    // K1, K2, K3 of T and K4 of V: measured 3, on target K1 and K4 → 2 ÷ 3.
    const result = await getKpiProgress(args(PERIOD, streamScope(v.id)));
    expect(result).toMatchObject({ numerator: 2, denominator: 3 });
    expect(result.value).toBeCloseTo(2 / 3, 10);
    expect(result.groups.map((g) => g.level)).toEqual(["TEAM", "VALUE_STREAM"]);
    expect(result.groups[1]!.meanAttainment).toBe(1.25);
  });

  it("covers every KPI in the portfolio; a target of 0 gives no attainment (÷ 0) but can be met", async () => {
    // Measured: K1, K2, K4, K5, K6 = 5; on target: K1, K4, K5 (3 ≥ 0), K6 (50 ≥ 50) = 4 → 0.8.
    const result = await getKpiProgress(args(PERIOD, PORTFOLIO));
    expect(result).toMatchObject({ numerator: 4, denominator: 5, value: 0.8 });
    const teamU = result.groups.find((g) => g.teamId === u.id);
    expect(teamU).toMatchObject({ kpis: 1, measured: 1, onTarget: 1, meanAttainment: null });
  });

  it("ignores measurements of periods starting after the period's end", async () => {
    // Up to 8 Jan, K1's latest is 90 (off target): team T has 0 on target of 1 measured (K2 not yet measured).
    const result = await getKpiProgress(args({ start: "2026-01-01", end: "2026-01-08" }, teamScope(t.id)));
    expect(result).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    const rows = await listKpiProgress(args(PERIOD, teamScope(t.id)));
    expect(rows.map((r) => [r.value, r.onTarget])).toEqual(expect.arrayContaining([[110, true], [25, false], [null, null]]));
  });

  it("is null (—) for a team without KPIs", async () => {
    expect(await getKpiProgress(args(PERIOD, teamScope(empty.id)))).toEqual({ value: null, numerator: 0, denominator: 0, groups: [] });
  });
});
