"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { ServiceCompliance } from "@/lib/metrics/queries";
import { AXIS_TICK, ChartFrame, GRID_STROKE, percent } from "./chart-frame";

const colour = (v: number | null) => (v === null ? "#cbd5e1" : v >= 0.9 ? "#10b981" : v >= 0.75 ? "#f59e0b" : "#f43f5e");

/** SLA compliance per shared service, as horizontal bars labelled "on time / delivered". */
export function SlaByServiceChart({ data }: { data: ServiceCompliance[] }) {
  const rows = data.map((d) => ({ ...d, label: `${d.onTime}/${d.delivered}` }));
  return (
    <ChartFrame
      caption="SLA compliance by shared service"
      data={
        <ul>
          {rows.map((r) => (
            <li key={r.teamId}>
              {r.service}: {percent(r.compliance)} ({r.onTime} of {r.delivered} delivered on time)
            </li>
          ))}
        </ul>
      }
    >
      <BarChart
        responsive
        layout="vertical"
        data={rows}
        margin={{ top: 4, right: 48, bottom: 0, left: 8 }}
        style={{ width: "100%", height: Math.max(120, rows.length * 40 + 30) }}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
        <XAxis type="number" domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} tick={AXIS_TICK} stroke="#cbd5e1" />
        <YAxis type="category" dataKey="service" tick={{ ...AXIS_TICK, fill: "#334155" }} stroke="#cbd5e1" width={96} />
        <Tooltip formatter={(value) => [percent(value as number | null), "Compliance"]} cursor={{ fill: "#f1f5f9" }} />
        <ReferenceLine x={0.9} stroke="#94a3b8" strokeDasharray="3 3" />
        <Bar dataKey="compliance" radius={[0, 3, 3, 0]} maxBarSize={22} isAnimationActive={false}>
          {rows.map((r) => (
            <Cell key={r.teamId} fill={colour(r.compliance)} />
          ))}
          <LabelList dataKey="label" position="right" style={{ fontSize: 11, fill: "#475569" }} />
        </Bar>
      </BarChart>
    </ChartFrame>
  );
}
