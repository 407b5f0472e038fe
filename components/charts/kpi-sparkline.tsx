"use client";

import { Line, LineChart, ReferenceLine, YAxis } from "recharts";

/** A KPI's measurements as a tiny line, with the target dashed. Decorative: the table beside it has the numbers. */
export function KpiSparkline({ values, target, onTarget }: { values: number[]; target: number; onTarget: boolean | null }) {
  if (values.length === 0) return <span className="text-xs text-slate-500">No data</span>;
  const rows = values.map((value, i) => ({ i, value }));
  const min = Math.min(target, ...values);
  const max = Math.max(target, ...values);
  const pad = (max - min) * 0.1 || 1;
  return (
    <div aria-hidden="true">
      <LineChart width={112} height={32} data={rows} margin={{ top: 2, right: 2, bottom: 2, left: 2 }} accessibilityLayer={false}>
        <YAxis hide domain={[min - pad, max + pad]} />
        <ReferenceLine y={target} stroke="#94a3b8" strokeDasharray="2 2" />
        <Line dataKey="value" stroke={onTarget ? "#10b981" : "#6366f1"} strokeWidth={1.75} dot={false} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
