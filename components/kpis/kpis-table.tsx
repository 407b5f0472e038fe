"use client";

import { KpiSparkline } from "@/components/charts/kpi-sparkline";
import { withUnit } from "@/components/okrs/okr-format";
import { Badge } from "@/components/ui/badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { formatDay } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";
import { FREQUENCY_LABEL } from "@/lib/kpis/periods";
import type { KpiRow } from "@/lib/kpis/queries";

const col = createDataTableColumnHelper<KpiRow>();

const columns = col.columns([
  col.accessor("name", {
    header: "KPI",
    cell: (info) => (
      <span className="flex flex-col gap-0.5">
        <TextLink href={`/kpis/${info.row.original.id}`}>{info.getValue()}</TextLink>
        <span className="line-clamp-2 text-xs text-slate-500">{info.row.original.definition}</span>
      </span>
    ),
    meta: { cellClassName: "min-w-64" },
  }),
  col.accessor((row) => `${enumLabel(row.scope)}${row.scopeName ? ` ${row.scopeName}` : ""}`, {
    id: "scope",
    header: "Scope",
    cell: (info) => {
      const row = info.row.original;
      return (
        <span className="flex flex-col gap-0.5">
          <span className="whitespace-nowrap">{row.scopeName ?? "Portfolio"}</span>
          <span className="text-xs text-slate-500">{enumLabel(row.scope).toLowerCase()}</span>
        </span>
      );
    },
  }),
  col.accessor("target", {
    header: "Target",
    cell: (info) => (
      <span className="whitespace-nowrap">
        <span aria-hidden="true">{info.row.original.direction === "HIGHER_IS_BETTER" ? "↑ " : "↓ "}</span>
        <span className="sr-only">{info.row.original.direction === "HIGHER_IS_BETTER" ? "at least " : "at most "}</span>
        {withUnit(info.getValue(), info.row.original.unit)}
      </span>
    ),
    meta: { align: "end" },
  }),
  col.accessor((row) => row.latestValue ?? undefined, {
    id: "latest",
    header: "Latest",
    cell: (info) => {
      const row = info.row.original;
      if (row.latestValue === null) return <span className="text-slate-500">No data yet</span>;
      return (
        <span className="flex flex-col items-end gap-1">
          <span className="font-medium whitespace-nowrap text-slate-900">{withUnit(row.latestValue, row.unit)}</span>
          {row.onTarget ? <Badge tone="emerald">On target</Badge> : <Badge tone="amber">Below target</Badge>}
        </span>
      );
    },
    sortUndefined: "last",
    enableGlobalFilter: false,
    meta: { align: "end" },
  }),
  col.display({
    id: "trend",
    header: "Last 12",
    cell: (info) => <KpiSparkline values={info.row.original.recent} target={info.row.original.target} onTarget={info.row.original.onTarget} />,
  }),
  col.accessor((row) => (row.overdue ? 0 : 1), {
    id: "due",
    header: "Measured",
    cell: (info) => {
      const row = info.row.original;
      return (
        <span className="flex flex-col gap-1 whitespace-nowrap">
          <span className="text-xs text-slate-600">
            {FREQUENCY_LABEL[row.frequency]} · {row.dataOwner}
          </span>
          {row.overdue ? (
            <Badge tone="rose" dot>
              Overdue since {formatDay(row.dueBy)}
            </Badge>
          ) : (
            <span className="text-xs text-slate-500">{row.latestPeriod ? `Latest from ${formatDay(row.latestPeriod)}` : "Not measured yet"}</span>
          )}
        </span>
      );
    },
  }),
]);

const rowId = (row: KpiRow): string => String(row.id);

export function KpisTable({ kpis }: { kpis: KpiRow[] }) {
  return (
    <DataTable
      columns={columns}
      data={kpis}
      label="KPI catalogue"
      getRowId={rowId}
      filterPlaceholder="Filter KPIs…"
      rowClassName={(row) => (row.overdue ? "bg-rose-50/60" : undefined)}
    />
  );
}
