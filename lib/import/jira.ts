/**
 * Reading a Jira CSV export as Jira writes it: columns recognised by the names Jira uses (Cloud team-managed and
 * company-managed, Server), repeated columns (Labels, Sprint, Component/s, Comment…) read in full, and the data
 * rows with their spreadsheet row numbers. Also Jira's names for our levels and statuses (what exports write).
 * Pure: used by the server and by the browser's mapping step alike.
 */
import type { ItemLevel, ItemStatus } from "@/lib/generated/prisma/enums";
import type { CsvRecord } from "@/lib/csv/parse";
import { unguardCell } from "@/lib/csv/write";

/** The fields a column can feed. */
export const IMPORT_FIELDS = [
  "key", "issueId", "summary", "type", "status", "statusCategory", "parent", "parentKey", "epicLink",
  "points", "sprint", "assignee", "labels", "components", "description", "created", "resolved",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** What the mapping step calls each field. */
export const FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  key: "Issue key",
  issueId: "Issue id",
  summary: "Summary (title)",
  type: "Issue Type (level)",
  status: "Status",
  statusCategory: "Status Category",
  parent: "Parent (id or key)",
  parentKey: "Parent key",
  epicLink: "Epic Link",
  points: "Story points",
  sprint: "Sprint",
  assignee: "Assignee (owner)",
  labels: "Labels",
  components: "Components (as labels)",
  description: "Description",
  created: "Created",
  resolved: "Resolved",
};

/** Fields several columns may feed (Jira repeats these columns once per value). */
export const REPEATABLE: ReadonlySet<ImportField> = new Set(["points", "sprint", "labels", "components"]);

/** A column's name as compared: letters and digits only, lower case ("Custom field (Story Points)" → "customfieldstorypoints"). */
export const normHeader = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

const ALIASES: Readonly<Record<string, ImportField>> = {
  issuekey: "key",
  key: "key",
  issueid: "issueId",
  id: "issueId",
  summary: "summary",
  title: "summary",
  issuetype: "type",
  type: "type",
  status: "status",
  statuscategory: "statusCategory",
  parent: "parent",
  parentid: "parent",
  parentkey: "parentKey",
  epiclink: "epicLink",
  customfieldepiclink: "epicLink",
  storypoints: "points",
  storypointestimate: "points",
  customfieldstorypoints: "points",
  customfieldstorypointestimate: "points",
  sprint: "sprint",
  assignee: "assignee",
  labels: "labels",
  label: "labels",
  components: "components",
  component: "components",
  components_: "components",
  description: "description",
  created: "created",
  resolved: "resolved",
};

/** The field Jira's name for a column means, or null (the column is not imported unless the user maps it). */
export function defaultField(header: string): ImportField | null {
  const n = normHeader(header);
  if (n === "components" || n === "component" || n === "componentss" || header.trim().toLowerCase() === "component/s") return "components";
  return ALIASES[n] ?? null;
}

/** Per column index: the field it feeds (null: not imported). A non-repeatable field takes its first column only. */
export function resolveColumns(header: readonly string[], chosen: Readonly<Record<string, ImportField | "ignore">>): (ImportField | null)[] {
  const taken = new Set<ImportField>();
  return header.map((name) => {
    const pick = chosen[normHeader(name)];
    const field = pick === "ignore" ? null : (pick ?? defaultField(name));
    if (!field) return null;
    if (taken.has(field) && !REPEATABLE.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** One data row as read from the file (text exactly as in the cell; `undefined` where no column feeds the field). */
export interface JiraRow {
  /** The row as a spreadsheet shows the file (header = row 1). */
  row: number;
  key: string;
  issueId: string;
  summary: string;
  type: string;
  status: string | undefined;
  statusCategory: string;
  /** Parent references in the order they are tried: Parent key, Parent / Parent id, Epic Link. */
  parentRefs: { field: "parentKey" | "parent" | "epicLink"; value: string }[];
  hasParentColumn: boolean;
  points: string[] | undefined;
  sprints: string[];
  assignee: string | undefined;
  labels: string[] | undefined;
  components: string[];
  description: string | undefined;
  created: string;
  resolved: string;
}

/** The data rows (blank rows left out) read through the resolved columns. */
export function readRows(records: readonly CsvRecord[], columns: readonly (ImportField | null)[]): JiraRow[] {
  const indexes = new Map<ImportField, number[]>();
  columns.forEach((f, i) => {
    if (f) indexes.set(f, [...(indexes.get(f) ?? []), i]);
  });
  const has = (f: ImportField) => indexes.has(f);
  const cellsOf = (r: CsvRecord, f: ImportField) => (indexes.get(f) ?? []).map((i) => unguardCell(r.fields[i] ?? ""));
  const one = (r: CsvRecord, f: ImportField) => cellsOf(r, f)[0] ?? "";
  const nonEmpty = (values: string[]) => values.map((v) => v.trim()).filter((v) => v !== "");
  return records
    .filter((r) => r.fields.some((f) => f.trim() !== ""))
    .map((r) => {
      const parentRefs: JiraRow["parentRefs"] = [];
      for (const field of ["parentKey", "parent", "epicLink"] as const) {
        const value = one(r, field).trim();
        if (value) parentRefs.push({ field, value });
      }
      return {
        row: r.row,
        key: one(r, "key").trim(),
        issueId: one(r, "issueId").trim(),
        summary: one(r, "summary"),
        type: one(r, "type").trim(),
        status: has("status") ? one(r, "status").trim() : undefined,
        statusCategory: one(r, "statusCategory").trim(),
        parentRefs,
        hasParentColumn: has("parent") || has("parentKey") || has("epicLink"),
        points: has("points") ? nonEmpty(cellsOf(r, "points")) : undefined,
        sprints: nonEmpty(cellsOf(r, "sprint")),
        assignee: has("assignee") ? one(r, "assignee").trim() : undefined,
        labels: has("labels") ? nonEmpty(cellsOf(r, "labels")).flatMap((v) => v.split(/\s+/)) : undefined,
        components: nonEmpty(cellsOf(r, "components")),
        description: has("description") ? one(r, "description") : undefined,
        created: one(r, "created").trim(),
        resolved: one(r, "resolved").trim(),
      };
    });
}

// ───────────────────────────── Jira's names for ours (what exports write) ─────────────────────────────

/** The columns our exports share with Jira's. */
export const JIRA_HEADERS = {
  issueId: "Issue id",
  key: "Issue key",
  summary: "Summary",
  type: "Issue Type",
  status: "Status",
  parent: "Parent",
  parentId: "Parent id",
  parentKey: "Parent key",
  description: "Description",
  points: "Story Points",
  sprint: "Sprint",
  assignee: "Assignee",
  labels: "Labels",
  created: "Created",
  resolved: "Resolved",
} as const;

/** Jira's label for a status (what the export writes, and what the import reads back by name). */
export function statusName(status: ItemStatus): string {
  switch (status) {
    case "FUNNEL":
    case "BACKLOG":
      return "To Do";
    case "PORTFOLIO_BACKLOG":
      return "Portfolio Backlog";
    case "IMPLEMENTING":
    case "IN_PROGRESS":
      return "In Progress";
    case "IN_REVIEW":
      return "In Review";
    default:
      return status.charAt(0) + status.slice(1).toLowerCase();
  }
}

/** Jira's issue type for one of our items (without a remembered Jira type). */
export function typeName(level: ItemLevel, isTask: boolean, parentLevel: ItemLevel | null = null): string {
  if (isTask) return parentLevel === "STORY" ? "Sub-task" : "Task";
  return level.charAt(0) + level.slice(1).toLowerCase();
}
