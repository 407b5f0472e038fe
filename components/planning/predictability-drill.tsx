"use client";

import { Badge } from "@/components/ui/badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { formatPercent } from "@/lib/metrics/definitions";
import type { IntervalObjectiveDto, PredictabilityTeamRow } from "@/lib/planning/queries";

/** Interval predictability per team (the dashboard's drill-down): planned vs actual business value. */
export function PredictabilityTeams({ teams }: { teams: PredictabilityTeamRow[] }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
      {teams.map((t) => (
        <li key={t.teamId} className="rounded-lg border border-slate-200 px-3 py-2">
          <p className="text-xs text-slate-600">{t.team}</p>
          <p className="text-lg font-semibold tabular-nums text-slate-900">{formatPercent(t.value)}</p>
          <p className="text-xs text-slate-600">
            {t.actual} of {t.planned} planned
          </p>
        </li>
      ))}
    </ul>
  );
}

const col = createDataTableColumnHelper<IntervalObjectiveDto>();
const dash = <span className="text-slate-500">—</span>;
const columns = col.columns([
  col.accessor("title", { header: "Objective", cell: (i) => <span className="block min-w-56">{i.getValue()}</span> }),
  col.accessor("team", { header: "Team" }),
  col.accessor("committed", {
    header: "Commitment",
    cell: (i) => (i.getValue() ? <Badge tone="indigo">Committed</Badge> : <Badge tone="slate">Uncommitted</Badge>),
  }),
  col.accessor((r) => r.plannedValue ?? undefined, { id: "planned", header: "Planned value", cell: (i) => i.getValue() ?? dash, meta: { align: "end" } }),
  col.accessor((r) => r.actualValue ?? undefined, { id: "actual", header: "Actual value", cell: (i) => i.getValue() ?? dash, meta: { align: "end" } }),
]);

export function PredictabilityObjectivesTable({ rows, label }: { rows: IntervalObjectiveDto[]; label: string }) {
  return <DataTable columns={columns} data={rows} label={label} getRowId={(r) => String(r.id)} filterPlaceholder="Filter objectives…" />;
}
