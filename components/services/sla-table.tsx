"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { enumLabel } from "@/lib/format/enum-label";
import { formatTurnaround } from "@/lib/format/turnaround";
import { formatWeekdays } from "@/lib/format/weekdays";
import type { IntakeMethod, TurnaroundUnit } from "@/lib/generated/prisma/enums";

/** What the SLA table shows; both the services page and a shared service's team page pass this shape. */
export interface SlaTableRow {
  id: number;
  requestType: string;
  requestDays: number[];
  turnaround: number;
  turnaroundUnit: TurnaroundUnit;
  intakeMethod: IntakeMethod;
  active: boolean;
  escalation: string[];
  openRequests?: number;
}

const col = createDataTableColumnHelper<SlaTableRow>();

const baseColumns = [
  col.accessor("requestType", {
    header: "Request type",
    cell: (info) => (
      <span className="flex items-center gap-2 font-medium text-slate-900">
        {info.getValue()}
        {info.row.original.active ? null : <Badge>Inactive</Badge>}
      </span>
    ),
  }),
  col.accessor((row) => formatWeekdays(row.requestDays), { id: "requestDays", header: "Request window" }),
  // Sort by time in hours (a business day counted as 8 hours) so 2 days sorts after 6 hours.
  col.accessor((row) => (row.turnaroundUnit === "BUSINESS_HOURS" ? row.turnaround : row.turnaround * 8), {
    id: "turnaround",
    header: "Turnaround",
    cell: (info) => formatTurnaround(info.row.original.turnaround, info.row.original.turnaroundUnit),
    meta: { cellClassName: "whitespace-nowrap" },
  }),
  col.accessor((row) => enumLabel(row.intakeMethod), { id: "intake", header: "Intake" }),
  col.accessor((row) => row.escalation.join(" → "), {
    id: "escalation",
    header: "Escalation path",
    cell: (info) => info.getValue() || <span className="text-slate-500">—</span>,
  }),
] as const;

const openColumn = col.accessor((row) => row.openRequests ?? 0, { id: "openRequests", header: "Open requests", meta: { align: "end" } });
const editColumn = col.display({
  id: "edit",
  header: () => <span className="sr-only">Edit</span>,
  cell: (info) => (
    <Link href={`/services/slas/${info.row.original.id}`} className="font-medium text-indigo-700 hover:underline">
      Edit<span className="sr-only"> the {info.row.original.requestType} SLA</span>
    </Link>
  ),
  meta: { align: "end" },
});
const columnsWithOpen = col.columns([...baseColumns, openColumn]);
const columnsWithOpenAndEdit = col.columns([...baseColumns, openColumn, editColumn]);
const columnsWithoutOpen = col.columns([...baseColumns]);

const rowId = (row: SlaTableRow): string => String(row.id);

export function SlaTable({
  slas,
  label,
  showOpenRequests = false,
  editable = false,
}: {
  slas: SlaTableRow[];
  label: string;
  showOpenRequests?: boolean;
  /** Adds an Edit link per SLA (for those allowed to edit; the action checks again). */
  editable?: boolean;
}) {
  return (
    <DataTable
      columns={editable ? columnsWithOpenAndEdit : showOpenRequests ? columnsWithOpen : columnsWithoutOpen}
      data={slas}
      label={label}
      getRowId={rowId}
      filterable={false}
      maxHeightClassName=""
    />
  );
}
