import { beforeAll, describe, expect, it } from "vitest";
import { getPortfolioKanban, getPortfolioRows } from "@/lib/portfolio/queries";
import { makeItem, makeTeam } from "@/tests/support/factories";

/*
 * A hand-worked portfolio: theme T with epics E1 (ranked first) and E2; E1 has a feature of team A with three
 * stories (3 done, 5 in progress, 8 cancelled) and a feature of team B with no stories (a leaf: its estimate 2
 * counts); E2 has nothing below it. An epic without a theme, E3, is ranked last.
 */
let ids: { theme: number; e1: number; e2: number; e3: number };
let teams: { a: number; b: number };
beforeAll(async () => {
  const a = await makeTeam();
  const b = await makeTeam();
  teams = { a: a.id, b: b.id };
  const theme = await makeItem({ level: "THEME", rank: "m", status: "IMPLEMENTING" });
  const e1 = await makeItem({ level: "EPIC", parentId: theme.id, rank: "b", status: "IMPLEMENTING", businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 5 });
  const e2 = await makeItem({ level: "EPIC", parentId: theme.id, rank: "c", status: "ANALYZING", businessValue: 1, timeCriticality: 1, riskReduction: 1 });
  const e3 = await makeItem({ level: "EPIC", rank: "d", status: "ANALYZING" });
  const fa = await makeItem({ level: "FEATURE", teamId: a.id, parentId: e1.id, estimate: 40, status: "IN_PROGRESS" });
  await makeItem({ level: "STORY", teamId: a.id, parentId: fa.id, estimate: 3, status: "DONE" });
  await makeItem({ level: "STORY", teamId: a.id, parentId: fa.id, estimate: 5, status: "IN_PROGRESS" });
  await makeItem({ level: "STORY", teamId: a.id, parentId: fa.id, estimate: 8, status: "CANCELLED" });
  await makeItem({ level: "FEATURE", teamId: b.id, parentId: e1.id, estimate: 2, status: "BLOCKED" });
  ids = { theme: theme.id, e1: e1.id, e2: e2.id, e3: e3.id };
});

describe("portfolio rollups (SQL, from the leaves up)", () => {
  it("sums leaf points and counts leaves by status for epics and themes, with the owning teams", async () => {
    const { rows, epicCount, themeCount } = await getPortfolioRows();
    expect({ epicCount, themeCount }).toEqual({ epicCount: 3, themeCount: 1 });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const expected = { pointsDone: 3, pointsTotal: 10, todo: 0, doing: 1, blocked: 1, done: 1 };
    expect(byId.get(ids.e1)).toMatchObject({ ...expected, position: 1, wsjf: 3.2, themeId: ids.theme });
    expect(byId.get(ids.theme)).toMatchObject({ ...expected, position: 1, themeId: null });
    expect([...byId.get(ids.e1)!.teamIds].sort()).toEqual([teams.a, teams.b].sort());
    expect(byId.get(ids.e2)).toMatchObject({ pointsDone: 0, pointsTotal: 0, teamIds: [], wsjf: null, position: 2 });
    expect(byId.get(ids.e3)).toMatchObject({ themeId: null, position: 3 });
    // Themes first, then epics, each in rank order.
    expect(rows.map((r) => r.id)).toEqual([ids.theme, ids.e1, ids.e2, ids.e3]);
  });

  it("returns only the top of the ranking when asked (the page's first paint), with every theme", async () => {
    const { rows, epicCount } = await getPortfolioRows({ firstEpics: 1 });
    expect(rows.map((r) => r.id)).toEqual([ids.theme, ids.e1]);
    expect(epicCount).toBe(3);
    expect(rows[0]).toMatchObject({ pointsTotal: 10 });
  });

  it("groups epics into kanban columns with the full count per column", async () => {
    const columns = await getPortfolioKanban(1);
    const analyzing = columns.find((c) => c.status === "ANALYZING")!;
    expect(analyzing.count).toBe(2);
    expect(analyzing.cards.map((c) => c.id)).toEqual([ids.e2]);
    expect(columns.find((c) => c.status === "IMPLEMENTING")!.cards[0]).toMatchObject({ id: ids.e1, pointsDone: 3, pointsTotal: 10, wsjf: 3.2 });
  });
});
