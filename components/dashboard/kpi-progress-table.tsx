import { enumLabel } from "@/lib/format/enum-label";
import { formatPercent } from "@/lib/metrics/definitions";
import type { KpiGroupProgress } from "@/lib/metrics/queries";

/** KPI progress against target by team (then value-stream and portfolio KPIs): on target of measured, mean attainment. */
export function KpiProgressTable({ groups }: { groups: KpiGroupProgress[] }) {
  if (groups.length === 0) return <p className="text-sm text-slate-500">No KPIs in this scope.</p>;
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">KPI progress against target by team</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left text-xs font-medium text-slate-500">
          <th scope="col" className="py-2 pr-3 font-medium">Team</th>
          <th scope="col" className="py-2 pr-3 text-right font-medium">On target</th>
          <th scope="col" className="py-2 pr-3 font-medium">Mean attainment</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => {
          const pct = g.meanAttainment === null ? 0 : Math.min(1, g.meanAttainment);
          return (
            <tr key={`${g.level}:${g.group}`} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="py-2 pr-3 text-left font-medium text-slate-800">
                {g.group}
                {g.level !== "TEAM" ? <span className="ml-1.5 text-xs font-normal text-slate-500">{enumLabel(g.level).toLowerCase()}</span> : null}
              </th>
              <td className="py-2 pr-3 text-right tabular-nums text-slate-700">
                {g.onTarget}/{g.measured}
                {g.kpis > g.measured ? <span className="ml-1 text-xs text-amber-700">({g.kpis - g.measured} unmeasured)</span> : null}
              </td>
              <td className="py-2 pr-3">
                <div className="flex items-center gap-2">
                  <div aria-hidden="true" className="h-1.5 w-24 overflow-hidden rounded-full bg-slate-100">
                    <div
                      className={`h-full rounded-full ${pct >= 1 ? "bg-emerald-500" : pct >= 0.8 ? "bg-amber-400" : "bg-rose-400"}`}
                      style={{ width: `${pct * 100}%` }}
                    />
                  </div>
                  <span className="text-xs tabular-nums text-slate-600">{formatPercent(g.meanAttainment)}</span>
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
