import type { PlanLoad } from "@/lib/sprints/capacity";

/**
 * Planned points against capacity: the bar fills to capacity and a red segment shows how far a plan is over
 * it. The numbers are in the text and in the progressbar's value, not only in the colour.
 */
export function CapacityBar({ load, label = "Planned against capacity" }: { load: PlanLoad; label?: string }) {
  const max = Math.max(load.capacityPoints, load.plannedPoints, 1);
  const within = Math.min(load.plannedPoints, load.capacityPoints);
  const over = load.overBy;
  const text =
    load.level === "over"
      ? `${load.plannedPoints} of ${load.capacityPoints} points: ${load.overBy} over capacity`
      : `${load.plannedPoints} of ${load.capacityPoints} points planned`;
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span className="font-medium text-slate-700">{label}</span>
        <span className={`font-semibold tabular-nums ${load.level === "over" ? "text-rose-700" : load.level === "full" ? "text-amber-700" : "text-slate-900"}`}>
          {load.plannedPoints} / {load.capacityPoints} pts
          {load.level === "over" ? ` · ${load.overBy} over` : ""}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={load.capacityPoints}
        aria-valuenow={load.plannedPoints}
        aria-valuetext={text}
        data-level={load.level}
        className="relative flex h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className={`h-full transition-[width] duration-300 ${load.level === "over" ? "bg-amber-500" : "bg-indigo-500"}`} style={{ width: `${(within / max) * 100}%` }} />
        {over > 0 ? <div className="h-full bg-rose-500 transition-[width] duration-300" style={{ width: `${(over / max) * 100}%` }} /> : null}
        {load.capacityPoints > 0 && load.capacityPoints < max ? (
          <div aria-hidden="true" className="absolute inset-y-0 w-0.5 bg-slate-900" style={{ left: `${(load.capacityPoints / max) * 100}%` }} />
        ) : null}
      </div>
    </div>
  );
}
