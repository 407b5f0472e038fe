import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatShortDay } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";
import type { ObjectiveDto } from "@/lib/okrs/queries";
import { KeyResultLine } from "./key-result-line";
import { LEVEL_LABEL, STATUS_TONE } from "./okr-format";
import { ProgressMeter } from "./progress-meter";

/** An objective in the cascade: level, status, owner, period, progress, key results and linked epics. */
export function ObjectiveCard({ objective: o }: { objective: ObjectiveDto }) {
  const where = o.level === "TEAM" ? o.team : o.level === "VALUE_STREAM" ? o.valueStream : null;
  return (
    <article aria-labelledby={`objective-${o.id}`} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
            <span className="font-mono font-semibold text-slate-600">{o.key}</span>
            <Badge tone={o.level === "PORTFOLIO" ? "violet" : o.level === "VALUE_STREAM" ? "sky" : "slate"}>
              {LEVEL_LABEL[o.level]}
              {where ? ` · ${where}` : ""}
            </Badge>
            <Badge tone={STATUS_TONE[o.status]} dot>
              {enumLabel(o.status)}
            </Badge>
            <span>
              {formatShortDay(o.periodStart)} – {formatShortDay(o.periodEnd)}
            </span>
            {o.owner ? <span>· {o.owner}</span> : null}
          </p>
          <h3 id={`objective-${o.id}`} className="mt-1 text-base font-semibold text-slate-900">
            <Link href={`/okrs/${o.id}`} className="hover:text-indigo-700 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none">
              {o.title}
            </Link>
          </h3>
        </div>
        <ProgressMeter value={o.progress} label={`Progress of ${o.key}`} wide />
      </div>
      {o.keyResults.length > 0 ? (
        <div className="mt-2 divide-y divide-slate-100 border-t border-slate-100">
          {o.keyResults.map((kr) => (
            <KeyResultLine key={kr.id} kr={kr} />
          ))}
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-500">No key results yet.</p>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-2 text-xs">
        <span className="text-slate-500">Epics:</span>
        {o.epics.length === 0 ? (
          <span className="text-slate-500">none linked</span>
        ) : (
          o.epics.map((e) => (
            <Link key={e.id} href={`/items/${e.id}`} title={e.title} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-700 hover:bg-indigo-50 hover:text-indigo-700">
              {e.key}
            </Link>
          ))
        )}
        <Link href={`/okrs/${o.id}`} className="ml-auto font-medium text-indigo-700 hover:underline">
          Trace to stories →
        </Link>
      </div>
    </article>
  );
}
