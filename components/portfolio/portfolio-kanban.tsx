"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { ProgressBar } from "@/components/ui/progress-bar";
import { setItemStatusAction } from "@/lib/backlog/actions";
import { enumLabel } from "@/lib/format/enum-label";
import { KANBAN_COLUMNS, KANBAN_DESCRIPTIONS, wipState, type KanbanColumn } from "@/lib/portfolio/kanban";
import type { KanbanCard, KanbanColumnData } from "@/lib/portfolio/queries";

interface ColumnState {
  status: KanbanColumn;
  count: number;
  cards: KanbanCard[];
}

/**
 * The portfolio Kanban: one column per epic state with its WIP limit; a column above its limit is marked in red
 * with how far over it is (a breach is shown, never blocked). Leaders move epics by dragging a card to another
 * column or with the card's "Move to" menu (keyboard); every move is a status change with its time recorded.
 */
export function PortfolioKanban({ columns: initial, canMove, teamNames }: { columns: KanbanColumnData[]; canMove: boolean; teamNames: Record<number, string> }) {
  const [columns, setColumns] = useState<ColumnState[]>(() =>
    KANBAN_COLUMNS.map((status) => {
      const found = initial.find((c) => c.status === status);
      return { status, count: found?.count ?? 0, cards: found?.cards ?? [] };
    }),
  );
  const [message, setMessage] = useState<{ text: string; tone: "ok" | "warn" | "error" } | null>(null);
  const [pending, startTransition] = useTransition();
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<KanbanColumn | null>(null);

  const move = (card: KanbanCard, to: KanbanColumn) => {
    if (card.status === to || pending) return;
    const previous = columns;
    const moved = { ...card, status: to };
    setColumns((cols) =>
      cols.map((c) => {
        if (c.status === card.status) return { ...c, count: c.count - 1, cards: c.cards.filter((x) => x.id !== card.id) };
        if (c.status === to) return { ...c, count: c.count + 1, cards: [moved, ...c.cards] };
        return c;
      }),
    );
    setMessage({ text: `Moving ${card.key} to ${enumLabel(to)}…`, tone: "ok" });
    startTransition(async () => {
      try {
        const result = await setItemStatusAction({ itemId: card.id, version: card.version, status: to });
        if (result.ok) {
          setColumns((cols) => cols.map((c) => (c.status === to ? { ...c, cards: c.cards.map((x) => (x.id === card.id ? { ...x, version: result.data.version } : x)) } : c)));
          setMessage(
            result.data.warning
              ? { text: `Moved ${card.key} to ${enumLabel(to)}. ${result.data.warning}`, tone: "warn" }
              : { text: `Moved ${card.key} to ${enumLabel(to)}.`, tone: "ok" },
          );
        } else {
          setColumns(previous);
          setMessage({ text: result.message, tone: "error" });
        }
      } catch {
        setColumns(previous);
        setMessage({ text: "We couldn’t reach the server and nothing moved. Try again.", tone: "error" });
      }
    });
  };

  const cardById = (id: number) => columns.flatMap((c) => c.cards).find((c) => c.id === id);

  return (
    <div className="flex flex-col gap-3">
      <p
        role="status"
        aria-live="polite"
        className={`min-h-5 text-sm font-medium ${message?.tone === "error" ? "text-rose-700" : message?.tone === "warn" ? "text-amber-700" : "text-emerald-700"}`}
      >
        {message?.text}
      </p>
      <div className="relative grid auto-cols-[minmax(11.25rem,1fr)] grid-flow-col gap-2.5 overflow-x-auto pb-3">
        {columns.map((column) => {
          const wip = wipState(column.status, column.count);
          const hidden = column.count - column.cards.length;
          return (
            <section
              key={column.status}
              aria-labelledby={`col-${column.status}`}
              onDragOver={(e) => {
                if (dragging === null || !canMove) return;
                e.preventDefault();
                if (over !== column.status) setOver(column.status);
              }}
              onDragLeave={() => setOver((o) => (o === column.status ? null : o))}
              onDrop={(e) => {
                e.preventDefault();
                const card = dragging === null ? undefined : cardById(dragging);
                if (card) move(card, column.status);
                setDragging(null);
                setOver(null);
              }}
              className={`flex min-h-[28rem] flex-col rounded-xl border p-2 ${wip.breached ? "border-rose-300 bg-rose-50/60" : "border-slate-200 bg-slate-50"} ${over === column.status ? "ring-2 ring-indigo-400" : ""}`}
            >
              <header className="px-1.5 pt-1 pb-2">
                <div className="flex items-center justify-between gap-2">
                  <h2 id={`col-${column.status}`} className="text-sm font-semibold text-slate-900">
                    {enumLabel(column.status)}
                  </h2>
                  <span
                    className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap tabular-nums ${wip.breached ? "bg-rose-600 text-white" : wip.limit !== null && wip.count === wip.limit ? "bg-amber-100 text-amber-800" : "bg-white text-slate-600 ring-1 ring-slate-200"}`}
                    title={wip.limit === null ? "No WIP limit" : `WIP limit ${wip.limit}`}
                  >
                    {wip.count}
                    {wip.limit === null ? "" : ` / ${wip.limit}`}
                    <span className="sr-only">{wip.limit === null ? " epics, no WIP limit" : ` epics, WIP limit ${wip.limit}`}</span>
                  </span>
                </div>
                <p className="mt-0.5 text-xs text-slate-500">{KANBAN_DESCRIPTIONS[column.status]}</p>
                {wip.breached ? (
                  <p className="mt-1.5 rounded-md bg-rose-100 px-2 py-1 text-xs font-semibold text-rose-800">
                    Over the WIP limit by {wip.overBy}: finish before starting more.
                  </p>
                ) : null}
              </header>
              <ul className="flex flex-col gap-2">
                {column.cards.map((card) => (
                  <li
                    key={card.id}
                    draggable={canMove}
                    onDragStart={(e) => {
                      e.dataTransfer.effectAllowed = "move";
                      e.dataTransfer.setData("text/plain", card.key);
                      setDragging(card.id);
                    }}
                    onDragEnd={() => {
                      setDragging(null);
                      setOver(null);
                    }}
                    className={`rounded-lg border border-slate-200 bg-white p-2.5 shadow-sm ${canMove ? "cursor-grab" : ""} ${dragging === card.id ? "opacity-40" : ""}`}
                  >
                    <div className="flex items-start justify-between gap-2">
                      <Link href={`/items/${card.id}`} className="rounded font-mono text-xs text-indigo-700 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none">
                        {card.key}
                      </Link>
                      <span className="text-xs text-slate-500 tabular-nums" title="WSJF">
                        {card.wsjf === null ? "WSJF —" : `WSJF ${card.wsjf.toFixed(2)}`}
                      </span>
                    </div>
                    <p className="mt-1 text-sm leading-snug font-medium text-slate-900">{card.title}</p>
                    {card.themeTitle ? <p className="mt-0.5 truncate text-xs text-slate-500">{card.themeTitle}</p> : null}
                    <div className="mt-2">
                      <ProgressBar value={card.pointsDone} max={card.pointsTotal} />
                    </div>
                    {card.teamIds.length ? (
                      <p className="mt-1.5 truncate text-xs text-slate-500">{card.teamIds.map((t) => teamNames[t] ?? `#${t}`).join(", ")}</p>
                    ) : null}
                    {canMove ? (
                      <label className="mt-2 flex items-center gap-1.5 text-xs text-slate-500">
                        <span className="sr-only">Move to</span>
                        <select
                          value={card.status}
                          disabled={pending}
                          onChange={(e) => move(card, e.target.value as KanbanColumn)}
                          aria-label={`Move ${card.key} to another column`}
                          className="min-w-0 flex-1 rounded border border-slate-300 bg-white py-0.5 pl-1.5 text-xs text-slate-700 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
                        >
                          {KANBAN_COLUMNS.map((s) => (
                            <option key={s} value={s}>
                              {enumLabel(s)}
                            </option>
                          ))}
                        </select>
                      </label>
                    ) : null}
                  </li>
                ))}
                {column.cards.length === 0 ? <li className="rounded-lg border border-dashed border-slate-300 px-3 py-6 text-center text-xs text-slate-500">No epics</li> : null}
                {hidden > 0 ? (
                  <li className="px-1 text-xs text-slate-500">
                    and {hidden} more —{" "}
                    <Link href={`/portfolio?status=${column.status}`} className="font-medium text-indigo-700 hover:underline">
                      see them in the list
                    </Link>
                  </li>
                ) : null}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
