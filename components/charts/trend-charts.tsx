"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { WeekTrend } from "@/lib/metrics/queries";
import { AXIS_TICK, ChartFrame, GRID_STROKE, percent, shortDay } from "./chart-frame";

const days = (v: number | null) => (v === null ? "—" : `${v.toFixed(1)} d`);

/** Points done per week (bars) with the week's median cycle time (line, right axis). */
export function ThroughputTrendChart({ data }: { data: WeekTrend[] }) {
  const rows = data.map((d) => ({ ...d, label: shortDay(d.week) }));
  return (
    <ChartFrame
      caption="Points done and median cycle time per week"
      data={
        <ul>
          {rows.map((r) => (
            <li key={r.week}>
              Week of {r.label}: {r.pointsDone} points in {r.itemsDone} items, median cycle time {days(r.cycleMedian)}
            </li>
          ))}
        </ul>
      }
    >
      <ComposedChart responsive data={rows} margin={{ top: 8, right: 4, bottom: 0, left: -8 }} style={{ width: "100%", height: 220 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="label" tick={AXIS_TICK} stroke="#cbd5e1" />
        <YAxis yAxisId="points" allowDecimals={false} tick={AXIS_TICK} stroke="#cbd5e1" width={40} />
        <YAxis yAxisId="days" orientation="right" tick={AXIS_TICK} stroke="#cbd5e1" width={36} unit="d" />
        <Tooltip
          formatter={(value, name) => (name === "Median cycle time" ? [days(value as number | null), name] : [value, name])}
          cursor={{ fill: "#f1f5f9" }}
        />
        <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
        <Bar yAxisId="points" dataKey="pointsDone" name="Points done" fill="#6366f1" radius={[3, 3, 0, 0]} maxBarSize={40} isAnimationActive={false} />
        <Line yAxisId="days" dataKey="cycleMedian" name="Median cycle time" stroke="#f59e0b" strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
      </ComposedChart>
    </ChartFrame>
  );
}

/** Goal contribution, SLA compliance and dependency resolution per week (ratios as %). */
export function RatioTrendChart({ data }: { data: WeekTrend[] }) {
  const rows = data.map((d) => ({ ...d, label: shortDay(d.week) }));
  return (
    <ChartFrame
      caption="Goal contribution, SLA compliance and dependency resolution rate per week"
      data={
        <ul>
          {rows.map((r) => (
            <li key={r.week}>
              Week of {r.label}: goal contribution {percent(r.goalContribution)}, SLA compliance {percent(r.slaCompliance)}, dependency resolution{" "}
              {percent(r.dependencyResolution)}
            </li>
          ))}
        </ul>
      }
    >
      <LineChart responsive data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -8 }} style={{ width: "100%", height: 220 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="label" tick={AXIS_TICK} stroke="#cbd5e1" />
        <YAxis domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} tick={AXIS_TICK} stroke="#cbd5e1" width={44} />
        <Tooltip formatter={(value, name) => [percent(value as number | null), name]} />
        <Legend iconSize={10} wrapperStyle={{ fontSize: 12 }} />
        <Line dataKey="goalContribution" name="Goal contribution" stroke="#6366f1" strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
        <Line dataKey="slaCompliance" name="SLA compliance" stroke="#10b981" strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
        <Line dataKey="dependencyResolution" name="Dependency resolution" stroke="#f43f5e" strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
      </LineChart>
    </ChartFrame>
  );
}
