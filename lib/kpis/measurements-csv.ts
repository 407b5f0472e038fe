import type { KpiFrequency } from "@/lib/generated/prisma/enums";
import { periodStartProblem } from "./periods";

/**
 * Measurements uploaded as CSV: one `period,value` row per measurement (an optional header row naming the
 * columns), period as YYYY-MM-DD (the period's first day), value a plain number (a dot for decimals, no thousands
 * separators). Blank lines are ignored; fields may be quoted. Every bad row is reported with its line number, and
 * a file with any bad row is refused whole (the caller saves nothing). Pure.
 */

export const MAX_ROWS = 500;

export interface ParsedMeasurement {
  line: number;
  periodStart: string;
  value: number;
}

export interface RowProblem {
  line: number;
  message: string;
}

export type CsvResult = { ok: true; rows: ParsedMeasurement[] } | { ok: false; problems: RowProblem[] };

/** Splits one CSV line into fields (RFC 4180 quoting; no line breaks inside a field). */
function fields(line: string): string[] | null {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        current += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else current += c;
    } else if (c === '"' && current.trim() === "") {
      quoted = true;
      current = "";
    } else if (c === ",") {
      out.push(current.trim());
      current = "";
    } else {
      current += c;
    }
    i += 1;
  }
  if (quoted) return null;
  out.push(current.trim());
  return out;
}

const NUMBER = /^-?(\d+(\.\d*)?|\.\d+)$/;

export function parseMeasurementsCsv(text: string, frequency: KpiFrequency, today: string): CsvResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  const problems: RowProblem[] = [];
  const rows: ParsedMeasurement[] = [];
  const seen = new Map<string, number>();
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    const cols = fields(raw);
    if (cols === null) return void problems.push({ line, message: "A quote is not closed" });
    if (rows.length === 0 && problems.length === 0 && cols[0]?.toLowerCase() === "period" && cols[1]?.toLowerCase() === "value") return;
    if (cols.length !== 2) return void problems.push({ line, message: `Expected 2 columns (period,value), found ${cols.length}` });
    const [period, valueText] = cols as [string, string];
    const periodProblem = periodStartProblem(frequency, period, today);
    if (periodProblem) problems.push({ line, message: `Period "${period}": ${periodProblem}` });
    if (!NUMBER.test(valueText)) problems.push({ line, message: `Value "${valueText}" is not a number` });
    else if (!Number.isFinite(Number(valueText)) || Math.abs(Number(valueText)) > 1e12) problems.push({ line, message: "The value is out of range" });
    const earlier = seen.get(period);
    if (earlier !== undefined) problems.push({ line, message: `Period ${period} is already on line ${earlier}` });
    else seen.set(period, line);
    if (!periodProblem && NUMBER.test(valueText)) rows.push({ line, periodStart: period, value: Number(valueText) });
  });
  if (problems.length === 0 && rows.length === 0) problems.push({ line: 1, message: "The file has no measurements" });
  if (rows.length > MAX_ROWS) problems.push({ line: rows[MAX_ROWS]!.line, message: `At most ${MAX_ROWS} rows per upload` });
  return problems.length > 0 ? { ok: false, problems: problems.sort((a, b) => a.line - b.line) } : { ok: true, rows };
}
