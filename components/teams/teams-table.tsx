"use client";

import { TeamKindBadge } from "@/components/teams/team-kind-badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { enumLabel } from "@/lib/format/enum-label";
import { isPodSizeOutOfRange, POD_SIZE_MAX, POD_SIZE_MIN } from "@/lib/teams/pod-size";
import type { TeamListRow } from "@/lib/teams/queries";

const col = createDataTableColumnHelper<TeamListRow>();

const columns = col.columns([
  col.accessor("name", {
    header: "Team",
    cell: (info) => <TextLink href={`/teams/${info.row.original.id}`}>{info.getValue()}</TextLink>,
    meta: { cellClassName: "whitespace-nowrap" },
  }),
  col.accessor((row) => enumLabel(row.kind), {
    id: "kind",
    header: "Kind",
    cell: (info) => <TeamKindBadge kind={info.row.original.kind} />,
  }),
  col.accessor((row) => enumLabel(row.shape), { id: "shape", header: "Shape", meta: { cellClassName: "whitespace-nowrap" } }),
  col.accessor((row) => row.valueStream ?? undefined, {
    id: "valueStream",
    header: "Value stream",
    cell: (info) => info.getValue() ?? <span className="text-slate-400">—</span>,
    sortUndefined: "last",
  }),
  col.accessor((row) => row.productOwner ?? undefined, {
    id: "productOwner",
    header: "Product owner",
    cell: (info) => info.getValue() ?? <span className="text-amber-700">None</span>,
    sortUndefined: "last",
  }),
  col.accessor((row) => row.agileLead ?? undefined, {
    id: "agileLead",
    header: "Agile lead",
    cell: (info) => info.getValue() ?? <span className="text-slate-400">—</span>,
    sortUndefined: "last",
  }),
  col.accessor("deliveryMemberCount", {
    header: "Delivery members",
    cell: (info) => {
      const row = info.row.original;
      const count = info.getValue();
      const outOfRange = isPodSizeOutOfRange(row.kind, count);
      return outOfRange ? (
        <span className="font-medium text-amber-700" title={`Pods work best with ${POD_SIZE_MIN}–${POD_SIZE_MAX} delivery members`}>
          {count} <span className="sr-only">(outside the recommended {POD_SIZE_MIN}–{POD_SIZE_MAX})</span>
          <span aria-hidden="true">⚠</span>
        </span>
      ) : (
        count
      );
    },
    meta: { align: "end" },
  }),
  col.accessor("wipLimit", { header: "WIP limit", meta: { align: "end" } }),
]);

const rowId = (row: TeamListRow): string => String(row.id);

export function TeamsTable({ teams }: { teams: TeamListRow[] }) {
  return <DataTable columns={columns} data={teams} label="Teams" getRowId={rowId} filterPlaceholder="Filter teams…" />;
}
