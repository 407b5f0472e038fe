"use client";

import { ItemStatusBadge } from "@/components/backlog/item-status-badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { ProgressBar } from "@/components/ui/progress-bar";
import { enumLabel } from "@/lib/format/enum-label";
import type { PortfolioEpicRow } from "@/lib/portfolio/queries";

const col = createDataTableColumnHelper<PortfolioEpicRow>();

const dash = <span className="text-slate-400">—</span>;

const columns = col.columns([
  col.accessor("position", { header: "Rank", meta: { align: "end" } }),
  col.accessor("key", { header: "Key", meta: { cellClassName: "font-mono text-xs whitespace-nowrap text-slate-600" } }),
  col.accessor("title", { header: "Epic", meta: { cellClassName: "min-w-48 font-medium text-slate-900" } }),
  col.accessor((row) => row.themeTitle ?? undefined, {
    id: "theme",
    header: "Theme",
    cell: (info) => info.getValue() ?? dash,
    sortUndefined: "last",
    meta: { cellClassName: "min-w-32" },
  }),
  col.accessor((row) => enumLabel(row.status), {
    id: "status",
    header: "Status",
    cell: (info) => <ItemStatusBadge status={info.row.original.status} />,
  }),
  col.accessor((row) => row.wsjf ?? undefined, {
    id: "wsjf",
    header: "WSJF",
    cell: (info) => {
      const value = info.getValue();
      return value === undefined ? dash : value.toFixed(2);
    },
    sortUndefined: "last",
    sortDescFirst: true,
    meta: { align: "end" },
  }),
  col.accessor((row) => row.planningInterval ?? undefined, {
    id: "planningInterval",
    header: "PI",
    cell: (info) => info.getValue() ?? dash,
    sortUndefined: "last",
    meta: { cellClassName: "whitespace-nowrap" },
  }),
  col.accessor((row) => row.valueTheme ?? undefined, {
    id: "valueTheme",
    header: "Value theme",
    cell: (info) => info.getValue() ?? dash,
    sortUndefined: "last",
  }),
  col.accessor((row) => (row.pointsTotal > 0 ? row.pointsDone / row.pointsTotal : 0), {
    id: "progress",
    header: "Points done",
    cell: (info) => <ProgressBar value={info.row.original.pointsDone} max={info.row.original.pointsTotal} />,
    enableGlobalFilter: false,
  }),
]);

const rowId = (row: PortfolioEpicRow): string => String(row.id);

export function EpicsTable({ epics }: { epics: PortfolioEpicRow[] }) {
  return <DataTable columns={columns} data={epics} label="Portfolio epics" getRowId={rowId} filterPlaceholder="Filter epics…" />;
}
