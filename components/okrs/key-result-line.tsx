import type { KeyResultDto } from "@/lib/okrs/queries";
import { withUnit } from "./okr-format";
import { ProgressMeter } from "./progress-meter";

/** One key result: title, baseline → current → target in its unit and direction, and progress. */
export function KeyResultLine({ kr }: { kr: KeyResultDto }) {
  const arrow = kr.direction === "HIGHER_IS_BETTER" ? "↑" : "↓";
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-1.5">
      <div className="min-w-0">
        <p className="text-sm text-slate-800">{kr.title}</p>
        <p className="text-xs text-slate-500 tabular-nums">
          <span className="sr-only">{kr.direction === "HIGHER_IS_BETTER" ? "Higher is better. " : "Lower is better. "}</span>
          <span aria-hidden="true">{arrow} </span>
          from {withUnit(kr.baseline, kr.unit)} · now <span className="font-semibold text-slate-700">{withUnit(kr.current, kr.unit)}</span> · target{" "}
          {withUnit(kr.target, kr.unit)}
        </p>
      </div>
      <ProgressMeter value={kr.progress} label={`Progress of ${kr.title}`} />
    </div>
  );
}
