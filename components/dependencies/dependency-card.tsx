import Link from "next/link";
import { RISK_STYLE, RiskBadge } from "@/components/dependencies/risk-badge";
import type { DependencyRow } from "@/lib/dependencies/queries";
import { formatShortDay } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";

/** One dependency on the board: who waits on whom, for what, by when; overdue and at-risk stand out. */
export function DependencyCard({ dependency: d }: { dependency: DependencyRow }) {
  const style = RISK_STYLE[d.risk];
  return (
    <article
      aria-labelledby={`dep-${d.id}-title`}
      className={`group relative rounded-lg border border-l-4 border-slate-200 bg-white p-3 shadow-sm transition hover:border-slate-300 hover:shadow ${style.border} ${d.risk === "OVERDUE" ? "bg-rose-50/40" : ""}`}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 id={`dep-${d.id}-title`} className="text-sm font-semibold text-slate-900">
          {/* The whole card is the link's hit area; the title is its accessible name. */}
          <Link
            href={`/dependencies/${d.id}`}
            className="before:absolute before:inset-0 before:rounded-lg focus-visible:outline-none focus-visible:before:ring-2 focus-visible:before:ring-indigo-500"
          >
            <span className="font-mono text-xs text-slate-500">{d.key}</span>
            <span className="sr-only">: </span>
            <span className="mt-0.5 block">
              {d.fromTeam} <span aria-hidden="true" className="text-slate-500">→</span>
              <span className="sr-only"> waits on </span> {d.toTeam}
            </span>
          </Link>
        </h3>
        <RiskBadge risk={d.risk} />
      </div>
      {d.description ? <p className="mt-1.5 line-clamp-2 text-xs text-slate-600">{d.description}</p> : null}
      <dl className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
        <div className="flex gap-1">
          <dt className="sr-only">Type</dt>
          <dd className="rounded bg-slate-100 px-1.5 py-0.5 text-slate-600">{enumLabel(d.type)}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Needed by</dt>
          <dd className={d.risk === "OVERDUE" ? "font-semibold text-rose-700" : "font-medium text-slate-700"}>{formatShortDay(d.neededBy)}</dd>
        </div>
        {d.proposedDate ? (
          <div className="flex gap-1">
            <dt>Proposed</dt>
            <dd className="font-medium text-amber-700">{formatShortDay(d.proposedDate)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="mt-1.5 truncate text-xs text-slate-500">
        <span className="sr-only">Owners: </span>
        {d.fromOwner} <span aria-hidden="true">⇄</span>
        <span className="sr-only"> and </span> {d.toOwner}
      </p>
    </article>
  );
}
