"use client";

import { Area, AreaChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { FlowDay } from "@/lib/metrics/queries";
import { AXIS_TICK, ChartFrame, GRID_STROKE, shortDay } from "./chart-frame";

/** Stacked from the bottom: done first, then the states work passes through backwards, backlog on top. */
const BANDS = [
  { key: "done", name: "Done", colour: "#10b981" },
  { key: "inReview", name: "In review", colour: "#8b5cf6" },
  { key: "blocked", name: "Blocked", colour: "#f43f5e" },
  { key: "inProgress", name: "In progress", colour: "#6366f1" },
  { key: "ready", name: "Ready", colour: "#38bdf8" },
  { key: "backlog", name: "Backlog", colour: "#cbd5e1" },
] as const;

/** Cumulative flow diagram: work items per status at the end of each day of the period. */
export function CumulativeFlowChart({ data, scopeName }: { data: FlowDay[]; scopeName: string }) {
  const rows = data.map((d) => ({ ...d, label: shortDay(d.day) }));
  const last = rows.at(-1);
  return (
    <ChartFrame
      caption={`Cumulative flow of ${scopeName}`}
      data={
        last ? (
          <p>
            On {last.label}: {BANDS.map((b) => `${b.name} ${last[b.key]}`).join(", ")}. First day {rows[0]?.label}:{" "}
            {BANDS.map((b) => `${b.name} ${rows[0]?.[b.key] ?? 0}`).join(", ")}.
          </p>
        ) : (
          <p>No work items.</p>
        )
      }
    >
      <AreaChart responsive data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -8 }} style={{ width: "100%", height: 260 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="label" tick={AXIS_TICK} stroke="#cbd5e1" minTickGap={24} />
        <YAxis allowDecimals={false} tick={AXIS_TICK} stroke="#cbd5e1" width={40} />
        <Tooltip />
        <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
        {BANDS.map((b) => (
          <Area
            key={b.key}
            type="monotone"
            dataKey={b.key}
            name={b.name}
            stackId="flow"
            stroke={b.colour}
            fill={b.colour}
            fillOpacity={0.85}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ChartFrame>
  );
}
