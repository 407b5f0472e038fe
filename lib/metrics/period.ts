/**
 * The dashboard's period and scope, as they travel in the URL (`?period=4w&scope=vs:3`) and as every metric
 * query takes them. Pure: no I/O, so the parsing and the date arithmetic are unit-tested.
 *
 * A period is a closed range of calendar days in the organisation's time zone: `start` 00:00 up to the end of
 * `end` (the SQL reads it as the half-open instant range [start 00:00, end + 1 day 00:00) in that zone).
 */

export interface Period {
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day (inclusive), `YYYY-MM-DD`. */
  end: string;
}

export type Scope =
  | { kind: "PORTFOLIO" }
  | { kind: "VALUE_STREAM"; valueStreamId: number }
  | { kind: "TEAM"; teamId: number };

/** What every metric function takes. */
export interface MetricArgs {
  period: Period;
  scope: Scope;
}

export const PERIOD_PRESETS = ["2w", "4w", "12w", "quarter", "last-quarter"] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PRESET_LABELS: Readonly<Record<PeriodPreset, string>> = {
  "2w": "Last 2 weeks",
  "4w": "Last 4 weeks",
  "12w": "Last 12 weeks",
  quarter: "This quarter",
  "last-quarter": "Last quarter",
};

export const DEFAULT_PRESET: PeriodPreset = "4w";

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function parseDay(text: string): Date | null {
  if (!ISO_DAY.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : date;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  const date = parseDay(day);
  if (!date) throw new Error(`not a day: ${day}`);
  return iso(new Date(date.getTime() + days * DAY_MS));
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  const da = parseDay(a);
  const db = parseDay(b);
  if (!da || !db) throw new Error(`not a day: ${a} / ${b}`);
  return Math.round((db.getTime() - da.getTime()) / DAY_MS);
}

function quarterStart(day: string, offset = 0): string {
  const [y, m] = day.split("-").map(Number) as [number, number];
  const index = y * 4 + Math.floor((m - 1) / 3) + offset;
  const year = Math.floor(index / 4);
  const month = (index % 4) * 3 + 1;
  return `${year}-${String(month).padStart(2, "0")}-01`;
}

/** The days of a preset, given today's date in the organisation's zone. "Last n weeks" ends today. */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  switch (preset) {
    case "2w":
      return { start: addDays(today, -13), end: today };
    case "4w":
      return { start: addDays(today, -27), end: today };
    case "12w":
      return { start: addDays(today, -83), end: today };
    case "quarter":
      return { start: quarterStart(today), end: today };
    case "last-quarter":
      return { start: quarterStart(today, -1), end: addDays(quarterStart(today), -1) };
  }
}

/** The period of equal length just before `period` (for "vs previous period" deltas). */
export function previousPeriod(period: Period): Period {
  const length = daysBetween(period.start, period.end) + 1;
  return { start: addDays(period.start, -length), end: addDays(period.start, -1) };
}

export interface DashboardSelection {
  /** The preset, or "custom" when from/to were given. */
  preset: PeriodPreset | "custom";
  period: Period;
  scope: Scope;
}

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** `portfolio`, `vs:3`, `team:7` → a scope; anything else → the portfolio. */
export function parseScope(text: string | undefined): Scope {
  const match = /^(vs|team):([1-9][0-9]{0,9})$/.exec(text ?? "");
  if (!match) return { kind: "PORTFOLIO" };
  const id = Number(match[2]);
  if (id > 2_147_483_647) return { kind: "PORTFOLIO" };
  return match[1] === "vs" ? { kind: "VALUE_STREAM", valueStreamId: id } : { kind: "TEAM", teamId: id };
}

export function scopeParam(scope: Scope): string {
  switch (scope.kind) {
    case "PORTFOLIO":
      return "portfolio";
    case "VALUE_STREAM":
      return `vs:${scope.valueStreamId}`;
    case "TEAM":
      return `team:${scope.teamId}`;
  }
}

/** Longest custom range accepted (two years), so a typo cannot ask the database for a century. */
const MAX_DAYS = 731;

/**
 * The selection in a URL's search params. `from`/`to` (both valid days, from ≤ to, at most two years, not after
 * today) win over `period`; an unknown preset falls back to the default.
 */
export function parseSelection(params: SearchParams, today: string): DashboardSelection {
  const scope = parseScope(first(params.scope));
  const from = first(params.from);
  const to = first(params.to);
  if (from && to && parseDay(from) && parseDay(to)) {
    const end = to > today ? today : to;
    if (from <= end && daysBetween(from, end) < MAX_DAYS) return { preset: "custom", period: { start: from, end }, scope };
  }
  const text = first(params.period);
  const preset = (PERIOD_PRESETS as readonly string[]).includes(text ?? "") ? (text as PeriodPreset) : DEFAULT_PRESET;
  return { preset, period: presetPeriod(preset, today), scope };
}

/** The query string of a selection (what links to the dashboard and its drill-downs carry). */
export function selectionQuery(selection: DashboardSelection): string {
  const params = new URLSearchParams();
  if (selection.preset === "custom") {
    params.set("from", selection.period.start);
    params.set("to", selection.period.end);
  } else {
    params.set("period", selection.preset);
  }
  params.set("scope", scopeParam(selection.scope));
  return params.toString();
}

/** Monday on or before a day. */
export function mondayOf(day: string): string {
  const date = parseDay(day);
  if (!date) throw new Error(`not a day: ${day}`);
  const weekday = (date.getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}
