"use client";

import { TeamKindBadge } from "@/components/teams/team-kind-badge";
import { Badge } from "@/components/ui/badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { ProgressBar } from "@/components/ui/progress-bar";
import { TextLink } from "@/components/ui/text-link";
import type { TeamSprintSummaryRow } from "@/lib/dashboard/queries";
import { formatShortDay } from "@/lib/format/dates";

const col = createDataTableColumnHelper<TeamSprintSummaryRow>();

const dash = <span className="text-slate-400">—</span>;

const columns = col.columns([
  col.accessor("team", {
    header: "Team",
    cell: (info) => (
      <span className="flex items-center gap-2 whitespace-nowrap">
        <TextLink href={`/teams/${info.row.original.teamId}`}>{info.getValue()}</TextLink>
        {info.row.original.kind === "SHARED_SERVICE" ? <TeamKindBadge kind="SHARED_SERVICE" /> : null}
      </span>
    ),
  }),
  col.accessor((row) => row.sprintNumber ?? undefined, {
    id: "sprint",
    header: "Active sprint",
    cell: (info) => {
      const row = info.row.original;
      if (row.sprintNumber === null) return <span className="text-slate-400">No active sprint</span>;
      return (
        <span className="whitespace-nowrap">
          Sprint {row.sprintNumber}
          {row.sprintEnd ? <span className="ml-1 text-xs text-slate-500">ends {formatShortDay(row.sprintEnd)}</span> : null}
        </span>
      );
    },
    sortUndefined: "last",
  }),
  col.accessor("committedPoints", {
    header: "Committed",
    cell: (info) => {
      const row = info.row.original;
      if (row.sprintNumber === null) return dash;
      const over = row.capacityPoints !== null && row.committedPoints > row.capacityPoints;
      return (
        <span className={`whitespace-nowrap ${over ? "font-semibold text-amber-700" : ""}`}>
          {row.committedPoints}
          {row.capacityPoints !== null ? <span className="text-xs font-normal text-slate-500"> / {row.capacityPoints} cap.</span> : null}
          {over ? <span className="sr-only"> (above capacity)</span> : null}
        </span>
      );
    },
    meta: { align: "end" },
  }),
  col.accessor("donePoints", {
    header: "Done",
    cell: (info) => {
      const row = info.row.original;
      return row.sprintNumber === null ? dash : <ProgressBar value={row.donePoints} max={row.committedPoints} />;
    },
  }),
  col.accessor((row) => row.wip / row.wipLimit, {
    id: "wip",
    header: "WIP / limit",
    cell: (info) => {
      const row = info.row.original;
      const over = row.wip > row.wipLimit;
      return (
        <span className="flex items-center justify-end gap-2 whitespace-nowrap tabular-nums">
          {row.wip} / {row.wipLimit}
          {over ? <Badge tone="rose">Over limit</Badge> : null}
        </span>
      );
    },
    meta: { align: "end" },
    enableGlobalFilter: false,
  }),
]);

const rowId = (row: TeamSprintSummaryRow): string => String(row.teamId);

export function TeamSprintTable({ rows }: { rows: TeamSprintSummaryRow[] }) {
  return <DataTable columns={columns} data={rows} label="Teams this sprint" getRowId={rowId} filterPlaceholder="Filter teams…" />;
}
