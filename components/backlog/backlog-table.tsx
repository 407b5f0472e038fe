"use client";

import { ItemStatusBadge } from "@/components/backlog/item-status-badge";
import { Badge } from "@/components/ui/badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import type { BacklogItemRow } from "@/lib/backlog/queries";
import { enumLabel } from "@/lib/format/enum-label";

const col = createDataTableColumnHelper<BacklogItemRow>();

const dash = <span className="text-slate-400">—</span>;

const columns = col.columns([
  col.accessor("position", { header: "Rank", meta: { align: "end" } }),
  col.accessor("key", { header: "Key", meta: { cellClassName: "font-mono text-xs whitespace-nowrap text-slate-600" } }),
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

const rowId = (row: BacklogItemRow): string => String(row.id);

export function BacklogTable({ items, teamName }: { items: BacklogItemRow[]; teamName: string }) {
  return (
    <DataTable
      columns={columns}
      data={items}
      label={`${teamName} backlog`}
      getRowId={rowId}
      filterPlaceholder="Filter by key, title, owner…"
    />
  );
}
