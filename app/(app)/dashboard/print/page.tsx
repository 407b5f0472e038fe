import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { CapacityChart } from "@/components/charts/capacity-chart";
import { ThroughputTrendChart } from "@/components/charts/trend-charts";
import { KpiProgressTable } from "@/components/dashboard/kpi-progress-table";
import { PrintButton } from "@/components/dashboard/print-button";
import { requirePrincipal } from "@/lib/auth/principal";
import { getDashboardAlerts } from "@/lib/dashboard/alerts/queries";
import { ALERT_LABELS, groupAlerts } from "@/lib/dashboard/alerts/kinds";
import { formatDay } from "@/lib/format/dates";
import { GROUP_LABELS, METRIC_IDS, METRICS, type MetricGroup } from "@/lib/metrics/definitions";
import { parseSelection, selectionQuery } from "@/lib/metrics/period";
import { getDashboardMetrics, getOrgToday, getScopeName, getSprintCapacitySeries, getWeeklyTrends } from "@/lib/metrics/queries";
import { summarise } from "@/lib/metrics/summary";

export const metadata: Metadata = { title: "Monthly value review" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const GROUPS: MetricGroup[] = ["strategy", "delivery", "flow", "coordination"];

/*
 * The app shell's sidebar and top bar are left off the paper; the page itself is laid out for A4 portrait.
 * (Scoped to this page: the print view is the one place meant for paper.)
 */
const PRINT_CSS = `
@media print {
  @page { size: A4 portrait; margin: 12mm; }
  div:has(> aside), header.sticky, a[href="#main"] { display: none !important; }
  main { padding: 0 !important; }
  body { background: white !important; }
}`;

/** The monthly cross-team value review on paper: every metric with its definition, alerts, KPIs and two charts. */
export default async function PrintPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  await requirePrincipal();
  const today = await getOrgToday();
  const selection = parseSelection(await searchParams, today);
  const args = { period: selection.period, scope: selection.scope };
  const [scopeName, metrics, alerts, trends, capacity] = await Promise.all([
    getScopeName(selection.scope),
    getDashboardMetrics(args),
    getDashboardAlerts(selection.scope),
    getWeeklyTrends(args),
    getSprintCapacitySeries(args),
  ]);
  const summaries = summarise(metrics);
  const groups = groupAlerts(alerts);

  return (
    <article className="mx-auto max-w-4xl bg-white text-slate-900 print:max-w-none">
      <style>{PRINT_CSS}</style>
      <div className="mb-4 flex items-center justify-between gap-3 print:hidden">
        <Link href={`/dashboard?${selectionQuery(selection)}`} className="text-sm font-medium text-indigo-700 hover:underline">
          ← Dashboard
        </Link>
        <PrintButton />
      </div>
      <header className="border-b-2 border-slate-900 pb-3">
        <p className="text-xs font-semibold tracking-wider text-slate-500 uppercase">Monthly value review</p>
        <h1 className="mt-1 text-2xl font-semibold">{scopeName ?? "Unknown scope"}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {formatDay(selection.period.start)} – {formatDay(selection.period.end)} · prepared {formatDay(today)}
        </p>
      </header>

      {GROUPS.map((group) => (
        <section key={group} className="mt-6 break-inside-avoid">
          <h2 className="text-base font-semibold">{GROUP_LABELS[group].title}</h2>
          <table className="mt-2 w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left text-xs text-slate-500">
                <th scope="col" className="w-44 py-1 pr-3 font-medium">Metric</th>
                <th scope="col" className="w-24 py-1 pr-3 text-right font-medium">Value</th>
                <th scope="col" className="py-1 pr-3 font-medium">Made of</th>
                <th scope="col" className="py-1 font-medium">Definition</th>
              </tr>
            </thead>
            <tbody>
              {METRIC_IDS.filter((id) => METRICS[id].group === group).map((id) => {
                const s = summaries[id];
                return (
                  <tr key={id} className="border-b border-slate-100 align-top">
                    <th scope="row" className="py-1.5 pr-3 text-left font-medium">{METRICS[id].label}</th>
                    <td className="py-1.5 pr-3 text-right font-semibold tabular-nums">
                      {s.display}
                      {s.secondary ? <span className="block text-xs font-normal text-slate-500">{s.secondary.display} p85</span> : null}
                    </td>
                    <td className="py-1.5 pr-3 text-xs text-slate-600">{s.detail}</td>
                    <td className="py-1.5 text-xs text-slate-500">{METRICS[id].definition}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}

      <section className="mt-6 break-inside-avoid">
        <h2 className="text-base font-semibold">Needs attention</h2>
        {groups.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">Nothing.</p>
        ) : (
          <ul className="mt-2 grid grid-cols-2 gap-x-6 gap-y-2 text-sm">
            {groups.map(({ kind, alerts: list }) => (
              <li key={kind}>
                <p className="font-medium">
                  {list.length} · {ALERT_LABELS[kind].label}
                </p>
                <p className="text-xs text-slate-500">{list.slice(0, 3).map((a) => a.title).join("; ")}{list.length > 3 ? "; …" : ""}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="mt-6 break-inside-avoid">
        <h2 className="text-base font-semibold">KPI progress against target</h2>
        <div className="mt-2">
          <KpiProgressTable groups={metrics.kpiProgress.groups} />
        </div>
      </section>

      <section className="mt-6 grid grid-cols-2 gap-6 break-inside-avoid">
        <div>
          <h2 className="text-sm font-semibold">Throughput and cycle time per week</h2>
          <ThroughputTrendChart data={trends} />
        </div>
        <div>
          <h2 className="text-sm font-semibold">Capacity, committed, completed per sprint</h2>
          {capacity.length > 0 ? <CapacityChart data={capacity} /> : <p className="text-sm text-slate-500">No sprints.</p>}
        </div>
      </section>
      <p className="mt-6 text-xs text-slate-500">Definitions as in the dashboard; the rows behind each number are on its drill-down page.</p>
    </article>
  );
}
