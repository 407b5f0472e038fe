"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_TICK, ChartFrame, GRID_STROKE, shortDay } from "./chart-frame";

/** A KPI's measurements over time with its target as a dashed line. */
export function KpiHistoryChart({ points, target, unit, name }: { points: { periodStart: string; value: number }[]; target: number; unit: string; name: string }) {
  const rows = points.map((p) => ({ ...p, label: shortDay(p.periodStart) }));
  const values = rows.map((r) => r.value);
  const min = Math.min(target, ...values);
  const max = Math.max(target, ...values);
  const pad = (max - min) * 0.15 || 1;
  return (
    <ChartFrame
      caption={`${name} per period against its target of ${target} ${unit}`}
      data={
        <ul>
          {rows.map((r) => (
            <li key={r.periodStart}>
              Period from {r.label}: {r.value} {unit}
            </li>
          ))}
        </ul>
      }
    >
      <LineChart responsive data={rows} margin={{ top: 12, right: 56, bottom: 0, left: 0 }} style={{ width: "100%", height: 240 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="label" tick={AXIS_TICK} stroke="#cbd5e1" />
        <YAxis domain={[Math.floor(min - pad), Math.ceil(max + pad)]} tick={AXIS_TICK} stroke="#cbd5e1" width={48} />
        <Tooltip formatter={(value) => [`${value} ${unit}`, name]} />
        <ReferenceLine y={target} stroke="#10b981" strokeDasharray="5 4" label={{ value: `Target ${target}`, position: "right", fontSize: 11, fill: "#047857" }} />
        <Line dataKey="value" name={name} stroke="#6366f1" strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
      </LineChart>
    </ChartFrame>
  );
}
