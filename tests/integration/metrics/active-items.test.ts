import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import type { DependencyStatus, ItemStatus } from "@/lib/generated/prisma/enums";
import { formatPercent } from "@/lib/metrics/definitions";
import { getBlockedWork, getFlowLoad, listActiveItems } from "@/lib/metrics/queries";
import { makeItem, makePerson, makeTeam, unique, utcDate } from "@/tests/support/factories";
import { PORTFOLIO, args, teamScope } from "./fixtures";

/*
 * States "now": blocked work % and flow load. Team T has a running sprint; team P is the other side of its
 * dependencies. The period does not matter for either.
 *
 *   A1  in progress, in no sprint                        active
 *   A2  blocked (status)                                 active, blocked
 *   A3  ready, in the running sprint, OPEN dependency    active, blocked (rule 6)
 *   A4  ready, removed from the running sprint           not active
 *   A5  in review, its dependency RESOLVED               active
 *   A6  backlog, OPEN dependency, in no sprint           not active (not started, not planned)
 *   A7  done, in the running sprint                      not active
 *   A8  ready, in a closed sprint                        not active
 *   A9  in progress, its dependency CANCELLED            active
 *   A10 feature in progress with a story (a container)  not a work item
 *   A11 A10's story, in progress, dependency BLOCKED     active, blocked
 * Active: A1 A2 A3 A5 A9 A11 = 6. Blocked: A2 A3 A11 = 3. In progress (in progress/blocked/in review): A1 A2 A5 A9 A11 = 5.
 */
const PERIOD = { start: "2026-01-05", end: "2026-01-18" };
let team: { id: number };
let empty: { id: number };
const keys: Record<string, string> = {};

beforeAll(async () => {
  const db = getDb();
  team = await makeTeam();
  const partner = await makeTeam();
  empty = await makeTeam();
  const owner = await makePerson();
  const running = await db.sprint.create({
    data: { teamId: team.id, number: 2, startDate: utcDate(2026, 1, 12), endDate: utcDate(2026, 1, 23), capacityPoints: 20, status: "ACTIVE" },
  });
  const closed = await db.sprint.create({
    data: {
      teamId: team.id, number: 1, startDate: utcDate(2025, 12, 29), endDate: utcDate(2026, 1, 9), capacityPoints: 20,
      status: "CLOSED", goalMet: true, completedPoints: 10,
    },
  });
  const story = async (name: string, status: ItemStatus, extra: { parentId?: number } = {}) => {
    const item = await makeItem({ level: "STORY", teamId: team.id, status, estimate: 3, ...extra });
    keys[name] = item.key;
    return item;
  };
  const dependOn = (itemId: number, status: DependencyStatus) =>
    db.dependency.create({
      data: {
        key: unique("DEP"), fromTeamId: team.id, fromItemId: itemId, toTeamId: partner.id, type: "DATA_NEED",
        fromOwnerId: owner.id, toOwnerId: owner.id, loggedById: owner.id, neededBy: utcDate(2026, 1, 20), status,
        resolvedAt: status === "RESOLVED" ? new Date("2026-01-10T10:00:00Z") : null,
      },
    });
  const inSprint = (sprintId: number, itemId: number, removed = false) =>
    db.sprintItem.create({ data: { sprintId, itemId, committed: true, removedAt: removed ? new Date("2026-01-14T10:00:00Z") : null } });

  await story("a1", "IN_PROGRESS");
  await story("a2", "BLOCKED");
  const a3 = await story("a3", "READY");
  await inSprint(running.id, a3.id);
  await dependOn(a3.id, "OPEN");
  const a4 = await story("a4", "READY");
  await inSprint(running.id, a4.id, true);
  const a5 = await story("a5", "IN_REVIEW");
  await dependOn(a5.id, "RESOLVED");
  const a6 = await story("a6", "BACKLOG");
  await dependOn(a6.id, "OPEN");
  const a7 = await story("a7", "DONE");
  await inSprint(running.id, a7.id);
  const a8 = await story("a8", "READY");
  await inSprint(closed.id, a8.id);
  const a9 = await story("a9", "IN_PROGRESS");
  await dependOn(a9.id, "CANCELLED");
  const a10 = await makeItem({ level: "FEATURE", teamId: team.id, status: "IN_PROGRESS", estimate: 8 });
  const a11 = await story("a11", "IN_PROGRESS", { parentId: a10.id });
  await dependOn(a11.id, "BLOCKED");
});

describe("blocked work %", () => {
  it("is blocked active items ÷ active items", async () => {
    // 3 blocked (A2 by status, A3 and A11 by an unresolved dependency) of 6 active = 0.5.
    expect(await getBlockedWork(args(PERIOD, teamScope(team.id)))).toEqual({ numerator: 3, denominator: 6, value: 0.5 });
  });

  it("is null (—) for a team with no active items: 0 ÷ 0", async () => {
    const result = await getBlockedWork(args(PERIOD, teamScope(empty.id)));
    expect(result).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(formatPercent(result.value)).toBe("—");
  });

  it("lists the blocked items first, each with what blocks it", async () => {
    const rows = await listActiveItems(args(PERIOD, teamScope(team.id)));
    expect(rows.filter((r) => r.blocked).map((r) => r.key).sort()).toEqual([keys.a2, keys.a3, keys.a11].sort());
    expect(rows.filter((r) => !r.blocked).map((r) => r.key).sort()).toEqual([keys.a1, keys.a5, keys.a9].sort());
    expect(rows.slice(0, 3).every((r) => r.blocked)).toBe(true);
    const a3 = rows.find((r) => r.key === keys.a3);
    expect(a3).toMatchObject({ sprint: "Sprint 2", inProgress: false });
    expect(a3?.blockingDependencies).toHaveLength(1);
  });
});

describe("flow load", () => {
  it("counts work items in progress, blocked or in review now", async () => {
    // A1, A2, A5, A9, A11 = 5 (A3 is only planned; A10 is a container).
    expect(await getFlowLoad(args(PERIOD, teamScope(team.id)))).toEqual({ items: 5 });
  });

  it("is 0 for a team with nothing in progress, and the portfolio holds the same 5", async () => {
    expect(await getFlowLoad(args(PERIOD, teamScope(empty.id)))).toEqual({ items: 0 });
    expect(await getFlowLoad(args(PERIOD, PORTFOLIO))).toEqual({ items: 5 });
  });
});
