"use client";

import { Badge } from "@/components/ui/badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { TextLink } from "@/components/ui/text-link";
import { formatDay } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";
import { formatMoney, formatPercent } from "@/lib/metrics/definitions";
import type {
  ActiveItemRow,
  DeliveredEpicRow,
  DeliveredRequestRow,
  DoneItemRow,
  KpiProgressRow,
  RankRow,
  ResolvedDependencyRow,
  RetroActionRow,
  SprintRow,
  ValueStreamCoverageRow,
} from "@/lib/metrics/queries";

/*
 * The tables of the drill-down pages: the rows behind a number, sortable and filterable. Instants arrive as ISO
 * strings and are shown as calendar days (UTC date of the instant is close enough for a list; the exact time is in
 * the title attribute).
 */

const dash = <span className="text-slate-500">—</span>;
const day = (iso: string | null) => (iso ? <span title={iso}>{formatDay(iso.slice(0, 10))}</span> : dash);
const days = (v: number | null) => (v === null ? dash : `${v.toFixed(1)} d`);
const hours = (v: number) => `${Math.round(v)} h`;
const yesNo = (v: boolean | null, yes = "Yes", no = "No") =>
  v === null ? dash : <Badge tone={v ? "emerald" : "rose"} dot>{v ? yes : no}</Badge>;

function ItemCell({ id, itemKey, title }: { id: number; itemKey: string; title: string }) {
  return (
    <span className="flex min-w-56 flex-col">
      <TextLink href={`/items/${id}`}>{itemKey}</TextLink>
      <span className="text-xs text-slate-500">{title}</span>
    </span>
  );
}

// ───────────────────────────── done items ─────────────────────────────

const doneCol = createDataTableColumnHelper<DoneItemRow>();
const doneColumns = doneCol.columns([
  doneCol.accessor("key", { header: "Item", cell: (i) => <ItemCell id={i.row.original.id} itemKey={i.getValue()} title={i.row.original.title} /> }),
  doneCol.accessor("team", { header: "Team" }),
  doneCol.accessor((r) => r.points ?? undefined, { id: "points", header: "Points", cell: (i) => i.getValue() ?? <span className="text-amber-700">unestimated</span>, meta: { align: "end" } }),
  doneCol.accessor("doneAt", { header: "Done", cell: (i) => day(i.getValue()) }),
  doneCol.accessor((r) => r.cycleDays ?? undefined, { id: "cycle", header: "Cycle time", cell: (i) => days(i.row.original.cycleDays), meta: { align: "end" } }),
  doneCol.accessor("leadDays", { header: "Lead time", cell: (i) => days(i.getValue()), meta: { align: "end" } }),
  doneCol.accessor("activeHours", { header: "Active", cell: (i) => hours(i.getValue()), meta: { align: "end" } }),
  doneCol.accessor("waitingHours", { header: "Waiting", cell: (i) => hours(i.getValue()), meta: { align: "end" } }),
  doneCol.accessor("blockedHours", { header: "Blocked", cell: (i) => hours(i.getValue()), meta: { align: "end" } }),
  doneCol.accessor((r) => r.objectives.join(" "), {
    id: "objectives",
    header: "Active objectives",
    cell: (i) => (i.row.original.objectives.length === 0 ? <span className="text-slate-500">none</span> : i.getValue()),
  }),
]);

export function DoneItemsTable({ rows, label }: { rows: DoneItemRow[]; label: string }) {
  return <DataTable columns={doneColumns} data={rows} label={label} getRowId={(r) => String(r.id)} filterPlaceholder="Filter items…" />;
}

// ───────────────────────────── active items ─────────────────────────────

const activeCol = createDataTableColumnHelper<ActiveItemRow>();
const activeColumns = activeCol.columns([
  activeCol.accessor("key", { header: "Item", cell: (i) => <ItemCell id={i.row.original.id} itemKey={i.getValue()} title={i.row.original.title} /> }),
  activeCol.accessor("team", { header: "Team" }),
  activeCol.accessor("status", { header: "Status", cell: (i) => <Badge tone={i.getValue() === "BLOCKED" ? "rose" : "indigo"}>{enumLabel(i.getValue())}</Badge> }),
  activeCol.accessor((r) => r.sprint ?? undefined, { id: "sprint", header: "Running sprint", cell: (i) => i.getValue() ?? dash }),
  activeCol.accessor((r) => r.owner ?? undefined, { id: "owner", header: "Owner", cell: (i) => i.getValue() ?? dash }),
  activeCol.accessor((r) => r.points ?? undefined, { id: "points", header: "Points", cell: (i) => i.getValue() ?? dash, meta: { align: "end" } }),
  activeCol.accessor((r) => r.blockingDependencies.join(" "), {
    id: "blockedBy",
    header: "Blocked by",
    cell: (i) => {
      const r = i.row.original;
      if (!r.blocked) return dash;
      const parts = [...(r.status === "BLOCKED" ? ["status Blocked"] : []), ...r.blockingDependencies];
      return <span className="text-rose-700">{parts.join(", ")}</span>;
    },
  }),
]);

export function ActiveItemsTable({ rows, label }: { rows: ActiveItemRow[]; label: string }) {
  return <DataTable columns={activeColumns} data={rows} label={label} getRowId={(r) => String(r.id)} filterPlaceholder="Filter items…" />;
}

// ───────────────────────────── sprints ─────────────────────────────

const sprintCol = createDataTableColumnHelper<SprintRow>();
const sprintColumns = sprintCol.columns([
  sprintCol.accessor("team", { header: "Team" }),
  sprintCol.accessor("number", {
    header: "Sprint",
    cell: (i) => <TextLink href={`/teams/${i.row.original.teamId}/sprints/${i.row.original.id}`}>{`Sprint ${i.getValue()}`}</TextLink>,
  }),
  sprintCol.accessor("endDate", { header: "Dates", cell: (i) => `${formatDay(i.row.original.startDate)} – ${formatDay(i.getValue())}` }),
  sprintCol.accessor((r) => (r.goalMet === null ? undefined : r.goalMet ? 1 : 0), { id: "goalMet", header: "Goal met", cell: (i) => yesNo(i.row.original.goalMet) }),
  sprintCol.accessor("capacityPoints", { header: "Capacity", meta: { align: "end" } }),
  sprintCol.accessor("committedPoints", { header: "Committed", meta: { align: "end" } }),
  sprintCol.accessor((r) => r.completedPoints ?? undefined, { id: "completed", header: "Completed", cell: (i) => i.getValue() ?? dash, meta: { align: "end" } }),
  sprintCol.accessor((r) => r.accuracy ?? undefined, { id: "accuracy", header: "Accuracy", cell: (i) => formatPercent(i.row.original.accuracy), meta: { align: "end" } }),
  sprintCol.accessor("committedItems", { header: "Items committed", meta: { align: "end" } }),
  sprintCol.accessor("insertions", { header: "Added mid-sprint", meta: { align: "end" } }),
  sprintCol.accessor("removals", { header: "Removed", meta: { align: "end" } }),
]);

export function SprintsTable({ rows, label }: { rows: SprintRow[]; label: string }) {
  return <DataTable columns={sprintColumns} data={rows} label={label} getRowId={(r) => String(r.id)} filterPlaceholder="Filter sprints…" />;
}

// ───────────────────────────── dependencies ─────────────────────────────

const depCol = createDataTableColumnHelper<ResolvedDependencyRow>();
const depColumns = depCol.columns([
  depCol.accessor("key", { header: "Dependency", cell: (i) => <TextLink href={`/dependencies/${i.row.original.id}`}>{i.getValue()}</TextLink> }),
  depCol.accessor((r) => `${r.fromTeam} → ${r.toTeam}`, { id: "teams", header: "Needs → from" }),
  depCol.accessor("type", { header: "Type", cell: (i) => enumLabel(i.getValue()) }),
  depCol.accessor("neededBy", { header: "Needed by", cell: (i) => formatDay(i.getValue()) }),
  depCol.accessor("resolvedAt", { header: "Resolved", cell: (i) => day(i.getValue()) }),
  depCol.accessor((r) => (r.onTime ? 1 : 0), { id: "onTime", header: "On time", cell: (i) => yesNo(i.row.original.onTime, "On time", "Late") }),
]);

export function DependenciesTable({ rows, label }: { rows: ResolvedDependencyRow[]; label: string }) {
  return <DataTable columns={depColumns} data={rows} label={label} getRowId={(r) => String(r.id)} filterPlaceholder="Filter dependencies…" />;
}

// ───────────────────────────── service requests ─────────────────────────────

const reqCol = createDataTableColumnHelper<DeliveredRequestRow>();
const reqColumns = reqCol.columns([
  reqCol.accessor("key", {
    header: "Request",
    cell: (i) => (
      <span className="flex min-w-56 flex-col">
        <TextLink href={`/services/requests/${i.row.original.id}`}>{i.getValue()}</TextLink>
        <span className="text-xs text-slate-500">{i.row.original.title}</span>
      </span>
    ),
  }),
  reqCol.accessor("service", { header: "Service" }),
  reqCol.accessor("requestType", { header: "Type" }),
  reqCol.accessor("requestingTeam", { header: "Requested by" }),
  reqCol.accessor("dueAt", { header: "Due", cell: (i) => day(i.getValue()) }),
  reqCol.accessor("deliveredAt", { header: "Delivered", cell: (i) => day(i.getValue()) }),
  reqCol.accessor((r) => (r.onTime ? 1 : 0), { id: "onTime", header: "By due", cell: (i) => yesNo(i.row.original.onTime, "On time", "Late") }),
]);

export function RequestsTable({ rows, label }: { rows: DeliveredRequestRow[]; label: string }) {
  return <DataTable columns={reqColumns} data={rows} label={label} getRowId={(r) => String(r.id)} filterPlaceholder="Filter requests…" />;
}

// ───────────────────────────── epics ─────────────────────────────

const epicCol = createDataTableColumnHelper<DeliveredEpicRow>();
const epicColumns = epicCol.columns([
  epicCol.accessor("key", { header: "Epic", cell: (i) => <ItemCell id={i.row.original.id} itemKey={i.getValue()} title={i.row.original.title} /> }),
  epicCol.accessor("doneAt", { header: "Delivered", cell: (i) => day(i.getValue()) }),
  epicCol.accessor("planned", { header: "Planned benefit", cell: (i) => formatMoney(i.getValue()), meta: { align: "end" } }),
  epicCol.accessor("realised", { header: "Realised benefit", cell: (i) => formatMoney(i.getValue()), meta: { align: "end" } }),
  epicCol.accessor("investment", { header: "Investment", cell: (i) => formatMoney(i.getValue()), meta: { align: "end" } }),
  epicCol.accessor((r) => r.roi ?? undefined, { id: "roi", header: "ROI", cell: (i) => formatPercent(i.row.original.roi), meta: { align: "end" } }),
  epicCol.accessor((r) => (r.incomplete ? 1 : 0), {
    id: "incomplete",
    header: "Figures",
    cell: (i) => (i.row.original.incomplete ? <Badge tone="amber">missing, counted as 0</Badge> : <Badge tone="slate">complete</Badge>),
  }),
]);

export function EpicsTable({ rows, label }: { rows: DeliveredEpicRow[]; label: string }) {
  return <DataTable columns={epicColumns} data={rows} label={label} getRowId={(r) => String(r.id)} filterable={false} />;
}

// ───────────────────────────── value streams ─────────────────────────────

const vsCol = createDataTableColumnHelper<ValueStreamCoverageRow>();
const vsColumns = vsCol.columns([
  vsCol.accessor("name", { header: "Value stream" }),
  vsCol.accessor("kind", { header: "Organised around", cell: (i) => enumLabel(i.getValue()) }),
  vsCol.accessor("pods", { header: "Delivery pods", meta: { align: "end" } }),
  vsCol.accessor((r) => (r.covered ? 1 : 0), { id: "covered", header: "Covered", cell: (i) => yesNo(i.row.original.covered, "Covered", "No pod") }),
]);

export function ValueStreamsTable({ rows, label }: { rows: ValueStreamCoverageRow[]; label: string }) {
  return <DataTable columns={vsColumns} data={rows} label={label} getRowId={(r) => String(r.id)} filterable={false} />;
}

// ───────────────────────────── ranking ─────────────────────────────

const rankCol = createDataTableColumnHelper<RankRow>();
const rankColumns = rankCol.columns([
  rankCol.accessor("key", { header: "Epic", cell: (i) => <ItemCell id={i.row.original.id} itemKey={i.getValue()} title={i.row.original.title} /> }),
  rankCol.accessor((r) => r.startPosition ?? undefined, { id: "start", header: "Position at start", cell: (i) => i.getValue() ?? dash, meta: { align: "end" } }),
  rankCol.accessor((r) => r.endPosition ?? undefined, { id: "end", header: "Position at end", cell: (i) => i.getValue() ?? dash, meta: { align: "end" } }),
  rankCol.accessor((r) => (r.stayed ? 2 : r.inStartTop ? 1 : 0), {
    id: "stayed",
    header: "Top 10",
    cell: (i) => {
      const r = i.row.original;
      if (r.stayed) return <Badge tone="emerald">stayed</Badge>;
      if (r.inStartTop) return <Badge tone="rose">dropped out</Badge>;
      return <Badge tone="sky">came in</Badge>;
    },
  }),
]);

export function RankTable({ rows, label }: { rows: RankRow[]; label: string }) {
  return <DataTable columns={rankColumns} data={rows} label={label} getRowId={(r) => String(r.id)} filterable={false} />;
}

// ───────────────────────────── retro actions ─────────────────────────────

const retroCol = createDataTableColumnHelper<RetroActionRow>();
const retroColumns = retroCol.columns([
  retroCol.accessor("title", { header: "Action", meta: { cellClassName: "min-w-64" } }),
  retroCol.accessor("team", { header: "Team" }),
  retroCol.accessor("sprintNumber", { header: "Retro of", cell: (i) => `Sprint ${i.getValue()}` }),
  retroCol.accessor((r) => r.owner ?? undefined, { id: "owner", header: "Owner", cell: (i) => i.getValue() ?? dash }),
  retroCol.accessor("createdAt", { header: "Created", cell: (i) => day(i.getValue()) }),
  retroCol.accessor((r) => (r.done ? 1 : 0), { id: "done", header: "Done", cell: (i) => yesNo(i.row.original.done, "Done", "Open") }),
]);

export function RetroActionsTable({ rows, label }: { rows: RetroActionRow[]; label: string }) {
  return <DataTable columns={retroColumns} data={rows} label={label} getRowId={(r) => String(r.id)} filterPlaceholder="Filter actions…" />;
}

// ───────────────────────────── KPIs ─────────────────────────────

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });
const kpiCol = createDataTableColumnHelper<KpiProgressRow>();
const kpiColumns = kpiCol.columns([
  kpiCol.accessor("name", { header: "KPI", cell: (i) => <span className="font-medium text-slate-900">{i.getValue()}</span> }),
  kpiCol.accessor("group", { header: "Team", cell: (i) => `${i.getValue()}${i.row.original.scope === "TEAM" ? "" : ` (${enumLabel(i.row.original.scope).toLowerCase()})`}` }),
  kpiCol.accessor("target", {
    header: "Target",
    cell: (i) => `${i.row.original.direction === "HIGHER_IS_BETTER" ? "≥" : "≤"} ${numberFormat.format(i.getValue())} ${i.row.original.unit}`,
    meta: { align: "end" },
  }),
  kpiCol.accessor((r) => r.value ?? undefined, {
    id: "value",
    header: "Latest",
    cell: (i) => (i.row.original.value === null ? dash : `${numberFormat.format(i.row.original.value)} ${i.row.original.unit}`),
    meta: { align: "end" },
  }),
  kpiCol.accessor((r) => r.periodStart ?? undefined, { id: "period", header: "Period from", cell: (i) => (i.getValue() ? formatDay(i.getValue()) : dash) }),
  kpiCol.accessor((r) => r.attainment ?? undefined, { id: "attainment", header: "Attainment", cell: (i) => formatPercent(i.row.original.attainment), meta: { align: "end" } }),
  kpiCol.accessor((r) => (r.onTarget === null ? undefined : r.onTarget ? 1 : 0), {
    id: "onTarget",
    header: "On target",
    cell: (i) => yesNo(i.row.original.onTarget, "On target", "Below"),
  }),
]);

export function KpiProgressRowsTable({ rows, label }: { rows: KpiProgressRow[]; label: string }) {
  return <DataTable columns={kpiColumns} data={rows} label={label} getRowId={(r) => String(r.id)} filterPlaceholder="Filter KPIs…" />;
}
