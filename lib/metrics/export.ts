import { METRICS } from "./definitions";
import type { Period } from "./period";
import type { MetricSummary } from "./summary";

/**
 * The dashboard's numbers as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma,
 * quote or line break). Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe; numbers are written as numbers, ratios as 0–1 with the percentage beside them. Pure.
 */

const FORMULA = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const CSV_HEADER = [
  "metric", "value", "shown_as", "numerator", "denominator", "unit", "made_of", "definition", "period_start", "period_end", "scope",
] as const;

export function metricsCsv(summaries: readonly MetricSummary[], period: Period, scopeName: string): string {
  const lines: string[] = [CSV_HEADER.join(",")];
  for (const s of summaries) {
    const def = METRICS[s.id];
    const periodStart = def.state ? null : period.start;
    const row = (label: string, value: number | null, shown: string) =>
      [label, value, shown, s.numerator ?? null, s.denominator ?? null, s.unit, s.detail, `${def.definition} ${def.reading}`, periodStart, period.end, scopeName]
        .map(csvField)
        .join(",");
    lines.push(row(def.label, s.value, s.display));
    if (s.secondary) lines.push(row(`${def.label} (${s.secondary.label})`, s.secondary.value, s.secondary.display));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** A file name for the download: `dashboard-acquisition-2026-03-12-to-2026-04-08.csv`. */
export function exportFileName(scopeName: string, period: Period): string {
  const slug = scopeName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "scope";
  return `dashboard-${slug}-${period.start}-to-${period.end}.csv`;
}
