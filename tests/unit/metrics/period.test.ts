import { describe, expect, it } from "vitest";
import { DASH, definitionText, formatDays, formatMoney, formatNumber, formatPercent, isMetricId, METRIC_IDS, METRICS } from "@/lib/metrics/definitions";
import { mondayOf, parseScope, parseSelection, presetPeriod, previousPeriod, scopeParam, selectionQuery } from "@/lib/metrics/period";

describe("presets", () => {
  it("count back whole days ending today", () => {
    expect(presetPeriod("2w", "2026-04-08")).toEqual({ start: "2026-03-26", end: "2026-04-08" });
    expect(presetPeriod("4w", "2026-04-08")).toEqual({ start: "2026-03-12", end: "2026-04-08" });
    expect(presetPeriod("12w", "2026-04-08")).toEqual({ start: "2026-01-15", end: "2026-04-08" });
  });

  it("know quarters, across a year boundary", () => {
    expect(presetPeriod("quarter", "2026-04-08")).toEqual({ start: "2026-04-01", end: "2026-04-08" });
    expect(presetPeriod("last-quarter", "2026-04-08")).toEqual({ start: "2026-01-01", end: "2026-03-31" });
    expect(presetPeriod("last-quarter", "2026-02-10")).toEqual({ start: "2025-10-01", end: "2025-12-31" });
  });

  it("give the previous period of the same length", () => {
    expect(previousPeriod({ start: "2026-03-12", end: "2026-04-08" })).toEqual({ start: "2026-02-12", end: "2026-03-11" });
  });

  it("find Mondays", () => {
    expect(mondayOf("2026-04-08")).toBe("2026-04-06");
    expect(mondayOf("2026-04-06")).toBe("2026-04-06");
    expect(mondayOf("2026-04-12")).toBe("2026-04-06");
  });
});

describe("the URL", () => {
  it("round-trips a scope, and anything odd is the portfolio", () => {
    for (const scope of [{ kind: "PORTFOLIO" }, { kind: "VALUE_STREAM", valueStreamId: 3 }, { kind: "TEAM", teamId: 12 }] as const) {
      expect(parseScope(scopeParam(scope))).toEqual(scope);
    }
    for (const bad of ["vs:0", "team:-1", "team:1.5", "vs:99999999999", "team:", "x:1", undefined]) {
      expect(parseScope(bad)).toEqual({ kind: "PORTFOLIO" });
    }
  });

  it("reads a preset, falls back to four weeks, and prefers a valid custom range", () => {
    expect(parseSelection({ period: "12w", scope: "vs:2" }, "2026-04-08")).toEqual({
      preset: "12w", period: { start: "2026-01-15", end: "2026-04-08" }, scope: { kind: "VALUE_STREAM", valueStreamId: 2 },
    });
    expect(parseSelection({ period: "1y" }, "2026-04-08").preset).toBe("4w");
    expect(parseSelection({ from: "2026-02-01", to: "2026-02-28" }, "2026-04-08")).toMatchObject({
      preset: "custom", period: { start: "2026-02-01", end: "2026-02-28" },
    });
    // A range ending in the future is cut at today; a reversed, impossible or huge one is ignored.
    expect(parseSelection({ from: "2026-04-01", to: "2026-05-01" }, "2026-04-08").period).toEqual({ start: "2026-04-01", end: "2026-04-08" });
    expect(parseSelection({ from: "2026-03-01", to: "2026-02-01" }, "2026-04-08").preset).toBe("4w");
    expect(parseSelection({ from: "2026-02-30", to: "2026-03-01" }, "2026-04-08").preset).toBe("4w");
    expect(parseSelection({ from: "1990-01-01", to: "2026-03-01" }, "2026-04-08").preset).toBe("4w");
  });

  it("writes the selection back", () => {
    const selection = parseSelection({ period: "2w", scope: "team:4" }, "2026-04-08");
    expect(selectionQuery(selection)).toBe("period=2w&scope=team%3A4");
    expect(parseSelection(Object.fromEntries(new URLSearchParams(selectionQuery(selection))), "2026-04-08")).toEqual(selection);
  });
});

describe("metric definitions", () => {
  it("exist for every metric, with DOMAIN.md's definition and a reading", () => {
    for (const id of METRIC_IDS) {
      expect(METRICS[id].id).toBe(id);
      expect(METRICS[id].definition.length).toBeGreaterThan(10);
      expect(definitionText(id)).toContain(METRICS[id].definition);
      expect(isMetricId(id)).toBe(true);
    }
    expect(isMetricId("nope")).toBe(false);
    expect(METRICS["capacity-accuracy"].definition).toBe("Per closed sprint 1 − abs(committed − completed) ÷ committed, averaged over sprints.");
  });

  it("show a division by zero as —", () => {
    expect(formatPercent(null)).toBe(DASH);
    expect(formatDays(null)).toBe(DASH);
    expect(formatNumber(null)).toBe(DASH);
    expect(formatPercent(Number.NaN)).toBe(DASH);
    expect(formatPercent(0.4348)).toBe("43%");
    expect(formatDays(2.5)).toBe("2.5 d");
    expect(formatNumber(11)).toBe("11");
    expect(formatNumber(114.333)).toBe("114.3");
    expect(formatMoney(437_000)).toBe("£437k");
    expect(formatMoney(1_250_000)).toBe("£1.3m");
  });
});
