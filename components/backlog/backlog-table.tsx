"use client";

import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useRef, useState, useTransition } from "react";
import { ItemStatusBadge } from "@/components/backlog/item-status-badge";
import { Badge } from "@/components/ui/badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { moveItemAction } from "@/lib/backlog/actions";
import type { BacklogItemRow } from "@/lib/backlog/queries";
import { enumLabel } from "@/lib/format/enum-label";

const col = createDataTableColumnHelper<BacklogItemRow>();

const dash = <span className="text-slate-500">—</span>;

const columns = col.columns([
  col.accessor("position", { header: "Rank", meta: { align: "end" } }),
  col.accessor("key", {
    header: "Key",
    cell: (info) => <TextLink href={`/items/${info.row.original.id}`}>{info.getValue()}</TextLink>,
    meta: { cellClassName: "font-mono text-xs whitespace-nowrap text-slate-600" },
  }),
  col.accessor("title", {
    header: "Title",
    cell: (info) => {
      const row = info.row.original;
      return (
        <span className="flex flex-col gap-0.5">
          <span className={row.level === "FEATURE" ? "font-semibold text-slate-900" : "text-slate-900"}>{info.getValue()}</span>
          {row.parentKey ? <span className="text-xs text-slate-500">in {row.parentKey}</span> : null}
        </span>
      );
    },
    meta: { cellClassName: "min-w-64" },
  }),
  col.accessor((row) => (row.isTask ? "Task" : enumLabel(row.level)), {
    id: "level",
    header: "Level",
    cell: (info) => <Badge tone={info.row.original.level === "FEATURE" ? "violet" : "slate"}>{info.getValue()}</Badge>,
  }),
  col.accessor((row) => enumLabel(row.status), {
    id: "status",
    header: "Status",
    cell: (info) => {
      const row = info.row.original;
      return (
        <span className="flex flex-wrap items-center gap-1">
          <ItemStatusBadge status={row.status} />
          {row.hasOpenDependency && row.status !== "BLOCKED" ? <Badge tone="amber">Waiting on dependency</Badge> : null}
        </span>
      );
    },
  }),
  col.accessor((row) => row.estimate ?? undefined, {
    id: "estimate",
    header: "Estimate",
    cell: (info) => {
      const value = info.getValue();
      return value === undefined ? dash : `${value} pts`;
    },
    sortUndefined: "last",
    meta: { align: "end", cellClassName: "whitespace-nowrap" },
  }),
  col.accessor((row) => row.owner ?? undefined, {
    id: "owner",
    header: "Owner",
    cell: (info) => info.getValue() ?? dash,
    sortUndefined: "last",
    meta: { cellClassName: "whitespace-nowrap" },
  }),
  col.accessor((row) => (row.sprintNumber === null ? undefined : row.sprintNumber), {
    id: "sprint",
    header: "Sprint",
    cell: (info) => {
      const row = info.row.original;
      if (row.sprintNumber === null) return dash;
      return (
        <span className="whitespace-nowrap">
          Sprint {row.sprintNumber}
          {row.sprintStatus === "ACTIVE" ? <span className="ml-1 text-xs text-indigo-600">(active)</span> : null}
          {row.sprintStatus === "PLANNED" ? <span className="ml-1 text-xs text-slate-500">(planned)</span> : null}
        </span>
      );
    },
    sortUndefined: "last",
  }),
]);

/** The re-rank column, added only for those who may re-rank (the action checks again). */
const rerankColumns = col.columns([
  columns[0]!, // rank, with the buttons that change it beside it
  col.display({
    id: "move",
    header: () => <span className="sr-only">Re-rank</span>,
    cell: (info) => <MoveButtons item={info.row.original} />,
    meta: { cellClassName: "whitespace-nowrap py-1.5" },
  }),
  ...columns.slice(1),
]);

const rowId = (row: BacklogItemRow): string => String(row.id);

interface MoveContextValue {
  /** The items in rank order (whatever order the table is sorted in, moves follow rank). */
  ranked: readonly BacklogItemRow[];
  pending: boolean;
  move: (item: BacklogItemRow, direction: "up" | "down") => void;
}

const MoveContext = createContext<MoveContextValue | null>(null);

/**
 * The team's backlog. With `canRerank` (the team's product owner or a leader), each row gets Move up / Move
 * down buttons that re-rank it by one place and announce the outcome in a polite live region.
 */
export function BacklogTable({ items, teamName, canRerank = false }: { items: BacklogItemRow[]; teamName: string; canRerank?: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const lastMoved = useRef<{ id: number; direction: "up" | "down" } | null>(null);

  // Moving a row in the DOM drops focus: put it back on the moved item's button once the new order is in.
  useEffect(() => {
    const moved = lastMoved.current;
    if (!moved) return;
    lastMoved.current = null;
    const preferred = document.getElementById(`move-${moved.direction}-${moved.id}`);
    const other = document.getElementById(`move-${moved.direction === "up" ? "down" : "up"}-${moved.id}`);
    const target = preferred?.getAttribute("aria-disabled") === "true" ? other : preferred;
    if (target && document.activeElement !== target) target.focus();
  }, [items]);

  function move(item: BacklogItemRow, direction: "up" | "down") {
    const index = items.findIndex((i) => i.id === item.id);
    if (index < 0 || pending) return;
    if (direction === "up" && index === 0) return;
    if (direction === "down" && index === items.length - 1) return;
    // Up: after the item two above (or the top); down: after the next item.
    const afterId = direction === "up" ? (index >= 2 ? items[index - 2]!.id : null) : items[index + 1]!.id;
    const newPosition = direction === "up" ? index : index + 2;
    setMessage({ text: `Moving ${item.key} ${direction}…`, error: false });
    startTransition(async () => {
      try {
        const result = await moveItemAction({ itemId: item.id, afterId });
        if (result.ok) {
          lastMoved.current = { id: item.id, direction };
          setMessage({ text: `Moved ${item.key} ${direction} to rank ${newPosition}.`, error: false });
          router.refresh();
        } else {
          setMessage({ text: result.message, error: true });
          if (result.reason === "CONFLICT" || result.reason === "NOT_FOUND") router.refresh();
        }
      } catch {
        setMessage({ text: "We couldn’t reach the server and nothing moved. Try again.", error: true });
      }
    });
  }

  const table = (
    <DataTable
      columns={canRerank ? rerankColumns : columns}
      data={items}
      label={`${teamName} backlog`}
      getRowId={rowId}
      filterPlaceholder="Filter by key, title, owner…"
    />
  );
  if (!canRerank) return table;

  return (
    <MoveContext value={{ ranked: items, pending, move }}>
      <div className="flex flex-col gap-2">
        <p aria-live="polite" role="status" className={`min-h-5 text-sm ${message?.error ? "text-rose-700" : "text-slate-600"}`}>
          {message?.text}
        </p>
        {table}
      </div>
    </MoveContext>
  );
}

const moveButtonClass =
  "inline-flex size-7 items-center justify-center rounded-md border border-slate-300 bg-white text-slate-600 shadow-sm hover:bg-slate-50 hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none aria-disabled:cursor-not-allowed aria-disabled:opacity-40 aria-disabled:hover:bg-white";

/*
 * aria-disabled rather than disabled: a disabled button loses keyboard focus, and the focused button must
 * keep it while its move is saved.
 */
function MoveButtons({ item }: { item: BacklogItemRow }) {
  const ctx = useContext(MoveContext);
  if (!ctx) return null;
  const index = ctx.ranked.findIndex((i) => i.id === item.id);
  const atTop = index <= 0;
  const atBottom = index === ctx.ranked.length - 1;
  return (
    <span className="inline-flex gap-1">
      <button
        id={`move-up-${item.id}`}
        type="button"
        aria-label={`Move ${item.key} ${item.title} up`}
        aria-disabled={atTop || ctx.pending ? true : undefined}
        onClick={() => !atTop && ctx.move(item, "up")}
        className={moveButtonClass}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path fillRule="evenodd" d="M10 17a.75.75 0 0 1-.75-.75V5.6L5.3 9.55a.75.75 0 1 1-1.1-1.02l5.25-5.5a.75.75 0 0 1 1.1 0l5.25 5.5a.75.75 0 1 1-1.1 1.02L10.75 5.6v10.65A.75.75 0 0 1 10 17Z" clipRule="evenodd" />
        </svg>
      </button>
      <button
        id={`move-down-${item.id}`}
        type="button"
        aria-label={`Move ${item.key} ${item.title} down`}
        aria-disabled={atBottom || ctx.pending ? true : undefined}
        onClick={() => !atBottom && ctx.move(item, "down")}
        className={moveButtonClass}
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          <path fillRule="evenodd" d="M10 3a.75.75 0 0 1 .75.75v10.65l3.95-3.95a.75.75 0 1 1 1.1 1.02l-5.25 5.5a.75.75 0 0 1-1.1 0l-5.25-5.5a.75.75 0 1 1 1.1-1.02l3.95 3.95V3.75A.75.75 0 0 1 10 3Z" clipRule="evenodd" />
        </svg>
      </button>
    </span>
  );
}
