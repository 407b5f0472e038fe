/**
 * The import plan: what a Jira CSV, read through a mapping, would create, update or leave alone in one team's
 * backlog, and every row that cannot be imported with its spreadsheet row number and one reason. Pure: the file,
 * the mapping and a snapshot of what exists in, the plan out; the mutation applies it in one transaction.
 *
 * Rows are matched to items on Issue key, so importing the same file twice changes nothing the second time. A row
 * whose key exists here keeps its level (the file's type only decides what new items become). A column the file
 * does not have leaves that field alone. Parents are found by key or by Jira's Issue id, in any row order: in the
 * file, in the backlog, or among issues an earlier import brought in.
 */
import type { ItemLevel, ItemStatus } from "@/lib/generated/prisma/enums";
import { parseCsv } from "@/lib/csv/parse";
import { enumLabel } from "@/lib/format/enum-label";
import { parseJiraDate } from "./dates";
import { normHeader, readRows, resolveColumns, type ImportField, type JiraRow } from "./jira";
import {
  asLabel,
  assigneeTarget,
  defaultType,
  portfolioStatus,
  sprintTarget,
  statusTarget,
  valueKey,
  type Candidate,
  type Mapping,
  type TypeTarget,
} from "./mapping";
import { unsafeTextReason } from "@/lib/validation/fields";
import { wikiToText } from "./wiki";

export const MAX_IMPORT_ROWS = 10_000;
const MAX_LABELS = 20;
const MAX_LABEL_LENGTH = 50;
export const MAX_TITLE = 200;
/** Jira's own limit, so any description Jira holds fits. */
export const MAX_DESCRIPTION = 32_767;
/** What a new item's key must look like (existing items are matched on their key exactly as stored). */
export const KEY_PATTERN = /^[A-Z][A-Z0-9_]{0,19}-[0-9]{1,9}$/;

export interface ExistingItem {
  id: number;
  key: string;
  level: ItemLevel;
  isTask: boolean;
  teamId: number | null;
  teamName: string | null;
  title: string;
  description: string;
  status: ItemStatus;
  estimate: number | null;
  parentKey: string | null;
  ownerPersonId: number | null;
  labels: string[];
}

export interface ImportContext {
  team: { id: number; name: string };
  /** Existing items by key: every key of the file and every parent it could name. */
  existing: ReadonlyMap<string, ExistingItem>;
  /** Jira Issue ids brought in by earlier imports into this team, to the key they became. */
  issueRefs: ReadonlyMap<string, string>;
  /** The team's members: who may own its items. */
  people: readonly Candidate[];
  /** Leaders may create and change themes and epics; others may only refer to them. */
  canEditPortfolio: boolean;
  /** The organisation's time zone, for Jira's zone-less dates. */
  timeZone: string;
  /** The team's sprint numbers (a file's "Sprint 4" is then the team's own sprint, not a label). */
  sprintNumbers: readonly number[];
}

/** The values an import sets on an item. */
export interface ItemValues {
  title: string;
  description: string;
  status: ItemStatus;
  estimate: number | null;
  parentKey: string | null;
  ownerPersonId: number | null;
  labels: string[];
}

/** Set only when an item is created (history is not rewritten by a later import). */
export interface CreateExtras {
  createdAt: string | null;
  resolvedAt: string | null;
  issueId: string | null;
  jiraType: string;
}

export type ImportOp =
  | { kind: "create"; row: number; key: string; level: ItemLevel; isTask: boolean; values: ItemValues; extras: CreateExtras }
  | { kind: "update"; row: number; key: string; id: number; level: ItemLevel; before: ItemValues; values: ItemValues };

export type RowAction = "create" | "update" | "unchanged" | "skip" | "error";

export interface PlanRow {
  /** The spreadsheet row (header = 1). */
  row: number;
  key: string;
  summary: string;
  type: string;
  /** What the row becomes here ("Feature", "Task under its story"). */
  becomes: string;
  action: RowAction;
  /** For updates: what changes ("Status: To Do → In Progress"). */
  changes: string[];
  /** For errors: why the row cannot be imported (one reason, the first found). */
  reasons: string[];
  /** Things the import did that the user should know (points rounded, assignee left empty). */
  notes: string[];
}

export interface FileProblem {
  row: number;
  message: string;
}

export interface ReadFile {
  header: string[];
  columns: (ImportField | null)[];
  rows: JiraRow[];
  fileProblems: FileProblem[];
  /** Names of the columns not imported (each name once). */
  ignoredColumns: string[];
}

export interface ImportPlan {
  rows: PlanRow[];
  ops: ImportOp[];
  fileProblems: FileProblem[];
  ignoredColumns: string[];
  notes: string[];
  counts: Record<RowAction, number>;
}

/** Reads the file through the mapping's column choices: header, data rows, problems of the file as a whole. */
export function readImportFile(text: string, columnChoices: Mapping["columns"] = {}): ReadFile {
  const parsed = parseCsv(text);
  const [header, ...records] = parsed.records;
  const fileProblems: FileProblem[] = parsed.problems.map((p) => ({ row: p.row, message: p.message }));
  if (!header) return { header: [], columns: [], rows: [], fileProblems: [{ row: 1, message: "The file is empty." }], ignoredColumns: [] };
  const columns = resolveColumns(header.fields, columnChoices);
  const fed = new Set(columns);
  for (const [field, name] of [["key", "Issue key"], ["summary", "Summary"]] as const) {
    if (!fed.has(field)) fileProblems.push({ row: 1, message: `No column is mapped to ${name}: choose the column that holds it.` });
  }
  let rows = fed.has("key") && fed.has("summary") ? readRows(records, columns) : [];
  if (rows.length > MAX_IMPORT_ROWS) {
    fileProblems.push({ row: rows[MAX_IMPORT_ROWS]!.row, message: `The file has ${rows.length.toLocaleString("en-GB")} rows; import at most ${MAX_IMPORT_ROWS.toLocaleString("en-GB")} at a time.` });
    rows = [];
  }
  const ignored = [...new Set(header.fields.filter((name, i) => columns[i] === null && name.trim() !== "").map((n) => n.trim()))];
  return { header: header.fields, columns, rows, fileProblems, ignoredColumns: ignored };
}

/** Keys the plan needs looked up: the rows' own keys and every parent reference (existing keys are matched as stored). */
export function keysToLookUp(file: ReadFile): string[] {
  return [...new Set(file.rows.flatMap((r) => [r.key, ...r.parentRefs.map((p) => p.value)]).filter((k) => k !== ""))];
}

/** Parent references that could be Jira Issue ids (numbers). */
export function issueIdsToLookUp(file: ReadFile): string[] {
  return [...new Set(file.rows.flatMap((r) => r.parentRefs.map((p) => p.value)).filter((v) => /^\d{1,18}$/.test(v)))];
}

const LEVEL_WORD: Readonly<Record<ItemLevel, string>> = { THEME: "theme", EPIC: "epic", FEATURE: "feature", STORY: "story" };
const isPortfolio = (level: ItemLevel) => level === "THEME" || level === "EPIC";
const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);
const kindOf = (level: ItemLevel, isTask: boolean) => (isTask ? "task" : LEVEL_WORD[level]);

function targetShape(target: Exclude<TypeTarget, "SKIP">): { level: ItemLevel; isTask: boolean; subtask: boolean } {
  switch (target) {
    case "TASK":
      return { level: "STORY", isTask: true, subtask: false };
    case "SUBTASK":
      return { level: "STORY", isTask: true, subtask: true };
    default:
      return { level: target, isTask: false, subtask: false };
  }
}

const BECOMES: Readonly<Record<TypeTarget, string>> = {
  THEME: "Theme",
  EPIC: "Epic",
  FEATURE: "Feature",
  STORY: "Story",
  TASK: "Task",
  SUBTASK: "Task under its story",
  SKIP: "Not imported",
};

/** Which parent levels an item may have. */
function allowedParents(level: ItemLevel, isTask: boolean): ItemLevel[] {
  switch (level) {
    case "THEME":
      return [];
    case "EPIC":
      return ["THEME"];
    case "FEATURE":
      return ["EPIC"];
    case "STORY":
      return isTask ? ["FEATURE", "STORY"] : ["FEATURE"];
  }
}

function readPoints(values: string[]): { points: number | null; note?: string } | { error: string } {
  if (values.length === 0) return { points: null };
  const [first, ...rest] = values;
  const n = Number(first!.replace(",", "."));
  if (!Number.isFinite(n)) return { error: `Story points "${first}" are not a number` };
  if (n < 0) return { error: `Story points ${first} are negative` };
  if (n > 100) return { error: `Story points ${trimNumber(n)} are more than 100: split the item or correct the estimate` };
  const points = Math.ceil(n);
  const notes: string[] = [];
  if (points !== n) notes.push(`${trimNumber(n)} points rounded up to ${points}`);
  const other = rest.find((v) => Number(v.replace(",", ".")) !== n);
  if (other !== undefined) notes.push(`the second points column says ${other}; the first (${first}) is used`);
  return notes.length ? { points, note: notes.join("; ") } : { points };
}
const trimNumber = (n: number) => String(Number(n.toFixed(2)));

/**
 * Text PostgreSQL can store: NUL and other invisible control characters removed, half surrogate pairs replaced
 * (the same characters lib/validation/fields.ts refuses in forms; a Jira cell may hold them from a paste).
 */
function storable(text: string): { text: string; cleaned: boolean } {
  if (unsafeTextReason(text) === null) return { text, cleaned: false };
  const cleaned = text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return { text: cleaned, cleaned: true };
}

function describeChanges(before: ItemValues, after: ItemValues, people: readonly Candidate[]): string[] {
  const who = (id: number | null) => (id === null ? "—" : (people.find((p) => p.personId === id)?.name ?? "someone not in the team"));
  const short = (t: string) => (t.length > 60 ? `${t.slice(0, 57)}…` : t);
  const changes: string[] = [];
  if (before.title !== after.title) changes.push(`Summary: “${short(before.title)}” → “${short(after.title)}”`);
  if (before.description !== after.description) changes.push("Description changes");
  if (before.status !== after.status) changes.push(`Status: ${enumLabel(before.status)} → ${enumLabel(after.status)}`);
  if (before.estimate !== after.estimate) changes.push(`Story points: ${before.estimate ?? "—"} → ${after.estimate ?? "—"}`);
  if (before.parentKey !== after.parentKey) changes.push(`Parent: ${before.parentKey ?? "—"} → ${after.parentKey ?? "—"}`);
  if (before.ownerPersonId !== after.ownerPersonId) changes.push(`Assignee: ${who(before.ownerPersonId)} → ${who(after.ownerPersonId)}`);
  if (before.labels.join("\u0000") !== after.labels.join("\u0000")) changes.push(`Labels: ${before.labels.join(", ") || "—"} → ${after.labels.join(", ") || "—"}`);
  return changes;
}

interface Node {
  r: JiraRow;
  /** The parent's key once resolved; null: no parent; undefined: a reference that names nothing known. */
  parentKey: string | null | undefined;
  unresolved: string | null;
  level: ItemLevel;
  isTask: boolean;
  subtask: boolean;
  target: TypeTarget;
  existing: ExistingItem | undefined;
  reasons: string[];
}

/** Plans the import of a read file against what exists, with the user's mapping. */
export function planImport(file: ReadFile, mapping: Mapping, ctx: ImportContext): ImportPlan {
  const notes: string[] = [];
  const firstRow = new Map<string, number>();
  const byIssueId = new Map<string, string>();
  for (const r of file.rows) {
    if (r.key && !firstRow.has(r.key)) firstRow.set(r.key, r.row);
    if (r.issueId && r.key && !byIssueId.has(r.issueId)) byIssueId.set(r.issueId, r.key);
  }
  const resolveRef = (value: string): string | null => {
    if (firstRow.has(value)) return value;
    const fromId = byIssueId.get(value);
    if (fromId) return fromId;
    if (ctx.existing.has(value)) return value;
    return ctx.issueRefs.get(value) ?? null;
  };

  const nodes: Node[] = file.rows.map((r) => {
    const reasons: string[] = [];
    if (!r.key) reasons.push("Issue key is empty");
    else if (firstRow.get(r.key) !== r.row) reasons.push(`Issue key ${r.key} appears again (first on row ${firstRow.get(r.key)})`);
    else if (!KEY_PATTERN.test(r.key) && !ctx.existing.has(r.key)) reasons.push(`Issue key "${r.key}" is not a key like MKT-12`);
    const existing = r.key ? ctx.existing.get(r.key) : undefined;
    const target: TypeTarget = mapping.types[valueKey(r.type)] ?? defaultType(r.type || "Story");
    let shape = target === "SKIP" ? { level: "STORY" as ItemLevel, isTask: false, subtask: false } : targetShape(target);
    if (existing) shape = { level: existing.level, isTask: existing.isTask, subtask: existing.isTask && target === "SUBTASK" };
    let parentKey: string | null | undefined = null;
    let unresolved: string | null = null;
    if (r.parentRefs.length) {
      parentKey = undefined;
      for (const ref of r.parentRefs) {
        const k = resolveRef(ref.value);
        if (k) {
          parentKey = k;
          break;
        }
      }
      if (parentKey === undefined) {
        const ref = r.parentRefs[0]!;
        unresolved = /^\d+$/.test(ref.value) ? `Its parent (Issue id ${ref.value})` : `Its parent ${ref.value}`;
      }
    }
    return { r, parentKey, unresolved, level: shape.level, isTask: shape.isTask, subtask: shape.subtask, target, existing, reasons };
  });

  // Parents first, whatever the row order: a depth-first walk over the file's own parent links.
  const byKey = new Map<string, Node>();
  for (const n of nodes) if (n.r.key && firstRow.get(n.r.key) === n.r.row) byKey.set(n.r.key, n);
  const order: Node[] = [];
  const state = new Map<Node, "visiting" | "done">();
  const visit = (n: Node) => {
    if (state.get(n) === "done") return;
    if (state.get(n) === "visiting") {
      n.reasons.push("Its parent chain loops back to itself");
      return;
    }
    state.set(n, "visiting");
    const parent = n.parentKey ? byKey.get(n.parentKey) : undefined;
    if (parent && parent !== n) visit(parent);
    state.set(n, "done");
    order.push(n);
  };
  nodes.forEach(visit);

  const results = new Map<Node, PlanRow>();
  const planned = new Map<string, { level: ItemLevel; isTask: boolean; inTeam: boolean }>();
  const failed = new Map<string, { row: number; skipped: boolean }>();
  const ops: ImportOp[] = [];
  let unmatchedAssignees = 0;

  for (const n of order) {
    const { r, existing } = n;
    const reasons = [...n.reasons];
    const rowNotes: string[] = [];
    const base = { row: r.row, key: r.key, summary: r.summary, type: r.type, becomes: existing ? kindOf(existing.level, existing.isTask).replace(/^./, (c) => c.toUpperCase()) : BECOMES[n.target] };

    if (n.target === "SKIP" && !existing) {
      results.set(n, { ...base, action: "skip", changes: [], reasons: [`Issue Type "${r.type}" is set to not import`], notes: [] });
      if (r.key) failed.set(r.key, { row: r.row, skipped: true });
      continue;
    }

    const safeTitle = storable(r.summary);
    const title = safeTitle.text;
    if (safeTitle.cleaned) rowNotes.push("invisible control characters removed from the summary");
    if (reasons.length === 0) {
      if (title.trim().length < 3) reasons.push("Summary needs at least 3 characters");
      else if (title.length > MAX_TITLE) reasons.push(`Summary is ${title.length} characters; shorten it to ${MAX_TITLE}`);
    }

    // Parent: one level up (a sub-task's is its story), in this team for features' children.
    let parentKey: string | null | undefined = r.hasParentColumn ? n.parentKey : undefined;
    if (reasons.length === 0 && r.hasParentColumn) {
      if (n.parentKey === undefined) {
        if (existing) {
          // Already here: an unknown parent in a later file leaves its parent as it is.
          parentKey = undefined;
          rowNotes.push(`${n.unresolved!.replace(/^Its parent/, "parent")} is not here: its parent here is kept`);
        } else if (mapping.detachMissingParents) {
          parentKey = null;
          rowNotes.push(`${n.unresolved!.replace(/^Its parent/, "parent")} is not here: imported without a parent`);
        } else reasons.push(`${n.unresolved} is neither in the file nor in the backlog: import it first, or import such rows without a parent`);
      } else if (n.parentKey !== null) {
        const pk = n.parentKey;
        const inFile = planned.get(pk);
        const failedParent = failed.get(pk);
        const stored = ctx.existing.get(pk);
        const allowed = allowedParents(n.level, n.isTask);
        if (pk === r.key) reasons.push("An item cannot be its own parent");
        else if (!inFile && failedParent && !stored) {
          reasons.push(`Its parent ${pk} (row ${failedParent.row}) ${failedParent.skipped ? "is not imported" : "cannot be imported"}`);
        } else {
          const parent = inFile ?? (stored ? { level: stored.level, isTask: stored.isTask, inTeam: stored.teamId === ctx.team.id } : undefined);
          if (!parent) reasons.push(`Its parent ${pk} is neither in the file nor in the backlog`);
          else if (allowed.length === 0) {
            // A theme has no parent: ignore the reference rather than refuse the row.
            parentKey = null;
            rowNotes.push(`a theme has no parent; ${pk} is not linked`);
          } else if ((parent.isTask && !n.subtask) || !allowed.includes(parent.level)) {
            const hint = n.level === "STORY" && !n.isTask && parent.level === "EPIC" ? ": map Epic to Feature to keep stories under their epics" : "";
            reasons.push(`Its parent ${pk} is ${article(kindOf(parent.level, parent.isTask))} here; ${article(kindOf(n.level, n.isTask))} goes under ${allowed.map((l) => article(LEVEL_WORD[l])).join(" or ")}${hint}`);
          } else if (!isPortfolio(n.level) && !isPortfolio(parent.level) && !parent.inTeam) {
            reasons.push(`Its parent ${pk} belongs to another team's backlog`);
          }
        }
      }
    }
    if (reasons.length === 0 && n.subtask && !existing && parentKey === undefined) parentKey = null;

    if (reasons.length === 0 && existing && !isPortfolio(n.level) && existing.teamId !== ctx.team.id) {
      reasons.push(`${r.key} belongs to ${existing.teamName ?? "another team"}'s backlog`);
    }

    let status: ItemStatus | undefined;
    if (reasons.length === 0 && r.status) {
      const s = statusTarget(r.status, r.statusCategory, mapping);
      if (!s.target) reasons.push(`Status "${r.status}" is not mapped: choose what it means here`);
      else status = isPortfolio(n.level) ? portfolioStatus(s.target) : s.target;
    }

    let estimate: number | null | undefined;
    if (reasons.length === 0 && r.points !== undefined) {
      if (isPortfolio(n.level)) {
        if (r.points.length) rowNotes.push("story points on themes and epics are not imported (their size is the WSJF job size)");
      } else {
        const p = readPoints(r.points);
        if ("error" in p) reasons.push(p.error);
        else {
          estimate = p.points;
          if (p.note) rowNotes.push(p.note);
        }
      }
    }

    let ownerPersonId: number | null | undefined;
    if (reasons.length === 0 && r.assignee !== undefined) {
      if (r.assignee === "") ownerPersonId = null;
      else {
        const a = assigneeTarget(r.assignee, mapping, ctx.people);
        if (a.personId !== null) ownerPersonId = a.personId;
        else if (a.source === "chosen") ownerPersonId = null;
        else {
          // Not a member here: a new item is left unassigned, an existing one keeps its owner.
          ownerPersonId = existing ? undefined : null;
          unmatchedAssignees++;
          rowNotes.push(`assignee ${r.assignee} is not a member of ${ctx.team.name}: ${existing ? "owner kept" : "left unassigned"}`);
        }
      }
    }

    let labels: string[] | undefined;
    if (reasons.length === 0 && (r.labels !== undefined || r.components.length || r.sprints.length)) {
      const sprintLabels = r.sprints.filter((s) => sprintTarget(s, mapping, ctx.sprintNumbers).target === "LABEL").map(asLabel);
      const all = [...new Set([...(r.labels ?? existing?.labels ?? []), ...r.components.map(asLabel), ...sprintLabels].map((l) => storable(l).text).filter((l) => l !== ""))];
      const long = all.find((l) => l.length > MAX_LABEL_LENGTH);
      if (all.length > MAX_LABELS) reasons.push(`${all.length} labels; at most ${MAX_LABELS}`);
      else if (long) reasons.push(`Label "${long.slice(0, 20)}…" is longer than ${MAX_LABEL_LENGTH} characters`);
      else labels = all;
    }

    let description: string | undefined;
    if (reasons.length === 0 && r.description !== undefined) {
      const safe = storable(wikiToText(r.description));
      description = safe.text;
      if (safe.cleaned) rowNotes.push("invisible control characters removed from the description");
      if (description.length > MAX_DESCRIPTION) reasons.push(`Description is ${description.length.toLocaleString("en-GB")} characters; at most ${MAX_DESCRIPTION.toLocaleString("en-GB")}`);
    }

    if (reasons.length === 0 && isPortfolio(n.level) && !ctx.canEditPortfolio && !existing) {
      reasons.push(`Only a leader adds ${article(LEVEL_WORD[n.level])} to the portfolio: map ${r.type || "this type"} to Feature`);
    }

    let result: PlanRow;
    if (reasons.length > 0) {
      result = { ...base, action: "error", changes: [], reasons: reasons.slice(0, 1), notes: [] };
      if (r.key && !failed.has(r.key)) failed.set(r.key, { row: r.row, skipped: false });
    } else if (!existing) {
      const values: ItemValues = {
        title,
        description: description ?? "",
        status: status ?? (isPortfolio(n.level) ? "FUNNEL" : "BACKLOG"),
        estimate: estimate ?? null,
        parentKey: parentKey ?? null,
        ownerPersonId: ownerPersonId ?? null,
        labels: labels ?? [],
      };
      const created = r.created ? parseJiraDate(r.created, ctx.timeZone) : null;
      const resolved = r.resolved ? parseJiraDate(r.resolved, ctx.timeZone) : null;
      if (r.created && !created) rowNotes.push(`Created "${r.created}" is not a date; the import time is used`);
      if (r.resolved && !resolved) rowNotes.push(`Resolved "${r.resolved}" is not a date`);
      ops.push({
        kind: "create",
        row: r.row,
        key: r.key,
        level: n.level,
        isTask: n.isTask,
        values,
        extras: { createdAt: created?.toISOString() ?? null, resolvedAt: resolved?.toISOString() ?? null, issueId: r.issueId || null, jiraType: r.type },
      });
      result = { ...base, action: "create", changes: [], reasons: [], notes: rowNotes };
    } else {
      const before: ItemValues = {
        title: existing.title,
        description: existing.description,
        status: existing.status,
        estimate: existing.estimate,
        parentKey: existing.parentKey,
        ownerPersonId: existing.ownerPersonId,
        labels: existing.labels,
      };
      const values: ItemValues = {
        title,
        description: description ?? existing.description,
        status: status ?? existing.status,
        estimate: estimate === undefined ? existing.estimate : estimate,
        parentKey: parentKey === undefined ? existing.parentKey : parentKey,
        ownerPersonId: ownerPersonId === undefined ? existing.ownerPersonId : ownerPersonId,
        labels: labels ?? existing.labels,
      };
      const changes = describeChanges(before, values, ctx.people);
      if (changes.length === 0) result = { ...base, action: "unchanged", changes: [], reasons: [], notes: rowNotes };
      else if (isPortfolio(n.level) && !ctx.canEditPortfolio) {
        result = { ...base, action: "error", changes, reasons: [`Only a leader changes ${article(LEVEL_WORD[n.level])}; the file changes ${changes.join("; ")}`], notes: [] };
        failed.set(r.key, { row: r.row, skipped: false });
      } else {
        ops.push({ kind: "update", row: r.row, key: r.key, id: existing.id, level: n.level, before, values });
        result = { ...base, action: "update", changes, reasons: [], notes: rowNotes };
      }
    }
    if (result.action !== "error" && result.action !== "skip") planned.set(r.key, { level: n.level, isTask: n.isTask, inTeam: !isPortfolio(n.level) });
    results.set(n, result);
  }

  const rows = nodes.map((n) => results.get(n)!);
  if (unmatchedAssignees > 0) {
    notes.push(`${unmatchedAssignees} ${unmatchedAssignees === 1 ? "row's assignee is" : "rows' assignees are"} not a member of ${ctx.team.name}: choose who they are under Assignees, or they stay unassigned.`);
  }
  const counts: Record<RowAction, number> = { create: 0, update: 0, unchanged: 0, skip: 0, error: 0 };
  for (const r of rows) counts[r.action]++;
  return { rows, ops: orderOps(ops, order), fileProblems: file.fileProblems, ignoredColumns: file.ignoredColumns, notes, counts };
}

/** Creates parents-first (the walk's order), then updates. */
function orderOps(ops: ImportOp[], order: readonly Node[]): ImportOp[] {
  const rank = new Map(order.map((n, i) => [n.r.row, i]));
  return [...ops].sort((a, b) => {
    if (a.kind !== b.kind) return a.kind === "create" ? -1 : 1;
    return rank.get(a.row)! - rank.get(b.row)!;
  });
}

/** Rows that would be left out by a partial import (with their reasons), in file order. */
export function skippedRows(plan: ImportPlan): { row: number; reason: string }[] {
  return plan.rows.filter((r) => r.action === "error" || r.action === "skip").map((r) => ({ row: r.row, reason: r.reasons[0] ?? "" }));
}

/** Normalised header names, for the saved mapping's column choices. */
export const headerKeys = (header: readonly string[]) => header.map(normHeader);
