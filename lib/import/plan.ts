/**
 * The import plan: what a Jira-style CSV would create, update or leave alone in one team's backlog, and every
 * row that cannot be imported with its line number and reason. Pure: the file and a snapshot of what exists
 * in, the plan out; the mutation applies it in one transaction (all or nothing).
 *
 * Rows are matched to existing items on Issue key, so importing the same file twice changes nothing the second
 * time. A column the file does not have leaves that field alone; a column with an empty cell clears it (Status
 * excepted: an empty status keeps the current one, or the level's first status for a new item).
 */
import type { ItemLevel, ItemStatus } from "@/lib/generated/prisma/enums";
import { parseCsv } from "@/lib/csv/parse";
import { PARENT_LEVEL, aLevel } from "@/lib/backlog/schema";
import { enumLabel } from "@/lib/format/enum-label";
import { KEY_PATTERN, mapHeader, readPoints, readRows, readStatus, readType, type JiraRow } from "./jira";

export const MAX_IMPORT_ROWS = 5_000;
const MAX_LABELS = 20;
const MAX_LABEL_LENGTH = 50;

export interface ExistingItem {
  id: number;
  key: string;
  level: ItemLevel;
  isTask: boolean;
  teamId: number | null;
  teamName: string | null;
  title: string;
  status: ItemStatus;
  estimate: number | null;
  parentKey: string | null;
  ownerPersonId: number | null;
  labels: string[];
}

export interface PersonRef {
  personId: number;
  name: string;
  email: string;
  /** A member of the importing team (only members may own its features and stories). */
  member: boolean;
}

export interface ImportContext {
  team: { id: number; name: string };
  /** Existing items by key: every key of the file and every parent it names. */
  existing: ReadonlyMap<string, ExistingItem>;
  people: readonly PersonRef[];
  /** Leaders may create and change themes and epics; others may only refer to them. */
  canEditPortfolio: boolean;
}

/** The values an import sets on an item. */
export interface ItemValues {
  title: string;
  status: ItemStatus;
  estimate: number | null;
  parentKey: string | null;
  ownerPersonId: number | null;
  labels: string[];
}

export type ImportOp =
  | { kind: "create"; line: number; key: string; level: ItemLevel; isTask: boolean; values: ItemValues }
  | { kind: "update"; line: number; key: string; id: number; level: ItemLevel; before: ItemValues; values: ItemValues };

export type RowAction = "create" | "update" | "unchanged" | "error";

export interface PlanRow {
  line: number;
  key: string;
  summary: string;
  type: string;
  action: RowAction;
  /** For updates: what changes ("Status: To Do → In Progress"). */
  changes: string[];
  /** For errors: why the row cannot be imported. */
  reasons: string[];
}

export interface ImportPlan {
  rows: PlanRow[];
  ops: ImportOp[];
  /** Problems with the file as a whole (unreadable quoting, missing columns), with their lines. */
  fileProblems: { line: number; message: string }[];
  ignoredColumns: string[];
  notes: string[];
  counts: Record<RowAction, number>;
}

export interface ReadFile {
  rows: JiraRow[];
  fileProblems: { line: number; message: string }[];
  ignoredColumns: string[];
  hasColumn: { status: boolean; parent: boolean; points: boolean; assignee: boolean; labels: boolean };
}

/** Reads the file: header mapping, data rows, problems of the file as a whole. */
export function readImportFile(text: string): ReadFile {
  const parsed = parseCsv(text);
  const [header, ...records] = parsed.records;
  const fileProblems = [...parsed.problems];
  if (!header) {
    return { rows: [], fileProblems: [{ line: 1, message: "The file is empty." }], ignoredColumns: [], hasColumn: { status: false, parent: false, points: false, assignee: false, labels: false } };
  }
  const map = mapHeader(header.fields);
  for (const field of map.missing) {
    const name = { key: "Issue key", summary: "Summary", type: "Issue Type" }[field as "key" | "summary" | "type"];
    fileProblems.push({ line: header.line, message: `The header has no "${name}" column.` });
  }
  let rows = map.missing.length ? [] : readRows(records, map);
  if (rows.length > MAX_IMPORT_ROWS) {
    fileProblems.push({ line: rows[MAX_IMPORT_ROWS]!.line, message: `The file has ${rows.length} rows; import at most ${MAX_IMPORT_ROWS} at a time.` });
    rows = [];
  }
  const has = (f: "status" | "parent" | "points" | "assignee" | "labels") => map.columns[f] !== undefined;
  return {
    rows,
    fileProblems,
    ignoredColumns: map.ignored,
    hasColumn: { status: has("status"), parent: has("parent"), points: has("points"), assignee: has("assignee"), labels: has("labels") },
  };
}

/** Keys the plan needs looked up: the rows' own keys and their parents. */
export function keysToLookUp(file: ReadFile): string[] {
  return [...new Set(file.rows.flatMap((r) => [r.key, ...(r.parent ? [r.parent] : [])]).filter((k) => k !== ""))];
}

/** Assignee texts the plan needs looked up. */
export function assigneesToLookUp(file: ReadFile): string[] {
  return [...new Set(file.rows.map((r) => r.assignee ?? "").filter((a) => a !== ""))];
}

const LEVEL_ORDER: Readonly<Record<ItemLevel, number>> = { THEME: 0, EPIC: 1, FEATURE: 2, STORY: 3 };
const isPortfolio = (level: ItemLevel) => level === "THEME" || level === "EPIC";
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const sameName = (a: string, b: string) => a.trim().replace(/\s+/g, " ").toLowerCase() === b.trim().replace(/\s+/g, " ").toLowerCase();

function resolvePerson(text: string, level: ItemLevel, ctx: ImportContext): { personId: number } | { error: string } {
  const byEmail = ctx.people.filter((p) => p.email.toLowerCase() === text.toLowerCase());
  const matches = byEmail.length ? byEmail : ctx.people.filter((p) => sameName(p.name, text));
  if (matches.length === 0) return { error: `Assignee "${text}" is not a person here` };
  if (matches.length > 1) return { error: `Assignee "${text}" matches ${matches.length} people; use their email` };
  const person = matches[0]!;
  if (!isPortfolio(level) && !person.member) return { error: `Assignee "${text}" is not a member of ${ctx.team.name}` };
  return { personId: person.personId };
}

function readLabels(values: string[]): { labels: string[] } | { error: string } {
  const labels = [...new Set(values)];
  if (labels.length > MAX_LABELS) return { error: `At most ${MAX_LABELS} labels` };
  const long = labels.find((l) => l.length > MAX_LABEL_LENGTH);
  if (long) return { error: `Label "${long.slice(0, 20)}…" is longer than ${MAX_LABEL_LENGTH} characters` };
  return { labels };
}

function describeChanges(before: ItemValues, after: ItemValues, people: readonly PersonRef[]): string[] {
  const who = (id: number | null) => (id === null ? "—" : (people.find((p) => p.personId === id)?.name ?? `person ${id}`));
  const changes: string[] = [];
  if (before.title !== after.title) changes.push(`Summary: “${before.title}” → “${after.title}”`);
  if (before.status !== after.status) changes.push(`Status: ${enumLabel(before.status)} → ${enumLabel(after.status)}`);
  if (before.estimate !== after.estimate) changes.push(`Story Points: ${before.estimate ?? "—"} → ${after.estimate ?? "—"}`);
  if (before.parentKey !== after.parentKey) changes.push(`Parent: ${before.parentKey ?? "—"} → ${after.parentKey ?? "—"}`);
  if (before.ownerPersonId !== after.ownerPersonId) changes.push(`Assignee: ${who(before.ownerPersonId)} → ${who(after.ownerPersonId)}`);
  if (before.labels.join(" ") !== after.labels.join(" ")) changes.push(`Labels: ${before.labels.join(", ") || "—"} → ${after.labels.join(", ") || "—"}`);
  return changes;
}

/** Plans the import of a read file against what exists. */
export function planImport(file: ReadFile, ctx: ImportContext): ImportPlan {
  const rows: PlanRow[] = [];
  const ops: ImportOp[] = [];
  const notes: string[] = [];
  // Rows that will exist after the import, by key, with their level and team (for parent checks).
  const planned = new Map<string, { level: ItemLevel; inTeam: boolean; line: number }>();
  const failedKeys = new Map<string, number>();
  const firstLine = new Map<string, number>();

  type Pending = { row: JiraRow; level: ItemLevel; isTask: boolean; reasons: string[] };
  const pending: Pending[] = [];
  for (const row of file.rows) {
    const reasons: string[] = [];
    if (!row.key) reasons.push("Issue key is empty");
    else if (!KEY_PATTERN.test(row.key) && !ctx.existing.has(row.key)) reasons.push(`Issue key "${row.key}" is not a key like MKT-12`);
    else if (firstLine.has(row.key)) reasons.push(`Issue key ${row.key} appears again (first on line ${firstLine.get(row.key)})`);
    else firstLine.set(row.key, row.line);
    const type = readType(row.type);
    if ("error" in type) reasons.push(type.error);
    pending.push({ row, level: "error" in type ? "STORY" : type.level, isTask: "error" in type ? false : type.isTask, reasons });
  }

  // Parents are one level up, so planning level by level settles every parent before its children.
  const byLevel = [...pending].sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.row.line - b.row.line);
  const results = new Map<Pending, PlanRow>();
  for (const p of byLevel) {
    const { row, level, isTask } = p;
    const reasons = [...p.reasons];
    const existing = row.key ? ctx.existing.get(row.key) : undefined;

    const title = row.summary.replace(/\s+/g, " ").trim();
    if (title.length < 3) reasons.push("Summary needs at least 3 characters");
    if (title.length > 200) reasons.push("Summary is longer than 200 characters");

    if (existing && reasons.length === 0) {
      if (existing.level !== level || existing.isTask !== isTask) {
        reasons.push(`${row.key} is ${existing.isTask ? "a task" : aLevel(existing.level)} here, not ${isTask ? "a task" : aLevel(level)}`);
      } else if (!isPortfolio(level) && existing.teamId !== ctx.team.id) {
        reasons.push(`${row.key} belongs to ${existing.teamName ?? "another team"}'s backlog`);
      }
    }

    let status: ItemStatus | undefined;
    if (row.status) {
      const s = readStatus(row.status, level);
      if ("error" in s) reasons.push(s.error);
      else status = s.status;
    }
    let estimate: number | null | undefined;
    if (row.points !== undefined && !isPortfolio(level)) {
      const e = readPoints(row.points);
      if ("error" in e) reasons.push(e.error);
      else estimate = e.points;
    }
    let ownerPersonId: number | null | undefined;
    if (row.assignee !== undefined) {
      if (row.assignee === "") ownerPersonId = null;
      else {
        const person = resolvePerson(row.assignee, level, ctx);
        if ("error" in person) reasons.push(person.error);
        else ownerPersonId = person.personId;
      }
    }
    let labels: string[] | undefined;
    if (row.labels !== undefined) {
      const l = readLabels(row.labels);
      if ("error" in l) reasons.push(l.error);
      else labels = l.labels;
    }
    let parentKey: string | null | undefined;
    if (row.parent !== undefined) {
      parentKey = row.parent === "" ? null : row.parent;
      const expected = PARENT_LEVEL[level];
      if (parentKey !== null) {
        const fromFile = planned.get(parentKey);
        const fromDb = ctx.existing.get(parentKey);
        const failedOn = failedKeys.get(parentKey);
        if (parentKey === row.key) reasons.push("An item cannot be its own parent");
        else if (expected === null) reasons.push(`${capital(aLevel(level))} has no parent`);
        // A parent that exists is judged as stored, even when the file's own row for it is bad.
        else if (!fromFile && !fromDb && failedOn !== undefined) reasons.push(`Its parent ${parentKey} cannot be imported (line ${failedOn})`);
        else if (!fromFile && !fromDb) reasons.push(`Parent ${parentKey} is neither in the file nor in the backlog`);
        else {
          const parentLevel = fromFile?.level ?? fromDb!.level;
          const parentInTeam = fromFile ? fromFile.inTeam : fromDb!.teamId === ctx.team.id;
          if (parentLevel !== expected) reasons.push(`Parent ${parentKey} is ${aLevel(parentLevel)}; ${aLevel(level)} goes under ${aLevel(expected)}`);
          else if (level === "STORY" && !parentInTeam) reasons.push(`Parent ${parentKey} is another team's feature`);
        }
      }
    }

    let result: PlanRow;
    const base = { line: row.line, key: row.key, summary: title || row.summary, type: row.type };
    if (reasons.length > 0) {
      result = { ...base, action: "error", changes: [], reasons };
      if (row.key && !failedKeys.has(row.key)) failedKeys.set(row.key, row.line);
    } else if (!existing) {
      const values: ItemValues = {
        title,
        status: status ?? (isPortfolio(level) ? "FUNNEL" : "BACKLOG"),
        estimate: estimate ?? null,
        parentKey: parentKey ?? null,
        ownerPersonId: ownerPersonId ?? null,
        labels: labels ?? [],
      };
      if (isPortfolio(level) && !ctx.canEditPortfolio) {
        result = { ...base, action: "error", changes: [], reasons: [`Only a leader can add ${aLevel(level)} to the portfolio`] };
        failedKeys.set(row.key, row.line);
      } else {
        ops.push({ kind: "create", line: row.line, key: row.key, level, isTask, values });
        result = { ...base, action: "create", changes: [], reasons: [] };
      }
    } else {
      const before: ItemValues = {
        title: existing.title,
        status: existing.status,
        estimate: existing.estimate,
        parentKey: existing.parentKey,
        ownerPersonId: existing.ownerPersonId,
        labels: existing.labels,
      };
      const values: ItemValues = {
        title,
        status: status ?? existing.status,
        estimate: estimate === undefined ? existing.estimate : estimate,
        parentKey: parentKey === undefined ? existing.parentKey : parentKey,
        ownerPersonId: ownerPersonId === undefined ? existing.ownerPersonId : ownerPersonId,
        labels: labels ?? existing.labels,
      };
      const changes = describeChanges(before, values, ctx.people);
      if (changes.length === 0) result = { ...base, action: "unchanged", changes: [], reasons: [] };
      else if (isPortfolio(level) && !ctx.canEditPortfolio) {
        result = { ...base, action: "error", changes, reasons: [`Only a leader can change ${aLevel(level)}; the file changes it (${changes.join("; ")})`] };
        failedKeys.set(row.key, row.line);
      } else {
        ops.push({ kind: "update", line: row.line, key: row.key, id: existing.id, level, before, values });
        result = { ...base, action: "update", changes, reasons: [] };
      }
    }
    if (result.action !== "error") planned.set(row.key, { level, inTeam: !isPortfolio(level), line: row.line });
    results.set(p, result);
  }
  for (const p of pending) rows.push(results.get(p)!);

  const withSprint = file.rows.filter((r) => (r.sprint?.length ?? 0) > 0).length;
  if (withSprint > 0) {
    notes.push(
      `${withSprint} ${withSprint === 1 ? "row names" : "rows name"} a sprint. Sprint scope is not imported: stories enter a sprint through planning, where the Definition of Ready is checked.`,
    );
  }
  const portfolioPoints = file.hasColumn.points && file.rows.some((r) => r.points && ["theme", "epic", "initiative"].includes(r.type.trim().toLowerCase()));
  if (portfolioPoints) notes.push("Story Points on themes and epics are not imported: their size is the WSJF job size, and their points roll up from their stories.");

  const counts: Record<RowAction, number> = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const r of rows) counts[r.action]++;
  return { rows, ops: orderOps(ops), fileProblems: file.fileProblems, ignoredColumns: file.ignoredColumns, notes, counts };
}

/** Creates parents-first, then updates, each in file order. */
function orderOps(ops: ImportOp[]): ImportOp[] {
  return [...ops].sort((a, b) => {
    if (a.kind !== b.kind) return a.kind === "create" ? -1 : 1;
    return LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.line - b.line;
  });
}

/** True when the plan can be committed: no bad rows, no problems with the file, something to do. */
export function isCommittable(plan: ImportPlan): boolean {
  return plan.fileProblems.length === 0 && plan.counts.error === 0;
}
