/**
 * Sprint capacity, in story points. Pure.
 *
 *   available days (member)  = allocation % ÷ 100 × max(0, working days of the sprint − that member's days off)
 *   capacity (points)        = ⌊ points per full-time day × Σ available days ⌋
 *
 * Points per full-time day come from the team's own history ("yesterday's weather"): the points completed in
 * its last three closed sprints divided by the full-time days that were available in them (the same sum, with
 * each of those sprints' days off). A team with no closed sprint yet (or no recorded days) starts at
 * DEFAULT_POINTS_PER_DAY. Members with the OVERSIGHT role do no sprint work and are left out by the caller;
 * allocation is today's (memberships keep no history), so a re-staffed team's rate adjusts after a sprint.
 */

/** Half a point per full-time day: five points per person in a two-week sprint, until the team has history. */
export const DEFAULT_POINTS_PER_DAY = 0.5;
/** How many closed sprints the rate is taken from (the dashboard's velocity uses the same three). */
export const VELOCITY_WINDOW = 3;

export interface MemberAvailability {
  personId: number;
  allocationPct: number;
  daysOff: number;
}

export interface MemberCapacity {
  personId: number;
  /** Full-time-equivalent days this member brings to the sprint. */
  availableDays: number;
}

/** Full-time-equivalent days each member brings, and their sum. */
export function availableDays(workingDays: number, members: readonly MemberAvailability[]): { total: number; members: MemberCapacity[] } {
  const perMember = members.map((m) => ({
    personId: m.personId,
    availableDays: round2((Math.min(100, Math.max(0, m.allocationPct)) / 100) * Math.max(0, workingDays - Math.max(0, m.daysOff))),
  }));
  return { total: round2(perMember.reduce((sum, m) => sum + m.availableDays, 0)), members: perMember };
}

export interface ClosedSprintHistory {
  completedPoints: number;
  /** Σ available days of that sprint (from `availableDays`). */
  availableDays: number;
}

export interface PointsPerDay {
  value: number;
  /** "history": from the last closed sprints; "default": no usable history yet. */
  basis: "history" | "default";
  /** How many closed sprints it was taken from. */
  sprints: number;
}

/** Points per full-time day from the most recent closed sprints (newest first; only the first three are used). */
export function pointsPerDay(recentClosed: readonly ClosedSprintHistory[]): PointsPerDay {
  const window = recentClosed.slice(0, VELOCITY_WINDOW);
  const days = window.reduce((sum, s) => sum + s.availableDays, 0);
  if (window.length === 0 || days <= 0) return { value: DEFAULT_POINTS_PER_DAY, basis: "default", sprints: 0 };
  const points = window.reduce((sum, s) => sum + s.completedPoints, 0);
  return { value: round2(points / days), basis: "history", sprints: window.length };
}

export interface SprintCapacity {
  workingDays: number;
  availableDays: number;
  pointsPerDay: PointsPerDay;
  capacityPoints: number;
  members: MemberCapacity[];
}

export function sprintCapacity(
  workingDays: number,
  members: readonly MemberAvailability[],
  rate: PointsPerDay,
): SprintCapacity {
  const days = availableDays(workingDays, members);
  // A hair of tolerance so 0.41 × 74 = 30.339999… is not floored below what the arithmetic means.
  const capacityPoints = Math.max(0, Math.floor(rate.value * days.total + 1e-9));
  return { workingDays, availableDays: days.total, pointsPerDay: rate, capacityPoints, members: days.members };
}

export type LoadLevel = "under" | "full" | "over";

export interface PlanLoad {
  plannedPoints: number;
  capacityPoints: number;
  level: LoadLevel;
  /** Points above capacity (0 when within). */
  overBy: number;
  /** Planned ÷ capacity in percent (rounded; 0 with no capacity and nothing planned). */
  percent: number;
}

/** Planning above capacity is a warning (rule 5), never a refusal: how far the plan is from the capacity. */
export function planLoad(plannedPoints: number, capacityPoints: number): PlanLoad {
  const overBy = Math.max(0, plannedPoints - capacityPoints);
  const level: LoadLevel = overBy > 0 ? "over" : plannedPoints === capacityPoints && capacityPoints > 0 ? "full" : "under";
  const percent = capacityPoints > 0 ? Math.round((plannedPoints / capacityPoints) * 100) : plannedPoints > 0 ? 100 : 0;
  return { plannedPoints, capacityPoints, level, overBy, percent };
}

/** The warning to show when a plan is above capacity, or null. */
export function overCapacityWarning(load: PlanLoad): string | null {
  if (load.level !== "over") return null;
  return `Planned ${load.plannedPoints} points against a capacity of ${load.capacityPoints}: ${load.overBy} ${load.overBy === 1 ? "point" : "points"} over.`;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
