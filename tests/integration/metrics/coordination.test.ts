import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { DependencyStatus } from "@/lib/generated/prisma/enums";
import { formatPercent } from "@/lib/metrics/definitions";
import {
  getDependencyResolutionRate,
  getImprovementCompletion,
  getSlaCompliance,
  listDeliveredRequests,
  listResolvedDependencies,
  listRetroActions,
} from "@/lib/metrics/queries";
import { makePerson, makeTeam, unique, utcDate } from "@/tests/support/factories";
import { PORTFOLIO, args, at, teamScope } from "./fixtures";

/*
 * Dependency resolution rate, SLA compliance and improvement completion. Period: 5–18 January 2026
 * ([2026-01-05T00:00Z, 2026-01-19T00:00Z) — London is on UTC in January). Teams A, B, C; service S.
 */
const PERIOD = { start: "2026-01-05", end: "2026-01-18" };
let a: { id: number };
let b: { id: number };
let c: { id: number };
let quiet: { id: number };
let service: { id: number };

beforeAll(async () => {
  const db = getDb();
  a = await makeTeam();
  b = await makeTeam();
  c = await makeTeam();
  quiet = await makeTeam();
  service = await makeTeam({ kind: "SHARED_SERVICE" });
  const person = await makePerson();

  /*
   *   D1 A→B needed 10 Jan, resolved  9 Jan 15:00    on time
   *   D2 A→B needed 10 Jan, resolved 10 Jan 23:30    on time (same day where the teams work)
   *   D3 B→A needed  8 Jan, resolved 12 Jan 10:00    late
   *   D4 A→C needed 20 Jan, resolved  4 Jan          before the period
   *   D5 A→B needed 10 Jan, still open               not resolved
   *   D6 B→C needed 10 Jan, resolved 11 Jan 00:30    late
   */
  const dependency = (fromTeamId: number, toTeamId: number, neededBy: Date, status: DependencyStatus, resolvedAt: string | null) =>
    db.dependency.create({
      data: {
        key: unique("DEP"), fromTeamId, toTeamId, type: "SHARED_RESOURCE", fromOwnerId: person.id, toOwnerId: person.id,
        loggedById: person.id, neededBy, status, resolvedAt: resolvedAt ? at(resolvedAt) : null,
      },
    });
  await dependency(a.id, b.id, utcDate(2026, 1, 10), "RESOLVED", "2026-01-09T15:00:00Z");
  await dependency(a.id, b.id, utcDate(2026, 1, 10), "RESOLVED", "2026-01-10T23:30:00Z");
  await dependency(b.id, a.id, utcDate(2026, 1, 8), "RESOLVED", "2026-01-12T10:00:00Z");
  await dependency(a.id, c.id, utcDate(2026, 1, 20), "RESOLVED", "2026-01-04T10:00:00Z");
  await dependency(a.id, b.id, utcDate(2026, 1, 10), "OPEN", null);
  await dependency(b.id, c.id, utcDate(2026, 1, 10), "RESOLVED", "2026-01-11T00:30:00Z");

  /*
   *   R1 from A  due  8 Jan 17:00, delivered  8 Jan 16:00   on time
   *   R2 from A  due  9 Jan 12:00, delivered  9 Jan 12:00   on time (exactly at the due time)
   *   R3 from B  due  9 Jan 12:00, delivered 12 Jan 09:00   late
   *   R4 from A  delivered 20 Jan                           after the period
   *   R5 from A  still open                                 not delivered
   */
  const sla = await db.serviceLevelAgreement.create({
    data: { teamId: service.id, requestType: "Design review", requestDays: [1, 2, 3, 4, 5], turnaround: 2, turnaroundUnit: "BUSINESS_DAYS", intakeMethod: "TICKET" },
  });
  const request = (teamId: number, due: string, delivered: string | null) =>
    db.serviceRequest.create({
      data: {
        key: unique("REQ"), slaId: sla.id, requestingTeamId: teamId, requesterId: person.id, title: "A request",
        status: delivered ? "DELIVERED" : "SUBMITTED", submittedAt: at("2026-01-05T09:00:00Z"),
        clockStartsAt: at("2026-01-05T09:00:00Z"), dueAt: at(due), deliveredAt: delivered ? at(delivered) : null,
      },
    });
  await request(a.id, "2026-01-08T17:00:00Z", "2026-01-08T16:00:00Z");
  await request(a.id, "2026-01-09T12:00:00Z", "2026-01-09T12:00:00Z");
  await request(b.id, "2026-01-09T12:00:00Z", "2026-01-12T09:00:00Z");
  await request(a.id, "2026-01-21T12:00:00Z", "2026-01-20T12:00:00Z");
  await request(a.id, "2026-01-09T12:00:00Z", null);

  /*
   * Retro actions of team A's sprint:
   *   X1 created  6 Jan, done 10 Jan       done
   *   X2 created  7 Jan, not done
   *   X3 created  8 Jan, done 25 Jan       not done by the period's end
   *   X4 created 30 Dec 2025, done         before the period
   *   X5 created  9 Jan, done (no date)    done
   */
  const sprint = await db.sprint.create({
    data: { teamId: a.id, number: 1, startDate: utcDate(2025, 12, 22), endDate: utcDate(2026, 1, 2), capacityPoints: 20, status: "CLOSED", goalMet: true, completedPoints: 18 },
  });
  const action = (title: string, created: string, done: boolean, doneAt: string | null) =>
    db.retroActionItem.create({ data: { sprintId: sprint.id, title, createdAt: at(created), done, doneAt: doneAt ? at(doneAt) : null } });
  await action("X1", "2026-01-06T10:00:00Z", true, "2026-01-10T10:00:00Z");
  await action("X2", "2026-01-07T10:00:00Z", false, null);
  await action("X3", "2026-01-08T10:00:00Z", true, "2026-01-25T10:00:00Z");
  await action("X4", "2025-12-30T10:00:00Z", true, "2026-01-06T10:00:00Z");
  await action("X5", "2026-01-09T10:00:00Z", true, null);
});

describe("dependency resolution rate", () => {
  it("is dependencies resolved by their needed-by date ÷ resolved, in the period, either side in scope", async () => {
    // Team A: D1 on time, D2 on time, D3 late → 2 ÷ 3.
    expect(await getDependencyResolutionRate(args(PERIOD, teamScope(a.id)))).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
  });

  it("counts every resolved one in the portfolio, and only D6 for team C", async () => {
    // Portfolio: D1, D2 on time; D3, D6 late → 2 ÷ 4 = 0.5. Team C: D6 late → 0 ÷ 1 = 0 (D4 was before the period).
    expect(await getDependencyResolutionRate(args(PERIOD, PORTFOLIO))).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(await getDependencyResolutionRate(args(PERIOD, teamScope(c.id)))).toEqual({ numerator: 0, denominator: 1, value: 0 });
  });

  it("is null (—) with nothing resolved (0 ÷ 0)", async () => {
    const result = await getDependencyResolutionRate(args(PERIOD, teamScope(quiet.id)));
    expect(result.value).toBeNull();
    expect(formatPercent(result.value)).toBe("—");
  });

  it("lists the resolved dependencies, late ones first", async () => {
    const rows = await listResolvedDependencies(args(PERIOD, teamScope(a.id)));
    expect(rows.map((r) => r.onTime)).toEqual([false, true, true]);
    expect(rows[0]).toMatchObject({ neededBy: "2026-01-08", resolvedAt: "2026-01-12T10:00:00.000Z" });
  });
});

describe("SLA compliance", () => {
  it("is requests delivered by their due time ÷ delivered, in the period", async () => {
    // Team A asked: R1 on time, R2 on time (at the due minute) → 2 ÷ 2 = 1. R4 after, R5 open.
    expect(await getSlaCompliance(args(PERIOD, teamScope(a.id)))).toEqual({ numerator: 2, denominator: 2, value: 1 });
  });

  it("counts the service's own requests in its scope", async () => {
    // Service S served R1, R2 (on time) and R3 (late) → 2 ÷ 3.
    expect(await getSlaCompliance(args(PERIOD, teamScope(service.id)))).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect((await listDeliveredRequests(args(PERIOD, PORTFOLIO))).map((r) => r.onTime)).toEqual([false, true, true]);
  });

  it("is null (—) when nothing was delivered (0 ÷ 0)", async () => {
    expect(await getSlaCompliance(args(PERIOD, teamScope(quiet.id)))).toEqual({ numerator: 0, denominator: 0, value: null });
  });
});

describe("improvement completion", () => {
  it("is retro actions created in the period and done by its end ÷ created", async () => {
    // Created in the period: X1 (done), X2 (open), X3 (done only after the period), X5 (done) → 2 ÷ 4 = 0.5.
    expect(await getImprovementCompletion(args(PERIOD, teamScope(a.id)))).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    const rows = await listRetroActions(args(PERIOD, teamScope(a.id)));
    expect(rows.map((r) => [r.title, r.done])).toEqual([
      ["X3", false], ["X2", false], ["X5", true], ["X1", true],
    ]);
  });

  it("is null (—) for a team with no retro actions (0 ÷ 0)", async () => {
    expect(await getImprovementCompletion(args(PERIOD, teamScope(b.id)))).toEqual({ numerator: 0, denominator: 0, value: null });
  });
});
