"use client";

import { Badge } from "@/components/ui/badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { enumLabel } from "@/lib/format/enum-label";
import type { ValueStreamRow } from "@/lib/value-streams/queries";

const col = createDataTableColumnHelper<ValueStreamRow>();

const columns = col.columns([
  col.accessor("name", {
    header: "Value stream",
    cell: (info) => (
      <span className="flex flex-col gap-0.5">
        <span className="font-medium text-slate-900">{info.getValue()}</span>
        {info.row.original.description ? <span className="max-w-md text-xs text-slate-500">{info.row.original.description}</span> : null}
      </span>
    ),
  }),
  col.accessor((row) => enumLabel(row.kind), { id: "kind", header: "Organised around", meta: { cellClassName: "whitespace-nowrap" } }),
  col.accessor((row) => row.pods.map((p) => p.name).join(", ") || undefined, {
    id: "pods",
    header: "Delivery pods",
    cell: (info) =>
      info.row.original.pods.length === 0 ? (
        <span className="text-sm font-medium text-rose-700">None</span>
      ) : (
        <span className="flex flex-wrap gap-x-3 gap-y-1">
          {info.row.original.pods.map((p) => (
            <TextLink key={p.id} href={`/teams/${p.id}`}>
              {p.name}
            </TextLink>
          ))}
        </span>
      ),
    sortUndefined: "last",
  }),
  col.accessor("deliveryPeople", { header: "Delivery people", meta: { align: "end" } }),
  col.accessor("activeObjectives", { header: "Active objectives", meta: { align: "end" } }),
  col.accessor("kpiCount", { header: "KPIs", meta: { align: "end" } }),
  col.accessor((row) => (row.covered ? "Covered" : "Not covered"), {
    id: "coverage",
    header: "Coverage",
    cell: (info) =>
      info.row.original.covered ? (
        <Badge tone="emerald" dot>
          Covered
        </Badge>
      ) : (
        <Badge tone="rose" dot>
          No delivery pod
        </Badge>
      ),
  }),
]);

export function ValueStreamsTable({ streams }: { streams: ValueStreamRow[] }) {
  return (
    <DataTable
      columns={columns}
      data={streams}
      label="Value streams"
      getRowId={(row) => String(row.id)}
      filterPlaceholder="Filter value streams…"
      rowClassName={(row) => (row.covered ? undefined : "bg-rose-50/50")}
      maxHeightClassName=""
    />
  );
}
