import { progressTone } from "./okr-format";

/** A progress bar (0–1) with its percentage, named for assistive technology. */
export function ProgressMeter({ value, label, wide = false }: { value: number | null; label: string; wide?: boolean }) {
  const pct = value === null ? 0 : Math.round(value * 100);
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value === null ? undefined : pct}
        aria-valuetext={value === null ? "no key results" : `${pct}%`}
        className={`h-2 ${wide ? "w-40" : "w-24"} shrink-0 overflow-hidden rounded-full bg-slate-100`}
      >
        <div className={`h-full rounded-full ${progressTone(value)}`} style={{ width: `${pct}%` }} />
      </div>
      <span className="w-10 text-right text-xs font-semibold text-slate-700 tabular-nums">{value === null ? "—" : `${pct}%`}</span>
    </div>
  );
}
