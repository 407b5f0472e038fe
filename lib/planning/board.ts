/**
 * The program board's arithmetic, shared by the server (which sends the board) and the browser (which moves cards
 * before the server answers, so lines and loads follow the drag). Pure.
 */

/** Where a feature card sits: its team's row and the sprint it is planned to finish in (null: no sprint yet). */
export interface Placement {
  teamId: number;
  sprintId: number | null;
}

export interface BoardSprint {
  id: number;
  teamId: number;
  /** `YYYY-MM-DD`, inclusive. */
  startDate: string;
  endDate: string;
}

/**
 * A dependency line between two cards: `from` needs something that `to` provides.
 *
 *   late        — the providing card finishes in a sprint that ends after the needing card's sprint ends
 *                 (or the needing card is scheduled and the providing one is not): drawn red
 *   tight       — both finish in sprints ending the same day: nothing spare
 *   ok          — the provider finishes earlier
 *   unscheduled — the needing card has no sprint yet, so nothing can be late
 */
export type LineState = "late" | "tight" | "ok" | "unscheduled";

export function lineState(needing: Placement, providing: Placement, sprints: ReadonlyMap<number, BoardSprint>): LineState {
  const need = needing.sprintId === null ? undefined : sprints.get(needing.sprintId);
  if (!need) return "unscheduled";
  const give = providing.sprintId === null ? undefined : sprints.get(providing.sprintId);
  if (!give) return "late";
  if (give.endDate > need.endDate) return "late";
  if (give.endDate === need.endDate) return "tight";
  return "ok";
}

export interface CellLoad {
  capacity: number;
  load: number;
}

export interface RowLoad {
  capacity: number;
  load: number;
  unscheduled: number;
  cells: Record<number, CellLoad>;
}

/**
 * The loads after moving `points` from one placement to another (a copy; the input is untouched). A feature moved
 * onto another team leaves its old team's load and joins the new one's.
 */
export function moveLoad(rows: Readonly<Record<number, RowLoad>>, from: Placement, to: Placement, points: number): Record<number, RowLoad> {
  const next: Record<number, RowLoad> = {};
  for (const [key, row] of Object.entries(rows)) {
    next[Number(key)] = { ...row, cells: Object.fromEntries(Object.entries(row.cells).map(([k, c]) => [k, { ...c }])) };
  }
  const take = (p: Placement, delta: number) => {
    const row = (next[p.teamId] ??= { capacity: 0, load: 0, unscheduled: 0, cells: {} });
    row.load += delta;
    if (p.sprintId === null) row.unscheduled += delta;
    else (row.cells[p.sprintId] ??= { capacity: 0, load: 0 }).load += delta;
  };
  if (from.teamId === to.teamId && from.sprintId === to.sprintId) return next;
  take(from, -points);
  take(to, points);
  return next;
}

/** Load as a share of capacity, for the bar: "over" past 100 %, "full" from 85 %. */
export function loadLevel(load: number, capacity: number): "over" | "full" | "ok" | "empty" {
  if (load > capacity) return "over";
  if (capacity === 0) return load === 0 ? "empty" : "over";
  return load / capacity >= 0.85 ? "full" : "ok";
}

/** The board's columns: the distinct sprint windows of its teams, in date order, each with its teams' sprints. */
export interface BoardColumn {
  key: string;
  startDate: string;
  endDate: string;
  /** Sprint id per team id. */
  sprints: Record<number, number>;
}

/**
 * Groups the teams' sprints into columns. Teams that share a cadence share columns (one per sprint window); a team
 * on another cadence puts each of its sprints in the column whose window its end date falls in (or the nearest
 * later one), so a card's column still reads "finishes by then".
 */
export function boardColumns(sprints: readonly BoardSprint[]): BoardColumn[] {
  const windows = new Map<string, BoardColumn>();
  // The most common windows define the columns: count teams per (start, end).
  const counts = new Map<string, number>();
  for (const s of sprints) counts.set(`${s.startDate}|${s.endDate}`, (counts.get(`${s.startDate}|${s.endDate}`) ?? 0) + 1);
  const sorted = [...sprints].sort((a, b) => (a.endDate < b.endDate ? -1 : a.endDate > b.endDate ? 1 : a.startDate < b.startDate ? -1 : 1));
  const columnKeys = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k]) => k)
    // Keep windows that do not overlap a more common one.
    .reduce<string[]>((kept, key) => {
      const [start, end] = key.split("|") as [string, string];
      if (kept.every((k) => { const [s, e] = k.split("|") as [string, string]; return end < s || start > e; })) kept.push(key);
      return kept;
    }, [])
    .sort();
  for (const key of columnKeys) {
    const [startDate, endDate] = key.split("|") as [string, string];
    windows.set(key, { key, startDate, endDate, sprints: {} });
  }
  const columns = [...windows.values()].sort((a, b) => (a.endDate < b.endDate ? -1 : 1));
  for (const s of sorted) {
    let at = columns.findIndex((c) => s.endDate >= c.startDate && s.endDate <= c.endDate);
    if (at < 0) at = columns.findIndex((c) => c.endDate >= s.endDate);
    if (at < 0) at = columns.length - 1;
    // A team with two sprints ending in one window takes the next free column (or a column of its own).
    while (at < columns.length && columns[at]!.sprints[s.teamId] !== undefined) at += 1;
    if (at >= columns.length) {
      columns.push({ key: `${s.startDate}|${s.endDate}|${s.teamId}`, startDate: s.startDate, endDate: s.endDate, sprints: {} });
      at = columns.length - 1;
    }
    columns[at]!.sprints[s.teamId] = s.id;
  }
  return columns;
}
