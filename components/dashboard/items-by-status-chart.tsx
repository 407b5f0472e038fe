"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import { enumLabel } from "@/lib/format/enum-label";
import type { ItemStatus } from "@/lib/generated/prisma/enums";

/** Bar colours follow the status badges (Tailwind 500/400 shades). */
const STATUS_COLOUR: Partial<Record<ItemStatus, string>> = {
  BACKLOG: "#94a3b8",
  READY: "#38bdf8",
  IN_PROGRESS: "#6366f1",
  BLOCKED: "#f43f5e",
  IN_REVIEW: "#8b5cf6",
  DONE: "#10b981",
};

export interface StatusCountDatum {
  status: ItemStatus;
  count: number;
}

export function ItemsByStatusChart({ data }: { data: StatusCountDatum[] }) {
  const rows = data.map((d) => ({ ...d, label: enumLabel(d.status) }));
  return (
    <figure>
      <figcaption className="sr-only">Work items by status</figcaption>
      <ul className="sr-only">
        {rows.map((row) => (
          <li key={row.status}>
            {row.label}: {row.count}
          </li>
        ))}
      </ul>
      <div aria-hidden="true">
        <BarChart
          responsive
          data={rows}
          margin={{ top: 20, right: 8, bottom: 4, left: 0 }}
          style={{ width: "100%", height: 240 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#334155" }} stroke="#cbd5e1" />
          <YAxis allowDecimals={false} width={40} tick={{ fontSize: 12, fill: "#64748b" }} stroke="#cbd5e1" />
          <Tooltip cursor={{ fill: "#f1f5f9" }} formatter={(value) => [value, "Items"]} />
          <Bar dataKey="count" radius={[4, 4, 0, 0]} maxBarSize={56} isAnimationActive={false}>
            {rows.map((row) => (
              <Cell key={row.status} fill={STATUS_COLOUR[row.status] ?? "#94a3b8"} />
            ))}
            <LabelList dataKey="count" position="top" style={{ fontSize: 12, fill: "#334155" }} />
          </Bar>
        </BarChart>
      </div>
    </figure>
  );
}
