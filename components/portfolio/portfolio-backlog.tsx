"use client";

import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_basic,
  tableFeatures,
  useTable,
  type Row,
  type SortingState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import Link from "next/link";
import { useCallback, useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { ItemStatusBadge } from "@/components/backlog/item-status-badge";
import { ProgressBar } from "@/components/ui/progress-bar";
import { moveItemAction } from "@/lib/backlog/actions";
import { filterToSearch, isFiltered, matchesEpic, type PortfolioFilter } from "@/lib/portfolio/filter";
import type { PortfolioLookups, PortfolioRow } from "@/lib/portfolio/queries";
import { PortfolioFilters } from "./portfolio-filters";
import { StatusMix } from "./status-mix";
import { WsjfDialog } from "./wsjf-dialog";

/*
 * The portfolio backlog: themes → epics, rolled up in SQL, ranked by hand or by WSJF, filtered, re-ranked by
 * drag and drop or keyboard (leaders). Thousands of rows stay smooth: the rows are virtualised (only those in
 * view are in the DOM) and the page's HTML carries just the top of the ranking; the rest is fetched as JSON.
 */

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic },
});
const col = createColumnHelper<typeof features, PortfolioRow>();

const ROW_HEIGHT = 44;
const THEME_ROW_HEIGHT = 52;
const dash = <span className="text-slate-500">—</span>;


/** The columns; the Teams cell names teams from the lookups. */
const makeColumns = (teamNames: ReadonlyMap<number, string>) => col.columns([
  col.accessor("position", {
    id: "position",
    header: "Rank",
    cell: (info) => <span className="text-slate-500 tabular-nums">{info.getValue()}</span>,
    sortFn: "basic",
  }),
  col.accessor("key", {
    header: "Key",
    enableSorting: false,
    cell: (info) => (
      <Link
        href={`/items/${info.row.original.id}`}
        className="rounded font-mono text-xs text-indigo-700 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
      >
        {info.getValue()}
      </Link>
    ),
  }),
  col.accessor("title", {
    header: "Epic",
    enableSorting: false,
    cell: (info) => {
      const r = info.row.original;
      const teams = r.teamIds.map((id) => teamNames.get(id) ?? `#${id}`);
      const meta = [r.valueTheme, teams.length ? teams.join(", ") : null].filter(Boolean).join(" · ");
      return (
        <span className="flex min-w-0 flex-col leading-tight">
          <span className="truncate font-medium text-slate-900" title={r.title}>
            {r.title}
          </span>
          <span className="truncate text-xs text-slate-500" title={meta}>
            {meta || "No value theme, no teams yet"}
          </span>
        </span>
      );
    },
  }),
  col.accessor("status", { header: "Status", enableSorting: false, cell: (info) => <ItemStatusBadge status={info.getValue()} /> }),
  col.display({
    id: "progress",
    header: "Points done",
    cell: (info) => <ProgressBar value={info.row.original.pointsDone} max={info.row.original.pointsTotal} />,
  }),
  col.display({
    id: "items",
    header: "Items",
    cell: (info) => {
      const r = info.row.original;
      return <StatusMix todo={r.todo} doing={r.doing} blocked={r.blocked} done={r.done} />;
    },
  }),
  col.accessor((r) => r.wsjf ?? undefined, {
    id: "wsjf",
    header: "WSJF",
    sortFn: "basic",
    sortUndefined: "last",
    sortDescFirst: true,
    cell: (info) => {
      const v = info.getValue();
      const r = info.row.original;
      const inputs = `${r.businessValue ?? "?"} + ${r.timeCriticality ?? "?"} + ${r.riskReduction ?? "?"} ÷ ${r.jobSize ?? "?"}`;
      return (
        <span className="flex flex-col items-end leading-tight" title="(business value + time criticality + risk reduction) ÷ job size">
          <span className="font-semibold text-slate-900">{v === undefined ? "—" : v.toFixed(2)}</span>
          <span className="text-[11px] whitespace-nowrap text-slate-500">
            <span className="sr-only">business value, time criticality, risk reduction, job size: </span>
            {inputs}
          </span>
        </span>
      );
    },
  }),
  col.accessor("planningInterval", { header: "PI", enableSorting: false, cell: (info) => info.getValue() ?? dash }),
]);

/** Column widths (table-layout: fixed, so virtualised rows never shift the columns). */
const WIDTHS: Record<string, string> = {
  handle: "5rem",
  position: "3.25rem",
  key: "5.75rem",
  title: "auto",
  status: "8.75rem",
  progress: "9.5rem",
  items: "10rem",
  wsjf: "7.75rem",
  planningInterval: "6rem",
};
const NUMERIC = new Set(["position", "wsjf"]);

type DisplayRow =
  | { kind: "theme"; theme: PortfolioRow | null; count: number; collapsed: boolean }
  | { kind: "epic"; row: Row<typeof features, PortfolioRow>; group: number };

interface Props {
  initialRows: PortfolioRow[];
  epicCount: number;
  complete: boolean;
  lookups: PortfolioLookups;
  initialFilter: PortfolioFilter;
  canRerank: boolean;
  canEdit: boolean;
}

export function PortfolioBacklog({ initialRows, epicCount, complete, lookups, initialFilter, canRerank, canEdit }: Props) {
  const [rows, setRows] = useState(initialRows);
  const [loaded, setLoaded] = useState(complete);
  const [loadError, setLoadError] = useState(false);
  const [filter, setFilter] = useState(initialFilter);
  const [grouped, setGrouped] = useState(true);
  const [collapsed, setCollapsed] = useState<ReadonlySet<number>>(new Set());
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [, startTransition] = useTransition();
  const [drag, setDrag] = useState<{ id: number; over: number | null; place: "before" | "after" } | null>(null);
  const [editing, setEditing] = useState<PortfolioRow | null>(null);
  const focusAfterMove = useRef<string | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const instructionsId = useId();

  const teamNames = useMemo(() => new Map(lookups.teams.map((t) => [t.id, t.name])), [lookups.teams]);
  const columns = useMemo(() => makeColumns(teamNames), [teamNames]);
  const streamOfTeam = useMemo(() => new Map(lookups.teams.map((t) => [t.id, t.valueStreamId])), [lookups.teams]);

  const load = useCallback(async () => {
    try {
      const response = await fetch("/portfolio/rows", { headers: { accept: "application/json" }, cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      const body = (await response.json()) as { rows: PortfolioRow[] };
      setRows(body.rows);
      setLoaded(true);
      setLoadError(false);
    } catch {
      setLoadError(true);
    }
  }, []);

  useEffect(() => {
    if (!complete) void load();
  }, [complete, load]);

  // Filters live in the URL (shareable, and the CSV export reads the same parameters).
  useEffect(() => {
    const search = filterToSearch(filter);
    if (window.location.search !== search) window.history.replaceState(null, "", `${window.location.pathname}${search}`);
  }, [filter]);

  const themes = useMemo(() => rows.filter((r) => r.level === "THEME").sort((a, b) => a.position - b.position), [rows]);
  const epics = useMemo(() => rows.filter((r) => r.level === "EPIC"), [rows]);
  const shown = useMemo(() => epics.filter((e) => matchesEpic(e, filter, streamOfTeam)), [epics, filter, streamOfTeam]);

  const sorting: SortingState = useMemo(() => [filter.order === "wsjf" ? { id: "wsjf", desc: true } : { id: "position", desc: false }], [filter.order]);
  const table = useTable({
    features,
    columns,
    data: shown,
    getRowId: (r) => String(r.id),
    state: { sorting },
    onSortingChange: () => {},
  });
  const tableRows = table.getRowModel().rows;
  const rankMode = filter.order === "rank";
  const rerankable = canRerank && rankMode && loaded;

  // The flat list the virtualiser renders: theme headers with their epics, or the epics alone.
  const display: DisplayRow[] = useMemo(() => {
    if (!grouped) return tableRows.map((row) => ({ kind: "epic" as const, row, group: 0 }));
    const byTheme = new Map<number, Row<typeof features, PortfolioRow>[]>();
    for (const row of tableRows) {
      const themeId = row.original.themeId ?? 0;
      const list = byTheme.get(themeId) ?? [];
      list.push(row);
      byTheme.set(themeId, list);
    }
    const out: DisplayRow[] = [];
    const showEmpty = !isFiltered(filter);
    for (const theme of [...themes, null]) {
      const id = theme?.id ?? 0;
      const list = byTheme.get(id) ?? [];
      if (list.length === 0 && (!showEmpty || theme === null)) continue;
      const isCollapsed = collapsed.has(id);
      out.push({ kind: "theme", theme, count: list.length, collapsed: isCollapsed });
      if (!isCollapsed) for (const row of list) out.push({ kind: "epic", row, group: id });
    }
    return out;
  }, [grouped, tableRows, themes, collapsed, filter]);

  const virtualizer = useVirtualizer({
    count: display.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (display[i]?.kind === "theme" ? THEME_ROW_HEIGHT : ROW_HEIGHT),
    overscan: 12,
    getItemKey: (i) => {
      const d = display[i];
      return d ? (d.kind === "theme" ? `t${d.theme?.id ?? 0}` : `e${d.row.original.id}`) : i;
    },
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  // Focus returns to the moved row once it is rendered again (it may have scrolled out and back in).
  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    const index = display.findIndex((d) => (d.kind === "theme" ? `theme-${d.theme?.id ?? 0}` : `epic-${d.row.original.id}`) === target);
    if (index < 0) return;
    virtualizer.scrollToIndex(index, { align: "auto" });
    const frame = requestAnimationFrame(() => {
      const el = document.getElementById(`${target}-handle`);
      if (el) {
        el.focus();
        focusAfterMove.current = null;
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [display, virtualizer]);

  /** Sends a move; the new order is shown at once and put back if the server refuses. */
  const commitMove = (item: PortfolioRow, reordered: PortfolioRow[], afterId: number | null, newPosition: number) => {
    const previous = rows;
    const positions = new Map(reordered.map((r, i) => [r.id, i + 1]));
    setRows((current) => current.map((r) => (r.level === item.level && positions.has(r.id) ? { ...r, position: positions.get(r.id)! } : r)));
    focusAfterMove.current = `${item.level === "THEME" ? "theme" : "epic"}-${item.id}`;
    setMessage({ text: `Moving ${item.key}…`, error: false });
    startTransition(async () => {
      try {
        const result = await moveItemAction({ itemId: item.id, afterId });
        if (result.ok) {
          setMessage({ text: `Moved ${item.key} to rank ${newPosition}.`, error: false });
        } else {
          setRows(previous);
          setMessage({ text: result.message, error: true });
          // Another move may have been sent after this one: take the order from the server.
          void load();
        }
      } catch {
        setRows(previous);
        setMessage({ text: "We couldn’t reach the server and nothing moved. Try again.", error: true });
        void load();
      }
    });
  };

  /** Places `item` just before or after `target` in its level's global rank order. */
  const placeRelative = (item: PortfolioRow, target: PortfolioRow, place: "before" | "after") => {
    if (item.id === target.id) return;
    const ranked = rows.filter((r) => r.level === item.level).sort((a, b) => a.position - b.position);
    const without = ranked.filter((r) => r.id !== item.id);
    const at = without.findIndex((r) => r.id === target.id);
    if (at < 0) return;
    const insertAt = place === "before" ? at : at + 1;
    const reordered = [...without.slice(0, insertAt), item, ...without.slice(insertAt)];
    const afterId = insertAt === 0 ? null : without[insertAt - 1]!.id;
    commitMove(item, reordered, afterId, insertAt + 1);
  };

  /**
   * One place up or down among the rows shown (in the same theme when grouped). Not held back while an earlier
   * move is still being saved: each is computed from the order on screen, and the server applies them in turn.
   */
  const moveEpic = (item: PortfolioRow, direction: "up" | "down") => {
    if (!rerankable) return;
    const group = grouped ? (item.themeId ?? 0) : null;
    const siblings = tableRows.map((r) => r.original).filter((e) => group === null || (e.themeId ?? 0) === group);
    const index = siblings.findIndex((e) => e.id === item.id);
    const neighbour = siblings[direction === "up" ? index - 1 : index + 1];
    if (!neighbour) {
      setMessage({ text: `${item.key} is already at the ${direction === "up" ? "top" : "bottom"}${group === null ? "" : " of its theme"}.`, error: false });
      return;
    }
    placeRelative(item, neighbour, direction === "up" ? "before" : "after");
  };

  const moveTheme = (theme: PortfolioRow, direction: "up" | "down") => {
    if (!canRerank || !loaded) return;
    const index = themes.findIndex((t) => t.id === theme.id);
    const neighbour = themes[direction === "up" ? index - 1 : index + 1];
    if (!neighbour) return;
    placeRelative(theme, neighbour, direction === "up" ? "before" : "after");
  };

  const onRowKeyDown = (event: React.KeyboardEvent, move: (direction: "up" | "down") => void) => {
    if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    move(event.key === "ArrowUp" ? "up" : "down");
  };

  const toggleTheme = (id: number) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const onSaved = (updated: PortfolioRow) => {
    // The toast says it was saved; the row shows the new values at once.
    setRows((current) => current.map((r) => (r.id === updated.id ? updated : r)));
    setEditing(null);
  };

  const headerGroup = table.getHeaderGroups()[0]!;
  const columnCount = headerGroup.headers.length + (canRerank ? 1 : 0);
  const exportHref = `/portfolio/export${filterToSearch(filter)}`;

  return (
    <div className="flex flex-col gap-3">
      <PortfolioFilters
        filter={filter}
        onChange={setFilter}
        lookups={lookups}
        themes={themes}
        grouped={grouped}
        onGroupedChange={setGrouped}
        exportHref={exportHref}
        disabled={!loaded}
      />
      <div className="-mb-1 flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
        <p aria-live="polite">
          {loaded
            ? `${shown.length === epics.length ? `${epics.length} epics` : `Showing ${shown.length} of ${epics.length} epics`} · ${themes.length} themes`
            : loadError
              ? "Only the top of the ranking is shown: the rest could not be loaded."
              : `Showing the top ${epics.length} of ${epicCount} epics; loading the rest…`}
          {loadError ? (
            <button type="button" onClick={() => void load()} className="ml-2 font-medium text-indigo-700 underline">
              Try again
            </button>
          ) : null}
        </p>
        {canRerank ? (
          <p id={instructionsId}>
            {rankMode
              ? "Drag a row by its handle, or focus the handle and press Alt+↑ / Alt+↓, to re-rank."
              : "Ordered by WSJF. Switch to rank order to re-rank by hand."}
          </p>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className={`-mt-1 min-h-5 text-sm font-medium ${message?.error ? "text-rose-700" : "text-emerald-700"}`}>
        {message?.text}
      </p>

      <div
        ref={scrollRef}
        className="relative h-[calc(100vh-19rem)] min-h-96 overflow-auto rounded-lg border border-slate-200 bg-white"
        data-testid="portfolio-scroll"
      >
        <table className="w-full min-w-[68rem] table-fixed border-separate border-spacing-0 text-sm" aria-rowcount={display.length + 1}>
          <caption className="sr-only">Portfolio backlog: themes and their epics</caption>
          <colgroup>
            {canRerank ? <col style={{ width: WIDTHS.handle }} /> : null}
            {headerGroup.headers.map((h) => (
              <col key={h.id} style={{ width: WIDTHS[h.column.id] }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {canRerank ? (
                <th scope="col" className={thClass("start")}>
                  <span className="sr-only">Re-rank</span>
                </th>
              ) : null}
              {headerGroup.headers.map((header) => {
                const id = header.column.id;
                const sortable = id === "position" || id === "wsjf";
                const active = (id === "position" && rankMode) || (id === "wsjf" && !rankMode);
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sortable ? (active ? (id === "wsjf" ? "descending" : "ascending") : "none") : undefined}
                    className={thClass(NUMERIC.has(id) ? "end" : "start")}
                  >
                    {sortable ? (
                      <button
                        type="button"
                        disabled={!loaded}
                        onClick={() => setFilter((f) => ({ ...f, order: id === "wsjf" ? "wsjf" : "rank" }))}
                        className={`-mx-1 inline-flex items-center gap-1 rounded px-1 uppercase hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${active ? "text-indigo-700" : ""}`}
                        title={id === "wsjf" ? "Order by WSJF, highest first" : "Order by manual rank"}
                      >
                        <table.FlexRender header={header} />
                        <span aria-hidden="true">{active ? (id === "wsjf" ? "▼" : "▲") : "↕"}</span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={columnCount} style={{ height: paddingTop, padding: 0, border: 0 }} />
              </tr>
            ) : null}
            {display.length === 0 ? (
              <tr>
                <td colSpan={columnCount} className="px-3 py-10 text-center text-sm text-slate-500">
                  No epics match these filters.
                </td>
              </tr>
            ) : null}
            {items.map((virtual) => {
              const d = display[virtual.index]!;
              if (d.kind === "theme") {
                return (
                  <ThemeRow
                    key={virtual.key}
                    index={virtual.index}
                    entry={d}
                    columnCount={columnCount}
                    canRerank={canRerank && loaded}
                    teamNames={teamNames}
                    onToggle={() => toggleTheme(d.theme?.id ?? 0)}
                    onMove={(direction) => d.theme && moveTheme(d.theme, direction)}
                    onKeyDown={(e) => d.theme && onRowKeyDown(e, (direction) => moveTheme(d.theme!, direction))}
                  />
                );
              }
              const epic = d.row.original;
              const isDragged = drag?.id === epic.id;
              const dropHere = drag && drag.over === epic.id && drag.id !== epic.id;
              return (
                <tr
                  key={virtual.key}
                  aria-rowindex={virtual.index + 2}
                  id={`epic-${epic.id}`}
                  style={{ height: ROW_HEIGHT }}
                  className={`group hover:bg-slate-50 ${isDragged ? "opacity-40" : ""} ${dropHere ? (drag.place === "before" ? "[&>td]:border-t-2 [&>td]:border-t-indigo-500" : "[&>td]:border-b-2 [&>td]:border-b-indigo-500") : ""}`}
                  onKeyDown={(e) => onRowKeyDown(e, (direction) => moveEpic(epic, direction))}
                  onDragOver={(e) => {
                    if (!drag || !rerankable) return;
                    const source = epics.find((x) => x.id === drag.id);
                    if (!source || (grouped && (source.themeId ?? 0) !== (epic.themeId ?? 0))) return;
                    e.preventDefault();
                    e.dataTransfer.dropEffect = "move";
                    const box = e.currentTarget.getBoundingClientRect();
                    const place = e.clientY - box.top < box.height / 2 ? "before" : "after";
                    if (drag.over !== epic.id || drag.place !== place) setDrag({ ...drag, over: epic.id, place });
                  }}
                  onDrop={(e) => {
                    e.preventDefault();
                    const source = drag ? epics.find((x) => x.id === drag.id) : undefined;
                    if (source && drag && source.id !== epic.id) placeRelative(source, epic, drag.place);
                    setDrag(null);
                  }}
                >
                  {canRerank ? (
                    <td className={tdClass("start")}>
                      <span className="flex items-center gap-1">
                        <button
                          type="button"
                          id={`epic-${epic.id}-handle`}
                          draggable={rerankable}
                          aria-disabled={!rerankable ? true : undefined}
                          aria-label={`Re-rank ${epic.key} ${epic.title}, rank ${epic.position}`}
                          aria-describedby={instructionsId}
                          onDragStart={(e) => {
                            if (!rerankable) return e.preventDefault();
                            e.dataTransfer.effectAllowed = "move";
                            e.dataTransfer.setData("text/plain", epic.key);
                            setDrag({ id: epic.id, over: null, place: "before" });
                          }}
                          onDragEnd={() => setDrag(null)}
                          className="inline-flex size-7 cursor-grab items-center justify-center rounded text-slate-600 hover:bg-slate-100 hover:text-slate-700 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none aria-disabled:cursor-not-allowed aria-disabled:opacity-40"
                        >
                          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
                            <path d="M7 4a1.25 1.25 0 1 1-2.5 0A1.25 1.25 0 0 1 7 4Zm0 6a1.25 1.25 0 1 1-2.5 0A1.25 1.25 0 0 1 7 10Zm-1.25 7.25a1.25 1.25 0 1 0 0-2.5 1.25 1.25 0 0 0 0 2.5ZM15.5 4A1.25 1.25 0 1 1 13 4a1.25 1.25 0 0 1 2.5 0Zm-1.25 7.25a1.25 1.25 0 1 0 0-2.5 1.25 1.25 0 0 0 0 2.5ZM15.5 16a1.25 1.25 0 1 1-2.5 0 1.25 1.25 0 0 1 2.5 0Z" />
                          </svg>
                        </button>
                        <MoveButton label={`Move ${epic.key} up`} disabled={!rerankable} onClick={() => moveEpic(epic, "up")} direction="up" />
                        <MoveButton label={`Move ${epic.key} down`} disabled={!rerankable} onClick={() => moveEpic(epic, "down")} direction="down" />
                      </span>
                    </td>
                  ) : null}
                  {d.row.getAllCells().map((cell) => {
                    const id = cell.column.id;
                    if (id === "wsjf" && canEdit) {
                      return (
                        <td key={cell.id} className={tdClass("end")}>
                          <button
                            type="button"
                            onClick={() => setEditing(epic)}
                            aria-label={`Edit WSJF of ${epic.key}`}
                            className="rounded px-1 hover:bg-indigo-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
                          >
                            <table.FlexRender cell={cell} />
                          </button>
                        </td>
                      );
                    }
                    return (
                      <td key={cell.id} className={tdClass(NUMERIC.has(id) ? "end" : "start")}>
                        <table.FlexRender cell={cell} />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {paddingBottom > 0 ? (
              <tr aria-hidden="true">
                <td colSpan={columnCount} style={{ height: paddingBottom, padding: 0, border: 0 }} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {editing ? <WsjfDialog item={editing} intervals={lookups.intervals} onClose={() => setEditing(null)} onSaved={onSaved} /> : null}
    </div>
  );
}

const thClass = (align: "start" | "end") =>
  `sticky top-0 z-10 border-b border-slate-200 bg-slate-50 px-2 py-2 text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase ${align === "end" ? "text-right" : "text-left"}`;
const tdClass = (align: "start" | "end") =>
  `overflow-hidden border-b border-slate-100 px-2 py-1.5 align-middle text-slate-700 ${align === "end" ? "text-right tabular-nums" : ""}`;

function MoveButton({ id, label, disabled, onClick, direction }: { id?: string; label: string; disabled: boolean; onClick: () => void; direction: "up" | "down" }) {
  return (
    <button
      id={id}
      type="button"
      aria-label={label}
      aria-disabled={disabled ? true : undefined}
      onClick={() => !disabled && onClick()}
      className="inline-flex size-6 items-center justify-center rounded text-slate-600 opacity-60 group-focus-within:opacity-100 group-hover:opacity-100 hover:bg-slate-100 hover:text-slate-700 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none aria-disabled:cursor-not-allowed aria-disabled:opacity-30"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-3.5" fill="currentColor">
        {direction === "up" ? <path d="M10 5 4 12h12L10 5Z" /> : <path d="M10 15 4 8h12l-6 7Z" />}
      </svg>
    </button>
  );
}

function ThemeRow({
  index,
  entry,
  columnCount,
  canRerank,
  teamNames: names,
  onToggle,
  onMove,
  onKeyDown,
}: {
  index: number;
  entry: Extract<DisplayRow, { kind: "theme" }>;
  columnCount: number;
  canRerank: boolean;
  teamNames: ReadonlyMap<number, string>;
  onToggle: () => void;
  onMove: (direction: "up" | "down") => void;
  onKeyDown: (event: React.KeyboardEvent) => void;
}) {
  const theme = entry.theme;
  const id = theme?.id ?? 0;
  const teams = theme ? theme.teamIds.map((t) => names.get(t) ?? `#${t}`) : [];
  return (
    <tr aria-rowindex={index + 2} style={{ height: THEME_ROW_HEIGHT }} className="group bg-slate-50/80" onKeyDown={onKeyDown}>
      <td colSpan={columnCount} className="border-b border-slate-200 px-2 py-1.5">
        <div className="flex items-center gap-3">
          {canRerank && theme ? (
            <span className="flex items-center gap-1">
              <MoveButton id={`theme-${id}-handle`} label={`Move theme ${theme.key} up`} disabled={false} onClick={() => onMove("up")} direction="up" />
              <MoveButton label={`Move theme ${theme.key} down`} disabled={false} onClick={() => onMove("down")} direction="down" />
            </span>
          ) : null}
          <button
            type="button"
            onClick={onToggle}
            aria-expanded={!entry.collapsed}
            className="flex min-w-0 items-center gap-2 rounded text-left focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className={`size-4 shrink-0 text-slate-500 transition-transform ${entry.collapsed ? "" : "rotate-90"}`} fill="currentColor">
              <path d="M7 4l6 6-6 6V4Z" />
            </svg>
            {theme ? (
              <>
                <span className="font-mono text-xs whitespace-nowrap text-slate-500">{theme.key}</span>
                <span className="truncate font-semibold text-slate-900" title={theme.title}>
                  {theme.title}
                </span>
              </>
            ) : (
              <span className="font-semibold text-slate-600">Epics without a theme</span>
            )}
            <span className="shrink-0 text-xs text-slate-500">
              · {entry.count} {entry.count === 1 ? "epic" : "epics"}
            </span>
          </button>
          {theme ? (
            <span className="ml-auto flex shrink-0 items-center gap-4">
              <ItemStatusBadge status={theme.status} />
              <ProgressBar value={theme.pointsDone} max={theme.pointsTotal} />
              <StatusMix todo={theme.todo} doing={theme.doing} blocked={theme.blocked} done={theme.done} />
              <span className="hidden max-w-56 truncate text-xs text-slate-500 2xl:inline" title={teams.join(", ")}>
                {teams.length ? teams.join(", ") : "No teams yet"}
              </span>
            </span>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
