import type { ReactNode } from "react";

/**
 * A chart with its accessible alternative: the caption names it, a visually hidden table or list gives the same
 * numbers to screen readers, and the drawing itself is hidden from them.
 */
export function ChartFrame({ caption, data, children }: { caption: string; data: ReactNode; children: ReactNode }) {
  return (
    <figure className="print:break-inside-avoid">
      <figcaption className="sr-only">{caption}</figcaption>
      <div className="sr-only">{data}</div>
      <div aria-hidden="true">{children}</div>
    </figure>
  );
}

export const AXIS_TICK = { fontSize: 11, fill: "#64748b" } as const;
export const GRID_STROKE = "#e2e8f0";

/** `2026-03-09` → `9 Mar`. */
export function shortDay(day: string): string {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const [, m, d] = day.split("-");
  return `${Number(d)} ${months[Number(m) - 1] ?? m}`;
}

export const percent = (v: number | null | undefined) => (v === null || v === undefined ? "—" : `${Math.round(v * 100)}%`);
