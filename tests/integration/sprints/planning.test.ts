import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { DEFAULT_POINTS_PER_DAY } from "@/lib/sprints/capacity";
import { makeItem, makeMembership, makePerson, makeTeam, utcDate } from "@/tests/support/factories";
import { makeUser } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";
import { makeReadyStory } from "./fixtures";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { generateSprintsAction, setAvailabilityAction, addToSprintAction, removeFromSprintAction, startSprintAction, closeSprintAction, addRetroActionAction, setRetroActionDoneAction } =
  await import("@/lib/sprints/actions");
const { updateItemAction } = await import("@/lib/backlog/actions");

const db = () => getDb();

/**
 * A pod of its own: a product owner (100 %), a designer (100 %), a writer at 60 % and an OVERSIGHT VP (no sprint
 * work). Sprints are two weeks, anchored on Monday 2026-03-02 (no holidays: the test database has no organisation,
 * so the calendar is Monday to Friday).
 */
async function makePod() {
  const team = await makeTeam({ cadenceDays: 10, cadenceAnchor: utcDate(2026, 3, 2) });
  const po = await makeUser("MEMBER", { teamId: team.id, role: "PRODUCT_OWNER" });
  const designer = await makePerson();
  await makeMembership({ teamId: team.id, personId: designer.id, role: "DESIGNER", allocationPct: 100 });
  const writer = await makePerson();
  await makeMembership({ teamId: team.id, personId: writer.id, role: "CONTENT_STRATEGIST", allocationPct: 60 });
  const vp = await makePerson();
  await makeMembership({ teamId: team.id, personId: vp.id, role: "OVERSIGHT", allocationPct: 10 });
  const feature = await makeItem({ level: "FEATURE", teamId: team.id });
  return { team, po, designer, writer, vp, feature };
}

type Pod = Awaited<ReturnType<typeof makePod>>;

async function generate(pod: Pod, count = 1) {
  signInAs(pod.po.user.id);
  const result = await generateSprintsAction({ teamId: pod.team.id, count });
  expect(result.ok).toBe(true);
  return db().sprint.findMany({ where: { teamId: pod.team.id }, orderBy: { number: "asc" } });
}

const data = <T,>(result: { ok: true; data: T } | { ok: false; message: string }): T => {
  if (!result.ok) throw new Error(`expected success, got: ${result.message}`);
  return result.data;
};

describe("sprints from the cadence, and capacity", () => {
  let pod: Pod;
  beforeAll(async () => {
    pod = await makePod();
  });

  it("generates back-to-back sprints of ten working days from the anchor", async () => {
    const sprints = await generate(pod, 2);
    expect(sprints.map((s) => [s.number, s.startDate.toISOString().slice(0, 10), s.endDate.toISOString().slice(0, 10), s.status])).toEqual([
      [1, "2026-03-02", "2026-03-13", "PLANNED"],
      [2, "2026-03-16", "2026-03-27", "PLANNED"],
    ]);
  });

  it("sizes a sprint as points per day × Σ allocation × (working days − days off), without oversight roles", async () => {
    const [first] = await db().sprint.findMany({ where: { teamId: pod.team.id }, orderBy: { number: "asc" } });
    // No closed sprint yet: the default rate. Available days: 10 (PO) + 10 (designer) + 6 (writer at 60 %) = 26.
    expect(first!.capacityPoints).toBe(Math.floor(DEFAULT_POINTS_PER_DAY * 26));
  });

  it("drops the capacity when a member takes days off", async () => {
    const [first] = await db().sprint.findMany({ where: { teamId: pod.team.id }, orderBy: { number: "asc" } });
    signInAs(pod.po.user.id);
    const result = data(await setAvailabilityAction({ sprintId: first!.id, personId: pod.designer.id, daysOff: 4 }));
    expect(result.capacityPoints).toBe(Math.floor(DEFAULT_POINTS_PER_DAY * 22)); // 6 + 10 + 6
    expect((await db().sprint.findUnique({ where: { id: first!.id } }))!.capacityPoints).toBe(11);
  });

  it("refuses days off for someone outside the sprint team, and more days off than the sprint has", async () => {
    const [first] = await db().sprint.findMany({ where: { teamId: pod.team.id }, orderBy: { number: "asc" } });
    signInAs(pod.po.user.id);
    expect(await setAvailabilityAction({ sprintId: first!.id, personId: pod.vp.id, daysOff: 1 })).toMatchObject({ ok: false, reason: "INVALID" });
    expect(await setAvailabilityAction({ sprintId: first!.id, personId: pod.writer.id, daysOff: 11 })).toMatchObject({
      ok: false,
      reason: "INVALID",
      fieldErrors: { daysOff: "At most 10 days" },
    });
  });
});

describe("planning: the readiness gate, the capacity warning, insertions", () => {
  let pod: Pod;
  let sprintId: number;
  beforeAll(async () => {
    pod = await makePod();
    const [first] = await generate(pod);
    sprintId = first!.id;
  });

  it("refuses a story that is not ready, naming what is missing, and changes nothing", async () => {
    const story = await makeItem({ level: "STORY", teamId: pod.team.id, parentId: pod.feature.id, estimate: 3 });
    signInAs(pod.po.user.id);
    const result = await addToSprintAction({ sprintId, itemId: story.id });
    expect(result).toMatchObject({ ok: false, reason: "INVALID" });
    if (!result.ok) expect(result.message).toBe(`${story.key} is not ready: it needs an owner and acceptance criteria.`);
    expect(await db().sprintItem.count({ where: { sprintId } })).toBe(0);
  });

  it("asks for a brief link only where the team requires one", async () => {
    await db().team.update({ where: { id: pod.team.id }, data: { requiresBriefLink: true } });
    const story = await makeReadyStory(pod.team.id, pod.designer.id);
    signInAs(pod.po.user.id);
    const result = await addToSprintAction({ sprintId, itemId: story.id });
    expect(result).toMatchObject({ ok: false, message: `${story.key} is not ready: it needs a brief link.` });
    await db().team.update({ where: { id: pod.team.id }, data: { requiresBriefLink: false } });
    expect(await addToSprintAction({ sprintId, itemId: story.id })).toMatchObject({ ok: true });
    await removeFromSprintAction({ sprintId, itemId: story.id });
  });

  it("takes the story once it is groomed, and marks it Ready in the status history", async () => {
    const story = await makeItem({ level: "STORY", teamId: pod.team.id, parentId: pod.feature.id, estimate: 5 });
    signInAs(pod.po.user.id);
    const edit = await updateItemAction({
      itemId: story.id, version: story.version, title: story.title, description: "", status: "BACKLOG", estimate: 5,
      acceptanceCriteria: "The offer shows on the landing page.", briefUrl: null, ownerPersonId: pod.designer.id,
    });
    expect(edit.ok).toBe(true);
    const added = data(await addToSprintAction({ sprintId, itemId: story.id }));
    expect(added).toMatchObject({ plannedPoints: 5, capacityPoints: 13, midSprint: false, warning: null });
    expect((await db().backlogItem.findUnique({ where: { id: story.id } }))!.status).toBe("READY");
    const history = await db().statusChange.findMany({ where: { itemId: story.id }, orderBy: { id: "asc" } });
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toContainEqual(["BACKLOG", "READY"]);
  });

  it("keeps a story in one open sprint at a time", async () => {
    const story = await makeReadyStory(pod.team.id, pod.designer.id, { estimate: 1 });
    const [, second] = await generate(pod);
    signInAs(pod.po.user.id);
    expect(await addToSprintAction({ sprintId, itemId: story.id })).toMatchObject({ ok: true });
    const again = await addToSprintAction({ sprintId: second!.id, itemId: story.id });
    expect(again).toMatchObject({ ok: false, reason: "INVALID" });
    if (!again.ok) expect(again.message).toMatch(/already planned into Sprint 1/);
  });

  it("warns above capacity but still plans the story", async () => {
    const big = await makeReadyStory(pod.team.id, pod.designer.id, { estimate: 8 });
    signInAs(pod.po.user.id);
    const added = data(await addToSprintAction({ sprintId, itemId: big.id }));
    // 5 + 1 + 8 = 14 planned against 13.
    expect(added.plannedPoints).toBe(14);
    expect(added.warning).toBe("Planned 14 points against a capacity of 13: 1 point over.");
    expect(await db().sprintItem.count({ where: { sprintId, removedAt: null } })).toBe(3);
  });

  it("starts the sprint: the committed set and its points are kept, and capacity is fixed", async () => {
    const sprint = (await db().sprint.findUnique({ where: { id: sprintId } }))!;
    signInAs(pod.po.user.id);
    const started = data(await startSprintAction({ sprintId, version: sprint.version }));
    expect(started).toMatchObject({ committedPoints: 14, capacityPoints: 13 });
    expect(started.warning).toMatch(/1 point over/);
    const entries = await db().sprintItem.findMany({ where: { sprintId }, include: { item: true }, orderBy: { id: "asc" } });
    expect(entries.every((e) => e.committed && !e.midSprint && e.pointsAtStart === e.item.estimate)).toBe(true);
    // Re-estimating later does not rewrite what was committed.
    await db().backlogItem.update({ where: { id: entries[0]!.itemId }, data: { estimate: 13 } });
    expect((await db().sprintItem.findUnique({ where: { id: entries[0]!.id } }))!.pointsAtStart).not.toBe(13);
    // Days off no longer move a running sprint's capacity.
    expect(await setAvailabilityAction({ sprintId, personId: pod.writer.id, daysOff: 1 })).toMatchObject({ ok: false, reason: "INVALID" });
  });

  it("flags a story added after the start as a mid-sprint insertion, and keeps removals", async () => {
    const late = await makeReadyStory(pod.team.id, pod.designer.id, { estimate: 2 });
    signInAs(pod.po.user.id);
    expect(data(await addToSprintAction({ sprintId, itemId: late.id }))).toMatchObject({ midSprint: true });
    const inserted = await db().sprintItem.findUnique({ where: { sprintId_itemId: { sprintId, itemId: late.id } } });
    expect(inserted).toMatchObject({ midSprint: true, committed: false, removedAt: null });

    expect(await removeFromSprintAction({ sprintId, itemId: late.id })).toMatchObject({ ok: true });
    const removed = await db().sprintItem.findUnique({ where: { sprintId_itemId: { sprintId, itemId: late.id } } });
    expect(removed!.removedAt).not.toBeNull();
  });

  it("refuses to start a second sprint while one runs", async () => {
    const second = (await db().sprint.findFirst({ where: { teamId: pod.team.id, number: 2 } }))!;
    signInAs(pod.po.user.id);
    const result = await startSprintAction({ sprintId: second.id, version: second.version });
    expect(result).toMatchObject({ ok: false, reason: "INVALID" });
    if (!result.ok) expect(result.message).toMatch(/Sprint 1 is still running/);
  });

  it("closes the sprint: goal, completed points, and carry-over into the next sprint", async () => {
    const entries = await db().sprintItem.findMany({ where: { sprintId, removedAt: null }, include: { item: true }, orderBy: { id: "asc" } });
    await db().backlogItem.update({ where: { id: entries[0]!.itemId }, data: { status: "DONE" } });
    const sprint = (await db().sprint.findUnique({ where: { id: sprintId } }))!;
    signInAs(pod.po.user.id);
    const closed = data(await closeSprintAction({ sprintId, version: sprint.version, goalMet: false }));
    expect(closed.completedPoints).toBe(13); // the done story, at its current estimate
    expect(closed.carriedOver.sort()).toEqual(entries.slice(1).map((e) => e.item.key).sort());
    expect(closed.nextSprintNumber).toBe(2);
    const stored = (await db().sprint.findUnique({ where: { id: sprintId } }))!;
    expect(stored).toMatchObject({ status: "CLOSED", goalMet: false, completedPoints: 13 });
    const next = await db().sprintItem.findMany({ where: { sprintId: closed.nextSprintId! }, select: { itemId: true } });
    for (const e of entries.slice(1)) expect(next.map((n) => n.itemId)).toContain(e.itemId);
  });

  it("takes the rate of the next sprint from the closed one", async () => {
    const second = (await db().sprint.findFirst({ where: { teamId: pod.team.id, number: 2 } }))!;
    signInAs(pod.po.user.id);
    // Changing availability recomputes: 13 points over 26 days = 0.5 per day; the designer off 2 days → 24 days.
    const result = data(await setAvailabilityAction({ sprintId: second.id, personId: pod.designer.id, daysOff: 2 }));
    expect(result.capacityPoints).toBe(12);
  });

  it("records retrospective actions and their completion", async () => {
    signInAs(pod.po.user.id);
    const added = data(await addRetroActionAction({ sprintId, title: "Write acceptance criteria before planning", ownerPersonId: pod.designer.id }));
    const action = (await db().retroActionItem.findUnique({ where: { id: added.id } }))!;
    expect(action.done).toBe(false);
    expect(await setRetroActionDoneAction({ actionId: action.id, version: action.version, done: true })).toMatchObject({ ok: true });
    const done = (await db().retroActionItem.findUnique({ where: { id: action.id } }))!;
    expect(done.done).toBe(true);
    expect(done.doneAt).not.toBeNull();
    // A stale second click is told someone else changed it.
    expect(await setRetroActionDoneAction({ actionId: action.id, version: action.version, done: false })).toMatchObject({ ok: false, reason: "CONFLICT" });
  });
});
