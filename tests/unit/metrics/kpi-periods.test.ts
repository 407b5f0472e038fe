import { describe, expect, it } from "vitest";
import { parseMeasurementsCsv } from "@/lib/kpis/measurements-csv";
import { nextPeriodStart, periodStartOf, periodStartProblem, suggestedPeriod } from "@/lib/kpis/periods";

const TODAY = "2026-04-08"; // a Wednesday

describe("KPI periods", () => {
  it("know where each frequency's periods start", () => {
    expect(periodStartProblem("WEEKLY", "2026-04-06", TODAY)).toBeNull();
    expect(periodStartProblem("WEEKLY", "2026-04-07", TODAY)).toBe("A week starts on a Monday");
    expect(periodStartProblem("BIWEEKLY", "2026-03-30", TODAY)).toBeNull();
    expect(periodStartProblem("MONTHLY", "2026-04-01", TODAY)).toBeNull();
    expect(periodStartProblem("MONTHLY", "2026-03-31", TODAY)).toBe("A month starts on the 1st");
    expect(periodStartProblem("QUARTERLY", "2026-04-01", TODAY)).toBeNull();
    expect(periodStartProblem("QUARTERLY", "2026-02-01", TODAY)).toContain("quarter");
    expect(periodStartProblem("WEEKLY", "2026-04-13", TODAY)).toBe("The period has not started yet");
    expect(periodStartProblem("WEEKLY", "2026-02-30", TODAY)).toContain("Not a date");
  });

  it("step from one period to the next and suggest the one to record", () => {
    expect(periodStartOf("WEEKLY", TODAY)).toBe("2026-04-06");
    expect(periodStartOf("QUARTERLY", "2026-05-20")).toBe("2026-04-01");
    expect(nextPeriodStart("MONTHLY", "2026-01-01")).toBe("2026-02-01");
    expect(nextPeriodStart("QUARTERLY", "2025-10-01")).toBe("2026-01-01");
    expect(nextPeriodStart("BIWEEKLY", "2026-03-16")).toBe("2026-03-30");
    expect(suggestedPeriod("WEEKLY", "2026-03-23", TODAY)).toBe("2026-03-30");
    expect(suggestedPeriod("WEEKLY", "2026-04-06", TODAY)).toBe("2026-04-06");
    expect(suggestedPeriod("MONTHLY", null, TODAY)).toBe("2026-04-01");
  });
});

describe("measurements CSV", () => {
  it("reads rows with or without a header, quotes, CRLF, a BOM and blank lines", () => {
    const csv = '\uFEFFPeriod,Value\r\n2026-03-23,310\r\n\r\n"2026-03-30","325.5"\r\n2026-04-06,-2\r\n';
    expect(parseMeasurementsCsv(csv, "WEEKLY", TODAY)).toEqual({
      ok: true,
      rows: [
        { line: 2, periodStart: "2026-03-23", value: 310 },
        { line: 4, periodStart: "2026-03-30", value: 325.5 },
        { line: 5, periodStart: "2026-04-06", value: -2 },
      ],
    });
  });

  it("names every bad row by line number, and gives no rows at all then", () => {
    const csv = ["period,value", "2026-03-23,310", "2026-03-24,12", "2026-03-30,1,234", "2026-03-30,abc", "2026-03-23,300", "26/03/2026,5", '"2026-04-06,7'].join("\n");
    const result = parseMeasurementsCsv(csv, "WEEKLY", TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { line: 3, message: 'Period "2026-03-24": A week starts on a Monday' },
      { line: 4, message: "Expected 2 columns (period,value), found 3" },
      { line: 5, message: 'Value "abc" is not a number' },
      { line: 6, message: "Period 2026-03-23 is already on line 2" },
      { line: 7, message: 'Period "26/03/2026": Not a date (use YYYY-MM-DD)' },
      { line: 8, message: "A quote is not closed" },
    ]);
  });

  it("refuses an empty file", () => {
    expect(parseMeasurementsCsv("period,value\n\n", "MONTHLY", TODAY)).toEqual({ ok: false, problems: [{ line: 1, message: "The file has no measurements" }] });
  });
});
