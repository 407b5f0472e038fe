import { describe, expect, it } from "vitest";
import { csvField, exportFileName, metricsCsv } from "@/lib/metrics/export";
import type { MetricSummary } from "@/lib/metrics/summary";

describe("CSV export", () => {
  it("quotes what needs quoting and defuses formulas, but keeps numbers numbers", () => {
    expect(csvField('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("-5 pts")).toBe("'-5 pts");
    expect(csvField(-0.25)).toBe("-0.25");
    expect(csvField(null)).toBe("");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("writes one row per metric (two for cycle time), with — kept as an empty value", () => {
    const summaries: MetricSummary[] = [
      { id: "blocked-work", display: "—", value: null, detail: "No active items", numerator: 0, denominator: 0, unit: "ratio" },
      {
        id: "cycle-time", display: "2.5 d", value: 2.5, detail: "Median of 6 items", unit: "days",
        secondary: { label: "85th percentile", display: "4.3 d", value: 4.25 },
      },
    ];
    const csv = metricsCsv(summaries, { start: "2026-01-05", end: "2026-01-18" }, "Acquisition, EMEA");
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("metric,value,shown_as,numerator,denominator,unit,made_of,definition,period_start,period_end,scope");
    // A state metric has no period start (it is "now").
    expect(lines[1]).toMatch(/^Blocked work,,—,0,0,ratio,No active items,".*",,2026-01-18,"Acquisition, EMEA"$/);
    expect(lines[2]).toMatch(/^Cycle time,2.5,2.5 d,,,days,Median of 6 items,/);
    expect(lines[3]).toMatch(/^Cycle time \(85th percentile\),4.25,4.3 d,/);
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe("");
  });

  it("names the file after the scope and period", () => {
    expect(exportFileName("Brand & Content", { start: "2026-01-05", end: "2026-01-18" })).toBe("dashboard-brand-content-2026-01-05-to-2026-01-18.csv");
  });
});
