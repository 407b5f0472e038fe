/**
 * The portfolio view's filters and order, read from and written to the URL, and applied to its rows. One module
 * for the browser (the table) and the server (the CSV export), so an export holds exactly what the view shows.
 * Pure.
 */
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import type { PortfolioRow } from "./queries";

export type PortfolioOrder = "rank" | "wsjf";

export interface PortfolioFilter {
  valueStream: number | null;
  /** A theme id; 0 = epics without a theme. */
  theme: number | null;
  status: ItemStatus | null;
  interval: string | null;
  team: number | null;
  /** Free text over key and title. */
  q: string;
  order: PortfolioOrder;
}

export const EMPTY_FILTER: PortfolioFilter = { valueStream: null, theme: null, status: null, interval: null, team: null, q: "", order: "rank" };

const STATUSES: readonly ItemStatus[] = ["FUNNEL", "REVIEWING", "ANALYZING", "PORTFOLIO_BACKLOG", "IMPLEMENTING", "DONE", "CANCELLED"];

type Params = Record<string, string | string[] | undefined>;

const one = (params: Params, name: string): string | undefined => {
  const v = params[name];
  return Array.isArray(v) ? v[0] : v;
};
const id = (text: string | undefined): number | null => (text && /^\d{1,9}$/.test(text) ? Number(text) : null);

export function parsePortfolioFilter(params: Params): PortfolioFilter {
  const status = one(params, "status");
  const interval = one(params, "interval")?.trim();
  return {
    valueStream: id(one(params, "stream")),
    theme: id(one(params, "theme")),
    status: status && (STATUSES as readonly string[]).includes(status) ? (status as ItemStatus) : null,
    interval: interval ? interval.slice(0, 40) : null,
    team: id(one(params, "team")),
    q: (one(params, "q") ?? "").slice(0, 100),
    order: one(params, "order") === "wsjf" ? "wsjf" : "rank",
  };
}

export function filterToSearch(filter: PortfolioFilter): string {
  const params = new URLSearchParams();
  if (filter.valueStream !== null) params.set("stream", String(filter.valueStream));
  if (filter.theme !== null) params.set("theme", String(filter.theme));
  if (filter.status) params.set("status", filter.status);
  if (filter.interval) params.set("interval", filter.interval);
  if (filter.team !== null) params.set("team", String(filter.team));
  if (filter.q.trim()) params.set("q", filter.q.trim());
  if (filter.order !== "rank") params.set("order", filter.order);
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function isFiltered(filter: PortfolioFilter): boolean {
  return filter.valueStream !== null || filter.theme !== null || filter.status !== null || filter.interval !== null || filter.team !== null || filter.q.trim() !== "";
}

/** Does the epic pass the filters? (`streamOfTeam`: each team's value stream.) */
export function matchesEpic(epic: PortfolioRow, filter: PortfolioFilter, streamOfTeam: ReadonlyMap<number, number | null>): boolean {
  if (filter.status && epic.status !== filter.status) return false;
  if (filter.interval && epic.planningInterval !== filter.interval) return false;
  if (filter.theme !== null && (epic.themeId ?? 0) !== filter.theme) return false;
  if (filter.team !== null && !epic.teamIds.includes(filter.team)) return false;
  if (filter.valueStream !== null && !epic.teamIds.some((t) => streamOfTeam.get(t) === filter.valueStream)) return false;
  const q = filter.q.trim().toLowerCase();
  if (q && !epic.key.toLowerCase().includes(q) && !epic.title.toLowerCase().includes(q)) return false;
  return true;
}

/** Epics in the chosen order: manual rank, or WSJF highest first (missing WSJF last, then by rank). */
export function orderEpics(epics: readonly PortfolioRow[], order: PortfolioOrder): PortfolioRow[] {
  if (order === "rank") return [...epics].sort((a, b) => a.position - b.position);
  return [...epics].sort((a, b) => {
    if (a.wsjf === b.wsjf) return a.position - b.position;
    if (a.wsjf === null) return 1;
    if (b.wsjf === null) return -1;
    return b.wsjf - a.wsjf;
  });
}

/** The epics the view shows, in its order. */
export function visibleEpics(rows: readonly PortfolioRow[], filter: PortfolioFilter, streamOfTeam: ReadonlyMap<number, number | null>): PortfolioRow[] {
  return orderEpics(
    rows.filter((r) => r.level === "EPIC" && matchesEpic(r, filter, streamOfTeam)),
    filter.order,
  );
}
