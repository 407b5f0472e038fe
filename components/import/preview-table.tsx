"use client";

import { useState } from "react";
import { secondaryButtonClass } from "@/components/admin/form-parts";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { PlanRow, RowAction } from "@/lib/import/plan";

const OUTCOME: Record<RowAction, { label: string; tone: BadgeTone }> = {
  create: { label: "Create", tone: "emerald" },
  update: { label: "Update", tone: "sky" },
  unchanged: { label: "Unchanged", tone: "slate" },
  skip: { label: "Not imported", tone: "amber" },
  error: { label: "Problem", tone: "rose" },
};

const FILTERS = [
  { key: "all", label: "All" },
  { key: "problems", label: "Problems" },
  { key: "create", label: "New" },
  { key: "update", label: "Updates" },
  { key: "unchanged", label: "Unchanged" },
] as const;
type Filter = (typeof FILTERS)[number]["key"];

const PAGE = 50;

/** The preview's rows, a page at a time, filterable by outcome; the columns not imported, collapsed. */
export function PreviewTable({ rows, ignoredColumns }: { rows: PlanRow[]; ignoredColumns: string[] }) {
  const [filter, setFilter] = useState<Filter>(rows.some((r) => r.action === "error" || r.action === "skip") ? "problems" : "all");
  const [page, setPage] = useState(0);
  const shown = rows.filter((r) => {
    if (filter === "all") return true;
    if (filter === "problems") return r.action === "error" || r.action === "skip";
    return r.action === filter;
  });
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages - 1);
  const slice = shown.slice(current * PAGE, current * PAGE + PAGE);
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Show rows">
        {FILTERS.map((f) => (
          <button
            key={f.key}
            type="button"
            aria-pressed={filter === f.key}
            onClick={() => {
              setFilter(f.key);
              setPage(0);
            }}
            className={`rounded-full border px-3 py-1 text-xs font-medium focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${filter === f.key ? "border-indigo-600 bg-indigo-50 text-indigo-800" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            {f.label}
          </button>
        ))}
        <span className="ml-auto text-xs text-slate-500 tabular-nums">
          {shown.length ? `${current * PAGE + 1}–${Math.min(shown.length, (current + 1) * PAGE)} of ${shown.length}` : "No rows"}
        </span>
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full table-fixed text-sm">
          <caption className="sr-only">What the import does with each row of the file</caption>
          <colgroup>
            <col className="w-14" />
            <col className="w-28" />
            <col />
            <col className="hidden w-40 md:table-column" />
            <col className="w-28" />
            <col className="w-[34%]" />
          </colgroup>
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2 text-right">
                Row
              </th>
              <th scope="col" className="px-3 py-2">
                Key
              </th>
              <th scope="col" className="px-3 py-2">
                Summary
              </th>
              <th scope="col" className="hidden px-3 py-2 md:table-cell">
                Becomes
              </th>
              <th scope="col" className="px-3 py-2">
                Outcome
              </th>
              <th scope="col" className="px-3 py-2">
                Details
              </th>
            </tr>
          </thead>
          <tbody>
            {slice.map((r) => (
              <tr key={r.row} className={`border-t border-slate-100 align-top ${r.action === "error" ? "bg-rose-50/50" : ""}`}>
                <td className="px-3 py-2 text-right text-slate-500 tabular-nums">{r.row}</td>
                <td className="truncate px-3 py-2 font-mono text-xs" title={r.key}>
                  {r.key || "—"}
                </td>
                <td className="px-3 py-2">
                  <span className="line-clamp-2 break-words" title={r.summary}>
                    {r.summary}
                  </span>
                </td>
                <td className="hidden px-3 py-2 text-xs text-slate-600 md:table-cell">
                  {r.becomes}
                  {r.type ? <span className="block text-slate-400">Jira: {r.type}</span> : null}
                </td>
                <td className="px-3 py-2">
                  <Badge tone={OUTCOME[r.action].tone}>{OUTCOME[r.action].label}</Badge>
                </td>
                <td className="px-3 py-2 text-xs break-words">
                  {r.reasons.length ? <p className="text-rose-800">{r.reasons[0]}</p> : null}
                  {r.changes.length ? <p className="text-slate-700">{r.changes.join("; ")}</p> : null}
                  {r.notes.length ? <p className="text-slate-500">{r.notes.join("; ")}</p> : null}
                </td>
              </tr>
            ))}
            {slice.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-6 text-center text-slate-500">
                  {filter === "problems" ? "No problems: every row can be imported." : "No rows here."}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav aria-label="Preview pages" className="flex items-center gap-2">
          <button type="button" className={secondaryButtonClass} disabled={current === 0} onClick={() => setPage(current - 1)}>
            Previous
          </button>
          <span className="text-xs text-slate-600 tabular-nums">
            Page {current + 1} of {pages}
          </span>
          <button type="button" className={secondaryButtonClass} disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            Next
          </button>
        </nav>
      ) : null}
      {ignoredColumns.length ? (
        <details className="text-xs text-slate-500">
          <summary className="cursor-pointer">{ignoredColumns.length} columns not imported</summary>
          <p className="mt-1 break-words">{ignoredColumns.join(" · ")}</p>
        </details>
      ) : null}
    </div>
  );
}
