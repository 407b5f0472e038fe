import { describe, expect, it } from "vitest";
import { epicRemainders, featurePoints, overCommitment, sprintInInterval, teamLoads, type SprintInput } from "@/lib/planning/capacity";
import type { WorkingDays } from "@/lib/sprints/cadence";

/*
 * Worked by hand. The calendar is Monday–Friday with the 2026 Easter holidays (Good Friday 3 April, Easter Monday
 * 6 April). The interval runs Monday 30 March → Tuesday 28 April 2026, so one sprint reaches over each edge.
 *
 *   sprint 4 (closed)   23 Mar → 3 Apr   working days 9 (3 Apr off); inside from 30 Mar: 30, 31 Mar, 1, 2 Apr = 4
 *                       capacity fixed at start 27 → counted ⌊27 × 4 ÷ 9⌋ = ⌊12⌋ = 12
 *   sprint 5 (planned)  6 → 17 Apr       working days 9 (6 Apr off), all inside
 *                       members: Ana 100 % with 1 day off → 8; Ben 50 %, none off → 4.5; Cy 100 %, 2.5 off → 6.5
 *                       19 available days × 1.5 points a day = 28.5 → 28 (the stored 99 is stale and ignored)
 *   sprint 6 (planned)  20 Apr → 1 May   working days 10; inside up to 28 Apr: 20–24, 27, 28 = 7
 *                       25 available days × 1.5 = 37.5 → 37; counted ⌊37 × 7 ÷ 10⌋ = ⌊25.9⌋ = 25
 *
 *   team capacity = 12 + 28 + 25 = 65
 */
const calendar: WorkingDays = { weekdays: [1, 2, 3, 4, 5], holidays: new Set(["2026-04-03", "2026-04-06"]) };
const interval = { startDate: "2026-03-30", endDate: "2026-04-28" };
const rate = { value: 1.5, basis: "history" as const, sprints: 3 };
const members = (off: [number, number, number]) => [
  { personId: 1, allocationPct: 100, daysOff: off[0] },
  { personId: 2, allocationPct: 50, daysOff: off[1] },
  { personId: 3, allocationPct: 100, daysOff: off[2] },
];
const sprint = (id: number, number: number, status: SprintInput["status"], startDate: string, endDate: string, capacityPoints: number): SprintInput => ({
  id,
  teamId: 7,
  number,
  status,
  startDate,
  endDate,
  capacityPoints,
});

const s4 = sprintInInterval(sprint(40, 4, "CLOSED", "2026-03-23", "2026-04-03", 27), interval, calendar, null);
const s5 = sprintInInterval(sprint(50, 5, "PLANNED", "2026-04-06", "2026-04-17", 99), interval, calendar, { members: members([1, 0, 2.5]), rate });
const s6 = sprintInInterval(sprint(60, 6, "PLANNED", "2026-04-20", "2026-05-01", 0), interval, calendar, { members: members([0, 0, 0]), rate });

describe("a sprint's share of an interval", () => {
  it("counts a closed sprint over the start edge pro rata by working days, from its fixed capacity, holidays out", () => {
    expect(s4).toMatchObject({ workingDays: 9, insideDays: 4, sprintCapacity: 27, capacity: 12, partial: true });
  });

  it("takes a planned sprint's live capacity: days off and a holiday lower it", () => {
    expect(s5).toMatchObject({ workingDays: 9, insideDays: 9, sprintCapacity: 28, capacity: 28, partial: false });
  });

  it("counts a planned sprint over the end edge pro rata", () => {
    expect(s6).toMatchObject({ workingDays: 10, insideDays: 7, sprintCapacity: 37, capacity: 25, partial: true });
  });

  it("gives nothing for a sprint that is all holidays or lies outside", () => {
    const holidays: WorkingDays = { weekdays: [1, 2, 3, 4, 5], holidays: new Set(["2026-04-07", "2026-04-08"]) };
    expect(sprintInInterval(sprint(1, 1, "ACTIVE", "2026-04-07", "2026-04-08", 10), interval, holidays, null)).toMatchObject({ workingDays: 0, capacity: 0 });
    expect(sprintInInterval(sprint(2, 2, "ACTIVE", "2026-05-04", "2026-05-15", 30), interval, calendar, null)).toMatchObject({ insideDays: 0, capacity: 0 });
  });

  it("keeps a running sprint's capacity fixed at its start even with a live rate at hand", () => {
    const running = sprintInInterval(sprint(3, 3, "ACTIVE", "2026-04-06", "2026-04-17", 21), interval, calendar, { members: members([0, 0, 0]), rate });
    expect(running.capacity).toBe(21);
  });
});

describe("capacity against load per team", () => {
  /*
   *   FEAT a  finishes in sprint 5: stories 8 + 5 (two estimated)           → 13 in sprint 5
   *   FEAT b  finishes in sprint 6: no stories, its own estimate 8          →  8 in sprint 6
   *   FEAT c  no sprint yet, nothing estimated                              →  unestimated, 0
   *   FEAT d  planned into a sprint of another team (moved since): 5 points →  5 unscheduled
   *   a loose story (its feature not in the interval) in sprint 4: 3 points →  3 in sprint 4
   *
   *   load = 13 + 8 + 0 + 5 + 3 = 29 against 65: no gap
   */
  const points = (estimate: number | null, storyPoints: number, estimatedStories: number) => featurePoints({ estimate, storyPoints, estimatedStories });
  const group = (plannedSprintId: number | null, p: number | null) => ({ teamId: 7, plannedSprintId, points: p ?? 0, features: 1, unestimatedFeatures: p === null ? 1 : 0 });
  const loads = teamLoads(
    [s4, s5, s6],
    [group(50, points(20, 13, 2)), group(60, points(8, 0, 0)), group(null, points(null, 0, 0)), group(999, points(5, 0, 0))],
    [{ teamId: 7, sprintId: 40, points: 3, stories: 1 }],
  );
  const team = loads.get(7)!;

  it("adds up capacity and load, per sprint and in total", () => {
    expect(team).toMatchObject({ capacity: 65, load: 29, unscheduled: 5, features: 4, unestimatedFeatures: 1, looseStories: 1, gap: 0 });
    expect(Object.fromEntries(team.bySprint)).toEqual({
      40: { capacity: 12, load: 3 },
      50: { capacity: 28, load: 13 },
      60: { capacity: 25, load: 8 },
    });
    expect(overCommitment("Acquisition", team)).toBeNull();
  });

  it("names the team and the gap when the plan is over capacity", () => {
    const over = teamLoads([s4, s5, s6], [{ teamId: 7, plannedSprintId: 50, points: 70, features: 3, unestimatedFeatures: 0 }], []).get(7)!;
    expect(over.gap).toBe(5);
    expect(overCommitment("Acquisition", over)).toEqual({
      teamId: 7,
      team: "Acquisition",
      load: 70,
      capacity: 65,
      gap: 5,
      message: "Acquisition is over-committed by 5 points: 70 points planned against a capacity of 65.",
    });
  });

  it("reads a feature's points from its stories, else its own estimate, else unestimated", () => {
    expect(featurePoints({ estimate: 20, storyPoints: 13, estimatedStories: 2 })).toBe(13);
    expect(featurePoints({ estimate: 8, storyPoints: 0, estimatedStories: 0 })).toBe(8);
    expect(featurePoints({ estimate: null, storyPoints: 0, estimatedStories: 0 })).toBeNull();
  });
});

describe("epics' unestimated remainder", () => {
  it("lists epics not broken down into the interval's features, or with unestimated ones, and leaves carried epics out", () => {
    expect(
      epicRemainders([
        { epicId: 1, key: "EPIC-1", title: "Carried", plannedFeatures: 2, unestimatedFeatures: 0, points: 13 },
        { epicId: 2, key: "EPIC-2", title: "Not broken down", plannedFeatures: 0, unestimatedFeatures: 0, points: 0 },
        { epicId: 3, key: "EPIC-3", title: "Half estimated", plannedFeatures: 3, unestimatedFeatures: 2, points: 13 },
      ]),
    ).toEqual([
      { epicId: 2, key: "EPIC-2", title: "Not broken down", plannedFeatures: 0, unestimatedFeatures: 0, points: 0, notBrokenDown: true },
      { epicId: 3, key: "EPIC-3", title: "Half estimated", plannedFeatures: 3, unestimatedFeatures: 2, points: 13, notBrokenDown: false },
    ]);
  });
});
