"use client";

import { Badge } from "@/components/ui/badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import type { PersonListRow } from "@/lib/people/queries";
import { roleLabel } from "@/lib/teams/rules";

const col = createDataTableColumnHelper<PersonListRow>();

const columns = col.columns([
  col.accessor("name", {
    header: "Name",
    cell: (info) => (
      <span className="flex flex-col gap-0.5">
        <TextLink href={`/people/${info.row.original.id}`}>{info.getValue()}</TextLink>
        {info.row.original.title ? <span className="text-xs text-slate-500">{info.row.original.title}</span> : null}
      </span>
    ),
  }),
  col.accessor((row) => row.teams.map((t) => `${t.teamName} ${roleLabel(t.role)}`).join(" ") || undefined, {
    id: "teams",
    header: "Teams",
    cell: (info) =>
      info.row.original.teams.length === 0 ? (
        <span className="text-slate-500">Not in a team</span>
      ) : (
        <ul className="flex flex-col gap-0.5">
          {info.row.original.teams.map((t) => (
            <li key={t.teamId} className="text-sm">
              <TextLink href={`/teams/${t.teamId}`}>{t.teamName}</TextLink>{" "}
              <span className="text-slate-500">
                {roleLabel(t.role)}, {t.allocationPct}%
              </span>
            </li>
          ))}
        </ul>
      ),
    sortUndefined: "last",
  }),
  col.accessor("allocatedPct", {
    header: "Allocated",
    cell: (info) => {
      const pct = info.getValue();
      return <span className={pct > 100 ? "font-semibold text-rose-700" : pct < 100 ? "text-amber-700" : undefined}>{pct}%</span>;
    },
    meta: { align: "end" },
  }),
  col.accessor((row) => (row.deliveryPods > 1 ? "Double-booked" : row.allocatedPct > 100 ? "Over-allocated" : row.teams.length === 0 ? "Available" : "OK"), {
    id: "status",
    header: "Status",
    cell: (info) => {
      const v = info.getValue();
      const tone = v === "Double-booked" || v === "Over-allocated" ? "rose" : v === "Available" ? "sky" : "emerald";
      return (
        <Badge tone={tone} dot>
          {v}
        </Badge>
      );
    },
  }),
]);

export function PeopleTable({ people }: { people: PersonListRow[] }) {
  return <DataTable columns={columns} data={people} label="People" getRowId={(p) => String(p.id)} filterPlaceholder="Filter people, teams, roles…" />;
}
