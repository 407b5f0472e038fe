/**
 * The team backlog view's filters, read from and written to the URL and applied to its rows; shared by the page
 * and its CSV export, so the export holds exactly what the view shows. Pure.
 */
import { missingForReady } from "./readiness";

export interface BacklogViewFilter {
  /** Free text over key, title and parent key. */
  q: string;
  level: "FEATURE" | "STORY" | null;
  /** Stories that meet the Definition of Ready, or those that do not (features are left out of either). */
  readiness: "ready" | "not-ready" | null;
  /** Hide done and cancelled items (the default). */
  hideDone: boolean;
}

export const DEFAULT_BACKLOG_FILTER: BacklogViewFilter = { q: "", level: null, readiness: null, hideDone: true };

type Params = Record<string, string | string[] | undefined>;
const one = (params: Params, name: string) => {
  const v = params[name];
  return Array.isArray(v) ? v[0] : v;
};

export function parseBacklogFilter(params: Params): BacklogViewFilter {
  const level = one(params, "level");
  const readiness = one(params, "ready");
  return {
    q: (one(params, "q") ?? "").slice(0, 100),
    level: level === "FEATURE" || level === "STORY" ? level : null,
    readiness: readiness === "ready" || readiness === "not-ready" ? readiness : null,
    hideDone: one(params, "done") !== "show",
  };
}

export function backlogFilterToSearch(filter: BacklogViewFilter): string {
  const params = new URLSearchParams();
  if (filter.q.trim()) params.set("q", filter.q.trim());
  if (filter.level) params.set("level", filter.level);
  if (filter.readiness) params.set("ready", filter.readiness);
  if (!filter.hideDone) params.set("done", "show");
  const text = params.toString();
  return text ? `?${text}` : "";
}

export interface FilterableItem {
  key: string;
  title: string;
  level: string;
  status: string;
  parentKey: string | null;
  ownerPersonId: number | null;
  acceptanceCriteria: string;
  estimate: number | null;
  briefUrl: string | null;
}

export function matchesBacklogItem(item: FilterableItem, filter: BacklogViewFilter, team: { requiresBriefLink: boolean }): boolean {
  if (filter.hideDone && (item.status === "DONE" || item.status === "CANCELLED")) return false;
  if (filter.level && item.level !== filter.level) return false;
  if (filter.readiness) {
    if (item.level !== "STORY") return false;
    const ready = missingForReady(item, team).length === 0;
    if (ready !== (filter.readiness === "ready")) return false;
  }
  const q = filter.q.trim().toLowerCase();
  if (q && ![item.key, item.title, item.parentKey ?? ""].some((t) => t.toLowerCase().includes(q))) return false;
  return true;
}
