"use client";

import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from "recharts";
import { AXIS_TICK, ChartFrame, GRID_STROKE, shortDay } from "./chart-frame";

export interface CycleTimePoint {
  key: string;
  title: string;
  doneAt: string;
  cycleDays: number;
}

const DAY_MS = 86_400_000;

/** Each done item's cycle time against the day it was done, with the 50th and 85th percentile lines. */
export function CycleTimeScatter({ points, median, p85 }: { points: CycleTimePoint[]; median: number | null; p85: number | null }) {
  const rows = points.map((p) => ({ ...p, x: Date.parse(p.doneAt), y: Math.round(p.cycleDays * 10) / 10 }));
  const xs = rows.map((r) => r.x);
  const domain: [number, number] = xs.length > 0 ? [Math.min(...xs) - DAY_MS / 2, Math.max(...xs) + DAY_MS / 2] : [0, 1];
  const dayOf = (ms: number) => shortDay(new Date(ms).toISOString().slice(0, 10));
  return (
    <ChartFrame
      caption="Cycle time of each item done in the period, with the 50th and 85th percentiles"
      data={
        <p>
          {rows.length} items. Median {median === null ? "—" : `${median.toFixed(1)} days`}, 85th percentile{" "}
          {p85 === null ? "—" : `${p85.toFixed(1)} days`}. Longest:{" "}
          {[...rows]
            .sort((a, b) => b.y - a.y)
            .slice(0, 3)
            .map((r) => `${r.key} ${r.y} days`)
            .join(", ")}
          .
        </p>
      }
    >
      <ScatterChart responsive margin={{ top: 12, right: 56, bottom: 0, left: -8 }} style={{ width: "100%", height: 260 }} accessibilityLayer={false}>
        <CartesianGrid stroke={GRID_STROKE} />
        <XAxis type="number" dataKey="x" domain={domain} tickFormatter={dayOf} tick={AXIS_TICK} stroke="#cbd5e1" scale="time" name="Done" />
        <YAxis type="number" dataKey="y" tick={AXIS_TICK} stroke="#cbd5e1" width={40} unit="d" name="Cycle time" />
        <ZAxis range={[36, 36]} />
        <Tooltip
          cursor={{ strokeDasharray: "3 3" }}
          content={({ payload }) => {
            const p = payload?.[0]?.payload as (typeof rows)[number] | undefined;
            if (!p) return null;
            return (
              <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow">
                <p className="font-semibold text-slate-900">{p.key}</p>
                <p className="max-w-56 truncate text-slate-600">{p.title}</p>
                <p className="mt-1 text-slate-700">
                  {p.y} days · done {dayOf(p.x)}
                </p>
              </div>
            );
          }}
        />
        {median !== null ? (
          <ReferenceLine y={median} stroke="#6366f1" strokeDasharray="4 3" label={{ value: `50% ${median.toFixed(1)}d`, position: "right", fontSize: 11, fill: "#4f46e5" }} />
        ) : null}
        {p85 !== null ? (
          <ReferenceLine y={p85} stroke="#f43f5e" strokeDasharray="4 3" label={{ value: `85% ${p85.toFixed(1)}d`, position: "right", fontSize: 11, fill: "#e11d48" }} />
        ) : null}
        <Scatter data={rows} fill="#6366f1" fillOpacity={0.6} isAnimationActive={false} />
      </ScatterChart>
    </ChartFrame>
  );
}
