"use client";

import { useState } from "react";
import { RequestStatusBadge, SlaHealthBadge } from "@/components/services/request-status-badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { formatDateTime } from "@/lib/format/dates";
import { formatBusinessMinutes } from "@/components/services/business-minutes";
import { enumLabel } from "@/lib/format/enum-label";
import type { ServiceRequestRow } from "@/lib/services/queries";

const col = createDataTableColumnHelper<ServiceRequestRow>();

const HEALTH_ORDER = { BREACHED: 0, AT_RISK: 1, ON_TRACK: 2, LATE: 3, MET: 4 } as const;

function buildColumns(timeZone: string) {
  return col.columns([
    col.accessor("key", {
      header: "Key",
      cell: (info) => <TextLink href={`/services/requests/${info.row.original.id}`}>{info.getValue()}</TextLink>,
      meta: { cellClassName: "font-mono text-xs whitespace-nowrap" },
    }),
    col.accessor("title", {
      header: "Request",
      cell: (info) => {
        const row = info.row.original;
        return (
          <span className="flex flex-col gap-0.5">
            <span className="font-medium text-slate-900">{info.getValue()}</span>
            <span className="text-xs text-slate-500">
              by {row.requester}
              {row.assignee ? ` · assigned to ${row.assignee}` : ""}
            </span>
          </span>
        );
      },
      meta: { cellClassName: "min-w-56" },
    }),
    col.accessor("service", {
      header: "Service",
      cell: (info) => <TextLink href={`/teams/${info.row.original.serviceTeamId}`}>{info.getValue()}</TextLink>,
      meta: { cellClassName: "whitespace-nowrap" },
    }),
    col.accessor("requestType", { header: "Request type" }),
    col.accessor("requestingTeam", {
      header: "Requested by",
      cell: (info) => <TextLink href={`/teams/${info.row.original.requestingTeamId}`}>{info.getValue()}</TextLink>,
      meta: { cellClassName: "whitespace-nowrap" },
    }),
    col.accessor((row) => enumLabel(row.status), {
      id: "status",
      header: "Status",
      cell: (info) => {
        const row = info.row.original;
        return (
          <span className="flex flex-wrap items-center gap-1">
            <RequestStatusBadge status={row.status} />
            {row.escalationLevel > 0 ? <span className="text-xs text-slate-500">level {row.escalationLevel}</span> : null}
          </span>
        );
      },
    }),
    col.accessor("dueAt", {
      header: "Due",
      cell: (info) => {
        const row = info.row.original;
        return (
          <span className={`whitespace-nowrap ${row.health === "BREACHED" ? "font-semibold text-rose-700" : ""}`}>
            {formatDateTime(info.getValue(), timeZone)}
          </span>
        );
      },
    }),
    col.accessor((row) => HEALTH_ORDER[row.health], {
      id: "health",
      header: "SLA",
      cell: (info) => {
        const row = info.row.original;
        return (
          <span className="flex flex-col items-start gap-0.5">
            <SlaHealthBadge health={row.health} />
            {row.minutesLeft !== null && row.minutesLeft > 0 ? (
              <span className="text-xs whitespace-nowrap text-slate-500">{formatBusinessMinutes(row.minutesLeft)} left</span>
            ) : null}
          </span>
        );
      },
      enableGlobalFilter: false,
    }),
  ]);
}

const rowId = (row: ServiceRequestRow): string => String(row.id);
const rowClass = (row: ServiceRequestRow): string | undefined =>
  row.health === "BREACHED" ? "bg-rose-50/60" : row.health === "AT_RISK" ? "bg-amber-50/60" : undefined;

export function ServiceRequestsTable({ requests, timeZone }: { requests: ServiceRequestRow[]; timeZone: string }) {
  // Columns close over the organisation's time zone; it never changes during a visit, so build them once.
  const [columns] = useState(() => buildColumns(timeZone));
  return (
    <DataTable
      columns={columns}
      data={requests}
      label="Service requests"
      getRowId={rowId}
      rowClassName={rowClass}
      filterPlaceholder="Filter by key, service, team, status…"
    />
  );
}
