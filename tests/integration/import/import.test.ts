import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { parseCsv } from "@/lib/csv/parse";
import { writeCsv } from "@/lib/csv/write";
import { EMPTY_MAPPING, type Mapping } from "@/lib/import/mapping";
import { makeItem, makeMembership, makePerson, makeTeam } from "@/tests/support/factories";
import { makeUser } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { importBacklogAction, forgetImportMappingAction } = await import("@/lib/import/actions");
const { getGroomingBacklog } = await import("@/lib/backlog/queries");
const { teamBacklogCsv } = await import("@/lib/backlog/export");
const { getExportExtras } = await import("@/lib/import/queries");
const { getPortfolioLookups, getPortfolioRows } = await import("@/lib/portfolio/queries");
const { portfolioCsv } = await import("@/lib/portfolio/export");
const { EMPTY_FILTER, visibleEpics } = await import("@/lib/portfolio/filter");
const { skippedRowsCsv } = await import("@/lib/import/skipped");

const db = () => getDb();
const HEADER = ["Issue key", "Issue id", "Summary", "Issue Type", "Status", "Parent", "Custom field (Story Points)", "Custom field (Story point estimate)", "Sprint", "Assignee", "Labels", "Labels", "Description"];

let team: Awaited<ReturnType<typeof makeTeam>>;
let otherTeam: Awaited<ReturnType<typeof makeTeam>>;
let po: Awaited<ReturnType<typeof makeUser>>;
let leader: Awaited<ReturnType<typeof makeUser>>;
let writer: Awaited<ReturnType<typeof makePerson>>;
let otherFeatureKey: string;

beforeAll(async () => {
  team = await makeTeam({ name: "Lifecycle" });
  otherTeam = await makeTeam({ name: "Brand pod" });
  po = await makeUser("MEMBER", { teamId: team.id, role: "PRODUCT_OWNER" });
  leader = await makeUser("LEADER");
  writer = await makePerson({ name: "Ana Writer", email: "ana.writer@import.example" });
  await makeMembership({ teamId: team.id, personId: writer.id, role: "CONTENT_STRATEGIST" });
  await makeItem({ level: "EPIC", key: "MKT-1", rank: "m" });
  otherFeatureKey = (await makeItem({ level: "FEATURE", teamId: otherTeam.id, key: "BRD-7", rank: "m" })).key;
});

// Children before their parents, parents named by Jira's Issue id; a title with a line break and double spaces.
const goodFile = () =>
  writeCsv([
    HEADER,
    ["LC-11", "9011", 'Write the "we miss you" email, with offer', "Story", "Ready", "9010", "", "3.0", "Lifecycle Sprint 4", "Ana Writer", "email", "winback", "h2. Goal\n\nBring *lapsed* buyers back.\n* one\n* two"],
    ["LC-12", "9012", "Set up the audience\nin  the CRM", "Sub-task", "In Progress", "9011", "", "", "", "ana.writer@import.example", "", "", ""],
    ["LC-10", "9010", "Win-back journey", "Epic", "To Do", "", "", "", "", "", "journeys", "", ""],
  ]);

async function preview(csv: string, mapping: Partial<Mapping> = {}, as = po.user.id) {
  signInAs(as);
  const result = await importBacklogAction({ teamId: team.id, csv, mode: "preview", mapping: { ...EMPTY_MAPPING, ...mapping } });
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

async function commit(csv: string, options: { mapping?: Partial<Mapping>; skipInvalid?: boolean; digest?: string; as?: number } = {}) {
  signInAs(options.as ?? po.user.id);
  return importBacklogAction({ teamId: team.id, csv, mode: "commit", mapping: { ...EMPTY_MAPPING, ...options.mapping }, skipInvalid: options.skipInvalid ?? false, expectedDigest: options.digest });
}

const snapshot = async () => ({
  items: await db().backlogItem.findMany({ where: { teamId: team.id }, orderBy: { key: "asc" } }),
  history: await db().statusChange.count(),
  audit: await db().auditEvent.count(),
  mapping: await db().importMapping.findUnique({ where: { teamId: team.id } }),
});

describe("a good file", () => {
  it("previews every row with its spreadsheet row, parents found by Issue id in any order, and changes nothing", async () => {
    const before = await snapshot();
    const plan = await preview(goodFile());
    expect(plan.rows.map((r) => [r.row, r.key, r.action, r.becomes])).toEqual([
      [2, "LC-11", "create", "Story"],
      [3, "LC-12", "create", "Task under its story"],
      [4, "LC-10", "create", "Feature"],
    ]);
    expect(plan.counts).toEqual({ create: 3, update: 0, unchanged: 0, skip: 0, error: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it("commits all of it: hierarchy, both points columns, owner, labels and sprint label, description made readable, history, one audit event", async () => {
    const plan = await preview(goodFile());
    const audit = await db().auditEvent.count();
    expect(await commit(goodFile(), { digest: plan.digest })).toMatchObject({ ok: true, data: { committed: true, created: 3, updated: 0 } });
    const items = await db().backlogItem.findMany({ where: { key: { in: ["LC-10", "LC-11", "LC-12"] } }, include: { parent: true }, orderBy: { key: "asc" } });
    expect(items.map((i) => [i.key, i.level, i.isTask, i.status, i.parent?.key ?? null, i.estimate, i.ownerPersonId, i.labels])).toEqual([
      ["LC-10", "FEATURE", false, "BACKLOG", null, null, null, ["journeys"]],
      ["LC-11", "STORY", false, "READY", "LC-10", 3, writer.id, ["email", "winback", "Lifecycle_Sprint_4"]],
      ["LC-12", "STORY", true, "IN_PROGRESS", "LC-11", null, writer.id, []],
    ]);
    expect(items[1]!.title).toBe('Write the "we miss you" email, with offer');
    expect(items[1]!.description).toBe("Goal\n\nBring lapsed buyers back.\n• one\n• two");
    expect(items[2]!.title).toBe("Set up the audience\nin  the CRM");
    // New items go to the bottom of the team's rank order in file order (parents were created first all the same).
    expect(items[1]!.rank < items[2]!.rank && items[2]!.rank < items[0]!.rank).toBe(true);
    expect(await db().importedIssue.findMany({ where: { teamId: team.id }, select: { issueId: true, issueType: true }, orderBy: { issueId: "asc" } })).toEqual([
      { issueId: "9010", issueType: "Epic" },
      { issueId: "9011", issueType: "Story" },
      { issueId: "9012", issueType: "Sub-task" },
    ]);
    expect(await db().auditEvent.count()).toBe(audit + 1);
    // Never directly into a sprint (rule 7), whatever the Sprint column says.
    expect(await db().sprintItem.count({ where: { itemId: { in: items.map((i) => i.id) } } })).toBe(0);
  });

  it("imported again, changes nothing: every row is unchanged and the commit writes nothing", async () => {
    const before = await snapshot();
    const plan = await preview(goodFile());
    expect(plan.counts).toEqual({ create: 0, update: 0, unchanged: 3, skip: 0, error: 0 });
    expect(await commit(goodFile(), { digest: plan.digest })).toMatchObject({ ok: true, data: { committed: true, created: 0, updated: 0 } });
    expect(await snapshot()).toEqual(before);
  });

  it("a later file may name a parent by the Issue id an earlier import brought in", async () => {
    const csv = writeCsv([HEADER, ["LC-13", "9013", "Re-engagement SMS", "Sub-task", "To Do", "9011", "", "", "", "", "", "", ""]]);
    const plan = await preview(csv);
    expect(plan.rows[0]).toMatchObject({ action: "create" });
    expect(await commit(csv, { digest: plan.digest })).toMatchObject({ ok: true });
    expect((await db().backlogItem.findUnique({ where: { key: "LC-13" }, include: { parent: true } }))!.parent!.key).toBe("LC-11");
  });

  it("updates what a later file changes, and records the status change", async () => {
    const csv = writeCsv([HEADER, ["LC-11", "9011", 'Write the "we miss you" email, with offer', "Story", "Done", "9010", "5", "", "", "Ana Writer", "email", "winback", ""]]);
    const plan = await preview(csv);
    expect(plan.rows[0]).toMatchObject({ action: "update" });
    expect(plan.rows[0]!.changes).toEqual([
      "Description changes",
      "Status: Ready → Done",
      "Story points: 3 → 5",
      "Labels: email, winback, Lifecycle_Sprint_4 → email, winback",
    ]);
    expect(await commit(csv, { digest: plan.digest })).toMatchObject({ ok: true, data: { updated: 1 } });
    const item = (await db().backlogItem.findUnique({ where: { key: "LC-11" } }))!;
    expect(item).toMatchObject({ status: "DONE", estimate: 5, description: "" });
    expect(await db().statusChange.findFirst({ where: { itemId: item.id }, orderBy: { id: "desc" } })).toMatchObject({ fromStatus: "READY", toStatus: "DONE" });
  });

  it("refuses a commit whose preview is out of date, and changes nothing", async () => {
    const csv = writeCsv([HEADER, ["LC-14", "", "Re-engagement push", "Story", "", "LC-10", "1", "", "", "", "", "", ""]]);
    const plan = await preview(csv);
    await makeItem({ level: "STORY", teamId: team.id, key: "LC-14", rank: "zzz1" }); // someone else got there first
    const before = await snapshot();
    expect(await commit(csv, { digest: plan.digest })).toMatchObject({ ok: false, reason: "CONFLICT" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("a file with bad rows", () => {
  const badFile = () =>
    writeCsv([
      HEADER,
      ["LC-20", "", "A fine story", "Story", "To Do", "LC-10", "2", "", "", "", "", "", ""], // row 2: fine
      ["LC-21", "", "Points out of range", "Story", "To Do", "LC-10", "2105.0", "", "", "", "", "", ""], // 3
      ["LC-22", "", "Unknown status", "Story", "Parked", "", "", "", "", "", "", "", ""], // 4
      ["LC-23", "", "Stranger", "Story", "", "", "", "", "", "Nobody Known", "", "", ""], // 5: imported unassigned
      ["", "", "No key", "Story", "", "", "", "", "", "", "", "", ""], // 6
      ["LC-20", "", "Duplicate key", "Story", "", "", "", "", "", "", "", "", ""], // 7
      ["LC-24", "", "Other team's feature", "Story", "", otherFeatureKey, "", "", "", "", "", "", ""], // 8
      ["LC-25", "", "Missing parent", "Story", "", "LC-99", "", "", "", "", "", "", ""], // 9
      ["LC-26", "", "A bug", "Bug", "", "", "", "", "", "", "", "", ""], // 10: a story
      ["LC-27", "", "A theme", "Initiative", "", "", "", "", "", "", "", "", ""], // 11: product owners cannot add themes
      ["LC-28", "", "Under the points row", "Sub-task", "", "LC-21", "", "", "", "", "", "", ""], // 12
      [otherFeatureKey, "", "Somebody else's", "Epic", "", "", "", "", "", "", "", "", ""], // 13
    ]);

  it("gives every bad row its spreadsheet row and one reason, and imports the rest", async () => {
    const plan = await preview(badFile());
    const byRow = new Map(plan.rows.map((r) => [r.row, r]));
    expect(byRow.get(2)).toMatchObject({ action: "create" });
    expect(byRow.get(3)!.reasons).toEqual(["Story points 2105 are more than 100: split the item or correct the estimate"]);
    expect(byRow.get(4)!.reasons).toEqual(['Status "Parked" is not mapped: choose what it means here']);
    expect(byRow.get(5)).toMatchObject({ action: "create", notes: ["assignee Nobody Known is not a member of Lifecycle: left unassigned"] });
    expect(byRow.get(6)!.reasons).toEqual(["Issue key is empty"]);
    expect(byRow.get(7)!.reasons).toEqual(["Issue key LC-20 appears again (first on row 2)"]);
    expect(byRow.get(8)!.reasons).toEqual([`Its parent ${otherFeatureKey} belongs to another team's backlog`]);
    expect(byRow.get(9)!.reasons).toEqual(["Its parent LC-99 is neither in the file nor in the backlog: import it first, or import such rows without a parent"]);
    expect(byRow.get(10)).toMatchObject({ action: "create", becomes: "Story" });
    expect(byRow.get(11)!.reasons).toEqual(["Only a leader adds a theme to the portfolio: map Initiative to Feature"]);
    expect(byRow.get(12)!.reasons).toEqual(["Its parent LC-21 (row 3) cannot be imported"]);
    expect(byRow.get(13)!.reasons).toEqual([`${otherFeatureKey} belongs to Brand pod's backlog`]);
    expect(plan.counts).toMatchObject({ create: 3, error: 9 });
    expect(plan.skipped.map((s) => s.row)).toEqual([3, 4, 6, 7, 8, 9, 11, 12, 13]);
  });

  it("all or nothing: commits nothing at all while any row is bad", async () => {
    const before = await snapshot();
    const result = await commit(badFile());
    expect(result).toMatchObject({ ok: false, reason: "INVALID" });
    if (!result.ok) expect(result.message).toMatch(/Nothing was imported: 9 rows need fixing first/);
    expect(await snapshot()).toEqual(before);
  });

  it("skip invalid rows: one transaction with the valid rows; the skipped rows download with a Reason, fixed and imported again", async () => {
    const plan = await preview(badFile());
    const result = await commit(badFile(), { skipInvalid: true, digest: plan.digest });
    expect(result).toMatchObject({ ok: true, data: { created: 3 } });
    expect(await db().backlogItem.count({ where: { key: { in: ["LC-20", "LC-23", "LC-26"] } } })).toBe(3);
    if (!result.ok) return;
    const skipped = parseCsv(skippedRowsCsv(badFile(), result.data.skipped)).records.map((r) => r.fields);
    expect(skipped[0]).toEqual([...HEADER, "Reason"]);
    expect(skipped.map((f) => f[0])).toEqual(["Issue key", "LC-21", "LC-22", "", "LC-20", "LC-24", "LC-25", "LC-27", "LC-28", otherFeatureKey]);
    expect(skipped[1]!.at(-1)).toMatch(/more than 100/);
    // The user fixes two rows in a spreadsheet and imports the file again (Reason column and all).
    const fixed = writeCsv([skipped[0]!, ...skipped.slice(1).filter((f) => f[0] === "LC-21" || f[0] === "LC-28").map((f) => (f[0] === "LC-21" ? f.map((c, i) => (i === 6 ? "5" : c)) : f))]);
    const again = await preview(fixed);
    expect(again.counts).toMatchObject({ create: 2, error: 0 });
    expect(await commit(fixed, { digest: again.digest })).toMatchObject({ ok: true, data: { created: 2 } });
    expect((await db().backlogItem.findUnique({ where: { key: "LC-28" }, include: { parent: true } }))!.parent!.key).toBe("LC-21");
  });

  it("reports a broken file (no key column, unclosed quote) with spreadsheet rows", async () => {
    const missing = await preview("Key2,Title2\r\nLC-1,Something\r\n");
    expect(missing.fileProblems).toEqual([
      { row: 1, message: "No column is mapped to Issue key: choose the column that holds it." },
      { row: 1, message: "No column is mapped to Summary: choose the column that holds it." },
    ]);
    const unclosed = await preview(`${HEADER.join(",")}\r\nLC-30,,"never closed,Story\r\n`);
    expect(unclosed.fileProblems[0]).toMatchObject({ row: 2, message: expect.stringMatching(/never closed/) });
  });
});

describe("choices", () => {
  it("a leader may send epics to the portfolio funnel; their stories then need features", async () => {
    const csv = writeCsv([HEADER, ["LC-40", "", "A portfolio epic", "Epic", "To Do", "", "", "", "", "", "", "", ""], ["LC-41", "", "Under the epic", "Story", "", "LC-40", "", "", "", "", "", "", ""]]);
    const plan = await preview(csv, { types: { epic: "EPIC" } }, leader.user.id);
    expect(plan.rows[1]!.reasons).toEqual(["Its parent LC-40 is an epic here; a story goes under a feature: map Epic to Feature to keep stories under their epics"]);
    expect(await commit(csv, { mapping: { types: { epic: "EPIC" } }, skipInvalid: true, as: leader.user.id })).toMatchObject({ ok: true });
    expect(await db().backlogItem.findUnique({ where: { key: "LC-40" } })).toMatchObject({ level: "EPIC", teamId: null, status: "FUNNEL" });
  });

  it("a product owner's choices are saved for the team and merged next time; forgetting them is audited", async () => {
    const csv = writeCsv([["Issue key", "Summary", "Status", "Key Sprint"], ["LC-50", "Status chosen by the user", "Test in UAT", ""]]);
    expect((await preview(csv)).rows[0]!.reasons).toEqual(['Status "Test in UAT" is not mapped: choose what it means here']);
    expect(await commit(csv, { mapping: { statuses: { "test in uat": "IN_REVIEW" } } })).toMatchObject({ ok: true, data: { created: 1 } });
    expect((await db().backlogItem.findUnique({ where: { key: "LC-50" } }))!.status).toBe("IN_REVIEW");
    expect((await db().importMapping.findUnique({ where: { teamId: team.id } }))!.mapping).toMatchObject({ statuses: { "test in uat": "IN_REVIEW" } });
    // The page sends the saved choices with the new ones.
    expect(await commit(csv, { mapping: { statuses: { "test in uat": "IN_REVIEW", "verified - uat": "DONE" } } })).toMatchObject({ ok: true, data: { created: 0 } });
    expect((await db().importMapping.findUnique({ where: { teamId: team.id } }))!.mapping).toMatchObject({ statuses: { "test in uat": "IN_REVIEW", "verified - uat": "DONE" } });
    const audit = await db().auditEvent.count();
    signInAs(po.user.id);
    expect(await forgetImportMappingAction({ teamId: team.id })).toMatchObject({ ok: true, data: { forgotten: true } });
    expect(await db().importMapping.findUnique({ where: { teamId: team.id } })).toBeNull();
    expect(await db().auditEvent.count()).toBe(audit + 1);
  });
});

describe("export, then import", () => {
  it("a team backlog exported as CSV imports back with nothing to change (whitespace included)", async () => {
    await db().backlogItem.update({ where: { key: "LC-20" }, data: { title: "  Two  spaces\r\nand a break ", description: "*not bold* -x- {code} \\ &#92; h1. no\n# not a list" } });
    const backlog = (await getGroomingBacklog(team.id))!;
    expect(backlog.items.length).toBeGreaterThan(5);
    const { extras, timeZone } = await getExportExtras(backlog.items.map((i) => i.id));
    const csv = teamBacklogCsv(backlog.items, backlog.team, extras, timeZone);
    const plan = await preview(csv);
    expect(plan.fileProblems).toEqual([]);
    expect(plan.rows.filter((r) => r.action !== "unchanged")).toEqual([]);
    expect(plan.counts.unchanged).toBe(backlog.items.length);
    // Jira gets its own types back, and the hierarchy by Issue id.
    const records = parseCsv(csv).records.map((r) => r.fields);
    const col = (name: string) => records[0]!.indexOf(name);
    const row = (key: string) => records.find((f) => f[col("Issue key")] === key)!;
    expect(row("LC-12")[col("Issue Type")]).toBe("Sub-task");
    expect(row("LC-10")[col("Issue Type")]).toBe("Epic");
    expect(row("LC-12")[col("Parent id")]).toBe(row("LC-11")[col("Issue id")]);
  });

  it("the portfolio view exported as CSV imports back unchanged (for a leader)", async () => {
    const [{ rows }, lookups] = await Promise.all([getPortfolioRows(), getPortfolioLookups()]);
    const epics = visibleEpics(rows, EMPTY_FILTER, new Map(lookups.teams.map((t) => [t.id, t.valueStreamId])));
    const csv = portfolioCsv(epics, rows.filter((r) => r.level === "THEME"), new Map(lookups.teams.map((t) => [t.id, t.name])));
    const plan = await preview(csv, {}, leader.user.id);
    expect(plan.counts.error).toBe(0);
    expect(plan.counts.create + plan.counts.update).toBe(0);
    expect(plan.counts.unchanged).toBe(plan.rows.length);
    expect(plan.rows.length).toBeGreaterThanOrEqual(epics.length);
  });
});
