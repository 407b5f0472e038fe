import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_POINTS_PER_DAY,
  availableDays,
  overCapacityWarning,
  planLoad,
  pointsPerDay,
  sprintCapacity,
} from "@/lib/sprints/capacity";

describe("available days", () => {
  it("is allocation × (working days − days off), summed over members", () => {
    const result = availableDays(10, [
      { personId: 1, allocationPct: 100, daysOff: 0 },
      { personId: 2, allocationPct: 60, daysOff: 0 },
      { personId: 3, allocationPct: 100, daysOff: 2.5 },
    ]);
    expect(result.members.map((m) => m.availableDays)).toEqual([10, 6, 7.5]);
    expect(result.total).toBe(23.5);
  });

  it("never goes below zero for someone off the whole sprint (or more)", () => {
    expect(availableDays(10, [{ personId: 1, allocationPct: 50, daysOff: 12 }]).total).toBe(0);
  });
});

describe("points per day", () => {
  it("divides the last three closed sprints' points by their available days", () => {
    const rate = pointsPerDay([
      { completedPoints: 30, availableDays: 75 },
      { completedPoints: 28, availableDays: 70 },
      { completedPoints: 32, availableDays: 80 },
      { completedPoints: 999, availableDays: 1 }, // older than the window: ignored
    ]);
    expect(rate).toEqual({ value: 0.4, basis: "history", sprints: 3 });
  });

  it("falls back to the default without history", () => {
    expect(pointsPerDay([])).toEqual({ value: DEFAULT_POINTS_PER_DAY, basis: "default", sprints: 0 });
    expect(pointsPerDay([{ completedPoints: 10, availableDays: 0 }]).basis).toBe("default");
  });
});

describe("sprint capacity", () => {
  it("is ⌊points per day × available days⌋", () => {
    const members = [
      { personId: 1, allocationPct: 100, daysOff: 0 },
      { personId: 2, allocationPct: 100, daysOff: 2 },
      { personId: 3, allocationPct: 60, daysOff: 0 },
    ];
    const capacity = sprintCapacity(10, members, { value: 0.41, basis: "history", sprints: 3 });
    expect(capacity.availableDays).toBe(24);
    expect(capacity.capacityPoints).toBe(9); // 0.41 × 24 = 9.84
  });

  it("drops when someone takes days off, and never rises (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ allocationPct: fc.integer({ min: 1, max: 100 }), daysOff: fc.integer({ min: 0, max: 12 }) }), { minLength: 1, maxLength: 9 }),
        fc.nat({ max: 8 }),
        fc.integer({ min: 1, max: 5 }),
        (people, who, extra) => {
          const members = people.map((p, i) => ({ personId: i + 1, ...p }));
          const rate = { value: 0.5, basis: "default" as const, sprints: 0 };
          const before = sprintCapacity(10, members, rate);
          const index = who % members.length;
          const after = sprintCapacity(
            10,
            members.map((m, i) => (i === index ? { ...m, daysOff: m.daysOff + extra } : m)),
            rate,
          );
          expect(after.capacityPoints).toBeLessThanOrEqual(before.capacityPoints);
          expect(after.availableDays).toBeLessThanOrEqual(before.availableDays);
          expect(before.capacityPoints).toBeLessThanOrEqual(Math.floor(0.5 * 10 * members.length + 1e-9));
        },
      ),
    );
  });
});

describe("plan load and the over-capacity warning", () => {
  it("warns only above capacity, naming the numbers", () => {
    expect(planLoad(20, 30)).toMatchObject({ level: "under", overBy: 0, percent: 67 });
    expect(planLoad(30, 30)).toMatchObject({ level: "full", overBy: 0, percent: 100 });
    const over = planLoad(34, 30);
    expect(over).toMatchObject({ level: "over", overBy: 4, percent: 113 });
    expect(overCapacityWarning(planLoad(30, 30))).toBeNull();
    expect(overCapacityWarning(over)).toBe("Planned 34 points against a capacity of 30: 4 points over.");
  });

  it("treats anything planned against zero capacity as over", () => {
    expect(planLoad(3, 0)).toMatchObject({ level: "over", overBy: 3, percent: 100 });
    expect(planLoad(0, 0)).toMatchObject({ level: "under", percent: 0 });
  });
});
