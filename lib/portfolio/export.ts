/**
 * The portfolio view as CSV: Jira's columns first (so the file imports back unchanged), then the portfolio's own
 * (rank, WSJF and its inputs, value theme, interval, rolled-up points, owning teams). Pure.
 */
import { writeCsv, type CsvValue } from "@/lib/csv/write";
import { JIRA_HEADERS, statusName, typeName } from "@/lib/import/jira";
import type { PortfolioRow } from "./queries";

const HEADER = [
  JIRA_HEADERS.key, JIRA_HEADERS.summary, JIRA_HEADERS.type, JIRA_HEADERS.status, JIRA_HEADERS.parent, JIRA_HEADERS.points,
  JIRA_HEADERS.sprint, JIRA_HEADERS.assignee, JIRA_HEADERS.labels,
  "Rank", "WSJF", "Business value", "Time criticality", "Risk reduction", "Job size", "Value theme", "Planning interval",
  "Points done", "Points total", "Teams",
];

/** The themes of the shown epics (in theme rank order) followed by the epics in the view's order. */
export function portfolioCsv(epics: readonly PortfolioRow[], themes: readonly PortfolioRow[], teamNames: ReadonlyMap<number, string>): string {
  const themeIds = new Set(epics.map((e) => e.themeId));
  const shownThemes = themes.filter((t) => themeIds.has(t.id));
  const keyOfTheme = new Map(themes.map((t) => [t.id, t.key]));
  const line = (r: PortfolioRow): CsvValue[] => [
    r.key,
    r.title,
    typeName(r.level, false),
    statusName(r.status),
    r.themeId === null ? "" : (keyOfTheme.get(r.themeId) ?? ""),
    "",
    "",
    r.owner ?? "",
    r.labels.join(" "),
    r.position,
    r.wsjf,
    r.businessValue,
    r.timeCriticality,
    r.riskReduction,
    r.jobSize,
    r.valueTheme,
    r.planningInterval,
    r.pointsDone,
    r.pointsTotal,
    r.teamIds.map((id) => teamNames.get(id) ?? `team ${id}`).join("; "),
  ];
  return writeCsv([HEADER, ...shownThemes.map(line), ...epics.map(line)]);
}
