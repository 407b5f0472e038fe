import Link from "next/link";
import { METRICS } from "@/lib/metrics/definitions";
import type { MetricSummary } from "@/lib/metrics/summary";
import { DefinitionTip } from "./definition-tip";

export type MetricTone = "good" | "warning" | "danger" | "neutral";

const VALUE_TONE: Record<MetricTone, string> = {
  good: "text-emerald-700",
  warning: "text-amber-700",
  danger: "text-rose-700",
  neutral: "text-slate-900",
};

const BAR_TONE: Record<MetricTone, string> = {
  good: "bg-emerald-500",
  warning: "bg-amber-500",
  danger: "bg-rose-500",
  neutral: "bg-indigo-500",
};

/**
 * One metric: its name with the definition on hover/focus, the number (a link to the rows behind it), what it is
 * made of, and — for ratios — a thin bar. "—" marks a division by zero.
 */
export function MetricCard({
  summary,
  href,
  tone = "neutral",
  previous,
}: {
  summary: MetricSummary;
  href: string;
  tone?: MetricTone;
  /** The same metric over the previous period of equal length, formatted. */
  previous?: string;
}) {
  const def = METRICS[summary.id];
  const headingId = `metric-${summary.id}`;
  const showBar = summary.unit === "ratio" && summary.value !== null && summary.id !== "portfolio-roi";
  return (
    <article
      aria-labelledby={headingId}
      className="group relative flex flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-sm transition hover:border-indigo-200 hover:shadow print:break-inside-avoid print:shadow-none"
    >
      <div className="flex items-center gap-1">
        <h3 id={headingId} className="text-sm font-medium text-slate-600">
          {def.label}
        </h3>
        <DefinitionTip label={def.label} definition={def.definition} reading={def.reading} />
        {def.state ? (
          <span className="ml-auto rounded bg-slate-100 px-1.5 py-0.5 text-[10px] font-semibold tracking-wide text-slate-600 uppercase">
            Now
          </span>
        ) : null}
      </div>
      <div className="mt-2 flex items-baseline gap-3">
        <Link
          href={href}
          aria-label={`${def.label}: ${summary.display}. Show the rows behind it`}
          className={`rounded text-3xl font-semibold tracking-tight tabular-nums hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${summary.value === null ? "text-slate-500" : VALUE_TONE[tone]}`}
        >
          {summary.display}
        </Link>
        {summary.secondary ? (
          <span className="text-sm text-slate-500">
            <span className="font-semibold text-slate-700 tabular-nums">{summary.secondary.display}</span>{" "}
            <span className="text-xs">{summary.secondary.label}</span>
          </span>
        ) : null}
      </div>
      {showBar ? (
        <div aria-hidden="true" className="mt-2 h-1 w-full overflow-hidden rounded-full bg-slate-100">
          <div className={`h-full rounded-full ${BAR_TONE[tone]}`} style={{ width: `${Math.max(0, Math.min(100, (summary.value ?? 0) * 100))}%` }} />
        </div>
      ) : null}
      <p className="mt-2 text-xs text-slate-500">{summary.detail}</p>
      {previous !== undefined ? <p className="mt-1 text-xs text-slate-500">Previous period: {previous}</p> : null}
    </article>
  );
}
