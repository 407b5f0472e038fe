import { summarisePredictability } from "./predictability";
import type { DashboardMetrics, Ratio } from "./queries";
import {
  DASH,
  METRIC_IDS,
  formatDays,
  formatMoney,
  formatNumber,
  formatPercent,
  type MetricId,
} from "./definitions";

/**
 * One metric as the dashboard, the print view and the CSV show it: the headline value, a line saying what it is
 * made of, and the raw figures. Pure: formatting only, the numbers come from ./queries.ts.
 */
export interface MetricSummary {
  id: MetricId;
  /** The headline, formatted ("43%", "2.5 d", "—" for a division by zero). */
  display: string;
  /** The headline as a number (a ratio as 0–1, days, points, items); null for "—". */
  value: number | null;
  /** What the headline is made of ("10 of 23 points"). */
  detail: string;
  /** A second figure shown beside the headline (cycle and lead time: the 85th percentile). */
  secondary?: { label: string; display: string; value: number | null };
  numerator?: number;
  denominator?: number;
  unit: "ratio" | "days" | "points per sprint" | "items";
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatNumber(n)} ${n === 1 ? one : many}`;

function ratio(id: MetricId, r: Ratio, detail: string): MetricSummary {
  return { id, display: formatPercent(r.value), value: r.value, detail, numerator: r.numerator, denominator: r.denominator, unit: "ratio" };
}

export function summarise(m: DashboardMetrics): Record<MetricId, MetricSummary> {
  const gc = m.goalContribution;
  const summaries: Record<MetricId, MetricSummary> = {
    "goal-contribution": ratio(
      "goal-contribution",
      gc,
      gc.denominator === 0
        ? gc.unestimated > 0
          ? `No points done (${plural(gc.unestimated, "item")} without an estimate)`
          : "No points done in the period"
        : `${formatNumber(gc.numerator)} of ${plural(gc.denominator, "point")} done trace to an active objective${gc.unestimated > 0 ? ` · ${plural(gc.unestimated, "item")} unestimated` : ""}`,
    ),
    "value-stream-coverage": ratio(
      "value-stream-coverage",
      m.valueStreamCoverage,
      m.valueStreamCoverage.denominator === 0
        ? "No value stream in scope"
        : `${m.valueStreamCoverage.numerator} of ${plural(m.valueStreamCoverage.denominator, "value stream")} ${m.valueStreamCoverage.numerator === 1 ? "has" : "have"} a delivery pod`,
    ),
    "priority-stability": ratio(
      "priority-stability",
      m.priorityStability,
      m.priorityStability.startSnapshot === null
        ? "No ranking recorded at the period's start"
        : `${m.priorityStability.numerator} of the top ${m.priorityStability.denominator} epics still there`,
    ),
    "portfolio-roi": {
      id: "portfolio-roi",
      display: formatPercent(m.portfolioRoi.value),
      value: m.portfolioRoi.value,
      detail:
        m.portfolioRoi.epics === 0
          ? "No delivered epics yet"
          : `${formatMoney(m.portfolioRoi.realised)} realised on ${formatMoney(m.portfolioRoi.investment)} invested · ${plural(m.portfolioRoi.epics, "epic")}`,
      unit: "ratio",
    },
    "benefit-realisation": {
      id: "benefit-realisation",
      display: formatPercent(m.benefitRealisation.value),
      value: m.benefitRealisation.value,
      detail:
        m.benefitRealisation.epics === 0
          ? "No delivered epics yet"
          : `${formatMoney(m.benefitRealisation.realised)} of ${formatMoney(m.benefitRealisation.planned)} planned`,
      unit: "ratio",
    },
    "kpi-progress": ratio(
      "kpi-progress",
      m.kpiProgress,
      m.kpiProgress.denominator === 0
        ? "No KPI measured yet"
        : `${m.kpiProgress.numerator} of ${plural(m.kpiProgress.denominator, "measured KPI")} meet their target`,
    ),
    velocity: {
      id: "velocity",
      display: m.velocity.value === null ? DASH : `${formatNumber(m.velocity.value)} pts`,
      value: m.velocity.value,
      detail:
        m.velocity.teams.length === 0
          ? "No closed sprints yet"
          : m.velocity.teams.length === 1
            ? `Per sprint, mean of the last ${plural(m.velocity.teams[0]!.sprints, "closed sprint")}`
            : `Per sprint across ${plural(m.velocity.teams.length, "team")}`,
      unit: "points per sprint",
    },
    "sprint-goal-attainment": ratio(
      "sprint-goal-attainment",
      m.sprintGoalAttainment,
      m.sprintGoalAttainment.denominator === 0
        ? "No sprint closed in the period"
        : `${m.sprintGoalAttainment.numerator} of ${plural(m.sprintGoalAttainment.denominator, "closed sprint")} met the goal`,
    ),
    "capacity-accuracy": {
      id: "capacity-accuracy",
      display: formatPercent(m.capacityAccuracy.value),
      value: m.capacityAccuracy.value,
      detail:
        m.capacityAccuracy.sprints === 0
          ? "No closed sprint with a commitment in the period"
          : `Mean over ${plural(m.capacityAccuracy.sprints, "closed sprint")}${m.capacityAccuracy.excluded > 0 ? ` (${m.capacityAccuracy.excluded} with nothing committed left out)` : ""}`,
      unit: "ratio",
    },
    "interval-predictability": { id: "interval-predictability", display: formatPercent(m.intervalPredictability.value), ...summarisePredictability(m.intervalPredictability), unit: "ratio" },
    "backlog-churn": {
      id: "backlog-churn",
      display: formatPercent(m.backlogChurn.value),
      value: m.backlogChurn.value,
      detail:
        m.backlogChurn.committed === 0
          ? "No committed items in sprints closed in the period"
          : `${m.backlogChurn.insertions} added + ${m.backlogChurn.removals} removed of ${plural(m.backlogChurn.committed, "committed item")}`,
      numerator: m.backlogChurn.insertions + m.backlogChurn.removals,
      denominator: m.backlogChurn.committed,
      unit: "ratio",
    },
    "improvement-completion": ratio(
      "improvement-completion",
      m.improvementCompletion,
      m.improvementCompletion.denominator === 0
        ? "No retro actions created in the period"
        : `${m.improvementCompletion.numerator} of ${plural(m.improvementCompletion.denominator, "retro action")} done`,
    ),
    "cycle-time": {
      id: "cycle-time",
      display: formatDays(m.cycleTime.median),
      value: m.cycleTime.median,
      detail: m.cycleTime.count === 0 ? "Nothing done in the period" : `Median of ${plural(m.cycleTime.count, "item")}`,
      secondary: { label: "85th percentile", display: formatDays(m.cycleTime.p85), value: m.cycleTime.p85 },
      unit: "days",
    },
    "lead-time": {
      id: "lead-time",
      display: formatDays(m.leadTime.median),
      value: m.leadTime.median,
      detail: m.leadTime.count === 0 ? "Nothing done in the period" : `Median of ${plural(m.leadTime.count, "item")}`,
      secondary: { label: "85th percentile", display: formatDays(m.leadTime.p85), value: m.leadTime.p85 },
      unit: "days",
    },
    "flow-velocity": {
      id: "flow-velocity",
      display: formatNumber(m.flowVelocity.items),
      value: m.flowVelocity.items,
      detail: `Items done · ${plural(m.flowVelocity.points, "point")}`,
      unit: "items",
    },
    "flow-load": {
      id: "flow-load",
      display: formatNumber(m.flowLoad.items),
      value: m.flowLoad.items,
      detail: "Items in progress, blocked or in review now",
      unit: "items",
    },
    "flow-efficiency": {
      id: "flow-efficiency",
      display: formatPercent(m.flowEfficiency.value),
      value: m.flowEfficiency.value,
      detail:
        m.flowEfficiency.value === null
          ? "No flow time recorded"
          : `${formatNumber(Math.round(m.flowEfficiency.activeHours / 24))} active of ${formatNumber(Math.round((m.flowEfficiency.activeHours + m.flowEfficiency.waitingHours + m.flowEfficiency.blockedHours) / 24))} days in flow`,
      unit: "ratio",
    },
    "blocked-work": ratio(
      "blocked-work",
      m.blockedWork,
      m.blockedWork.denominator === 0 ? "No active items" : `${m.blockedWork.numerator} of ${plural(m.blockedWork.denominator, "active item")} blocked`,
    ),
    "dependency-resolution": ratio(
      "dependency-resolution",
      m.dependencyResolution,
      m.dependencyResolution.denominator === 0
        ? "No dependency resolved in the period"
        : `${m.dependencyResolution.numerator} of ${plural(m.dependencyResolution.denominator, "resolved dependency", "resolved dependencies")} on time`,
    ),
    "sla-compliance": ratio(
      "sla-compliance",
      m.slaCompliance,
      m.slaCompliance.denominator === 0
        ? "No request delivered in the period"
        : `${m.slaCompliance.numerator} of ${plural(m.slaCompliance.denominator, "delivered request")} on time`,
    ),
  };
  return summaries;
}

/** The summaries in the dashboard's order. */
export function orderedSummaries(m: DashboardMetrics): MetricSummary[] {
  const all = summarise(m);
  return METRIC_IDS.map((id) => all[id]);
}

export type Tone = "good" | "warning" | "danger" | "neutral";

/**
 * A colour for the headline — display only, not part of any definition: higher-is-better ratios are good from
 * 80 %, a warning from 50 %; blocked work and churn (lower is better) are good up to 10 % / 15 %, a warning up to
 * 25 % / 30 %. Counts, times and velocity stay neutral.
 */
export function toneOf(summary: MetricSummary): Tone {
  if (summary.value === null || summary.unit !== "ratio") return "neutral";
  const v = summary.value;
  switch (summary.id) {
    case "blocked-work":
      return v <= 0.1 ? "good" : v <= 0.25 ? "warning" : "danger";
    case "backlog-churn":
      return v <= 0.15 ? "good" : v <= 0.3 ? "warning" : "danger";
    case "portfolio-roi":
      return v >= 1 ? "good" : v >= 0 ? "warning" : "danger";
    case "flow-efficiency":
      return v >= 0.4 ? "good" : v >= 0.15 ? "warning" : "danger";
    default:
      return v >= 0.8 ? "good" : v >= 0.5 ? "warning" : "danger";
  }
}
