import type { IntervalPredictabilityResult } from "@/lib/planning/queries";
import type { MetricDefinition } from "./definitions";

/**
 * Interval predictability, registered with the dashboard like every other metric: its definition (here), its SQL
 * (lib/planning/queries.ts, getIntervalPredictability; the formula is lib/planning/predictability.ts) and how the
 * card shows it (summarisePredictability). Kept in a file of its own so the metric families can move without it.
 */
export const INTERVAL_PREDICTABILITY: MetricDefinition = {
  id: "interval-predictability",
  label: "Interval predictability",
  group: "delivery",
  definition: "Actual business value ÷ planned business value of the teams' interval objectives, per team and overall.",
  reading:
    "The last planning interval closed by the end of the period. Planned = leaders' planned value (1–10) of committed objectives; actual = the value they gave every objective at the end, uncommitted ones included, so a team can pass 100 %. Overall is the ratio of the sums.",
  owner: "Marketing leadership (business owners)",
  higherIsBetter: true,
};

/** The card: the headline ratio and what it is made of. */
export function summarisePredictability(p: IntervalPredictabilityResult): {
  value: number | null;
  detail: string;
  numerator: number;
  denominator: number;
} {
  const detail =
    p.interval === null
      ? "No planning interval closed yet"
      : p.planned === 0
        ? `${p.interval.name}: no committed objective scored`
        : `${p.interval.name}: ${p.actual} of ${p.planned} planned business value across ${p.teams.filter((t) => t.objectives > 0).length} teams`;
  return { value: p.value, detail, numerator: p.actual, denominator: p.planned };
}
