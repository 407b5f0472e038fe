import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import type { SprintStatus } from "@/lib/generated/prisma/enums";
import { computeSprintCapacity } from "@/lib/sprints/queries";
import { makeItem, makeMembership, makePerson, makeTeam, utcDate } from "@/tests/support/factories";
import { makeUser } from "@/tests/support/org";
import { makeInterval } from "@/tests/support/planning";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { planFeatureAction } = await import("@/lib/planning/actions");
const { getProgramBoard, readIntervalCapacity, readIntervalLoads, getItemPlanning } = await import("@/lib/planning/queries");

const db = () => getDb();

/*
 * The hand-worked example of tests/unit/planning/capacity.test.ts, in the database: the organisation's calendar is
 * Monday–Friday with Good Friday (3 April 2026) and Easter Monday (6 April) off; interval "Spring" runs Monday
 * 30 March → Tuesday 28 April 2026.
 *
 * Pod T: Ana (its product owner) 100 %, Ben 50 %, Cy 100 % and an OVERSIGHT VP (no sprint work).
 *   sprints 1–3 closed (10 working days each; Cy off 5 days in sprint 3), 35 points each:
 *     available days 25 + 25 + 20 = 70 → 105 points ÷ 70 days = 1.5 points a day
 *   sprint 4 running 23 Mar → 3 Apr, capacity fixed at 27: 9 working days, 4 inside → ⌊27 × 4 ÷ 9⌋ = 12
 *   sprint 5 planned 6 → 17 Apr: 9 working days; Ana off 1, Cy off 2.5 → 8 + 4.5 + 6.5 = 19 days × 1.5 = 28.5 → 28
 *   sprint 6 planned 20 Apr → 1 May: 10 working days, 25 days × 1.5 = 37.5 → 37; 7 inside → ⌊37 × 7 ÷ 10⌋ = 25
 *   capacity 12 + 28 + 25 = 65
 *
 *   feature A (sprint 5): stories 8 + 5, a cancelled 13 and an unestimated one → 13
 *   feature B (sprint 6): no stories, estimate 8                                  →  8
 *   feature C (no sprint): nothing estimated                                       →  unestimated
 *   feature D (sprint 6): carried over — a 5 done on 20 March, before the interval, and a 3 to do → 3
 *   feature X: cancelled                                                           →  not counted
 *   a story in sprint 4 under a feature not in the interval: 3                     →  3 (loose)
 *   load 13 + 8 + 3 + 3 = 27 against 65
 *
 * Pod U: Una (its product owner) at 100 %, no history (half a point a day): sprint 5 planned 6 → 17 Apr, 9 working days →
 * ⌊0.5 × 9⌋ = 4; sprint 6 20 Apr → 1 May, 7 days inside of 10: ⌊5 × 7 ÷ 10⌋ = 3. Capacity 7.
 *   feature U1 (sprint 5) estimate 10 → over-committed by 3. Feature A needs U1 (a dependency from a story of A).
 */
const d = (m: number, dd: number) => utcDate(2026, m, dd);

let fx: Awaited<ReturnType<typeof setUp>>;

async function sprint(teamId: number, number: number, status: SprintStatus, start: Date, end: Date, capacityPoints: number, completedPoints?: number) {
  return db().sprint.create({
    data: {
      teamId,
      number,
      status,
      startDate: start,
      endDate: end,
      capacityPoints,
      ...(status === "CLOSED" ? { goalMet: true, completedPoints: completedPoints ?? 0, closedAt: end, startedAt: start } : {}),
      ...(status === "ACTIVE" ? { startedAt: start } : {}),
    },
  });
}

async function setUp() {
  await db().organization.create({
    data: { name: "Planning test", holidays: { create: [{ date: d(4, 3), name: "Good Friday" }, { date: d(4, 6), name: "Easter Monday" }] } },
  });
  const interval = await makeInterval({ name: "Spring", start: d(3, 30), days: 30 });
  const t = await makeTeam({ name: "Pod T", cadenceAnchor: d(2, 9) });
  const u = await makeTeam({ name: "Pod U", cadenceAnchor: d(2, 9) });
  const poT = await makeUser("MEMBER", { teamId: t.id, role: "PRODUCT_OWNER" });
  const poU = await makeUser("MEMBER", { teamId: u.id, role: "PRODUCT_OWNER" });
  const leader = await makeUser("LEADER");
  // Ana is Pod T's product owner (100 %), Una Pod U's: they plan, and their days count like everyone's.
  const ana = poT.person;
  const una = poU.person;
  const [ben, cy, vp] = await Promise.all([makePerson(), makePerson(), makePerson()]);
  await makeMembership({ teamId: t.id, personId: ben.id, role: "CONTENT_STRATEGIST", allocationPct: 50 });
  await makeMembership({ teamId: t.id, personId: cy.id, role: "PAID_MEDIA", allocationPct: 100 });
  await makeMembership({ teamId: t.id, personId: vp.id, role: "OVERSIGHT", allocationPct: 100 });

  await sprint(t.id, 1, "CLOSED", d(2, 9), d(2, 20), 30, 35);
  await sprint(t.id, 2, "CLOSED", d(2, 23), d(3, 6), 30, 35);
  const s3 = await sprint(t.id, 3, "CLOSED", d(3, 9), d(3, 20), 30, 35);
  await db().sprintAvailability.create({ data: { sprintId: s3.id, personId: cy.id, daysOff: 5 } });
  const s4 = await sprint(t.id, 4, "ACTIVE", d(3, 23), d(4, 3), 27);
  const s5 = await sprint(t.id, 5, "PLANNED", d(4, 6), d(4, 17), 99);
  await db().sprintAvailability.createMany({ data: [{ sprintId: s5.id, personId: ana.id, daysOff: 1 }, { sprintId: s5.id, personId: cy.id, daysOff: 2.5 }] });
  const s6 = await sprint(t.id, 6, "PLANNED", d(4, 20), d(5, 1), 0);
  const u5 = await sprint(u.id, 5, "PLANNED", d(4, 6), d(4, 17), 0);
  const u6 = await sprint(u.id, 6, "PLANNED", d(4, 20), d(5, 1), 0);

  const epic = await makeItem({ level: "EPIC", planningIntervalId: interval.id });
  const bare = await makeItem({ level: "EPIC", planningIntervalId: interval.id, title: "Not broken down yet" });
  const other = await makeItem({ level: "FEATURE", teamId: t.id, parentId: epic.id });
  const fa = await makeItem({ level: "FEATURE", teamId: t.id, parentId: epic.id, estimate: 20, planningIntervalId: interval.id, plannedSprintId: s5.id });
  const storyA = await makeItem({ level: "STORY", teamId: t.id, parentId: fa.id, estimate: 8 });
  await makeItem({ level: "STORY", teamId: t.id, parentId: fa.id, estimate: 5 });
  await makeItem({ level: "STORY", teamId: t.id, parentId: fa.id, estimate: 13, status: "CANCELLED" });
  await makeItem({ level: "STORY", teamId: t.id, parentId: fa.id });
  const fb = await makeItem({ level: "FEATURE", teamId: t.id, parentId: epic.id, estimate: 8, planningIntervalId: interval.id, plannedSprintId: s6.id });
  const fc = await makeItem({ level: "FEATURE", teamId: t.id, parentId: epic.id, planningIntervalId: interval.id });
  const fd = await makeItem({ level: "FEATURE", teamId: t.id, parentId: epic.id, planningIntervalId: interval.id, plannedSprintId: s6.id });
  const doneEarly = await makeItem({ level: "STORY", teamId: t.id, parentId: fd.id, estimate: 5, status: "DONE" });
  await db().statusChange.create({ data: { itemId: doneEarly.id, fromStatus: "IN_REVIEW", toStatus: "DONE", changedAt: new Date("2026-03-20T15:00:00Z") } });
  await makeItem({ level: "STORY", teamId: t.id, parentId: fd.id, estimate: 3 });
  await makeItem({ level: "FEATURE", teamId: t.id, estimate: 40, status: "CANCELLED", planningIntervalId: interval.id, plannedSprintId: s5.id });
  const loose = await makeItem({ level: "STORY", teamId: t.id, parentId: other.id, estimate: 3 });
  await db().sprintItem.create({ data: { sprintId: s4.id, itemId: loose.id, committed: true, pointsAtStart: 3 } });
  // Team U's rank space holds real rank keys: a feature handed over goes below them.
  const u1 = await makeItem({ level: "FEATURE", teamId: u.id, parentId: epic.id, rank: "m", estimate: 10, planningIntervalId: interval.id, plannedSprintId: u5.id });
  const dep = await db().dependency.create({
    data: {
      key: `DEP-P${t.id}`,
      fromTeamId: t.id,
      fromItemId: storyA.id,
      toTeamId: u.id,
      toItemId: u1.id,
      type: "DATA_NEED",
      fromOwnerId: ana.id,
      toOwnerId: una.id,
      neededBy: d(4, 15),
      loggedById: ana.id,
    },
  });
  return { interval, t, u, poT, poU, leader, s4, s5, s6, u5, u6, epic, bare, fa, fb, fc, u1, dep, storyA };
}

beforeAll(async () => {
  fx = await setUp();
}, 60_000);

const range = () => ({ id: fx.interval.id, startDate: "2026-03-30", endDate: "2026-04-28" });

describe("capacity per team per interval, in the database", () => {
  it("counts each sprint as worked out by hand: fixed, live (days off, holidays) and pro rata at the edges", async () => {
    const lines = await readIntervalCapacity(db(), range(), [fx.t.id]);
    expect(lines.map((l) => [l.number, l.status, l.workingDays, l.insideDays, l.sprintCapacity, l.capacity, l.partial])).toEqual([
      [4, "ACTIVE", 9, 4, 27, 12, true],
      [5, "PLANNED", 9, 9, 28, 28, false],
      [6, "PLANNED", 10, 7, 37, 25, true],
    ]);
  });

  it("gives a planned sprint the same capacity as its sprint page (lib/sprints' computeSprintCapacity)", async () => {
    for (const s of [fx.s5, fx.s6]) {
      const [line] = (await readIntervalCapacity(db(), range(), [fx.t.id])).filter((l) => l.sprintId === s.id);
      expect(line!.sprintCapacity).toBe((await computeSprintCapacity(db(), s)).capacityPoints);
    }
  });

  it("adds features' points by sprint and loose stories, leaving cancelled work out", async () => {
    const { loads } = await readIntervalLoads(db(), range(), null);
    const t = loads.get(fx.t.id)!;
    expect(t).toMatchObject({ capacity: 65, load: 27, unscheduled: 0, features: 4, unestimatedFeatures: 1, looseStories: 1, gap: 0 });
    expect(Object.fromEntries(t.bySprint)).toEqual({
      [fx.s4.id]: { capacity: 12, load: 3 },
      [fx.s5.id]: { capacity: 28, load: 13 },
      [fx.s6.id]: { capacity: 25, load: 11 },
    });
    expect(loads.get(fx.u.id)).toMatchObject({ capacity: 7, load: 10, gap: 3 });
  });
});

describe("the program board", () => {
  it("shows both teams, their cards by sprint, the over-committed team named, the dependency and the epic left to break down", async () => {
    const board = (await getProgramBoard(fx.interval.id))!;
    expect(board.teams.map((t) => [t.name, t.capacity, t.load, t.gap])).toEqual([
      ["Pod T", 65, 27, 0],
      ["Pod U", 7, 10, 3],
    ]);
    expect(board.findings.map((f) => f.message)).toEqual(["Pod U is over-committed by 3 points: 10 points planned against a capacity of 7."]);
    expect(board.cards.find((c) => c.id === fx.fa.id)).toMatchObject({ sprintId: fx.s5.id, points: 13 });
    expect(board.cards.find((c) => c.id === fx.fc.id)).toMatchObject({ sprintId: null, points: null });
    expect(board.lines).toEqual([expect.objectContaining({ fromFeatureId: fx.fa.id, toFeatureId: fx.u1.id, state: "tight" })]);
    expect(board.remainders.map((r) => [r.key, r.notBrokenDown])).toEqual([
      [fx.epic.key, false],
      [fx.bare.key, true],
    ]);
  });

  it("turns the line red when the providing feature is dragged to a later sprint, and reports the new loads", async () => {
    signInAs(fx.poU.user.id);
    const u1 = (await db().backlogItem.findUnique({ where: { id: fx.u1.id } }))!;
    const moved = await planFeatureAction({ featureId: u1.id, version: u1.version, intervalId: fx.interval.id, sprintId: fx.u6.id });
    expect(moved).toMatchObject({ ok: true, data: { loads: [{ teamId: fx.u.id, capacity: 7, load: 10, gap: 3 }] } });
    if (moved.ok) expect(moved.data.warning).toBe("Pod U is over-committed by 3 points: 10 points planned against a capacity of 7.");
    const board = (await getProgramBoard(fx.interval.id))!;
    expect(board.lines[0]).toMatchObject({ state: "late" });
    expect(board.teams.find((t) => t.id === fx.u.id)!.cells).toMatchObject({ [fx.u5.id]: { load: 0 }, [fx.u6.id]: { load: 10 } });
    const event = await db().auditEvent.findFirst({ where: { entityType: "BacklogItem", entityId: String(u1.id), action: "planning.plan" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ before: { sprint: 5, team: "Pod U" }, after: { sprint: 6, team: "Pod U" } });
    expect(await getItemPlanning(fx.storyA.id)).toMatchObject({ interval: { name: "Spring" }, via: "feature", plannedSprint: { number: 5 } });
  });

  it("lets one of two concurrent drags of the same card win and tells the other who moved it", async () => {
    signInAs(fx.poT.user.id);
    const fb = (await db().backlogItem.findUnique({ where: { id: fx.fb.id } }))!;
    const [a, b] = await Promise.all([
      planFeatureAction({ featureId: fb.id, version: fb.version, intervalId: fx.interval.id, sprintId: fx.s5.id }),
      planFeatureAction({ featureId: fb.id, version: fb.version, intervalId: fx.interval.id, sprintId: null }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, reason: "CONFLICT" });
    if (loser && !loser.ok) expect(loser.message).toMatch(new RegExp(`^${fb.key} was changed by ${fx.poT.person.name} at .+ after you opened it\\.`));
    const after = (await db().backlogItem.findUnique({ where: { id: fb.id } }))!;
    expect(after.version).toBe(fb.version + 1);
    expect(await db().auditEvent.count({ where: { entityType: "BacklogItem", entityId: String(fb.id), action: "planning.plan" } })).toBe(1);
  });

  it("refuses a sprint of another team, a closed sprint and a planner of another team, changing nothing", async () => {
    signInAs(fx.poT.user.id);
    const fa = (await db().backlogItem.findUnique({ where: { id: fx.fa.id } }))!;
    expect(await planFeatureAction({ featureId: fa.id, version: fa.version, intervalId: fx.interval.id, sprintId: fx.u6.id })).toMatchObject({
      ok: false,
      reason: "INVALID",
      message: "That sprint is not one of Pod T's.",
    });
    signInAs(fx.poU.user.id);
    expect(await planFeatureAction({ featureId: fa.id, version: fa.version, intervalId: fx.interval.id, sprintId: fx.s6.id })).toMatchObject({ ok: false, reason: "NOT_ALLOWED" });
    signInAs(fx.poT.user.id);
    expect(await planFeatureAction({ featureId: fa.id, version: fa.version, intervalId: fx.interval.id, sprintId: fx.s6.id, teamId: fx.u.id })).toMatchObject({
      ok: false,
      reason: "NOT_ALLOWED",
      message: "You can hand a feature only to a team whose features you plan.",
    });
    expect((await db().backlogItem.findUnique({ where: { id: fa.id } }))!).toMatchObject({ version: fa.version, plannedSprintId: fx.s5.id, teamId: fx.t.id });
  });

  it("hands a feature to another team with its stories while none has started; a leader may", async () => {
    const feature = await makeItem({ level: "FEATURE", teamId: fx.t.id, planningIntervalId: fx.interval.id });
    const s1 = await makeItem({ level: "STORY", teamId: fx.t.id, parentId: feature.id, estimate: 2 });
    const s2 = await makeItem({ level: "STORY", teamId: fx.t.id, parentId: feature.id, estimate: 3, status: "IN_PROGRESS" });
    signInAs(fx.leader.user.id);
    const refused = await planFeatureAction({ featureId: feature.id, version: feature.version, intervalId: fx.interval.id, sprintId: fx.u6.id, teamId: fx.u.id });
    expect(refused).toMatchObject({ ok: false, reason: "INVALID", message: `${s2.key} of ${feature.key} is under way in Pod T: the feature stays with the team doing its work.` });
    await db().backlogItem.update({ where: { id: s2.id }, data: { status: "READY" } });
    const handed = await planFeatureAction({ featureId: feature.id, version: feature.version, intervalId: fx.interval.id, sprintId: fx.u6.id, teamId: fx.u.id });
    expect(handed).toMatchObject({ ok: true });
    const rows = await db().backlogItem.findMany({ where: { id: { in: [feature.id, s1.id, s2.id] } }, select: { teamId: true, plannedSprintId: true, level: true } });
    expect(rows.every((r) => r.teamId === fx.u.id)).toBe(true);
    expect(rows.find((r) => r.level === "FEATURE")!.plannedSprintId).toBe(fx.u6.id);
  });
});
