import type { SlaComplianceRow } from "@/lib/services/queries";
import { formatDay } from "@/lib/format/dates";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const monthLabel = (period: string) => `${MONTHS[Number(period.slice(5, 7)) - 1] ?? period} ${period.slice(0, 4)}`;

function tone(compliance: number | null): string {
  if (compliance === null) return "text-slate-500";
  if (compliance >= 0.9) return "bg-emerald-50 text-emerald-800";
  if (compliance >= 0.75) return "bg-amber-50 text-amber-800";
  return "bg-rose-50 text-rose-800";
}

/** SLA compliance per service and month: delivered by the due time ÷ delivered (computed in SQL). */
export function ComplianceTable({ rows }: { rows: SlaComplianceRow[] }) {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const services = [...new Map(rows.map((r) => [r.serviceId, r.service])).entries()];
  const cell = (serviceId: number, period: string) => rows.find((r) => r.serviceId === serviceId && r.period === period);
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">SLA compliance per service and month</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
            <th scope="col" className="py-2 pr-4">Service</th>
            {periods.map((p) => (
              <th key={p} scope="col" className="px-2 py-2 text-right" title={`From ${formatDay(p)}`}>
                {monthLabel(p)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {services.map(([id, name]) => (
            <tr key={id} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="py-2 pr-4 text-left font-medium text-slate-900">{name}</th>
              {periods.map((p) => {
                const c = cell(id, p);
                return (
                  <td key={p} className="px-2 py-1.5 text-right">
                    <span className={`inline-flex min-w-20 flex-col items-end rounded-md px-2 py-1 ${tone(c?.compliance ?? null)}`}>
                      <span className="font-semibold tabular-nums">{c?.compliance == null ? "—" : `${Math.round(c.compliance * 100)}%`}</span>
                      <span className="text-[11px]">{c ? `${c.onTime}/${c.delivered} on time` : ""}</span>
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
