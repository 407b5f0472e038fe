"use client";

import { Badge } from "@/components/ui/badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import type { DecisionRightDto } from "@/lib/teams/queries";

const col = createDataTableColumnHelper<DecisionRightDto>();

const dash = <span className="text-slate-400">—</span>;

const columns = col.columns([
  col.accessor("decision", { header: "Decision", meta: { cellClassName: "font-medium text-slate-900" } }),
  col.accessor((row) => (row.mode === "TEAM_OWNS" ? "Team owns" : "Needs approval"), {
    id: "mode",
    header: "Mode",
    cell: (info) => (
      <Badge tone={info.row.original.mode === "TEAM_OWNS" ? "emerald" : "amber"}>{info.getValue()}</Badge>
    ),
  }),
  col.accessor((row) => row.approver ?? undefined, {
    id: "approver",
    header: "Approver",
    cell: (info) => info.getValue() ?? dash,
    sortUndefined: "last",
  }),
  col.accessor((row) => row.responseHours ?? undefined, {
    id: "responseHours",
    header: "Response within",
    cell: (info) => {
      const hours = info.getValue();
      return hours === undefined ? dash : `${hours} h`;
    },
    sortUndefined: "last",
    meta: { align: "end" },
  }),
  col.accessor("escalationRoute", {
    header: "Escalates to",
    cell: (info) => info.getValue() || dash,
  }),
]);

const rowId = (row: DecisionRightDto): string => String(row.id);

export function DecisionRightsTable({ rights, teamName }: { rights: DecisionRightDto[]; teamName: string }) {
  return (
    <DataTable
      columns={columns}
      data={rights}
      label={`${teamName} decision rights`}
      getRowId={rowId}
      filterable={false}
      maxHeightClassName=""
    />
  );
}
