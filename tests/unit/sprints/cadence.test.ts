import { describe, expect, it } from "vitest";
import { countWorkingDays, isWorkingDay, nextSprintDates, nextWorkingDay } from "@/lib/sprints/cadence";

const weekdays = [1, 2, 3, 4, 5];
const calendar = { weekdays, holidays: new Set(["2026-12-25", "2026-12-28"]) };

describe("working days", () => {
  it("skips weekends and holidays", () => {
    expect(isWorkingDay("2026-11-21", calendar)).toBe(false); // Saturday
    expect(isWorkingDay("2026-12-25", calendar)).toBe(false); // holiday
    expect(isWorkingDay("2026-11-23", calendar)).toBe(true);
    expect(nextWorkingDay("2026-11-21", calendar)).toBe("2026-11-23");
  });

  it("counts both ends", () => {
    expect(countWorkingDays("2026-11-16", "2026-11-27", calendar)).toBe(10);
    expect(countWorkingDays("2026-12-21", "2026-12-31", calendar)).toBe(7); // 25th and 28th are holidays
    expect(countWorkingDays("2026-11-27", "2026-11-16", calendar)).toBe(0);
  });
});

describe("sprints from the cadence", () => {
  it("starts at the anchor and runs ten working days back to back", () => {
    const dates = nextSprintDates({ cadenceDays: 10, cadenceAnchor: "2026-09-07" }, null, 2, calendar);
    expect(dates).toEqual([
      { number: 1, startDate: "2026-09-07", endDate: "2026-09-18" },
      { number: 2, startDate: "2026-09-21", endDate: "2026-10-02" },
    ]);
  });

  it("continues after the last sprint and stretches over holidays", () => {
    const dates = nextSprintDates(
      { cadenceDays: 10, cadenceAnchor: "2026-09-07" },
      { number: 7, endDate: "2026-12-11" },
      2,
      calendar,
    );
    expect(dates[0]).toEqual({ number: 8, startDate: "2026-12-14", endDate: "2026-12-29" });
    expect(dates[1]).toEqual({ number: 9, startDate: "2026-12-30", endDate: "2027-01-12" });
    for (const d of dates) expect(countWorkingDays(d.startDate, d.endDate, calendar)).toBe(10);
  });

  it("starts a sprint on a working day even when the anchor is not one", () => {
    const [first] = nextSprintDates({ cadenceDays: 5, cadenceAnchor: "2026-11-21" }, null, 1, calendar);
    expect(first).toEqual({ number: 1, startDate: "2026-11-23", endDate: "2026-11-27" });
  });
});
