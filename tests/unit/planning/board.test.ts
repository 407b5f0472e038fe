import { describe, expect, it } from "vitest";
import { boardColumns, lineState, loadLevel, moveLoad, type BoardSprint } from "@/lib/planning/board";

const sprints: BoardSprint[] = [
  { id: 1, teamId: 10, startDate: "2026-04-06", endDate: "2026-04-17" },
  { id: 2, teamId: 10, startDate: "2026-04-20", endDate: "2026-05-01" },
  { id: 3, teamId: 20, startDate: "2026-04-06", endDate: "2026-04-17" },
  { id: 4, teamId: 20, startDate: "2026-04-20", endDate: "2026-05-01" },
  // A team on a one-week cadence: both of its sprints end inside the first window.
  { id: 5, teamId: 30, startDate: "2026-04-06", endDate: "2026-04-10" },
  { id: 6, teamId: 30, startDate: "2026-04-13", endDate: "2026-04-17" },
];
const byId = new Map(sprints.map((s) => [s.id, s]));

describe("dependency lines", () => {
  it("is red when the providing card finishes after the sprint that needs it", () => {
    expect(lineState({ teamId: 10, sprintId: 1 }, { teamId: 20, sprintId: 4 }, byId)).toBe("late");
    expect(lineState({ teamId: 10, sprintId: 2 }, { teamId: 20, sprintId: 3 }, byId)).toBe("ok");
    expect(lineState({ teamId: 10, sprintId: 1 }, { teamId: 20, sprintId: 3 }, byId)).toBe("tight");
  });

  it("is late when the provider has no sprint yet, and cannot be late when the needing card has none", () => {
    expect(lineState({ teamId: 10, sprintId: 1 }, { teamId: 20, sprintId: null }, byId)).toBe("late");
    expect(lineState({ teamId: 10, sprintId: null }, { teamId: 20, sprintId: 4 }, byId)).toBe("unscheduled");
  });
});

describe("moving a card's points", () => {
  const rows = {
    10: { capacity: 40, load: 30, unscheduled: 5, cells: { 1: { capacity: 20, load: 20 }, 2: { capacity: 20, load: 5 } } },
    20: { capacity: 30, load: 10, unscheduled: 0, cells: { 3: { capacity: 15, load: 10 }, 4: { capacity: 15, load: 0 } } },
  };

  it("moves them between sprints and teams, leaving the input as it was", () => {
    const later = moveLoad(rows, { teamId: 10, sprintId: 1 }, { teamId: 10, sprintId: 2 }, 8);
    expect(later[10]!.cells).toEqual({ 1: { capacity: 20, load: 12 }, 2: { capacity: 20, load: 13 } });
    expect(later[10]!.load).toBe(30);
    const handed = moveLoad(rows, { teamId: 10, sprintId: null }, { teamId: 20, sprintId: 4 }, 5);
    expect(handed[10]).toMatchObject({ load: 25, unscheduled: 0 });
    expect(handed[20]).toMatchObject({ load: 15, cells: { 3: { capacity: 15, load: 10 }, 4: { capacity: 15, load: 5 } } });
    expect(rows[10].cells[1]).toEqual({ capacity: 20, load: 20 });
  });

  it("grades a load against its capacity", () => {
    expect(loadLevel(31, 30)).toBe("over");
    expect(loadLevel(26, 30)).toBe("full");
    expect(loadLevel(10, 30)).toBe("ok");
    expect(loadLevel(0, 0)).toBe("empty");
    expect(loadLevel(3, 0)).toBe("over");
  });
});

describe("board columns", () => {
  it("makes one column per shared sprint window and fits another cadence in by end date", () => {
    const columns = boardColumns(sprints);
    expect(columns.map((c) => [c.startDate, c.endDate, c.sprints])).toEqual([
      ["2026-04-06", "2026-04-17", { 10: 1, 20: 3, 30: 5 }],
      ["2026-04-20", "2026-05-01", { 10: 2, 20: 4, 30: 6 }],
    ]);
  });
});
