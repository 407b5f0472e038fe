/**
 * Interval predictability (SAFe's program predictability measure). Pure.
 *
 *   per team  = Σ actual value of the team's objectives ÷ Σ planned value of its committed objectives
 *   overall   = Σ actual value over every team ÷ Σ planned value of every committed objective
 *
 * Leaders give each objective a planned business value (1–10) while planning and an actual value (0–10) when the
 * interval closes. Uncommitted objectives add nothing to the planned value but their actual value counts: a team
 * that also achieved stretch goals can score above 100 %. An objective without a planned value adds nothing to
 * the planned side; one without an actual value adds 0 to the actual side. Overall is the ratio of the sums (each
 * point of business value weighs the same), not the mean of the teams' ratios. A zero denominator gives null ("—").
 */

export interface ScoredObjective {
  teamId: number;
  committed: boolean;
  plannedValue: number | null;
  actualValue: number | null;
}

export interface Predictability {
  /** Actual ÷ planned, or null when nothing committed carries a planned value. */
  value: number | null;
  planned: number;
  actual: number;
  objectives: number;
}

function ratio(actual: number, planned: number, objectives: number): Predictability {
  return { value: planned > 0 ? actual / planned : null, planned, actual, objectives };
}

/** One team's (or any set's) predictability from its objectives. */
export function predictabilityOf(objectives: readonly ScoredObjective[]): Predictability {
  let planned = 0;
  let actual = 0;
  for (const o of objectives) {
    if (o.committed) planned += o.plannedValue ?? 0;
    actual += o.actualValue ?? 0;
  }
  return ratio(actual, planned, objectives.length);
}

/** Per team and overall. */
export function intervalPredictability(objectives: readonly ScoredObjective[]): { overall: Predictability; teams: Map<number, Predictability> } {
  const byTeam = new Map<number, ScoredObjective[]>();
  for (const o of objectives) {
    const list = byTeam.get(o.teamId);
    if (list) list.push(o);
    else byTeam.set(o.teamId, [o]);
  }
  return {
    overall: predictabilityOf(objectives),
    teams: new Map([...byTeam].map(([teamId, list]) => [teamId, predictabilityOf(list)])),
  };
}

/**
 * What is still missing before an interval can close: every committed objective that has a planned value needs an
 * actual value (an uncommitted one without it counts 0).
 */
export function unscoredAtClose<T extends ScoredObjective & { title: string }>(objectives: readonly T[]): T[] {
  return objectives.filter((o) => o.committed && o.plannedValue !== null && o.actualValue === null);
}
