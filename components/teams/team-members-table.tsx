"use client";

import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { enumLabel } from "@/lib/format/enum-label";
import type { TeamMemberDto } from "@/lib/teams/queries";

const col = createDataTableColumnHelper<TeamMemberDto>();

const columns = col.columns([
  col.accessor("name", {
    header: "Name",
    cell: (info) => (
      <span className="flex flex-col gap-0.5">
        <span className="font-medium text-slate-900">{info.getValue()}</span>
        {info.row.original.title ? <span className="text-xs text-slate-500">{info.row.original.title}</span> : null}
      </span>
    ),
  }),
  col.accessor((row) => enumLabel(row.role), {
    id: "role",
    header: "Role",
    cell: (info) => (
      <span>
        {info.getValue()}
        {info.row.original.role === "OVERSIGHT" ? <span className="ml-1 text-xs text-slate-500">(no sprint work)</span> : null}
      </span>
    ),
  }),
  col.accessor("allocationPct", {
    header: "Allocation",
    cell: (info) => `${info.getValue()}%`,
    meta: { align: "end" },
  }),
]);

const rowId = (row: TeamMemberDto): string => String(row.membershipId);

export function TeamMembersTable({ members, teamName }: { members: TeamMemberDto[]; teamName: string }) {
  return (
    <DataTable columns={columns} data={members} label={`${teamName} members`} getRowId={rowId} filterable={false} maxHeightClassName="" />
  );
}
