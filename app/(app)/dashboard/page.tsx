import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CapacityChart } from "@/components/charts/capacity-chart";
import { CumulativeFlowChart } from "@/components/charts/cumulative-flow-chart";
import { CycleTimeScatter } from "@/components/charts/cycle-time-scatter";
import { DependencyHeatmap } from "@/components/charts/dependency-heatmap";
import { SlaByServiceChart } from "@/components/charts/sla-by-service-chart";
import { RatioTrendChart, ThroughputTrendChart } from "@/components/charts/trend-charts";
import { AlertsPanel } from "@/components/dashboard/alerts-panel";
import { DashboardControls } from "@/components/dashboard/dashboard-controls";
import { KpiProgressTable } from "@/components/dashboard/kpi-progress-table";
import { MetricCard } from "@/components/dashboard/metric-card";
import { scopeGroupsOf } from "@/components/dashboard/scope-groups";
import { Card } from "@/components/ui/card";
import { buttonStyles } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePrincipal } from "@/lib/auth/principal";
import { listOverdueKpisFor } from "@/lib/kpis/queries";
import { getDashboardAlerts } from "@/lib/dashboard/alerts/queries";
import { formatDay } from "@/lib/format/dates";
import { GROUP_LABELS, METRIC_IDS, METRICS, type MetricGroup } from "@/lib/metrics/definitions";
import { ensureTodayRankSnapshot } from "@/lib/metrics/mutations";
import { parseSelection, scopeParam, selectionQuery } from "@/lib/metrics/period";
import {
  getCumulativeFlow,
  getDashboardMetrics,
  getDependencyRiskByPair,
  getOrgToday,
  getScopeName,
  getScopeOptions,
  getSlaComplianceByService,
  getSprintCapacitySeries,
  getWeeklyTrends,
  listDoneItems,
} from "@/lib/metrics/queries";
import { summarise, toneOf } from "@/lib/metrics/summary";

export const metadata: Metadata = { title: "Dashboard" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const GROUPS: MetricGroup[] = ["strategy", "delivery", "flow", "coordination"];

export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const principal = await requirePrincipal();
  const today = await getOrgToday();
  const selection = parseSelection(await searchParams, today);
  const args = { period: selection.period, scope: selection.scope };
  const query = selectionQuery(selection);
  // Priority stability compares rankings over time: record today's the first time anyone looks.
  await ensureTodayRankSnapshot();

  const [scopeName, options, metrics, trends, flow, doneItems, capacity, slaByService, dependencyRisk, alerts, myOverdueKpis] = await Promise.all([
    getScopeName(selection.scope),
    getScopeOptions(),
    getDashboardMetrics(args),
    getWeeklyTrends(args),
    getCumulativeFlow(args),
    listDoneItems(args),
    getSprintCapacitySeries(args),
    getSlaComplianceByService(args),
    getDependencyRiskByPair(args),
    getDashboardAlerts(selection.scope),
    principal.personId === null ? Promise.resolve([]) : listOverdueKpisFor(principal.personId),
  ]);

  const teamCount = options.valueStreams.reduce((n, vs) => n + vs.teams.length, 0) + options.otherTeams.length;
  const summaries = summarise(metrics);
  const periodText = `${formatDay(selection.period.start)} – ${formatDay(selection.period.end)}`;
  const drill = (id: string) => `/dashboard/drill/${id}?${query}`;

  return (
    <>
      <PageHeader
        title="Portfolio dashboard"
        description={
          scopeName === null
            ? "That value stream or team no longer exists; showing nothing for it. Choose another scope."
            : `${scopeName} · ${periodText}. Every number links to the rows behind it; hover or focus the i beside a name for its definition.`
        }
        actions={
          <>
            <a href={`/api/dashboard/export?${query}`} className={buttonStyles({ variant: "secondary", size: "sm" })} download>
              Export CSV
            </a>
            <Link href={`/dashboard/print?${query}`} className={buttonStyles({ variant: "secondary", size: "sm" })}>
              Print view
            </Link>
          </>
        }
      />
      {teamCount === 0 ? (
        <EmptyState
          title="No teams yet"
          description="Once teams are set up, this page shows goal contribution, flow, sprints, dependencies and service levels across them."
        />
      ) : (
        <div className="flex flex-col gap-8">
          <DashboardControls
            preset={selection.preset}
            scope={scopeParam(selection.scope)}
            scopeGroups={scopeGroupsOf(options)}
            customLabel={selection.preset === "custom" ? periodText : undefined}
          />

          {myOverdueKpis.length > 0 ? (
            <p role="status" className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-2.5 text-sm text-rose-900">
              {myOverdueKpis.length === 1 ? "A KPI measurement you own is overdue: " : `${myOverdueKpis.length} KPI measurements you own are overdue: `}
              {myOverdueKpis.map((k, i) => (
                <span key={k.id}>
                  {i > 0 ? ", " : ""}
                  <Link href={`/kpis/${k.id}`} className="font-medium underline hover:text-rose-950">
                    {k.name}
                  </Link>
                </span>
              ))}
              .
            </p>
          ) : null}

          <AlertsPanel alerts={alerts} />

          {GROUPS.map((group) => (
            <section key={group} aria-labelledby={`group-${group}`}>
              <div className="mb-3">
                <h2 id={`group-${group}`} className="text-base font-semibold text-slate-900">
                  {GROUP_LABELS[group].title}
                </h2>
                <p className="text-sm text-slate-500">{GROUP_LABELS[group].description}</p>
              </div>
              <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3 2xl:grid-cols-4">
                {METRIC_IDS.filter((id) => METRICS[id].group === group).map((id) => (
                  <MetricCard key={id} summary={summaries[id]} href={drill(id)} tone={toneOf(summaries[id])} />
                ))}
              </div>
            </section>
          ))}

          <section aria-labelledby="trends-heading" className="flex flex-col gap-4">
            <h2 id="trends-heading" className="text-base font-semibold text-slate-900">
              Trends and flow
            </h2>
            <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
              <Card title="Throughput and cycle time" description="Points done per week, with the week's median cycle time">
                <ThroughputTrendChart data={trends} />
              </Card>
              <Card title="Alignment and service" description="Goal contribution, SLA compliance and on-time dependency resolution per week">
                <RatioTrendChart data={trends} />
              </Card>
              <Card title="Cumulative flow" description={`Work items of ${scopeName ?? "the scope"} per status at the end of each day`}>
                <CumulativeFlowChart data={flow} scopeName={scopeName ?? "the scope"} />
              </Card>
              <Card
                title="Cycle time"
                description="Each item done in the period; dashed lines at the 50th and 85th percentiles"
                actions={
                  <Link href={drill("cycle-time")} className="text-sm font-medium text-indigo-700 hover:underline">
                    {doneItems.length} items
                  </Link>
                }
              >
                {doneItems.some((d) => d.cycleDays !== null) ? (
                  <CycleTimeScatter
                    points={doneItems.flatMap((d) => (d.cycleDays === null ? [] : [{ key: d.key, title: d.title, doneAt: d.doneAt, cycleDays: d.cycleDays }]))}
                    median={metrics.cycleTime.median}
                    p85={metrics.cycleTime.p85}
                  />
                ) : (
                  <p className="text-sm text-slate-500">Nothing was done in the period.</p>
                )}
              </Card>
              <Card title="Capacity, committed and completed" description="Points per sprint window (the running sprint so far)">
                {capacity.length > 0 ? <CapacityChart data={capacity} /> : <p className="text-sm text-slate-500">No sprints in the period.</p>}
              </Card>
              <Card
                title="SLA compliance by service"
                description="Requests delivered in the period by their due time"
                actions={
                  <Link href={drill("sla-compliance")} className="text-sm font-medium text-indigo-700 hover:underline">
                    Requests
                  </Link>
                }
              >
                {slaByService.length > 0 ? <SlaByServiceChart data={slaByService} /> : <p className="text-sm text-slate-500">No requests delivered in the period.</p>}
              </Card>
            </div>
            <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
              <Card title="Dependency risk by team pair" description="Unresolved dependencies now, by needing and providing team">
                <DependencyHeatmap pairs={dependencyRisk} />
              </Card>
              <Card
                title="KPI progress against target"
                description="Latest value of each KPI by the period's end, by team"
                actions={
                  <Link href={drill("kpi-progress")} className="text-sm font-medium text-indigo-700 hover:underline">
                    All KPIs
                  </Link>
                }
              >
                <KpiProgressTable groups={metrics.kpiProgress.groups} />
              </Card>
            </div>
          </section>
        </div>
      )}
    </>
  );
}
