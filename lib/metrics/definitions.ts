/**
 * What each dashboard metric means — the definition from DOMAIN.md's metrics table word for word, and how this
 * app reads it (the SQL is in ./queries.ts, one function per metric, with the same text in its doc comment) —
 * and how its value is shown. Pure: shared by the dashboard, the drill-down pages, the print view and the CSV.
 */

import { INTERVAL_PREDICTABILITY } from "./predictability";

export const METRIC_IDS = [
  "goal-contribution",
  "value-stream-coverage",
  "priority-stability",
  "portfolio-roi",
  "benefit-realisation",
  "kpi-progress",
  "velocity",
  "sprint-goal-attainment",
  "capacity-accuracy",
  "interval-predictability",
  "backlog-churn",
  "improvement-completion",
  "cycle-time",
  "lead-time",
  "flow-velocity",
  "flow-load",
  "flow-efficiency",
  "blocked-work",
  "dependency-resolution",
  "sla-compliance",
] as const;

export type MetricId = (typeof METRIC_IDS)[number];

export type MetricGroup = "strategy" | "delivery" | "flow" | "coordination";

export const GROUP_LABELS: Readonly<Record<MetricGroup, { title: string; description: string }>> = {
  strategy: { title: "Strategy and value", description: "Is the work aimed at the goals, and is it paying back?" },
  delivery: { title: "Delivery", description: "How predictably the teams plan and finish their sprints" },
  flow: { title: "Flow", description: "How fast work moves from idea to done, and what holds it up" },
  coordination: { title: "Coordination", description: "Cross-team dependencies and shared-service levels" },
};

export interface MetricDefinition {
  id: MetricId;
  label: string;
  group: MetricGroup;
  /** DOMAIN.md's definition. */
  definition: string;
  /** How this app reads it: which rows, which dates, edge cases. */
  reading: string;
  /** Who owns the number (DOMAIN.md). */
  owner: string;
  /** A state (computed for now) rather than something that happened in the period. */
  state?: boolean;
  /** Higher is better (true), lower is better (false), or neither (null). */
  higherIsBetter: boolean | null;
}

export const METRICS: Readonly<Record<MetricId, MetricDefinition>> = {
  "interval-predictability": INTERVAL_PREDICTABILITY,
  "goal-contribution": {
    id: "goal-contribution",
    label: "Goal contribution",
    group: "strategy",
    definition: "Points done in the period on items that trace (via parents) to an active objective ÷ all points done.",
    reading:
      "Stories and unsplit features done in the period; an item traces when it or any parent (feature, epic, theme) is linked to an objective with status Active. Items without an estimate add 0 points.",
    owner: "Marketing leadership",
    higherIsBetter: true,
  },
  "value-stream-coverage": {
    id: "value-stream-coverage",
    label: "Value stream coverage",
    group: "strategy",
    definition: "Value streams with at least one delivery pod ÷ value streams.",
    reading: "Archived pods do not count. Team structure is not historised, so this is today's figure for any period.",
    owner: "CMO / revenue leader",
    state: true,
    higherIsBetter: true,
  },
  "priority-stability": {
    id: "priority-stability",
    label: "Priority stability",
    group: "strategy",
    definition: "Share of the top 10 ranked portfolio epics at period start still in the top 10 at period end.",
    reading:
      "Read from daily snapshots of the portfolio ranking (the live ranking when the period ends today). Portfolio-wide in every scope: the ranking is the portfolio's.",
    owner: "Portfolio owner",
    higherIsBetter: true,
  },
  "portfolio-roi": {
    id: "portfolio-roi",
    label: "Portfolio ROI",
    group: "strategy",
    definition: "(Realised benefit − investment) ÷ investment over delivered epics.",
    reading:
      "Sums over every epic delivered (Done) by the end of the period; in a value stream or team scope, the epics with a feature owned by a team in scope. Missing benefit or investment counts as 0.",
    owner: "Analytics / RevOps",
    higherIsBetter: true,
  },
  "benefit-realisation": {
    id: "benefit-realisation",
    label: "Benefit realisation",
    group: "strategy",
    definition: "Realised ÷ planned benefit of delivered epics.",
    reading: "The same delivered epics as portfolio ROI: sums of realised and of planned benefit.",
    owner: "Portfolio manager",
    higherIsBetter: true,
  },
  "kpi-progress": {
    id: "kpi-progress",
    label: "KPIs on target",
    group: "strategy",
    definition: "KPI progress against target, by team.",
    reading:
      "Each KPI's latest measurement for a period starting by the end of the period, against its target in its direction; the number is KPIs on target ÷ KPIs with a measurement.",
    owner: "Data owners",
    higherIsBetter: true,
  },
  velocity: {
    id: "velocity",
    label: "Velocity",
    group: "delivery",
    definition: "Points completed per sprint (mean of the last 3 closed sprints).",
    reading:
      "Per team, the mean completed points of its last 3 sprints closed by the end of the period; for a value stream or the portfolio, the sum over its teams.",
    owner: "Team",
    higherIsBetter: null,
  },
  "sprint-goal-attainment": {
    id: "sprint-goal-attainment",
    label: "Sprint goal attainment",
    group: "delivery",
    definition: "Closed sprints whose goal was met ÷ closed sprints.",
    reading: "Sprints closed with their end date in the period.",
    owner: "Product owner",
    higherIsBetter: true,
  },
  "capacity-accuracy": {
    id: "capacity-accuracy",
    label: "Capacity accuracy",
    group: "delivery",
    definition: "Per closed sprint 1 − abs(committed − completed) ÷ committed, averaged over sprints.",
    reading:
      "Committed = points of the items committed at sprint start (points at commitment). Sprints closed with their end date in the period; a sprint with nothing committed is left out.",
    owner: "Marketing operations",
    higherIsBetter: true,
  },
  "backlog-churn": {
    id: "backlog-churn",
    label: "Backlog churn",
    group: "delivery",
    definition: "Mid-sprint insertions + removals ÷ committed items.",
    reading: "Summed over the sprints closed with their end date in the period.",
    owner: "Product owner",
    higherIsBetter: false,
  },
  "improvement-completion": {
    id: "improvement-completion",
    label: "Improvement completion",
    group: "delivery",
    definition: "Retro action items done ÷ created.",
    reading: "Action items created in the period, done by its end.",
    owner: "Agile leads",
    higherIsBetter: true,
  },
  "cycle-time": {
    id: "cycle-time",
    label: "Cycle time",
    group: "flow",
    definition: "Done − first in-progress; median and 85th percentile.",
    reading: "Stories and unsplit features done in the period that were ever in progress, in days.",
    owner: "Team",
    higherIsBetter: false,
  },
  "lead-time": {
    id: "lead-time",
    label: "Lead time",
    group: "flow",
    definition: "Done − created; median and 85th percentile.",
    reading: "Stories and unsplit features done in the period, in days.",
    owner: "Team",
    higherIsBetter: false,
  },
  "flow-velocity": {
    id: "flow-velocity",
    label: "Flow velocity",
    group: "flow",
    definition: "Items done per period.",
    reading: "Stories and unsplit features whose last move to Done is in the period.",
    owner: "Value stream",
    higherIsBetter: true,
  },
  "flow-load": {
    id: "flow-load",
    label: "Flow load",
    group: "flow",
    definition: "Items in progress now.",
    reading: "Stories and unsplit features In progress, Blocked or In review right now.",
    owner: "Value stream",
    state: true,
    higherIsBetter: null,
  },
  "flow-efficiency": {
    id: "flow-efficiency",
    label: "Flow efficiency",
    group: "flow",
    definition: "Active time ÷ (active + waiting + blocked time).",
    reading:
      "From the status history of items done in the period: active = In progress, waiting = Ready or In review, blocked = Blocked (Backlog time is not counted).",
    owner: "Value stream",
    higherIsBetter: true,
  },
  "blocked-work": {
    id: "blocked-work",
    label: "Blocked work",
    group: "flow",
    definition: "Active items (in a running sprint or in progress) that are blocked ÷ active items.",
    reading: "Blocked = status Blocked, or an unresolved dependency starts at the item. Right now, whatever the period.",
    owner: "Agile leads",
    state: true,
    higherIsBetter: false,
  },
  "dependency-resolution": {
    id: "dependency-resolution",
    label: "Dependency resolution",
    group: "coordination",
    definition: "Dependencies resolved on or before needed-by ÷ resolved.",
    reading: "Dependencies resolved in the period with either team in scope.",
    owner: "Agile leads",
    higherIsBetter: true,
  },
  "sla-compliance": {
    id: "sla-compliance",
    label: "SLA compliance",
    group: "coordination",
    definition: "Requests delivered by due ÷ delivered.",
    reading: "Service requests delivered in the period, filed by or served by a team in scope.",
    owner: "Shared-service lead",
    higherIsBetter: true,
  },
};

export function isMetricId(text: string): text is MetricId {
  return (METRIC_IDS as readonly string[]).includes(text);
}

/** The tooltip text: the definition, then how it is read here. */
export function definitionText(id: MetricId): string {
  const m = METRICS[id];
  return `${m.definition} ${m.reading}`;
}

export const DASH = "—";

const decimal1 = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

/** A ratio as a whole percentage; null (a division by zero) as "—". */
export function formatPercent(value: number | null): string {
  return value === null || !Number.isFinite(value) ? DASH : `${whole.format(value * 100)}%`;
}

/** Days with one decimal; null as "—". */
export function formatDays(value: number | null): string {
  return value === null || !Number.isFinite(value) ? DASH : `${decimal1.format(value)} d`;
}

/** A plain number with at most one decimal; null as "—". */
export function formatNumber(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return DASH;
  return Number.isInteger(value) ? whole.format(value) : decimal1.format(value);
}

/** Money in pounds, compact (£437k, £1.2m). */
export function formatMoney(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1_000_000) return `£${decimal1.format(value / 1_000_000)}m`;
  if (abs >= 1_000) return `£${whole.format(value / 1_000)}k`;
  return `£${whole.format(value)}`;
}

/** ROI as a multiple of the investment returned on top: 3.16 → "316%". */
export const formatRoi = formatPercent;
