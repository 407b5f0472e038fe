import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/csv/parse";
import { formatJiraDate, parseJiraDate } from "@/lib/import/dates";
import { defaultField, resolveColumns } from "@/lib/import/jira";
import { EMPTY_MAPPING, defaultType, statusTarget, summarizeValues } from "@/lib/import/mapping";
import { readImportFile } from "@/lib/import/plan";
import { skippedRowsCsv } from "@/lib/import/skipped";

describe("rows as a spreadsheet shows them", () => {
  it("numbers records from the header (row 1), a multi-line cell counting as one row", () => {
    const { records } = parseCsv('h1,h2\r\n"a\nb",c\r\n\r\nd,e\r\n');
    expect(records.map((r) => [r.row, r.line])).toEqual([
      [1, 1],
      [2, 2],
      [3, 4],
      [4, 5],
    ]);
  });
});

describe("Jira's column names", () => {
  it("recognises the names of Cloud and Server exports", () => {
    const names = ["Summary", "Issue key", "Issue id", "Parent id", "Parent", "Parent key", "Custom field (Epic Link)", "Custom field (Story Points)", "Custom field (Story point estimate)", "Sprint", "Labels", "Component/s", "Components", "Status Category", "Description", "Created", "Resolved", "Custom field (Rank)"];
    expect(names.map(defaultField)).toEqual(["summary", "key", "issueId", "parent", "parent", "parentKey", "epicLink", "points", "points", "sprint", "labels", "components", "components", "statusCategory", "description", "created", "resolved", null]);
  });

  it("reads every repeated Labels, Sprint and points column, and only the first of any other field", () => {
    expect(resolveColumns(["Labels", "Summary", "Labels", "Summary", "Sprint", "Sprint"], {})).toEqual(["labels", "summary", "labels", null, "sprint", "sprint"]);
    expect(resolveColumns(["Labels", "Rank"], { labels: "ignore", rank: "description" })).toEqual([null, "description"]);
  });

  it("lists the columns left out once each, compactly", () => {
    const file = readImportFile("Issue key,Summary,Watchers,Watchers,Comment\r\nA-1,Hello,x,y,z\r\n");
    expect(file.ignoredColumns).toEqual(["Watchers", "Comment"]);
  });
});

describe("defaults for values", () => {
  it("types: epics become features, sub-tasks stay children, everything else a story", () => {
    expect(["Epic", "Story", "Task", "Bug", "Test", "Incident", "Sub-task", "Subtask", "Initiative"].map(defaultType)).toEqual(["FEATURE", "STORY", "TASK", "STORY", "STORY", "STORY", "SUBTASK", "SUBTASK", "THEME"]);
  });

  it("statuses: by name, then by Status Category, else a choice to make", () => {
    expect(statusTarget("Selected for Development", "To Do", EMPTY_MAPPING)).toEqual({ target: "READY", source: "name" });
    expect(statusTarget("Ready to Validate", "In Progress", EMPTY_MAPPING)).toEqual({ target: "IN_PROGRESS", source: "category" });
    expect(statusTarget("Test in UAT", "", EMPTY_MAPPING)).toEqual({ target: null, source: "none" });
    expect(statusTarget("Test in UAT", "", { ...EMPTY_MAPPING, statuses: { "test in uat": "IN_REVIEW" } })).toEqual({ target: "IN_REVIEW", source: "chosen" });
  });

  it("summarises every value with its count and what it becomes", () => {
    const file = readImportFile("Issue key,Summary,Status,Status Category,Assignee,Sprint\r\nA-1,One,Validation,In Progress,Bella,Sprint 2\r\nA-2,Two,Validation,In Progress,bella@x.example,Team Sprint 1\r\nA-3,Three,Odd,,Zed,\r\n");
    const s = summarizeValues(file.rows, EMPTY_MAPPING, [{ personId: 7, name: "Bella", email: "bella@x.example" }], [2]);
    expect(s.statuses).toEqual([
      { value: "Validation", key: "validation", count: 2, target: "IN_PROGRESS", source: "category:In Progress" },
      { value: "Odd", key: "odd", count: 1, target: null, source: "none" },
    ]);
    expect(s.assignees.map((a) => [a.value, a.target, a.source])).toEqual([
      ["Bella", 7, "name"],
      ["bella@x.example", 7, "email"],
      ["Zed", null, "none"],
    ]);
    expect(s.sprints.map((a) => [a.value, a.target, a.source])).toEqual([
      ["Sprint 2", "IGNORE", "sprint:2"],
      ["Team Sprint 1", "LABEL", "default"],
    ]);
  });
});

describe("Jira dates", () => {
  it("reads Jira's formats as wall-clock time in the organisation's zone, across summer time", () => {
    expect(parseJiraDate("15/Feb/26 4:37 PM", "Europe/London")!.toISOString()).toBe("2026-02-15T16:37:00.000Z");
    expect(parseJiraDate("15/Jul/26 12:05 AM", "Europe/London")!.toISOString()).toBe("2026-07-14T23:05:00.000Z");
    expect(parseJiraDate("16/02/2017 15:26", "Europe/London")!.toISOString()).toBe("2017-02-16T15:26:00.000Z");
    expect(parseJiraDate("2025-12-22 18:45:55.01", "Europe/London")!.toISOString()).toBe("2025-12-22T18:45:55.010Z");
    expect(parseJiraDate("2025-12-22T18:45:55.000+0100", "Europe/London")!.toISOString()).toBe("2025-12-22T17:45:55.000Z");
    expect(parseJiraDate("31/Feb/26 1:00 PM", "Europe/London")).toBeNull();
    expect(parseJiraDate("soon", "Europe/London")).toBeNull();
  });

  it("writes Jira's default format, which reads back to the minute", () => {
    const d = new Date("2026-07-14T23:05:00.000Z");
    expect(formatJiraDate(d, "Europe/London")).toBe("15/Jul/26 12:05 AM");
    expect(parseJiraDate(formatJiraDate(d, "Europe/London"), "Europe/London")).toEqual(d);
  });
});

describe("skipped rows", () => {
  it("are the file's own header and cells with a Reason column", () => {
    const text = "Issue key,Summary\r\nA-1,Fine\r\nA-2,\"Two\nlines\"\r\nA-3,=formula\r\n";
    const csv = skippedRowsCsv(text, [{ row: 3, reason: "Bad" }, { row: 4, reason: "Worse" }]);
    expect(parseCsv(csv).records.map((r) => r.fields)).toEqual([
      ["Issue key", "Summary", "Reason"],
      ["A-2", "Two\nlines", "Bad"],
      ["A-3", "'=formula", "Worse"],
    ]);
  });
});
