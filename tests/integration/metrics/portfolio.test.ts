import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { formatPercent } from "@/lib/metrics/definitions";
import {
  getBenefitRealisation,
  getPortfolioRoi,
  getPriorityStability,
  getValueStreamCoverage,
  listDeliveredEpics,
  listRankChanges,
  listValueStreamCoverage,
} from "@/lib/metrics/queries";
import { makeItem, makeTeam, makeValueStream, utcDate } from "@/tests/support/factories";
import { PORTFOLIO, args, itemWithHistory, streamScope, teamScope } from "./fixtures";

/*
 * Portfolio-level metrics: portfolio ROI, benefit realisation, priority stability, value stream coverage.
 * This file's database holds only what is created here, so the portfolio scope is exactly this data set.
 */
const JANUARY = { start: "2026-01-01", end: "2026-01-31" };
const today = () => new Date().toISOString().slice(0, 10);

let teamA: { id: number };
let teamB: { id: number };
let teamC: { id: number };
let teamD: { id: number };
let epicKeys: Record<string, string>;
let rankKeys: string[];
let vs: { covered: { id: number }; sharedOnly: { id: number }; archivedOnly: { id: number }; empty: { id: number }; two: { id: number } };
let coveredPod: { id: number };
let unassigned: { id: number };

/*
 * Epics (benefits and investment in £):
 *   EA done 10 Jan 2026   planned 100 000, realised 120 000, investment 40 000   feature owned by team A
 *   EB done 20 Jan 2026   planned  50 000, realised –,       investment 20 000   feature owned by team B
 *   EE done  1 Nov 2025   planned  10 000, realised   5 000, investment –        feature owned by team D
 *   EC done  1 Mar 2026   (after January)                                         feature owned by team A
 *   ED implementing       (not delivered)                                         feature owned by team A
 */
async function epicsForValue() {
  const epic = async (name: string, done: string | null, money: { planned: number | null; realised: number | null; investment: number | null }, teamId: number) => {
    const e = await itemWithHistory({
      level: "EPIC", created: "2025-09-01T09:00:00Z", rank: `y${name}`,
      history: done ? [["IMPLEMENTING", "2025-10-01T09:00:00Z"], ["DONE", done]] : [["IMPLEMENTING", "2025-10-01T09:00:00Z"]],
    });
    await getDb().backlogItem.update({
      where: { id: e.id },
      data: { plannedBenefit: money.planned, realisedBenefit: money.realised, investment: money.investment },
    });
    await makeItem({ level: "FEATURE", teamId, parentId: e.id, status: "DONE" });
    return e.key;
  };
  epicKeys = {
    ea: await epic("a", "2026-01-10T09:00:00Z", { planned: 100_000, realised: 120_000, investment: 40_000 }, teamA.id),
    eb: await epic("b", "2026-01-20T09:00:00Z", { planned: 50_000, realised: null, investment: 20_000 }, teamB.id),
    ee: await epic("e", "2025-11-01T09:00:00Z", { planned: 10_000, realised: 5_000, investment: null }, teamD.id),
    ec: await epic("c", "2026-03-01T09:00:00Z", { planned: 1, realised: 1_000_000, investment: 1 }, teamA.id),
    ed: await epic("d", null, { planned: 1, realised: 1_000_000, investment: 1 }, teamA.id),
  };
}

/*
 * Twelve epics P1…P12 with ranking snapshots:
 *   1 Jan:  P1 … P12 at positions 1 … 12
 *   31 Jan: P1 … P8 at 1 … 8, P11 at 9, P12 at 10, P9 at 11, P10 at 12
 * and a live ranking (rank keys) of P12 first, then P1 … P11 (the value epics above rank after them: "y…").
 */
async function rankings() {
  const db = getDb();
  const epics: { id: number; key: string }[] = [];
  for (let i = 1; i <= 12; i++) {
    const live = i === 12 ? "b00" : `b${String(i).padStart(2, "0")}`;
    epics.push(await makeItem({ level: "EPIC", rank: live, status: "IMPLEMENTING" }));
  }
  rankKeys = epics.map((e) => e.key);
  const endOrder = [1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 9, 10];
  await db.portfolioRankSnapshot.createMany({
    data: [
      ...epics.map((e, i) => ({ takenOn: utcDate(2026, 1, 1), itemId: e.id, position: i + 1 })),
      ...endOrder.map((n, i) => ({ takenOn: utcDate(2026, 1, 31), itemId: epics[n - 1]!.id, position: i + 1 })),
    ],
  });
}

beforeAll(async () => {
  teamA = await makeTeam();
  teamB = await makeTeam();
  teamC = await makeTeam();
  teamD = await makeTeam();
  await epicsForValue();
  await rankings();

  vs = {
    covered: await makeValueStream(),
    sharedOnly: await makeValueStream(),
    archivedOnly: await makeValueStream(),
    empty: await makeValueStream(),
    two: await makeValueStream(),
  };
  coveredPod = await makeTeam({ valueStreamId: vs.covered.id });
  await makeTeam({ valueStreamId: vs.sharedOnly.id, kind: "SHARED_SERVICE" });
  await makeTeam({ valueStreamId: vs.archivedOnly.id, archivedAt: new Date("2025-12-01T00:00:00Z") });
  await makeTeam({ valueStreamId: vs.two.id });
  await makeTeam({ valueStreamId: vs.two.id });
  unassigned = teamC;
});

describe("portfolio ROI", () => {
  it("is (Σ realised − Σ investment) ÷ Σ investment over the epics delivered by the period's end", async () => {
    // Delivered by 31 Jan: EA, EB, EE (EC later; ED not done). Missing values count as 0.
    // Realised 120 000 + 0 + 5 000 = 125 000; investment 40 000 + 20 000 + 0 = 60 000.
    // (125 000 − 60 000) ÷ 60 000 = 1.0833.
    const result = await getPortfolioRoi(args(JANUARY, PORTFOLIO));
    expect(result).toMatchObject({ realised: 125_000, investment: 60_000, epics: 3 });
    expect(result.value).toBeCloseTo(65_000 / 60_000, 10);
  });

  it("takes the epics with a feature of the team in a team scope", async () => {
    // Team A: EA only → (120 000 − 40 000) ÷ 40 000 = 2.
    expect((await getPortfolioRoi(args(JANUARY, teamScope(teamA.id)))).value).toBe(2);
  });

  it("is null (—) with no investment: ÷ 0", async () => {
    // Team D: EE, investment missing → (5 000 − 0) ÷ 0.
    const result = await getPortfolioRoi(args(JANUARY, teamScope(teamD.id)));
    expect(result).toMatchObject({ value: null, epics: 1, investment: 0 });
    expect(formatPercent(result.value)).toBe("—");
  });

  it("is null with no delivered epic", async () => {
    expect(await getPortfolioRoi(args(JANUARY, teamScope(teamC.id)))).toEqual({ value: null, realised: 0, investment: 0, epics: 0 });
  });
});

describe("benefit realisation rate", () => {
  it("is Σ realised ÷ Σ planned benefit of the delivered epics", async () => {
    // 125 000 ÷ (100 000 + 50 000 + 10 000 = 160 000) = 0.78125.
    const result = await getBenefitRealisation(args(JANUARY, PORTFOLIO));
    expect(result).toEqual({ value: 0.78125, realised: 125_000, planned: 160_000, epics: 3 });
  });

  it("is per scope, and null without delivered epics", async () => {
    // Team A: 120 000 ÷ 100 000 = 1.2; team D: 5 000 ÷ 10 000 = 0.5; team C: none.
    expect((await getBenefitRealisation(args(JANUARY, teamScope(teamA.id)))).value).toBeCloseTo(1.2, 10);
    expect((await getBenefitRealisation(args(JANUARY, teamScope(teamD.id)))).value).toBe(0.5);
    expect((await getBenefitRealisation(args(JANUARY, teamScope(teamC.id)))).value).toBeNull();
  });

  it("lists the delivered epics behind both", async () => {
    const rows = await listDeliveredEpics(args(JANUARY, PORTFOLIO));
    expect(rows.map((r) => r.key).sort()).toEqual([epicKeys.ea, epicKeys.eb, epicKeys.ee].sort());
    expect(rows.find((r) => r.key === epicKeys.ea)).toMatchObject({ roi: 2, incomplete: false });
    expect(rows.find((r) => r.key === epicKeys.eb)).toMatchObject({ realised: 0, incomplete: true });
  });
});

describe("priority stability", () => {
  it("is the share of the start's top 10 still in the top 10 at the end (snapshots)", async () => {
    // Top 10 on 1 Jan: P1…P10. On 31 Jan: P1…P8, P11, P12. Still there: P1…P8 = 8 of 10 → 0.8.
    expect(await getPriorityStability(args(JANUARY, PORTFOLIO))).toEqual({
      numerator: 8, denominator: 10, value: 0.8, startSnapshot: "2026-01-01",
    });
  });

  it("reads the latest snapshot on or before the start", async () => {
    // No snapshot on 5 Jan: the one of 1 Jan is the ranking then. Same result.
    const result = await getPriorityStability(args({ start: "2026-01-05", end: "2026-01-31" }, teamScope(teamA.id)));
    expect(result).toMatchObject({ value: 0.8, startSnapshot: "2026-01-01" });
  });

  it("compares with the live ranking when the period ends today", async () => {
    // Live: P12, P1, P2, …, P9 in the top 10 (then P10, P11, then the value epics ranked "y…").
    // Of P1…P10 at the start, P1…P9 remain → 9 ÷ 10 = 0.9.
    expect((await getPriorityStability(args({ start: "2026-01-01", end: today() }, PORTFOLIO))).value).toBe(0.9);
  });

  it("is null (—) before any ranking was recorded", async () => {
    expect(await getPriorityStability(args({ start: "2025-12-01", end: "2026-01-31" }, PORTFOLIO))).toEqual({
      numerator: 0, denominator: 0, value: null, startSnapshot: null,
    });
  });

  it("lists the epics that were or became top 10", async () => {
    const rows = await listRankChanges(args(JANUARY, PORTFOLIO));
    expect(rows).toHaveLength(12);
    expect(rows.filter((r) => r.stayed)).toHaveLength(8);
    expect(rows.find((r) => r.key === rankKeys[8])).toMatchObject({ startPosition: 9, endPosition: 11, inStartTop: true, stayed: false });
    expect(rows.find((r) => r.key === rankKeys[10])).toMatchObject({ startPosition: 11, endPosition: 9, inStartTop: false, stayed: false });
  });
});

describe("value stream coverage", () => {
  it("is value streams with at least one delivery pod ÷ value streams", async () => {
    // Covered: the one with a pod, the one with two pods. Not: shared service only, archived pod only, none.
    // 2 ÷ 5 = 0.4.
    expect(await getValueStreamCoverage(args(JANUARY, PORTFOLIO))).toEqual({ numerator: 2, denominator: 5, value: 0.4 });
    const rows = await listValueStreamCoverage(args(JANUARY, PORTFOLIO));
    expect(rows.find((r) => r.id === vs.two.id)).toMatchObject({ pods: 2, covered: true });
    expect(rows.find((r) => r.id === vs.archivedOnly.id)).toMatchObject({ pods: 0, covered: false });
  });

  it("is the value stream's own coverage in its scope, and the team's stream's in a team scope", async () => {
    expect(await getValueStreamCoverage(args(JANUARY, streamScope(vs.sharedOnly.id)))).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(await getValueStreamCoverage(args(JANUARY, teamScope(coveredPod.id)))).toEqual({ numerator: 1, denominator: 1, value: 1 });
  });

  it("is null (—) for a team outside any value stream (0 ÷ 0)", async () => {
    expect(await getValueStreamCoverage(args(JANUARY, teamScope(unassigned.id)))).toEqual({ numerator: 0, denominator: 0, value: null });
  });
});
