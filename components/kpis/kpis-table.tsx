"use client";

import { Badge } from "@/components/ui/badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { formatDay } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";
import type { KpiRow } from "@/lib/kpis/queries";

const col = createDataTableColumnHelper<KpiRow>();

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

const PREFIX_UNITS = new Set(["£", "$", "€"]);
const TIGHT_SUFFIX_UNITS = new Set(["%", "x"]);

/** `85` in `£` → `£85`; `4.5` in `%` → `4.5%`; `420` in `MQLs` → `420 MQLs`. */
function formatValue(value: number, unit: string): string {
  const n = numberFormat.format(value);
  if (PREFIX_UNITS.has(unit)) return `${unit}${n}`;
  if (TIGHT_SUFFIX_UNITS.has(unit)) return `${n}${unit}`;
  return `${n} ${unit}`;
}

const columns = col.columns([
  col.accessor("name", {
    header: "KPI",
    cell: (info) => (
      <span className="flex flex-col gap-0.5">
        <span className="font-medium text-slate-900">{info.getValue()}</span>
        <span className="text-xs text-slate-500">{info.row.original.definition}</span>
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
          <span className="whitespace-nowrap">{enumLabel(row.scope)}</span>
          {row.scopeName ? <span className="text-xs text-slate-500">{row.scopeName}</span> : null}
        </span>
      );
    },
  }),
  col.accessor("unit", { header: "Unit", meta: { cellClassName: "whitespace-nowrap" } }),
  col.accessor("target", {
    header: "Target",
    cell: (info) => formatValue(info.getValue(), info.row.original.unit),
    meta: { align: "end", cellClassName: "whitespace-nowrap" },
  }),
  col.accessor((row) => (row.direction === "HIGHER_IS_BETTER" ? "Higher is better" : "Lower is better"), {
    id: "direction",
    header: "Direction",
    cell: (info) => (
      <span className="whitespace-nowrap">
        <span aria-hidden="true">{info.row.original.direction === "HIGHER_IS_BETTER" ? "↑ " : "↓ "}</span>
        {info.getValue()}
      </span>
    ),
  }),
  col.accessor((row) => enumLabel(row.frequency), { id: "frequency", header: "Frequency" }),
  col.accessor("dataOwner", { header: "Data owner", meta: { cellClassName: "whitespace-nowrap" } }),
  col.accessor((row) => row.latestValue ?? undefined, {
    id: "latest",
    header: "Latest",
    cell: (info) => {
      const row = info.row.original;
      if (row.latestValue === null) return <span className="text-slate-400">No data yet</span>;
      return (
        <span className="flex flex-col items-end gap-1">
          <span className="font-medium whitespace-nowrap text-slate-900">{formatValue(row.latestValue, row.unit)}</span>
          {row.onTarget === null ? null : row.onTarget ? (
            <Badge tone="emerald">On target</Badge>
          ) : (
            <Badge tone="amber">Off target</Badge>
          )}
          <span className="text-xs whitespace-nowrap text-slate-500">from {formatDay(row.latestPeriod)}</span>
        </span>
      );
    },
    sortUndefined: "last",
    enableGlobalFilter: false,
    meta: { align: "end" },
  }),
]);

const rowId = (row: KpiRow): string => String(row.id);

export function KpisTable({ kpis }: { kpis: KpiRow[] }) {
  return <DataTable columns={columns} data={kpis} label="KPI catalogue" getRowId={rowId} filterPlaceholder="Filter KPIs…" />;
}
