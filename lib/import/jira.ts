/**
 * Reading a Jira-style CSV export: Issue key, Summary, Issue Type, Status, Parent, Story Points, Sprint,
 * Assignee, Labels (Jira repeats the Labels and Sprint columns once per value; every copy is read). Header
 * names are matched without regard to case or spacing, with the names Jira uses for the same field in
 * other exports ("Parent id", "Custom field (Story Points)", …). Pure.
 */
import type { ItemLevel, ItemStatus } from "@/lib/generated/prisma/enums";
import type { CsvRecord } from "@/lib/csv/parse";
import { unguardCell } from "@/lib/csv/write";

export type JiraField = "key" | "summary" | "type" | "status" | "parent" | "points" | "sprint" | "assignee" | "labels";

/** The columns of an export, in order; `writeCsv` of these headers is what the app exports. */
export const JIRA_HEADERS: Readonly<Record<JiraField, string>> = {
  key: "Issue key",
  summary: "Summary",
  type: "Issue Type",
  status: "Status",
  parent: "Parent",
  points: "Story Points",
  sprint: "Sprint",
  assignee: "Assignee",
  labels: "Labels",
};

const ALIASES: Readonly<Record<string, JiraField>> = {
  issuekey: "key",
  key: "key",
  summary: "summary",
  title: "summary",
  issuetype: "type",
  type: "type",
  status: "status",
  parent: "parent",
  parentkey: "parent",
  parentid: "parent",
  epiclink: "parent",
  customfieldepiclink: "parent",
  storypoints: "points",
  storypointestimate: "points",
  customfieldstorypoints: "points",
  customfieldstorypointestimate: "points",
  sprint: "sprint",
  assignee: "assignee",
  labels: "labels",
  label: "labels",
};

const norm = (header: string) => header.toLowerCase().replace(/[^a-z]/g, "");

export interface HeaderMap {
  /** Column indexes per field (several for repeated Labels / Sprint columns). */
  columns: Partial<Record<JiraField, number[]>>;
  ignored: string[];
  missing: JiraField[];
}

const REQUIRED: readonly JiraField[] = ["key", "summary", "type"];

export function mapHeader(header: readonly string[]): HeaderMap {
  const columns: Partial<Record<JiraField, number[]>> = {};
  const ignored: string[] = [];
  header.forEach((name, index) => {
    const field = ALIASES[norm(name)];
    if (!field) {
      if (name.trim()) ignored.push(name.trim());
      return;
    }
    // Only Labels and Sprint repeat in Jira exports; a second Summary (say) would be ambiguous: keep the first.
    if (columns[field] && field !== "labels" && field !== "sprint") {
      ignored.push(name.trim());
      return;
    }
    (columns[field] ??= []).push(index);
  });
  return { columns, ignored, missing: REQUIRED.filter((f) => !columns[f]) };
}

/** One data row as read from the file: text values, `undefined` where the file has no such column. */
export interface JiraRow {
  line: number;
  key: string;
  summary: string;
  type: string;
  status: string | undefined;
  parent: string | undefined;
  points: string | undefined;
  sprint: string[] | undefined;
  assignee: string | undefined;
  labels: string[] | undefined;
}

export function readRows(records: readonly CsvRecord[], map: HeaderMap): JiraRow[] {
  const cell = (r: CsvRecord, field: JiraField): string | undefined => {
    const index = map.columns[field]?.[0];
    return index === undefined ? undefined : unguardCell(r.fields[index] ?? "").trim();
  };
  const cells = (r: CsvRecord, field: JiraField): string[] | undefined => {
    const indexes = map.columns[field];
    if (!indexes) return undefined;
    return indexes.map((i) => unguardCell(r.fields[i] ?? "").trim()).filter((v) => v !== "");
  };
  return records
    .filter((r) => r.fields.some((f) => f.trim() !== ""))
    .map((r) => ({
      line: r.line,
      key: cell(r, "key") ?? "",
      summary: cell(r, "summary") ?? "",
      type: cell(r, "type") ?? "",
      status: cell(r, "status"),
      parent: cell(r, "parent"),
      points: cell(r, "points"),
      sprint: cells(r, "sprint"),
      assignee: cell(r, "assignee"),
      labels: cells(r, "labels")?.flatMap((v) => v.split(/[\s,;]+/)).filter((v) => v !== ""),
    }));
}

/** What a new item's key must look like (existing items are matched on their key exactly as stored). */
export const KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,19}-[0-9]{1,9}$/;

export type TypeReading = { level: ItemLevel; isTask: boolean } | { error: string };

const TYPES: Readonly<Record<string, { level: ItemLevel; isTask: boolean }>> = {
  theme: { level: "THEME", isTask: false },
  initiative: { level: "THEME", isTask: false },
  epic: { level: "EPIC", isTask: false },
  feature: { level: "FEATURE", isTask: false },
  capability: { level: "FEATURE", isTask: false },
  story: { level: "STORY", isTask: false },
  userstory: { level: "STORY", isTask: false },
  task: { level: "STORY", isTask: true },
};

export function readType(text: string): TypeReading {
  const found = TYPES[norm(text)];
  if (found) return found;
  if (!text.trim()) return { error: "Issue Type is empty" };
  if (/sub.?task/i.test(text)) return { error: `"${text}" is not imported: import sub-tasks as stories or tasks` };
  return { error: `Issue Type "${text}" is not one of Theme, Epic, Feature, Story, Task` };
}

const PORTFOLIO_STATUS_NAMES: Readonly<Record<string, ItemStatus>> = {
  todo: "FUNNEL",
  open: "FUNNEL",
  backlog: "FUNNEL",
  funnel: "FUNNEL",
  new: "FUNNEL",
  reviewing: "REVIEWING",
  review: "REVIEWING",
  inreview: "REVIEWING",
  analyzing: "ANALYZING",
  analysing: "ANALYZING",
  analysis: "ANALYZING",
  portfoliobacklog: "PORTFOLIO_BACKLOG",
  approved: "PORTFOLIO_BACKLOG",
  inprogress: "IMPLEMENTING",
  implementing: "IMPLEMENTING",
  done: "DONE",
  closed: "DONE",
  resolved: "DONE",
  cancelled: "CANCELLED",
  canceled: "CANCELLED",
  wontdo: "CANCELLED",
};

const TEAM_STATUS_NAMES: Readonly<Record<string, ItemStatus>> = {
  todo: "BACKLOG",
  open: "BACKLOG",
  backlog: "BACKLOG",
  new: "BACKLOG",
  ready: "READY",
  selectedfordevelopment: "READY",
  inprogress: "IN_PROGRESS",
  blocked: "BLOCKED",
  onhold: "BLOCKED",
  inreview: "IN_REVIEW",
  review: "IN_REVIEW",
  qa: "IN_REVIEW",
  done: "DONE",
  closed: "DONE",
  resolved: "DONE",
  cancelled: "CANCELLED",
  canceled: "CANCELLED",
  wontdo: "CANCELLED",
};

/** A status name for the level (Jira's "To Do" is an epic's funnel and a story's backlog), or an error. */
export function readStatus(text: string, level: ItemLevel): { status: ItemStatus } | { error: string } {
  const names = level === "THEME" || level === "EPIC" ? PORTFOLIO_STATUS_NAMES : TEAM_STATUS_NAMES;
  const status = names[norm(text)];
  if (status) return { status };
  const allowed = level === "THEME" || level === "EPIC" ? "To Do, Reviewing, Analyzing, Portfolio Backlog, In Progress, Done, Cancelled" : "To Do, Ready, In Progress, Blocked, In Review, Done, Cancelled";
  return { error: `Status "${text}" is not a ${level.toLowerCase()} status (${allowed})` };
}

/** Jira's label for a status (what the export writes, and what `readStatus` reads back). */
export function statusName(status: ItemStatus): string {
  switch (status) {
    case "FUNNEL":
    case "BACKLOG":
      return "To Do";
    case "PORTFOLIO_BACKLOG":
      return "Portfolio Backlog";
    case "IMPLEMENTING":
      return "In Progress";
    case "IN_PROGRESS":
      return "In Progress";
    case "IN_REVIEW":
      return "In Review";
    default:
      return status.charAt(0) + status.slice(1).toLowerCase();
  }
}

/** Jira's issue type for a level. */
export function typeName(level: ItemLevel, isTask: boolean): string {
  if (isTask) return "Task";
  return level.charAt(0) + level.slice(1).toLowerCase();
}

export function readPoints(text: string): { points: number | null } | { error: string } {
  if (text === "") return { points: null };
  const n = Number(text);
  if (!Number.isFinite(n) || !Number.isInteger(n) || n < 0 || n > 100) {
    return { error: `Story Points "${text}" must be a whole number from 0 to 100` };
  }
  return { points: n };
}
