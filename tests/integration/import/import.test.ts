import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { writeCsv } from "@/lib/csv/write";
import { makeItem, makeMembership, makePerson, makeTeam } from "@/tests/support/factories";
import { makeUser } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { importBacklogAction } = await import("@/lib/import/actions");
const { getGroomingBacklog } = await import("@/lib/backlog/queries");
const { teamBacklogCsv } = await import("@/lib/backlog/export");
const { getPortfolioLookups, getPortfolioRows } = await import("@/lib/portfolio/queries");
const { portfolioCsv } = await import("@/lib/portfolio/export");
const { EMPTY_FILTER, visibleEpics } = await import("@/lib/portfolio/filter");

const db = () => getDb();
const HEADER = ["Issue key", "Summary", "Issue Type", "Status", "Parent", "Story Points", "Sprint", "Assignee", "Labels", "Labels"];

let team: Awaited<ReturnType<typeof makeTeam>>;
let otherTeam: Awaited<ReturnType<typeof makeTeam>>;
let po: Awaited<ReturnType<typeof makeUser>>;
let leader: Awaited<ReturnType<typeof makeUser>>;
let writer: Awaited<ReturnType<typeof makePerson>>;
let epicKey: string;
let otherFeatureKey: string;

beforeAll(async () => {
  team = await makeTeam({ name: "Lifecycle" });
  otherTeam = await makeTeam({ name: "Brand pod" });
  po = await makeUser("MEMBER", { teamId: team.id, role: "PRODUCT_OWNER" });
  leader = await makeUser("LEADER");
  writer = await makePerson({ name: "Ana Writer", email: "ana.writer@import.example" });
  await makeMembership({ teamId: team.id, personId: writer.id, role: "CONTENT_STRATEGIST" });
  epicKey = (await makeItem({ level: "EPIC", key: "MKT-1", rank: "m" })).key;
  otherFeatureKey = (await makeItem({ level: "FEATURE", teamId: otherTeam.id, key: "BRD-7", rank: "m" })).key;
});

const goodFile = () =>
  writeCsv([
    HEADER,
    ["LC-10", "Win-back journey", "Feature", "To Do", epicKey, "", "", "", "journeys", ""],
    ["LC-11", 'Write the "we miss you" email, with offer', "Story", "Ready", "LC-10", "3", "Lifecycle Sprint 4", "Ana Writer", "email", "winback"],
    ["LC-12", "Set up the audience\nin the CRM", "Task", "In Progress", "LC-10", "2", "", "ana.writer@import.example", "", ""],
  ]);

async function preview(csv: string, as = po.user.id) {
  signInAs(as);
  const result = await importBacklogAction({ teamId: team.id, csv, mode: "preview" });
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

const snapshot = async () => ({
  items: await db().backlogItem.findMany({ where: { teamId: team.id }, orderBy: { key: "asc" } }),
  history: await db().statusChange.count(),
  audit: await db().auditEvent.count(),
});

describe("a good file", () => {
  it("previews every row it will create, and changes nothing", async () => {
    const before = await snapshot();
    const plan = await preview(goodFile());
    expect(plan.rows.map((r) => [r.line, r.key, r.action])).toEqual([
      [2, "LC-10", "create"],
      [3, "LC-11", "create"],
      [4, "LC-12", "create"],
    ]);
    expect(plan.counts).toEqual({ create: 3, update: 0, unchanged: 0, error: 0 });
    expect(plan.notes.join(" ")).toMatch(/1 row names a sprint/);
    expect(await snapshot()).toEqual(before);
  });

  it("commits all of it: hierarchy, points, owner, labels, status history, one audit event", async () => {
    const plan = await preview(goodFile());
    const audit = await db().auditEvent.count();
    signInAs(po.user.id);
    const result = await importBacklogAction({ teamId: team.id, csv: goodFile(), mode: "commit", expectedDigest: plan.digest });
    expect(result).toMatchObject({ ok: true, data: { committed: true, created: ["LC-10", "LC-11", "LC-12"], updated: [] } });
    const items = await db().backlogItem.findMany({ where: { key: { in: ["LC-10", "LC-11", "LC-12"] } }, include: { parent: true }, orderBy: { key: "asc" } });
    expect(items.map((i) => [i.key, i.level, i.isTask, i.status, i.parent?.key, i.estimate, i.ownerPersonId, i.labels])).toEqual([
      ["LC-10", "FEATURE", false, "BACKLOG", epicKey, null, null, ["journeys"]],
      ["LC-11", "STORY", false, "READY", "LC-10", 3, writer.id, ["email", "winback"]],
      ["LC-12", "STORY", true, "IN_PROGRESS", "LC-10", 2, writer.id, []],
    ]);
    expect(items[1]!.title).toBe('Write the "we miss you" email, with offer');
    expect(items[2]!.title).toBe("Set up the audience in the CRM");
    // New items go to the bottom of the team's rank order, in file order.
    expect(items[0]!.rank < items[1]!.rank && items[1]!.rank < items[2]!.rank).toBe(true);
    expect(await db().statusChange.count({ where: { itemId: { in: items.map((i) => i.id) }, fromStatus: null } })).toBe(3);
    expect(await db().auditEvent.count()).toBe(audit + 1);
    // Never directly into a sprint (rule 7), whatever the Sprint column says.
    expect(await db().sprintItem.count({ where: { itemId: { in: items.map((i) => i.id) } } })).toBe(0);
  });

  it("imported again, changes nothing: every row is unchanged and the commit writes nothing", async () => {
    const before = await snapshot();
    const plan = await preview(goodFile());
    expect(plan.counts).toEqual({ create: 0, update: 0, unchanged: 3, error: 0 });
    signInAs(po.user.id);
    const result = await importBacklogAction({ teamId: team.id, csv: goodFile(), mode: "commit", expectedDigest: plan.digest });
    expect(result).toMatchObject({ ok: true, data: { committed: true, created: [], updated: [] } });
    expect(await snapshot()).toEqual(before);
  });

  it("updates what a later file changes, and records the status change", async () => {
    const csv = writeCsv([
      HEADER,
      ["LC-11", 'Write the "we miss you" email, with offer', "Story", "Done", "LC-10", "5", "", "Ana Writer", "email", "winback"],
    ]);
    const plan = await preview(csv);
    expect(plan.rows[0]).toMatchObject({ action: "update", changes: ["Status: Ready → Done", "Story Points: 3 → 5"] });
    signInAs(po.user.id);
    expect(await importBacklogAction({ teamId: team.id, csv, mode: "commit", expectedDigest: plan.digest })).toMatchObject({ ok: true, data: { updated: ["LC-11"] } });
    const item = (await db().backlogItem.findUnique({ where: { key: "LC-11" } }))!;
    expect(item).toMatchObject({ status: "DONE", estimate: 5 });
    expect(await db().statusChange.findFirst({ where: { itemId: item.id }, orderBy: { id: "desc" } })).toMatchObject({ fromStatus: "READY", toStatus: "DONE" });
  });

  it("refuses a commit whose preview is out of date, and changes nothing", async () => {
    const csv = writeCsv([HEADER, ["LC-13", "Re-engagement SMS", "Story", "", "LC-10", "1", "", "", "", ""]]);
    const plan = await preview(csv);
    await makeItem({ level: "STORY", teamId: team.id, key: "LC-13", rank: "zzz1" }); // someone else got there first
    const before = await snapshot();
    signInAs(po.user.id);
    expect(await importBacklogAction({ teamId: team.id, csv, mode: "commit", expectedDigest: plan.digest })).toMatchObject({ ok: false, reason: "CONFLICT" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("a file with bad rows", () => {
  const badFile = () =>
    writeCsv([
      HEADER,
      ["LC-20", "A fine story", "Story", "To Do", "LC-10", "2", "", "", "", ""], // line 2: fine on its own
      ["LC-21", "Points out of range", "Story", "To Do", "LC-10", "2.5", "", "", "", ""], // 3
      ["LC-22", "Unknown status", "Story", "Parked", "", "", "", "", "", ""], // 4
      ["LC-23", "Stranger", "Story", "", "", "", "", "Nobody Known", "", ""], // 5
      ["", "No key", "Story", "", "", "", "", "", "", ""], // 6
      ["LC-20", "Duplicate key", "Story", "", "", "", "", "", "", ""], // 7
      ["LC-24", "Other team's feature", "Story", "", otherFeatureKey, "", "", "", "", ""], // 8
      ["LC-25", "Missing parent", "Story", "", "LC-99", "", "", "", "", ""], // 9
      ["LC-26", "Bug type", "Bug", "", "", "", "", "", "", ""], // 10
      ["LC-27", "A new epic", "Epic", "", "", "", "", "", "", ""], // 11: product owners cannot add epics
      ["LC-28", "Under the bad epic", "Feature", "", "LC-27", "", "", "", "", ""], // 12
      [otherFeatureKey, "Somebody else's", "Feature", "", "", "", "", "", "", ""], // 13
    ]);

  it("lists every bad row with its line and reason, and the good ones", async () => {
    const plan = await preview(badFile());
    const byLine = new Map(plan.rows.map((r) => [r.line, r]));
    expect(byLine.get(2)).toMatchObject({ action: "create" });
    expect(byLine.get(3)!.reasons).toEqual(['Story Points "2.5" must be a whole number from 0 to 100']);
    expect(byLine.get(4)!.reasons[0]).toMatch(/^Status "Parked" is not a story status/);
    expect(byLine.get(5)!.reasons).toEqual(['Assignee "Nobody Known" is not a person here']);
    expect(byLine.get(6)!.reasons).toEqual(["Issue key is empty"]);
    expect(byLine.get(7)!.reasons).toEqual(["Issue key LC-20 appears again (first on line 2)"]);
    expect(byLine.get(8)!.reasons).toEqual([`Parent ${otherFeatureKey} is another team's feature`]);
    expect(byLine.get(9)!.reasons).toEqual(["Parent LC-99 is neither in the file nor in the backlog"]);
    expect(byLine.get(10)!.reasons[0]).toMatch(/Issue Type "Bug" is not one of/);
    expect(byLine.get(11)!.reasons).toEqual(["Only a leader can add an epic to the portfolio"]);
    expect(byLine.get(12)!.reasons).toEqual(["Its parent LC-27 cannot be imported (line 11)"]);
    expect(byLine.get(13)!.reasons).toEqual([`${otherFeatureKey} belongs to Brand pod's backlog`]);
    expect(plan.counts).toMatchObject({ create: 1, error: 11 });
  });

  it("commits nothing at all while any row is bad", async () => {
    const before = await snapshot();
    signInAs(po.user.id);
    const result = await importBacklogAction({ teamId: team.id, csv: badFile(), mode: "commit" });
    expect(result).toMatchObject({ ok: false, reason: "INVALID" });
    if (!result.ok) expect(result.message).toMatch(/Nothing was imported: 11 problems need fixing first/);
    expect(await snapshot()).toEqual(before);
    expect(await db().backlogItem.findUnique({ where: { key: "LC-20" } })).toBeNull();
  });

  it("reports a broken file (missing columns, unclosed quote) with line numbers", async () => {
    const missing = await preview("Key,Title\r\nLC-1,Something\r\n");
    expect(missing.fileProblems).toEqual([{ line: 1, message: 'The header has no "Issue Type" column.' }]);
    const unclosed = await preview(`${HEADER.join(",")}\r\nLC-30,"never closed,Story\r\n`);
    expect(unclosed.fileProblems[0]).toMatchObject({ line: 2, message: expect.stringMatching(/never closed/) });
  });

  it("lets a leader add the epic a product owner may not", async () => {
    const csv = writeCsv([HEADER, ["LC-27", "A new epic", "Epic", "", "", "", "", "", "", ""], ["LC-28", "Under the epic", "Feature", "", "LC-27", "", "", "", "", ""]]);
    const plan = await preview(csv, leader.user.id);
    expect(plan.counts).toEqual({ create: 2, update: 0, unchanged: 0, error: 0 });
    signInAs(leader.user.id);
    expect(await importBacklogAction({ teamId: team.id, csv, mode: "commit", expectedDigest: plan.digest })).toMatchObject({ ok: true });
    expect(await db().backlogItem.findUnique({ where: { key: "LC-27" } })).toMatchObject({ level: "EPIC", teamId: null, status: "FUNNEL" });
  });
});

describe("export, then import", () => {
  it("a team backlog exported as CSV imports back with nothing to change", async () => {
    const backlog = (await getGroomingBacklog(team.id))!;
    expect(backlog.items.length).toBeGreaterThan(3);
    const csv = teamBacklogCsv(backlog.items, backlog.team);
    const plan = await preview(csv);
    expect(plan.fileProblems).toEqual([]);
    expect(plan.counts).toEqual({ create: 0, update: 0, unchanged: backlog.items.length, error: 0 });
  });

  it("the portfolio view exported as CSV imports back unchanged (for a leader)", async () => {
    const [{ rows }, lookups] = await Promise.all([getPortfolioRows(), getPortfolioLookups()]);
    const epics = visibleEpics(rows, EMPTY_FILTER, new Map(lookups.teams.map((t) => [t.id, t.valueStreamId])));
    const csv = portfolioCsv(epics, rows.filter((r) => r.level === "THEME"), new Map(lookups.teams.map((t) => [t.id, t.name])));
    const plan = await preview(csv, leader.user.id);
    expect(plan.counts.error).toBe(0);
    expect(plan.counts.create + plan.counts.update).toBe(0);
    expect(plan.counts.unchanged).toBe(plan.rows.length);
    expect(plan.rows.length).toBeGreaterThanOrEqual(epics.length);
  });
});
