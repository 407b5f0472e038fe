import { Badge } from "@/components/ui/badge";
import { formatDay } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";
import type { TeamKpiDto } from "@/lib/teams/queries";

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** `85` in `£` → `£85`; `240` in `£k` → `£240k`; `4.5` in `%` → `4.5%`; `420` in `MQLs` → `420 MQLs`. */
function formatValue(value: number, unit: string): string {
  const n = numberFormat.format(value);
  if (unit === "£" || unit === "$" || unit === "€") return `${unit}${n}`;
  if (/^[£$€]k$/.test(unit)) return `${unit[0]}${n}k`;
  if (unit === "%" || unit === "x") return `${n}${unit}`;
  return `${n} ${unit}`;
}

/** A team's KPIs as cards: latest value, target, direction, owner. */
export function TeamKpis({ kpis }: { kpis: readonly TeamKpiDto[] }) {
  if (kpis.length === 0) return <p className="text-sm text-slate-500">No team KPIs yet. Value-stream and portfolio KPIs are on the KPI page.</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {kpis.map((k) => (
        <li key={k.id} className="rounded-lg border border-slate-200 p-4">
          <div className="flex items-start justify-between gap-2">
            <p className="text-sm font-medium text-slate-900">{k.name}</p>
            {k.onTarget === null ? (
              <Badge>No data</Badge>
            ) : k.onTarget ? (
              <Badge tone="emerald" dot>
                On target
              </Badge>
            ) : (
              <Badge tone="amber" dot>
                Off target
              </Badge>
            )}
          </div>
          <p className="mt-2 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">
            {k.latestValue === null ? "—" : formatValue(k.latestValue, k.unit)}
          </p>
          <p className="mt-1 text-xs text-slate-500">
            Target {k.direction === "HIGHER_IS_BETTER" ? "≥" : "≤"} {formatValue(k.target, k.unit)} · {enumLabel(k.frequency)}
            {k.latestPeriod ? ` · ${formatDay(k.latestPeriod)}` : ""}
          </p>
          <p className="mt-0.5 text-xs text-slate-500">Data owner: {k.dataOwner}</p>
        </li>
      ))}
    </ul>
  );
}
