import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { DashboardControls } from "@/components/dashboard/dashboard-controls";
import {
  ActiveItemsTable,
  DependenciesTable,
  DoneItemsTable,
  EpicsTable,
  KpiProgressRowsTable,
  RankTable,
  RequestsTable,
  RetroActionsTable,
  SprintsTable,
  ValueStreamsTable,
} from "@/components/dashboard/drill-tables";
import { scopeGroupsOf } from "@/components/dashboard/scope-groups";
import { PredictabilityObjectivesTable, PredictabilityTeams } from "@/components/planning/predictability-drill";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePrincipal } from "@/lib/auth/principal";
import { formatDay } from "@/lib/format/dates";
import { isMetricId, METRICS, formatNumber, type MetricId } from "@/lib/metrics/definitions";
import { parseSelection, scopeParam, selectionQuery, type MetricArgs } from "@/lib/metrics/period";
import {
  getDashboardMetrics,
  getOrgToday,
  getScopeName,
  getScopeOptions,
  getVelocity,
  listActiveItems,
  listClosedSprints,
  listDeliveredEpics,
  listDeliveredRequests,
  listDoneItems,
  listKpiProgress,
  listRankChanges,
  listResolvedDependencies,
  listRetroActions,
  listValueStreamCoverage,
  listVelocitySprints,
} from "@/lib/metrics/queries";
import { summarise } from "@/lib/metrics/summary";
import { getIntervalPredictability, listPredictabilityObjectives } from "@/lib/planning/queries";

type Params = Promise<{ metric: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { metric } = await params;
  return { title: isMetricId(metric) ? `${METRICS[metric].label} · Dashboard` : "Dashboard" };
}

interface Section {
  id: string;
  title: string;
  description?: string;
  count: number;
  table: ReactNode;
}

/** The rows behind a metric, split into the part that makes the numerator and the rest of the denominator. */
async function sectionsFor(id: MetricId, args: MetricArgs): Promise<Section[]> {
  switch (id) {
    case "goal-contribution": {
      const rows = await listDoneItems(args);
      const traced = rows.filter((r) => r.objectives.length > 0);
      const rest = rows.filter((r) => r.objectives.length === 0);
      return [
        { id: "traced", title: "Traced to an active objective", description: "Their points make the numerator.", count: traced.length, table: <DoneItemsTable rows={traced} label="Done items traced to an active objective" /> },
        { id: "untraced", title: "Not traced", description: "Counted in all points done only.", count: rest.length, table: <DoneItemsTable rows={rest} label="Done items not traced to an active objective" /> },
      ];
    }
    case "cycle-time": {
      const rows = await listDoneItems(args);
      const started = rows.filter((r) => r.cycleDays !== null).sort((a, b) => (b.cycleDays ?? 0) - (a.cycleDays ?? 0));
      const never = rows.filter((r) => r.cycleDays === null);
      return [
        { id: "measured", title: "Done items, longest cycle first", count: started.length, table: <DoneItemsTable rows={started} label="Done items by cycle time" /> },
        ...(never.length > 0
          ? [{ id: "unmeasured", title: "Done without ever being in progress", description: "No cycle time: not counted.", count: never.length, table: <DoneItemsTable rows={never} label="Done items never in progress" /> }]
          : []),
      ];
    }
    case "lead-time":
    case "flow-velocity":
    case "flow-efficiency": {
      const rows = await listDoneItems(args);
      if (id === "lead-time") rows.sort((a, b) => b.leadDays - a.leadDays);
      return [{ id: "done", title: "Items done in the period", count: rows.length, table: <DoneItemsTable rows={rows} label="Items done in the period" /> }];
    }
    case "blocked-work": {
      const rows = await listActiveItems(args);
      const blocked = rows.filter((r) => r.blocked);
      const rest = rows.filter((r) => !r.blocked);
      return [
        { id: "blocked", title: "Blocked items", description: "Status Blocked, or an unresolved dependency starts at the item.", count: blocked.length, table: <ActiveItemsTable rows={blocked} label="Blocked items" /> },
        { id: "active", title: "Active, not blocked", description: "In a running sprint or in progress.", count: rest.length, table: <ActiveItemsTable rows={rest} label="Active items that are not blocked" /> },
      ];
    }
    case "flow-load": {
      const rows = (await listActiveItems(args)).filter((r) => r.inProgress);
      return [{ id: "load", title: "In progress now", count: rows.length, table: <ActiveItemsTable rows={rows} label="Items in progress now" /> }];
    }
    case "capacity-accuracy":
    case "backlog-churn": {
      const rows = await listClosedSprints(args);
      return [{ id: "sprints", title: "Sprints closed in the period", count: rows.length, table: <SprintsTable rows={rows} label="Sprints closed in the period" /> }];
    }
    case "sprint-goal-attainment": {
      const rows = await listClosedSprints(args);
      const met = rows.filter((r) => r.goalMet);
      const missed = rows.filter((r) => !r.goalMet);
      return [
        { id: "missed", title: "Goal missed", count: missed.length, table: <SprintsTable rows={missed} label="Closed sprints that missed their goal" /> },
        { id: "met", title: "Goal met", count: met.length, table: <SprintsTable rows={met} label="Closed sprints that met their goal" /> },
      ];
    }
    case "velocity": {
      const [rows, velocity] = await Promise.all([listVelocitySprints(args), getVelocity(args)]);
      return [
        {
          id: "teams",
          title: "Velocity per team",
          count: velocity.teams.length,
          table: (
            <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
              {velocity.teams.map((t) => (
                <li key={t.teamId} className="rounded-lg border border-slate-200 px-3 py-2">
                  <p className="text-xs text-slate-500">{t.team}</p>
                  <p className="text-lg font-semibold tabular-nums text-slate-900">{formatNumber(t.velocity)} pts</p>
                  <p className="text-xs text-slate-500">mean of {t.sprints}</p>
                </li>
              ))}
            </ul>
          ),
        },
        { id: "sprints", title: "The sprints averaged (each team's last three closed)", count: rows.length, table: <SprintsTable rows={rows} label="Sprints behind velocity" /> },
      ];
    }
    case "dependency-resolution": {
      const rows = await listResolvedDependencies(args);
      const late = rows.filter((r) => !r.onTime);
      const onTime = rows.filter((r) => r.onTime);
      return [
        { id: "late", title: "Resolved after the needed-by date", count: late.length, table: <DependenciesTable rows={late} label="Dependencies resolved late" /> },
        { id: "on-time", title: "Resolved on time", count: onTime.length, table: <DependenciesTable rows={onTime} label="Dependencies resolved on time" /> },
      ];
    }
    case "sla-compliance": {
      const rows = await listDeliveredRequests(args);
      const late = rows.filter((r) => !r.onTime);
      const onTime = rows.filter((r) => r.onTime);
      return [
        { id: "late", title: "Delivered after the due time", count: late.length, table: <RequestsTable rows={late} label="Requests delivered late" /> },
        { id: "on-time", title: "Delivered by the due time", count: onTime.length, table: <RequestsTable rows={onTime} label="Requests delivered on time" /> },
      ];
    }
    case "portfolio-roi":
    case "benefit-realisation": {
      const rows = await listDeliveredEpics(args);
      return [{ id: "epics", title: "Delivered epics", description: "Every epic done by the end of the period.", count: rows.length, table: <EpicsTable rows={rows} label="Delivered epics" /> }];
    }
    case "value-stream-coverage": {
      const rows = await listValueStreamCoverage(args);
      return [{ id: "streams", title: "Value streams", count: rows.length, table: <ValueStreamsTable rows={rows} label="Value streams and their delivery pods" /> }];
    }
    case "priority-stability": {
      const rows = await listRankChanges(args);
      return [{ id: "ranking", title: "Epics in the top 10 at the start or the end", count: rows.length, table: <RankTable rows={rows} label="Top 10 epics at the period's start and end" /> }];
    }
    case "improvement-completion": {
      const rows = await listRetroActions(args);
      const open = rows.filter((r) => !r.done);
      const done = rows.filter((r) => r.done);
      return [
        { id: "open", title: "Not done", count: open.length, table: <RetroActionsTable rows={open} label="Retro actions not done" /> },
        { id: "done", title: "Done", count: done.length, table: <RetroActionsTable rows={done} label="Retro actions done" /> },
      ];
    }
    case "interval-predictability": {
      const [result, rows] = await Promise.all([getIntervalPredictability(args), listPredictabilityObjectives(args)]);
      const committed = rows.filter((r) => r.committed);
      const stretch = rows.filter((r) => !r.committed);
      const name = result.interval?.name ?? "the last closed interval";
      return [
        { id: "teams", title: `Per team, ${name}`, count: result.teams.length, table: <PredictabilityTeams teams={result.teams} /> },
        { id: "committed", title: "Committed objectives", description: "Their planned value is the denominator; their actual value counts.", count: committed.length, table: <PredictabilityObjectivesTable rows={committed} label={`Committed objectives of ${name}`} /> },
        { id: "uncommitted", title: "Uncommitted objectives", description: "Only their actual value counts.", count: stretch.length, table: <PredictabilityObjectivesTable rows={stretch} label={`Uncommitted objectives of ${name}`} /> },
      ];
    }
    case "kpi-progress": {
      const rows = await listKpiProgress(args);
      return [{ id: "kpis", title: "KPIs and their latest value", count: rows.length, table: <KpiProgressRowsTable rows={rows} label="KPIs against target" /> }];
    }
  }
}

export default async function DrillPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  await connection();
  await requirePrincipal();
  const { metric } = await params;
  if (!isMetricId(metric)) notFound();
  const today = await getOrgToday();
  const selection = parseSelection(await searchParams, today);
  const args = { period: selection.period, scope: selection.scope };
  const [scopeName, options, metrics, sections] = await Promise.all([
    getScopeName(selection.scope),
    getScopeOptions(),
    getDashboardMetrics(args),
    sectionsFor(metric, args),
  ]);
  const def = METRICS[metric];
  const summary = summarise(metrics)[metric];
  const periodText = `${formatDay(selection.period.start)} – ${formatDay(selection.period.end)}`;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={`/dashboard?${selectionQuery(selection)}`} className="font-medium text-indigo-700 hover:underline">
          ← Dashboard
        </Link>
      </nav>
      <PageHeader
        title={def.label}
        description={`${scopeName ?? "Unknown scope"} · ${def.state ? "now" : periodText}`}
        meta={
          <span className="text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">
            {summary.display}
            {summary.secondary ? (
              <span className="ml-3 text-base font-normal text-slate-500">
                {summary.secondary.display} {summary.secondary.label}
              </span>
            ) : null}
          </span>
        }
      />
      <div className="mb-6 flex flex-col gap-4">
        <Card>
          <dl className="grid grid-cols-1 gap-4 text-sm md:grid-cols-3">
            <div>
              <dt className="font-medium text-slate-500">Definition</dt>
              <dd className="mt-1 text-slate-900">{def.definition}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-500">How it is read here</dt>
              <dd className="mt-1 text-slate-700">{def.reading}</dd>
            </div>
            <div>
              <dt className="font-medium text-slate-500">Made of</dt>
              <dd className="mt-1 text-slate-700">{summary.detail}</dd>
              <dd className="mt-1 text-xs text-slate-500">Owner: {def.owner}</dd>
            </div>
          </dl>
        </Card>
        <DashboardControls
          preset={selection.preset}
          scope={scopeParam(selection.scope)}
          scopeGroups={scopeGroupsOf(options)}
          customLabel={selection.preset === "custom" ? periodText : undefined}
        />
      </div>
      <div className="flex flex-col gap-6">
        {sections.map((s) => (
          <section key={s.id} aria-labelledby={`section-${s.id}`}>
            <div className="mb-2 flex items-baseline gap-2">
              <h2 id={`section-${s.id}`} className="text-base font-semibold text-slate-900">
                {s.title} <span className="font-normal text-slate-500">({s.count})</span>
              </h2>
              {s.description ? <p className="text-sm text-slate-500">{s.description}</p> : null}
            </div>
            {s.count === 0 ? <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-500">None.</p> : s.table}
          </section>
        ))}
      </div>
    </>
  );
}
