"use client";

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { SprintCapacityPoint } from "@/lib/metrics/queries";
import { AXIS_TICK, ChartFrame, GRID_STROKE, shortDay } from "./chart-frame";

/** Capacity, committed and completed points per sprint (summed per sprint window across teams). */
export function CapacityChart({ data }: { data: SprintCapacityPoint[] }) {
  const rows = data.map((d) => ({ ...d, axis: `${shortDay(d.startDate)}${d.active ? " ●" : ""}` }));
  return (
    <ChartFrame
      caption="Capacity, committed and completed points per sprint"
      data={
        <ul>
          {rows.map((r) => (
            <li key={r.startDate}>
              Sprint from {shortDay(r.startDate)} ({r.label}{r.active ? ", running" : ""}): capacity {r.capacity}, committed {r.committed}, completed {r.completed}
            </li>
          ))}
        </ul>
      }
    >
      <BarChart responsive data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -8 }} style={{ width: "100%", height: 240 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="axis" tick={AXIS_TICK} stroke="#cbd5e1" />
        <YAxis allowDecimals={false} tick={AXIS_TICK} stroke="#cbd5e1" width={40} />
        <Tooltip cursor={{ fill: "#f1f5f9" }} labelFormatter={(_, payload) => {
          const p = payload?.[0]?.payload as (typeof rows)[number] | undefined;
          return p ? `Sprint from ${shortDay(p.startDate)} · ${p.label}${p.active ? " (running)" : ""}` : "";
        }} />
        <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="capacity" name="Capacity" fill="#cbd5e1" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        <Bar dataKey="committed" name="Committed" fill="#6366f1" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        <Bar dataKey="completed" name="Completed" fill="#10b981" radius={[3, 3, 0, 0]} isAnimationActive={false} />
      </BarChart>
    </ChartFrame>
  );
}
