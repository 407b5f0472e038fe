"use client";

import { shapeLabel, TeamKindBadge } from "@/components/teams/team-kind-badge";
import { TeamFindings } from "@/components/teams/team-findings";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { enumLabel } from "@/lib/format/enum-label";
import { isPodSizeOutOfRange, POD_SIZE_MAX, POD_SIZE_MIN } from "@/lib/teams/pod-size";
import type { TeamListRow } from "@/lib/teams/queries";

const col = createDataTableColumnHelper<TeamListRow>();
const dash = <span className="text-slate-500">—</span>;

const columns = col.columns([
  col.accessor("name", {
    header: "Team",
    cell: (info) => <TextLink href={`/teams/${info.row.original.id}`}>{info.getValue()}</TextLink>,
    meta: { cellClassName: "whitespace-nowrap" },
  }),
  // Kind and shape share a column (sorted and filtered by both) so the health findings fit beside them.
  col.accessor((row) => `${enumLabel(row.kind)} ${shapeLabel(row.shape)}`, {
    id: "kind",
    header: "Kind · shape",
    cell: (info) => (
      <span className="flex flex-col items-start gap-1">
        <TeamKindBadge kind={info.row.original.kind} />
        <span className="text-xs whitespace-nowrap text-slate-500">{shapeLabel(info.row.original.shape)}</span>
      </span>
    ),
  }),
  col.accessor((row) => row.valueStream ?? undefined, {
    id: "valueStream",
    header: "Value stream",
    cell: (info) => info.getValue() ?? dash,
    sortUndefined: "last",
  }),
  // Product owner over agile lead in one column (sorted by product owner, filtered by both), so the findings
  // fit beside them on a laptop.
  col.accessor((row) => [row.productOwner, row.agileLead].filter(Boolean).join(" · ") || undefined, {
    id: "leads",
    header: "Leads",
    cell: (info) => {
      const row = info.row.original;
      return (
        <span className="flex flex-col gap-0.5">
          <span className="whitespace-nowrap">
            {row.productOwner ?? <span className="font-medium text-rose-700">No product owner</span>}
            <span className="sr-only"> (product owner)</span>
          </span>
          <span className="text-xs whitespace-nowrap text-slate-500">
            {row.agileLead ? (
              <>
                {row.agileLead}
                <span className="sr-only"> (agile lead)</span>
              </>
            ) : row.kind === "DELIVERY_POD" ? (
              "No agile lead"
            ) : null}
          </span>
        </span>
      );
    },
    sortUndefined: "last",
  }),
  col.accessor("deliveryMemberCount", {
    header: "Size",
    cell: (info) => {
      const row = info.row.original;
      const count = info.getValue();
      return isPodSizeOutOfRange(row.kind, count) ? (
        <span className="font-semibold text-amber-700" title={`Pods work best with ${POD_SIZE_MIN}–${POD_SIZE_MAX} delivery members`}>
          {count}
          <span className="sr-only"> (outside the recommended {POD_SIZE_MIN}–{POD_SIZE_MAX})</span>
        </span>
      ) : (
        count
      );
    },
    meta: { align: "end" },
  }),
  col.accessor("cadenceDays", {
    header: "Sprint",
    cell: (info) => (
      <span className="whitespace-nowrap" title={`${info.getValue()} working days`}>
        {info.getValue()} d<span className="sr-only">ays</span>
      </span>
    ),
    meta: { align: "end" },
  }),
  col.accessor("wipLimit", { header: "WIP", meta: { align: "end" } }),
  // Sorted by how many findings (healthy first); filtered by their text, so "incomplete" or "double" finds teams.
  col.accessor((row) => row.findings.map((f) => `${f.title} ${f.detail}`).join(" ") || "Healthy", {
    id: "health",
    header: "Health",
    cell: (info) => <TeamFindings findings={info.row.original.findings} />,
    sortFn: (a, b) => a.original.findings.length - b.original.findings.length,
    meta: { cellClassName: "min-w-[16rem]" },
  }),
]);

const rowId = (row: TeamListRow): string => String(row.id);

export function TeamsTable({ teams }: { teams: TeamListRow[] }) {
  return (
    <DataTable
      columns={columns}
      data={teams}
      label="Teams"
      getRowId={rowId}
      filterPlaceholder="Filter teams, people, findings…"
      maxHeightClassName=""
    />
  );
}
