/** Done ÷ total as a thin bar with the numbers beside it; `label` names the bar for assistive technology. */
export function ProgressBar({ value, max, unit = "pts", label = "Points done" }: { value: number; max: number; unit?: string; label?: string }) {
  const pct = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={`${value} of ${max} ${unit}`}
        className="h-1.5 w-16 shrink-0 overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-indigo-500" style={{ width: `${pct}%` }} />
      </div>
      <span className="text-xs whitespace-nowrap text-slate-600 tabular-nums">
        {value}/{max} {unit}
      </span>
    </div>
  );
}
