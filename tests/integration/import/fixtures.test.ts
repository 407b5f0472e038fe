import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { EMPTY_MAPPING, type Mapping } from "@/lib/import/mapping";
import { makeMembership, makePerson, makeTeam, unique } from "@/tests/support/factories";
import { makeUser } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { importBacklogAction } = await import("@/lib/import/actions");
const { getGroomingBacklog } = await import("@/lib/backlog/queries");
const { teamBacklogCsv } = await import("@/lib/backlog/export");
const { getExportExtras } = await import("@/lib/import/queries");

/**
 * Six real Jira exports (tests/fixtures/jira/README.md names their sources), each imported by its team's product
 * owner: first with the default mapping, then with the few choices a user makes on the page; then again (nothing
 * changes), and our export of the result imported once more (nothing changes either).
 */
const db = () => getDb();
const fixture = (name: string) => readFileSync(path.resolve("tests/fixtures/jira", name), "utf8");

interface Case {
  file: string;
  rows: number;
  /** Rows the default mapping imports, and the first reasons of the rest. */
  byDefault: number;
  choices: Partial<Mapping>;
  afterChoices: number;
  /** Team members whose names or emails the file's assignees match. */
  members?: string[];
}

const CASES: Case[] = [
  { file: "cloud-team-managed-cs4483.csv", rows: 68, byDefault: 68, choices: {}, afterChoices: 68, members: ["Bella"] },
  { file: "cloud-team-managed-info380.csv", rows: 45, byDefault: 45, choices: {}, afterChoices: 45, members: ["Nicole Luu", "Kenneth Wu"] },
  { file: "cloud-company-gazeus.csv", rows: 219, byDefault: 176, choices: { detachMissingParents: true }, afterChoices: 219 },
  { file: "cloud-company-retail.csv", rows: 76, byDefault: 76, choices: {}, afterChoices: 76 },
  { file: "cloud-company-budget.csv", rows: 19, byDefault: 9, choices: { columns: { customfieldstorypointestimate: "ignore" } }, afterChoices: 19 },
  {
    file: "server-hoinc.csv",
    rows: 64,
    byDefault: 14,
    choices: { statuses: { "test in uat": "IN_REVIEW", "verified - uat": "DONE" }, detachMissingParents: true },
    afterChoices: 64,
  },
];

const teams = new Map<string, { id: number; po: number }>();

beforeAll(async () => {
  for (const c of CASES) {
    const team = await makeTeam({ name: unique(c.file.replace(/\.csv$/, "")) });
    const po = await makeUser("MEMBER", { teamId: team.id, role: "PRODUCT_OWNER" });
    for (const name of c.members ?? []) {
      const person = await makePerson({ name, email: `${unique("m")}@fixtures.example` });
      await makeMembership({ teamId: team.id, personId: person.id, role: "CONTENT_STRATEGIST" });
    }
    teams.set(c.file, { id: team.id, po: po.user.id });
  }
});

async function run(c: Case, mode: "preview" | "commit", mapping: Partial<Mapping>, csv = fixture(c.file)) {
  const t = teams.get(c.file)!;
  signInAs(t.po);
  const result = await importBacklogAction({ teamId: t.id, csv, mode, mapping: { ...EMPTY_MAPPING, ...mapping }, skipInvalid: false });
  if (!result.ok) throw new Error(`${c.file}: ${result.message}`);
  return result.data;
}

const items = (c: Case) =>
  db().backlogItem.findMany({
    where: { teamId: teams.get(c.file)!.id },
    include: { parent: { select: { key: true } }, owner: { select: { name: true } } },
    orderBy: { key: "asc" },
  });

describe.each(CASES)("$file", (c) => {
  it(`reads ${c.rows} rows; the default mapping imports ${c.byDefault}; with the user's choices, ${c.afterChoices}`, async () => {
    const byDefault = await run(c, "preview", {});
    expect(byDefault.rows).toHaveLength(c.rows);
    expect(byDefault.fileProblems).toEqual([]);
    expect(byDefault.counts.create).toBe(c.byDefault);
    const committed = await run(c, "commit", c.choices);
    expect(committed.counts).toMatchObject({ create: c.afterChoices, error: 0, skip: 0 });
    expect(committed.created).toBe(c.afterChoices);
    expect(await db().backlogItem.count({ where: { teamId: teams.get(c.file)!.id } })).toBe(c.afterChoices);
  });

  it("imported again, every row is unchanged", async () => {
    const again = await run(c, "preview", c.choices);
    expect(again.counts).toMatchObject({ unchanged: c.afterChoices, create: 0, update: 0, error: 0 });
  });

  it("our export of the result imports back unchanged", async () => {
    const backlog = (await getGroomingBacklog(teams.get(c.file)!.id))!;
    const { extras, timeZone } = await getExportExtras(backlog.items.map((i) => i.id));
    const again = await run(c, "preview", c.choices, teamBacklogCsv(backlog.items, backlog.team, extras, timeZone));
    expect(again.rows.filter((r) => r.action !== "unchanged")).toEqual([]);
    expect(again.counts.unchanged).toBe(c.afterChoices);
  });
});

describe("what each file brings", () => {
  it("team-managed (CS4483): epics become features holding their stories, sub-tasks stay under their story, repeated labels, readable descriptions", async () => {
    const all = await items(CASES[0]!);
    const byKey = new Map(all.map((i) => [i.key, i]));
    expect(all.filter((i) => i.level === "FEATURE")).toHaveLength(7);
    const story = byKey.get("CS4483-54")!;
    expect(story).toMatchObject({ level: "STORY", isTask: false, status: "BACKLOG" });
    expect(story.labels).toEqual(["deliverable-d2", "documentation", "iteration", "rubric", "testing", "Sprint_4_—_Build,_Polish_&_Rep"]);
    expect(story.description).toMatch(/^Description\n\nThis story covers structured playtesting/);
    expect(story.description).not.toMatch(/h2\.|----/);
    const subtasks = all.filter((i) => i.parent?.key === "CS4483-54");
    expect(subtasks.map((i) => i.key).sort()).toEqual(["CS4483-55", "CS4483-56", "CS4483-57", "CS4483-58", "CS4483-59", "CS4483-60", "CS4483-61"].sort());
    expect(subtasks.every((i) => i.isTask)).toBe(true);
    expect(all.filter((i) => i.isTask && i.parent !== null && byKey.get(i.parent.key)?.level === "STORY")).toHaveLength(33);
    expect(byKey.get("CS4483-68")).toMatchObject({ status: "DONE", labels: ["documentation"], owner: { name: "Bella" } });
    // Done work keeps the date Jira resolved it (15/Feb/26 4:51 PM, London), not the import's.
    const done = await db().statusChange.findFirst({ where: { itemId: byKey.get("CS4483-68")!.id, toStatus: "DONE" } });
    expect(done!.changedAt.toISOString()).toBe("2026-02-15T16:51:00.000Z");
    expect(byKey.get("CS4483-68")!.createdAt.toISOString()).toBe("2026-02-15T16:37:00.000Z");
  });

  it("team-managed (INFO 380): points from 'Story point estimate', stories under their epics, assignees matched by name", async () => {
    const all = await items(CASES[1]!);
    expect(all.reduce((sum, i) => sum + (i.estimate ?? 0), 0)).toBe(5 * 22 + 8 * 9 + 13 + 3 * 4);
    expect(all.filter((i) => i.level === "STORY").every((i) => i.parent !== null)).toBe(true);
    expect(all.find((i) => i.key === "TB1-50")).toMatchObject({ estimate: expect.any(Number), owner: { name: "Kenneth Wu" } });
    expect(all.filter((i) => i.owner?.name === "Nicole Luu")).toHaveLength(8);
    expect(all.find((i) => i.key === "TB1-50")!.labels).toEqual(["TB1_Sprint_3"]);
  });

  it("company-managed (Gazeus): custom statuses by their Status Category, Bugs as stories, wiki tables made readable, three Labels columns", async () => {
    const all = await items(CASES[2]!);
    const byKey = new Map(all.map((i) => [i.key, i]));
    expect(byKey.get("GP-4025")).toMatchObject({ level: "STORY", status: "IN_PROGRESS", parent: null }); // Validation → In Progress
    expect(byKey.get("GP-4006")!.description).toMatch(/Posição \| Coins \| Gems/);
    expect(byKey.get("GP-4006")!.description).not.toMatch(/\{color|h5\./);
    expect(all.filter((i) => i.status === "CANCELLED")).toHaveLength(23); // Cancelled 17 + Aborted 6
    expect(all.filter((i) => i.labels.includes("Android"))).toHaveLength(25);
    expect(all.filter((i) => i.labels.includes("Dominoes")).length).toBeGreaterThan(2); // the Components column too
  });

  it("company-managed with Epic Link (Retail): stories and tests under their epic, Blocked kept", async () => {
    const all = await items(CASES[3]!);
    expect(all.find((i) => i.key === "RETAIL-1")).toMatchObject({ level: "FEATURE" });
    expect(all.filter((i) => i.parent?.key === "RETAIL-1")).toHaveLength(75);
    expect(all.filter((i) => i.status === "BLOCKED")).toHaveLength(9);
  });

  it("Server (HOINC): the user's two statuses, sub-tasks whose parent is outside the file imported on their own", async () => {
    const all = await items(CASES[5]!);
    expect(all.filter((i) => i.status === "IN_REVIEW")).toHaveLength(29);
    expect(all.filter((i) => i.status === "DONE")).toHaveLength(21 + 9);
    expect(all.filter((i) => i.status === "BACKLOG")).toHaveLength(5); // Reopened
    expect(all.filter((i) => i.isTask)).toHaveLength(9 + 2);
    expect(all.find((i) => i.key === "HOINC-2096")).toMatchObject({ isTask: true, parent: null });
  });
});
