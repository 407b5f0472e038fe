/**
 * Capacity against load per team per planning interval. Pure: the inputs are read in SQL (lib/planning/queries.ts)
 * and the arithmetic is here, tested by hand (tests/unit/planning/capacity.test.ts).
 *
 * Capacity — the points a team can take in an interval — is the sum of the capacities of its sprints that overlap
 * the interval:
 *
 *   sprint capacity   = the one fixed at its start for a running or closed sprint; for a planned sprint the live one
 *                       (lib/sprints/capacity.ts: allocation × (working days − days off) × points per day, with the
 *                       organisation's holidays out of the working days)
 *   inside share      = working days of the sprint inside the interval ÷ working days of the sprint
 *   counted capacity  = ⌊ sprint capacity × inside share ⌋   (a sprint cut by the interval's edge counts pro rata;
 *                                                             rounded down, so capacity is never overstated)
 *
 * Load — what the team has planned into it — is the points of its features planned into the interval (a feature's
 * points: its stories' estimates, cancelled ones and those already done before the interval's first day left out —
 * a feature carried over counts what is left; a feature with no estimated story counts its own estimate) plus the stories the team has in the interval's sprints under a feature that is not planned into it.
 * Features without any points are counted as unestimated, never as zero silently. Epics have no team: the part of
 * an epic planned into the interval that no estimated feature carries is the "unestimated remainder", reported
 * beside the teams' loads (epicRemainders).
 */
import { countWorkingDays, type WorkingDays } from "@/lib/sprints/cadence";
import { sprintCapacity, type MemberAvailability, type PointsPerDay } from "@/lib/sprints/capacity";

export interface IntervalDates {
  /** `YYYY-MM-DD`, inclusive. */
  startDate: string;
  endDate: string;
}

export interface SprintInput {
  id: number;
  teamId: number;
  number: number;
  status: "PLANNED" | "ACTIVE" | "CLOSED";
  startDate: string;
  endDate: string;
  /** The capacity stored on the sprint (fixed at start once it runs). */
  capacityPoints: number;
}

export interface SprintCapacityLine {
  sprintId: number;
  teamId: number;
  number: number;
  startDate: string;
  endDate: string;
  status: SprintInput["status"];
  workingDays: number;
  /** Working days of the sprint that fall inside the interval. */
  insideDays: number;
  /** The whole sprint's capacity (live for a planned sprint). */
  sprintCapacity: number;
  /** What the interval counts of it. */
  capacity: number;
  /** The sprint reaches over the interval's start or end. */
  partial: boolean;
}

/** Later of two `YYYY-MM-DD` days. */
const maxDay = (a: string, b: string) => (a > b ? a : b);
const minDay = (a: string, b: string) => (a < b ? a : b);

/**
 * What one sprint contributes to an interval's capacity. `live` is the planned sprint's members and rate (null for a
 * running or closed sprint, whose stored capacity is the one fixed at its start).
 */
export function sprintInInterval(
  sprint: SprintInput,
  interval: IntervalDates,
  calendar: WorkingDays,
  live: { members: readonly MemberAvailability[]; rate: PointsPerDay } | null,
): SprintCapacityLine {
  const workingDays = countWorkingDays(sprint.startDate, sprint.endDate, calendar);
  const from = maxDay(sprint.startDate, interval.startDate);
  const to = minDay(sprint.endDate, interval.endDate);
  const insideDays = from <= to ? countWorkingDays(from, to, calendar) : 0;
  const whole = sprint.status === "PLANNED" && live ? sprintCapacity(workingDays, live.members, live.rate).capacityPoints : sprint.capacityPoints;
  // A hair of tolerance so 30 × 7 ÷ 10 = 20.999… is not floored below what the arithmetic means.
  const capacity = workingDays === 0 ? 0 : Math.floor((whole * insideDays) / workingDays + 1e-9);
  return {
    sprintId: sprint.id,
    teamId: sprint.teamId,
    number: sprint.number,
    startDate: sprint.startDate,
    endDate: sprint.endDate,
    status: sprint.status,
    workingDays,
    insideDays,
    sprintCapacity: whole,
    capacity,
    partial: sprint.startDate < interval.startDate || sprint.endDate > interval.endDate,
  };
}

export interface FeatureGroupInput {
  teamId: number;
  /** The sprint its features are planned to finish in (null: planned into the interval, no sprint yet). */
  plannedSprintId: number | null;
  /** Σ featurePoints of the group's features (unestimated ones add 0) and how many there are. */
  points: number;
  features: number;
  unestimatedFeatures: number;
}

/**
 * A feature's points for planning: its stories' estimates (`storyPoints`: cancelled stories and those done before
 * the interval started left out), or its own estimate while none of its stories is estimated; null when neither
 * exists. The queries compute the same in SQL
 * (lib/planning/queries.ts, FEATURE_POINTS).
 */
export function featurePoints(f: { estimate: number | null; storyPoints: number; estimatedStories: number }): number | null {
  if (f.estimatedStories > 0) return f.storyPoints;
  return f.estimate ?? null;
}

export interface LooseStoryInput {
  teamId: number;
  sprintId: number;
  /** Σ estimates of the team's stories in that sprint whose feature is not planned into the interval. */
  points: number;
  stories: number;
}

export interface TeamLoad {
  teamId: number;
  capacity: number;
  load: number;
  /** Points per sprint (the sprint a feature is planned to finish in; stories by their sprint). */
  bySprint: Map<number, { capacity: number; load: number }>;
  /** Points of features planned into the interval with no sprint yet. */
  unscheduled: number;
  features: number;
  unestimatedFeatures: number;
  /** Stories in the interval's sprints under a feature that is not planned into it. */
  looseStories: number;
  /** Load above capacity (0 when within). */
  gap: number;
}

/**
 * Every team's capacity and load for an interval, from its sprints' capacity lines, its features planned into the
 * interval (grouped by team and sprint in SQL) and its loose stories. Teams with no sprint and nothing planned are
 * absent.
 */
export function teamLoads(
  sprints: readonly Pick<SprintCapacityLine, "sprintId" | "teamId" | "capacity">[],
  features: readonly FeatureGroupInput[],
  looseStories: readonly LooseStoryInput[],
): Map<number, TeamLoad> {
  const out = new Map<number, TeamLoad>();
  const team = (teamId: number): TeamLoad => {
    let t = out.get(teamId);
    if (!t) {
      t = { teamId, capacity: 0, load: 0, bySprint: new Map(), unscheduled: 0, features: 0, unestimatedFeatures: 0, looseStories: 0, gap: 0 };
      out.set(teamId, t);
    }
    return t;
  };
  const cell = (t: TeamLoad, sprintId: number) => {
    let c = t.bySprint.get(sprintId);
    if (!c) {
      c = { capacity: 0, load: 0 };
      t.bySprint.set(sprintId, c);
    }
    return c;
  };
  for (const s of sprints) {
    const t = team(s.teamId);
    t.capacity += s.capacity;
    cell(t, s.sprintId).capacity += s.capacity;
  }
  const sprintTeam = new Map(sprints.map((s) => [s.sprintId, s.teamId]));
  for (const f of features) {
    const t = team(f.teamId);
    t.features += f.features;
    t.unestimatedFeatures += f.unestimatedFeatures;
    t.load += f.points;
    // A feature planned into a sprint that is not one of its team's in the interval counts as unscheduled.
    if (f.plannedSprintId !== null && sprintTeam.get(f.plannedSprintId) === f.teamId) cell(t, f.plannedSprintId).load += f.points;
    else t.unscheduled += f.points;
  }
  for (const s of looseStories) {
    const t = team(s.teamId);
    t.load += s.points;
    t.looseStories += s.stories;
    cell(t, s.sprintId).load += s.points;
  }
  for (const t of out.values()) t.gap = Math.max(0, t.load - t.capacity);
  return out;
}

export interface OverCommitment {
  teamId: number;
  team: string;
  load: number;
  capacity: number;
  gap: number;
  message: string;
}

/** Over-commitment (rule 5 at interval scale): a finding naming the team and the gap, never a refusal. */
export function overCommitment(team: string, load: Pick<TeamLoad, "teamId" | "load" | "capacity" | "gap">): OverCommitment | null {
  if (load.gap <= 0) return null;
  const points = (n: number) => `${n} ${n === 1 ? "point" : "points"}`;
  return {
    teamId: load.teamId,
    team,
    load: load.load,
    capacity: load.capacity,
    gap: load.gap,
    message: `${team} is over-committed by ${points(load.gap)}: ${points(load.load)} planned against a capacity of ${load.capacity}.`,
  };
}

export interface EpicRemainderInput {
  epicId: number;
  key: string;
  title: string;
  /** The epic's features planned into this interval, how many of them are unestimated, and their points. */
  plannedFeatures: number;
  unestimatedFeatures: number;
  points: number;
}

export interface EpicRemainder extends EpicRemainderInput {
  /** No feature of it is planned into the interval yet: all of it is unestimated remainder. */
  notBrokenDown: boolean;
}

/**
 * Epics planned into the interval whose work is not (fully) carried by estimated features in it: those with no
 * feature planned into the interval, and those with unestimated features. Epics fully carried are left out.
 */
export function epicRemainders(epics: readonly EpicRemainderInput[]): EpicRemainder[] {
  return epics.map((e) => ({ ...e, notBrokenDown: e.plannedFeatures === 0 })).filter((e) => e.notBrokenDown || e.unestimatedFeatures > 0);
}
