/**
 * The portfolio Kanban: epics flow FUNNEL → REVIEWING → ANALYZING → PORTFOLIO_BACKLOG → IMPLEMENTING → DONE.
 * Work-in-process limits per column are a policy of the portfolio (SAFe's portfolio Kanban limits the review,
 * analysis and implementation states; the funnel and done are unlimited). Pure.
 */
import type { ItemStatus } from "@/lib/generated/prisma/enums";

export const KANBAN_COLUMNS = ["FUNNEL", "REVIEWING", "ANALYZING", "PORTFOLIO_BACKLOG", "IMPLEMENTING", "DONE"] as const satisfies readonly ItemStatus[];
export type KanbanColumn = (typeof KANBAN_COLUMNS)[number];

/**
 * WIP limit per column (null: unlimited). Review and analysis are done by a few people (portfolio managers,
 * enterprise architects), so they are kept small; implementing is bounded by what the pods can carry at once
 * (about two epics per delivery pod); the approved backlog is a queue, limited so it does not become a wish list.
 */
export const KANBAN_WIP_LIMITS: Readonly<Record<KanbanColumn, number | null>> = {
  FUNNEL: null,
  REVIEWING: 4,
  ANALYZING: 3,
  PORTFOLIO_BACKLOG: 6,
  IMPLEMENTING: 8,
  DONE: null,
};

export const KANBAN_DESCRIPTIONS: Readonly<Record<KanbanColumn, string>> = {
  FUNNEL: "New ideas, not yet reviewed",
  REVIEWING: "Refining the idea and its WSJF inputs",
  ANALYZING: "Lean business case and MVP defined",
  PORTFOLIO_BACKLOG: "Approved, waiting for capacity",
  IMPLEMENTING: "Pods are delivering it",
  DONE: "Delivered (or its hypothesis disproved)",
};

export function isKanbanColumn(status: ItemStatus): status is KanbanColumn {
  return (KANBAN_COLUMNS as readonly ItemStatus[]).includes(status);
}

export interface WipState {
  count: number;
  limit: number | null;
  /** Above the limit (at the limit is full, not breached). */
  breached: boolean;
  overBy: number;
}

export function wipState(column: KanbanColumn, count: number): WipState {
  const limit = KANBAN_WIP_LIMITS[column];
  const overBy = limit === null ? 0 : Math.max(0, count - limit);
  return { count, limit, breached: overBy > 0, overBy };
}

/** The warning to return when a move leaves a column above its limit, or null. */
export function wipWarning(column: KanbanColumn, count: number, label: string): string | null {
  const state = wipState(column, count);
  if (!state.breached) return null;
  return `${label} now holds ${count} epics, over its WIP limit of ${state.limit}.`;
}
