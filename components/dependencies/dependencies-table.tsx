"use client";

import { DependencyStatusBadge } from "@/components/dependencies/dependency-status-badge";
import { RiskBadge } from "@/components/dependencies/risk-badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import type { DependencyRow } from "@/lib/dependencies/queries";
import { formatDay } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";

const col = createDataTableColumnHelper<DependencyRow>();

const columns = col.columns([
  col.accessor("key", {
    header: "Key",
    cell: (info) => <TextLink href={`/dependencies/${info.row.original.id}`}>{info.getValue()}</TextLink>,
    meta: { cellClassName: "font-mono text-xs whitespace-nowrap" },
  }),
  col.accessor((row) => `${row.fromTeam} → ${row.toTeam}`, {
    id: "teams",
    header: "From → to",
    cell: (info) => {
      const row = info.row.original;
      return (
        <span className="flex flex-col gap-0.5">
          <span className="whitespace-nowrap">
            <TextLink href={`/teams/${row.fromTeamId}`}>{row.fromTeam}</TextLink>
            <span aria-hidden="true" className="mx-1.5 text-slate-500">→</span>
            <span className="sr-only"> needs </span>
            <TextLink href={`/teams/${row.toTeamId}`}>{row.toTeam}</TextLink>
          </span>
          {row.fromItemKey || row.toItemKey ? (
            <span className="font-mono text-xs text-slate-500">
              {row.fromItemKey ?? "—"} → {row.toItemKey ?? "—"}
            </span>
          ) : null}
          {row.description ? <span className="text-xs text-slate-500">{row.description}</span> : null}
        </span>
      );
    },
    meta: { cellClassName: "min-w-64" },
  }),
  col.accessor((row) => enumLabel(row.type), { id: "type", header: "Type", meta: { cellClassName: "whitespace-nowrap" } }),
  col.accessor("fromOwner", { header: "Requesting owner", meta: { cellClassName: "whitespace-nowrap" } }),
  col.accessor("toOwner", { header: "Providing owner", meta: { cellClassName: "whitespace-nowrap" } }),
  col.accessor("neededBy", {
    header: "Needed by",
    cell: (info) => {
      const row = info.row.original;
      return (
        <span className={`whitespace-nowrap ${row.overdue ? "font-semibold text-rose-700" : ""}`}>{formatDay(info.getValue())}</span>
      );
    },
  }),
  col.accessor((row) => `${enumLabel(row.status)}${row.risk === "OVERDUE" ? " overdue" : row.risk === "AT_RISK" ? " at risk" : ""}`, {
    id: "status",
    header: "Status",
    cell: (info) => {
      const row = info.row.original;
      return (
        <span className="flex flex-wrap items-center gap-1">
          <DependencyStatusBadge status={row.status} />
          <RiskBadge risk={row.risk} />
        </span>
      );
    },
  }),
]);

const rowId = (row: DependencyRow): string => String(row.id);
const rowClass = (row: DependencyRow): string | undefined => (row.overdue ? "bg-rose-50/60" : undefined);

export function DependenciesTable({ dependencies }: { dependencies: DependencyRow[] }) {
  return (
    <DataTable
      columns={columns}
      data={dependencies}
      label="Dependencies"
      getRowId={rowId}
      rowClassName={rowClass}
      filterPlaceholder="Filter by team, owner, status…"
    />
  );
}
