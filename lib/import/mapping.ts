/**
 * The mapping step between upload and commit, like Jira's own importer: which column feeds which field, what
 * each Issue Type becomes here, each Status, each Assignee, each Sprint. A mapping holds only the user's choices;
 * everything else takes a default (from the column's or value's name, then Status Category). It is saved per
 * team on commit and offered again next time. Pure: the browser shows the defaults, the server applies them.
 */
import { z } from "zod";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import { IMPORT_FIELDS, type JiraRow } from "./jira";

/** What an Issue Type value becomes. SUBTASK: a task kept as a child of its story. */
export const TYPE_TARGETS = ["THEME", "EPIC", "FEATURE", "STORY", "TASK", "SUBTASK", "SKIP"] as const;
export type TypeTarget = (typeof TYPE_TARGETS)[number];

export const TYPE_TARGET_LABELS: Readonly<Record<TypeTarget, string>> = {
  THEME: "Theme (portfolio)",
  EPIC: "Epic (portfolio funnel)",
  FEATURE: "Feature",
  STORY: "Story",
  TASK: "Task",
  SUBTASK: "Task under its story",
  SKIP: "Don't import",
};

/** Statuses a value can map to. Team items use these; themes and epics take the portfolio status they imply. */
export const STATUS_TARGETS = ["BACKLOG", "READY", "IN_PROGRESS", "BLOCKED", "IN_REVIEW", "DONE", "CANCELLED"] as const;
export type StatusTarget = (typeof STATUS_TARGETS)[number];

export const UNASSIGNED = "UNASSIGNED" as const;

/** Keys of value maps: the value as compared (trimmed, lower case, single spaces). */
export const valueKey = (value: string) => value.trim().replace(/\s+/g, " ").toLowerCase();

const key = z.string().max(200);
/** The user's choices (bounded: a file has at most a few hundred distinct values per field). */
export const MappingSchema = z.object({
  columns: z.record(key, z.enum([...IMPORT_FIELDS, "ignore"])).default({}),
  types: z.record(key, z.enum(TYPE_TARGETS)).default({}),
  statuses: z.record(key, z.enum(STATUS_TARGETS)).default({}),
  assignees: z.record(key, z.union([z.number().int().positive(), z.literal(UNASSIGNED)])).default({}),
  sprints: z.record(key, z.enum(["LABEL", "IGNORE"])).default({}),
  /** Rows whose parent is neither in the file nor here: refuse them (false), or import them without a parent. */
  detachMissingParents: z.boolean().default(false),
}).refine(
  (m) =>
    Object.keys(m.columns).length <= 500 &&
    Object.keys(m.types).length <= 200 &&
    Object.keys(m.statuses).length <= 300 &&
    Object.keys(m.assignees).length <= 2_000 &&
    Object.keys(m.sprints).length <= 500,
  "The mapping has more values than a file can hold.",
);
export type Mapping = z.output<typeof MappingSchema>;
export const EMPTY_MAPPING: Mapping = { columns: {}, types: {}, statuses: {}, assignees: {}, sprints: {}, detachMissingParents: false };

// ───────────────────────────── defaults ─────────────────────────────

const TYPE_DEFAULTS: Readonly<Record<string, TypeTarget>> = {
  theme: "THEME",
  initiative: "THEME",
  // Point 7 of the import issue: a product owner's Jira epics are their team's own containers of stories,
  // which is what a feature is here; leaders may map Epic to the portfolio instead.
  epic: "FEATURE",
  feature: "FEATURE",
  capability: "FEATURE",
  task: "TASK",
};

/** The default target of an Issue Type value: sub-tasks stay under their story; anything else is a story. */
export function defaultType(value: string): TypeTarget {
  const k = valueKey(value);
  if (TYPE_DEFAULTS[k]) return TYPE_DEFAULTS[k];
  if (/^sub[\s-]?(task|bug|test)/.test(k) || k === "subtask") return "SUBTASK";
  return "STORY";
}

const STATUS_NAMES: Readonly<Record<string, StatusTarget>> = {
  "to do": "BACKLOG",
  todo: "BACKLOG",
  open: "BACKLOG",
  backlog: "BACKLOG",
  new: "BACKLOG",
  funnel: "BACKLOG",
  reopened: "BACKLOG",
  ready: "READY",
  "selected for development": "READY",
  "ready for development": "READY",
  "portfolio backlog": "READY",
  "in progress": "IN_PROGRESS",
  implementing: "IN_PROGRESS",
  development: "IN_PROGRESS",
  "in development": "IN_PROGRESS",
  doing: "IN_PROGRESS",
  blocked: "BLOCKED",
  "on hold": "BLOCKED",
  impeded: "BLOCKED",
  "in review": "IN_REVIEW",
  review: "IN_REVIEW",
  "code review": "IN_REVIEW",
  reviewing: "IN_REVIEW",
  analyzing: "IN_REVIEW",
  qa: "IN_REVIEW",
  "in qa": "IN_REVIEW",
  testing: "IN_REVIEW",
  "in testing": "IN_REVIEW",
  done: "DONE",
  closed: "DONE",
  resolved: "DONE",
  complete: "DONE",
  completed: "DONE",
  cancelled: "CANCELLED",
  canceled: "CANCELLED",
  "won't do": "CANCELLED",
  "wont do": "CANCELLED",
  rejected: "CANCELLED",
  aborted: "CANCELLED",
};

const CATEGORY: Readonly<Record<string, StatusTarget>> = {
  "to do": "BACKLOG",
  new: "BACKLOG",
  "in progress": "IN_PROGRESS",
  indeterminate: "IN_PROGRESS",
  done: "DONE",
  complete: "DONE",
};

export type StatusSource = "chosen" | "name" | "category" | "none";

/** A status value's target: the user's choice, else its name, else the Status Category it came with. */
export function statusTarget(value: string, category: string, mapping: Mapping): { target: StatusTarget | null; source: StatusSource } {
  const k = valueKey(value);
  const chosen = mapping.statuses[k];
  if (chosen) return { target: chosen, source: "chosen" };
  if (STATUS_NAMES[k]) return { target: STATUS_NAMES[k], source: "name" };
  const c = CATEGORY[valueKey(category)];
  if (c) return { target: c, source: "category" };
  return { target: null, source: "none" };
}

/** The status a theme or epic takes for a team status (To Do is the funnel, Ready the approved portfolio backlog). */
export function portfolioStatus(target: StatusTarget): ItemStatus {
  switch (target) {
    case "BACKLOG":
      return "FUNNEL";
    case "READY":
      return "PORTFOLIO_BACKLOG";
    case "IN_PROGRESS":
    case "IN_REVIEW":
    case "BLOCKED":
      return "IMPLEMENTING";
    default:
      return target;
  }
}

// ───────────────────────────── people ─────────────────────────────

/** Someone an assignee value can be: the importing team's members (only members own its work). */
export interface Candidate {
  personId: number;
  name: string;
  email: string;
}

const sameText = (a: string, b: string) => valueKey(a) === valueKey(b);

/** An assignee value's person: the user's choice, else the one member with that email or name, else nobody. */
export function assigneeTarget(value: string, mapping: Mapping, people: readonly Candidate[]): { personId: number | null; source: "chosen" | "email" | "name" | "none" } {
  const chosen = mapping.assignees[valueKey(value)];
  if (chosen === UNASSIGNED) return { personId: null, source: "chosen" };
  if (chosen !== undefined && people.some((p) => p.personId === chosen)) return { personId: chosen, source: "chosen" };
  const byEmail = people.filter((p) => sameText(p.email, value));
  if (byEmail.length === 1) return { personId: byEmail[0]!.personId, source: "email" };
  const byName = people.filter((p) => sameText(p.name, value));
  if (byName.length === 1) return { personId: byName[0]!.personId, source: "name" };
  return { personId: null, source: "none" };
}

/**
 * A sprint value's default: one of the team's own sprints by name ("Sprint 4", as our exports write them) is
 * left as it is (sprint scope is set in planning, where the Definition of Ready is checked); any other sprint
 * is kept as a label, so the information stays with the item.
 */
export function sprintTarget(value: string, mapping: Mapping, sprintNumbers: readonly number[]): { target: "LABEL" | "IGNORE"; source: string } {
  const chosen = mapping.sprints[valueKey(value)];
  if (chosen) return { target: chosen, source: "chosen" };
  const m = /^sprint (\d+)$/.exec(valueKey(value));
  if (m && sprintNumbers.includes(Number(m[1]))) return { target: "IGNORE", source: `sprint:${m[1]}` };
  return { target: "LABEL", source: "default" };
}

/** A label made from a name (a sprint or component): Jira labels hold no spaces. */
export const asLabel = (name: string) => name.trim().replace(/\s+/g, "_");

// ───────────────────────────── what the mapping step shows ─────────────────────────────

export interface ValueSummary<T> {
  value: string;
  key: string;
  count: number;
  target: T;
  /** Where the target comes from: the user's (saved) choice, the value's name, its Status Category, or nothing. */
  source: string;
}

export interface FileSummary {
  types: ValueSummary<TypeTarget>[];
  statuses: ValueSummary<StatusTarget | null>[];
  assignees: ValueSummary<number | null>[];
  sprints: ValueSummary<"LABEL" | "IGNORE">[];
}

function countBy(values: Iterable<string>): Map<string, { value: string; count: number }> {
  const m = new Map<string, { value: string; count: number }>();
  for (const v of values) {
    if (!v.trim()) continue;
    const k = valueKey(v);
    const e = m.get(k);
    if (e) e.count++;
    else m.set(k, { value: v.trim(), count: 1 });
  }
  return m;
}

/** Every distinct value of the mapped fields, with its count and what it becomes under the mapping. */
export function summarizeValues(rows: readonly JiraRow[], mapping: Mapping, people: readonly Candidate[], sprintNumbers: readonly number[]): FileSummary {
  const byCount = <T>(a: ValueSummary<T>, b: ValueSummary<T>) => b.count - a.count || a.value.localeCompare(b.value);
  const types = [...countBy(rows.map((r) => r.type))].map(([k, { value, count }]) => ({
    value, key: k, count, target: mapping.types[k] ?? defaultType(value), source: mapping.types[k] ? "chosen" : "name",
  }));
  // A status's category is the one its rows carry most often (Jira gives a status one category).
  const categories = new Map<string, Map<string, number>>();
  for (const r of rows) {
    if (!r.status) continue;
    const m = categories.get(valueKey(r.status)) ?? new Map<string, number>();
    m.set(r.statusCategory, (m.get(r.statusCategory) ?? 0) + 1);
    categories.set(valueKey(r.status), m);
  }
  const statuses = [...countBy(rows.map((r) => r.status ?? ""))].map(([k, { value, count }]) => {
    const cats = [...(categories.get(k) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1]);
    const t = statusTarget(value, cats[0]?.[0] ?? "", mapping);
    return { value, key: k, count, target: t.target, source: t.source === "category" ? `category:${cats[0]?.[0] ?? ""}` : t.source };
  });
  const assignees = [...countBy(rows.map((r) => r.assignee ?? ""))].map(([k, { value, count }]) => {
    const t = assigneeTarget(value, mapping, people);
    return { value, key: k, count, target: t.personId, source: t.source };
  });
  const sprints = [...countBy(rows.flatMap((r) => r.sprints))].map(([k, { value, count }]) => ({ value, key: k, count, ...sprintTarget(value, mapping, sprintNumbers) }));
  return { types: types.sort(byCount), statuses: statuses.sort(byCount), assignees: assignees.sort(byCount), sprints: sprints.sort(byCount) };
}

/** Merges this import's choices into the team's saved mapping (this file's choices win). */
export function mergeMappings(saved: Mapping, now: Mapping): Mapping {
  return {
    columns: { ...saved.columns, ...now.columns },
    types: { ...saved.types, ...now.types },
    statuses: { ...saved.statuses, ...now.statuses },
    assignees: { ...saved.assignees, ...now.assignees },
    sprints: { ...saved.sprints, ...now.sprints },
    detachMissingParents: now.detachMissingParents,
  };
}
