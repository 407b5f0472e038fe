import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { makeItem, makeTeam, makeValueStream } from "@/tests/support/factories";
import { makeUser } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { createObjectiveAction, createKeyResultAction, updateObjectiveAction, updateKeyResultAction, linkEpicAction, unlinkEpicAction } = await import(
  "@/lib/okrs/actions"
);
const { getOkrCascade, getTraceability } = await import("@/lib/okrs/queries");

const db = () => getDb();
let leader: Awaited<ReturnType<typeof makeUser>>;
let stream: { id: number };
let otherStream: { id: number };
let team: { id: number };

beforeAll(async () => {
  leader = await makeUser("LEADER");
  stream = await makeValueStream();
  otherStream = await makeValueStream();
  team = await makeTeam({ valueStreamId: stream.id });
});

const base = { description: "", status: "ACTIVE", ownerPersonId: null, periodStart: "2026-01-01", periodEnd: "2026-03-31" } as const;

async function createObjective(fields: Record<string, unknown>) {
  signInAs(leader.user.id);
  const result = await createObjectiveAction({ ...base, parentId: null, valueStreamId: null, teamId: null, ...fields } as never);
  if (!result.ok) throw new Error(`${result.reason}: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

describe("the cascade", () => {
  it("creates portfolio → value stream → team objectives with keys, and a team objective takes its team's value stream", async () => {
    const portfolio = await createObjective({ title: "Grow pipeline", level: "PORTFOLIO" });
    const vsObjective = await createObjective({ title: "More MQLs", level: "VALUE_STREAM", valueStreamId: stream.id, parentId: portfolio.id });
    const teamObjective = await createObjective({ title: "Paid social pays back", level: "TEAM", teamId: team.id, parentId: vsObjective.id });
    expect(portfolio.key).toMatch(/^OBJ-\d+$/);
    const stored = await db().objective.findUnique({ where: { id: teamObjective.id } });
    expect(stored).toMatchObject({ valueStreamId: stream.id, teamId: team.id, parentId: vsObjective.id });

    const cascade = await getOkrCascade();
    const order = cascade.map((o) => o.id);
    expect(order.indexOf(portfolio.id)).toBeLessThan(order.indexOf(vsObjective.id));
    expect(order.indexOf(vsObjective.id)).toBeLessThan(order.indexOf(teamObjective.id));
    expect(cascade.find((o) => o.id === teamObjective.id)?.depth).toBe(2);
  });

  it("refuses a parent that is not one level up, or of another value stream, naming the field", async () => {
    const portfolio = await createObjective({ title: "Portfolio goal", level: "PORTFOLIO" });
    const elsewhere = await createObjective({ title: "Other stream goal", level: "VALUE_STREAM", valueStreamId: otherStream.id, parentId: portfolio.id });
    signInAs(leader.user.id);
    const skip = await createObjectiveAction({ ...base, title: "Skips a level", level: "TEAM", teamId: team.id, valueStreamId: null, parentId: portfolio.id });
    expect(skip).toMatchObject({ ok: false, reason: "INVALID", fieldErrors: { parentId: "Not a valid parent for this level" } });
    const otherVs = await createObjectiveAction({ ...base, title: "Wrong stream", level: "TEAM", teamId: team.id, valueStreamId: null, parentId: elsewhere.id });
    expect(otherVs).toMatchObject({ ok: false, reason: "INVALID", fieldErrors: { parentId: expect.stringContaining("value stream") } });
    const noStream = await createObjectiveAction({ ...base, title: "No stream", level: "VALUE_STREAM", teamId: null, valueStreamId: null, parentId: null });
    expect(noStream).toMatchObject({ ok: false, reason: "INVALID", fieldErrors: { valueStreamId: "Choose the value stream" } });
    const backwards = await createObjectiveAction({ ...base, title: "Backwards", level: "PORTFOLIO", teamId: null, valueStreamId: null, parentId: null, periodStart: "2026-03-01", periodEnd: "2026-02-01" });
    expect(backwards).toMatchObject({ ok: false, reason: "INVALID", fieldErrors: { periodEnd: "The period ends before it starts" } });
  });

  it("refuses a stale edit and says who changed it", async () => {
    const o = await createObjective({ title: "Edited twice", level: "PORTFOLIO" });
    const edit = { ...base, objectiveId: o.id, version: 1, level: "PORTFOLIO", parentId: null, valueStreamId: null, teamId: null } as const;
    signInAs(leader.user.id);
    expect(await updateObjectiveAction({ ...edit, title: "First edit" })).toMatchObject({ ok: true, data: { version: 2 } });
    const stale = await updateObjectiveAction({ ...edit, title: "Second edit from an old page" });
    expect(stale).toMatchObject({ ok: false, reason: "CONFLICT" });
    expect((await db().objective.findUnique({ where: { id: o.id } }))?.title).toBe("First edit");
  });
});

describe("key result progress respects direction", () => {
  it("is the share of the way from baseline to target, clamped, and an objective's is the mean", async () => {
    const o = await createObjective({ title: "Progress maths", level: "PORTFOLIO" });
    signInAs(leader.user.id);
    const kr = (title: string, baseline: number, target: number, current: number, direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER") =>
      createKeyResultAction({ objectiveId: o.id, title, unit: "x", baseline, target, current, direction });
    // Higher: (150 − 100) ÷ (200 − 100) = 0.5.
    expect(await kr("Higher half way", 100, 200, 150, "HIGHER_IS_BETTER")).toMatchObject({ ok: true });
    // Lower: (110 − 92) ÷ (110 − 85) = 18 ÷ 25 = 0.72.
    expect(await kr("Lower", 110, 85, 92, "LOWER_IS_BETTER")).toMatchObject({ ok: true });
    // Lower, moved the wrong way (120 > 110): 0, not negative.
    expect(await kr("Wrong way", 110, 85, 120, "LOWER_IS_BETTER")).toMatchObject({ ok: true });
    // Higher, past the target: 1, not 1.5.
    expect(await kr("Beyond", 0, 10, 15, "HIGHER_IS_BETTER")).toMatchObject({ ok: true });
    const found = (await getOkrCascade()).find((x) => x.id === o.id)!;
    expect(found.keyResults.map((k) => [k.title, k.progress])).toEqual([
      ["Higher half way", 0.5], ["Lower", 0.72], ["Wrong way", 0], ["Beyond", 1],
    ]);
    // Mean: (0.5 + 0.72 + 0 + 1) ÷ 4 = 0.555.
    expect(found.progress).toBeCloseTo(0.555, 10);
  });

  it("refuses a target that is no move in the KR's direction", async () => {
    const o = await createObjective({ title: "Bad targets", level: "PORTFOLIO" });
    signInAs(leader.user.id);
    const up = await createKeyResultAction({ objectiveId: o.id, title: "Down is not up", unit: "%", baseline: 20, target: 10, current: 15, direction: "HIGHER_IS_BETTER" });
    expect(up).toMatchObject({ ok: false, reason: "INVALID", fieldErrors: { target: expect.stringContaining("above the baseline") } });
  });

  it("counts a target equal to the baseline as met only when the current value is at or past it (rows from elsewhere)", async () => {
    const o = await createObjective({ title: "Flat targets", level: "PORTFOLIO" });
    await db().keyResult.createMany({
      data: [
        { objectiveId: o.id, title: "Kept", unit: "%", baseline: 5, target: 5, current: 5, direction: "LOWER_IS_BETTER" },
        { objectiveId: o.id, title: "Slipped", unit: "%", baseline: 5, target: 5, current: 6, direction: "LOWER_IS_BETTER" },
      ],
    });
    const found = (await getOkrCascade()).find((x) => x.id === o.id)!;
    expect(found.keyResults.map((k) => k.progress)).toEqual([1, 0]);
  });

  it("edits the current value with a version check", async () => {
    const o = await createObjective({ title: "Moving numbers", level: "PORTFOLIO" });
    signInAs(leader.user.id);
    const created = await createKeyResultAction({ objectiveId: o.id, title: "Leads", unit: "MQLs", baseline: 0, target: 100, current: 10, direction: "HIGHER_IS_BETTER" });
    if (!created.ok) throw new Error(created.message);
    const input = { keyResultId: created.data.id, version: 1, title: "Leads", unit: "MQLs", baseline: 0, target: 100, current: 40, direction: "HIGHER_IS_BETTER" } as const;
    expect(await updateKeyResultAction(input)).toMatchObject({ ok: true });
    expect(await updateKeyResultAction({ ...input, current: 50 })).toMatchObject({ ok: false, reason: "CONFLICT" });
    expect((await getOkrCascade()).find((x) => x.id === o.id)?.keyResults[0]?.progress).toBe(0.4);
  });
});

describe("traceability", () => {
  it("rolls points done and to do up from the stories through features to the linked epic", async () => {
    const o = await createObjective({ title: "Traced", level: "PORTFOLIO" });
    const epic = await makeItem({ level: "EPIC", rank: "m1" });
    const f1 = await makeItem({ level: "FEATURE", teamId: team.id, parentId: epic.id, rank: "m2", status: "IN_PROGRESS" });
    const f2 = await makeItem({ level: "FEATURE", teamId: team.id, parentId: epic.id, rank: "m3", status: "READY", estimate: 8 });
    await makeItem({ level: "STORY", teamId: team.id, parentId: f1.id, rank: "m4", status: "DONE", estimate: 5 });
    await makeItem({ level: "STORY", teamId: team.id, parentId: f1.id, rank: "m5", status: "IN_PROGRESS", estimate: 3 });
    await makeItem({ level: "STORY", teamId: team.id, parentId: f1.id, rank: "m6", status: "READY", estimate: null });
    await makeItem({ level: "STORY", teamId: team.id, parentId: f1.id, rank: "m7", status: "CANCELLED", estimate: 13 });
    signInAs(leader.user.id);
    expect(await linkEpicAction({ objectiveId: o.id, version: 1, itemId: epic.id })).toMatchObject({ ok: true });

    const rows = await getTraceability(o.id);
    const byId = new Map(rows.map((r) => [r.id, r]));
    // F1's leaves: 5 done; 3 to do (in progress) + an unestimated story; the cancelled 13 counts nowhere.
    expect(byId.get(f1.id)).toMatchObject({ depth: 1, pointsDone: 5, pointsToDo: 3, unestimated: 1, leaves: 3 });
    // F2 has no stories: it is its own leaf, 8 to do.
    expect(byId.get(f2.id)).toMatchObject({ depth: 1, pointsDone: 0, pointsToDo: 8, leaves: 1 });
    // The epic: 5 done; 3 + 8 = 11 to do.
    expect(byId.get(epic.id)).toMatchObject({ depth: 0, pointsDone: 5, pointsToDo: 11, unestimated: 1 });
    expect(rows.map((r) => r.id).slice(0, 3)).toEqual([epic.id, f1.id, expect.any(Number)]);
    expect(rows).toHaveLength(7);
  });

  it("links epics only, once, and unlinks with the objective's version", async () => {
    const o = await createObjective({ title: "Links", level: "PORTFOLIO" });
    const epic = await makeItem({ level: "EPIC" });
    const feature = await makeItem({ level: "FEATURE", teamId: team.id, parentId: epic.id });
    signInAs(leader.user.id);
    expect(await linkEpicAction({ objectiveId: o.id, version: 1, itemId: feature.id })).toMatchObject({ ok: false, reason: "INVALID" });
    expect(await linkEpicAction({ objectiveId: o.id, version: 1, itemId: epic.id })).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await linkEpicAction({ objectiveId: o.id, version: 2, itemId: epic.id })).toMatchObject({ ok: false, reason: "INVALID" });
    expect(await unlinkEpicAction({ objectiveId: o.id, version: 1, itemId: epic.id })).toMatchObject({ ok: false, reason: "CONFLICT" });
    expect(await unlinkEpicAction({ objectiveId: o.id, version: 2, itemId: epic.id })).toMatchObject({ ok: true });
    expect(await db().objectiveItem.count({ where: { objectiveId: o.id } })).toBe(0);
  });
});

