import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { KANBAN_WIP_LIMITS } from "@/lib/portfolio/kanban";
import { makeItem } from "@/tests/support/factories";
import { makeTwoTeamOrg } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";
import { makeInterval } from "@/tests/support/planning";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { createItemAction, setItemStatusAction, updatePortfolioItemAction } = await import("@/lib/backlog/actions");

const db = () => getDb();
let org: Awaited<ReturnType<typeof makeTwoTeamOrg>>;
beforeAll(async () => {
  org = await makeTwoTeamOrg();
});

describe("decomposing an epic into features and stories", () => {
  it("a product owner adds a feature under a portfolio epic, then stories under it, at the bottom of the backlog", async () => {
    signInAs(org.poA.user.id);
    const feature = await createItemAction({ teamId: org.teamA.id, level: "FEATURE", parentId: org.epic.id, title: "Spring webinar series" });
    expect(feature).toMatchObject({ ok: true, data: { key: expect.stringMatching(/^FEAT-\d+$/) } });
    if (!feature.ok) return;
    const s1 = await createItemAction({ teamId: org.teamA.id, level: "STORY", parentId: feature.data.id, title: "Book three speakers", estimate: 3 });
    const s2 = await createItemAction({ teamId: org.teamA.id, level: "STORY", parentId: feature.data.id, title: "Landing page for sign-ups", isTask: true });
    expect(s1.ok && s2.ok).toBe(true);
    if (!s1.ok || !s2.ok) return;
    expect(Number(s2.data.key.split("-")[1])).toBe(Number(s1.data.key.split("-")[1]) + 1);
    const rows = await db().backlogItem.findMany({ where: { teamId: org.teamA.id }, orderBy: { rank: "asc" }, select: { id: true } });
    expect(rows.slice(-3).map((r) => r.id)).toEqual([feature.data.id, s1.data.id, s2.data.id]);
    const story = (await db().backlogItem.findUnique({ where: { id: s1.data.id } }))!;
    expect(story).toMatchObject({ status: "BACKLOG", parentId: feature.data.id, estimate: 3, teamId: org.teamA.id });
    // Its first status is in the history (lead time counts from it).
    expect(await db().statusChange.findFirst({ where: { itemId: story.id } })).toMatchObject({ fromStatus: null, toStatus: "BACKLOG" });
  });

  it("refuses a parent from the wrong level, another team's feature, or a closed parent", async () => {
    signInAs(org.poA.user.id);
    const wrongLevel = await createItemAction({ teamId: org.teamA.id, level: "STORY", parentId: org.epic.id, title: "Misplaced story" });
    expect(wrongLevel).toMatchObject({ ok: false, reason: "INVALID" });
    if (!wrongLevel.ok) expect(wrongLevel.message).toMatch(/A story goes under a feature, and .+ is an epic/);

    const featureB = await makeItem({ level: "FEATURE", teamId: org.teamB.id });
    expect(await createItemAction({ teamId: org.teamA.id, level: "STORY", parentId: featureB.id, title: "Cross-team story" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/another team's backlog/),
    });
    const done = await makeItem({ level: "FEATURE", teamId: org.teamA.id, status: "DONE" });
    expect(await createItemAction({ teamId: org.teamA.id, level: "STORY", parentId: done.id, title: "Late addition" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/is done: reopen it/),
    });
  });

  it("keeps epics for leaders, and features and stories out of the portfolio", async () => {
    signInAs(org.poA.user.id);
    expect(await createItemAction({ teamId: null, level: "EPIC", title: "A product owner's epic" })).toMatchObject({ ok: false, reason: "NOT_ALLOWED" });
    signInAs(org.leader.user.id);
    expect(await createItemAction({ teamId: null, level: "EPIC", title: "Enter the DACH market" })).toMatchObject({ ok: true, data: { key: expect.stringMatching(/^EPIC-/) } });
    expect(await createItemAction({ teamId: null, level: "STORY", title: "Orphan story" })).toMatchObject({ ok: false, reason: "INVALID" });
  });
});

describe("the portfolio kanban and WSJF", () => {
  it("moves an epic between columns, records it, and warns when the column is over its WIP limit", async () => {
    const limit = KANBAN_WIP_LIMITS.ANALYZING!;
    for (let i = 0; i < limit; i++) await makeItem({ level: "EPIC", status: "ANALYZING" });
    const epic = await makeItem({ level: "EPIC", status: "REVIEWING" });
    signInAs(org.leader.user.id);
    const moved = await setItemStatusAction({ itemId: epic.id, version: epic.version, status: "ANALYZING" });
    expect(moved).toMatchObject({ ok: true, data: { warning: `Analyzing now holds ${limit + 1} epics, over its WIP limit of ${limit}.` } });
    expect(await db().statusChange.findFirst({ where: { itemId: epic.id } })).toMatchObject({ fromStatus: "REVIEWING", toStatus: "ANALYZING" });
    // A story status is not an epic status.
    expect(await setItemStatusAction({ itemId: epic.id, version: epic.version + 1, status: "IN_REVIEW" })).toMatchObject({ ok: false, reason: "INVALID" });
  });

  it("a leader edits the WSJF inputs of an epic; a product owner may not", async () => {
    const epic = (await db().backlogItem.findUnique({ where: { id: org.epic.id } }))!;
    const interval = await makeInterval();
    const input = {
      itemId: epic.id, version: epic.version, title: epic.title, status: "PORTFOLIO_BACKLOG" as const,
      businessValue: 13, timeCriticality: 8, riskReduction: 5, jobSize: 13, valueTheme: "Pipeline growth", planningIntervalId: interval.id,
    };
    signInAs(org.poA.user.id);
    expect(await updatePortfolioItemAction(input)).toMatchObject({ ok: false, reason: "NOT_ALLOWED" });
    signInAs(org.leader.user.id);
    expect(await updatePortfolioItemAction(input)).toMatchObject({ ok: true });
    expect(await db().backlogItem.findUnique({ where: { id: epic.id } })).toMatchObject({ businessValue: 13, jobSize: 13, planningIntervalId: interval.id, status: "PORTFOLIO_BACKLOG" });
    expect(await updatePortfolioItemAction({ ...input, jobSize: 0 })).toMatchObject({ ok: false, reason: "INVALID", fieldErrors: { jobSize: "Job size is at least 1" } });
    // A closed interval takes no new plans.
    const closed = await makeInterval({ state: "CLOSED" });
    const current = (await db().backlogItem.findUnique({ where: { id: epic.id } }))!;
    expect(await updatePortfolioItemAction({ ...input, version: current.version, planningIntervalId: closed.id })).toMatchObject({
      ok: false,
      reason: "INVALID",
      message: `${closed.name} is closed: plan the epic into a later interval.`,
    });
  });
});
