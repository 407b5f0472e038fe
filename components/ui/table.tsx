"use client";

import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { Tooltip } from "./tooltip";

/*
 * The table shell every list uses. A table never widens its page: it sits in a scroll box of its own
 * (focusable, so keyboard users can scroll it), and each column says what it does when space runs out —
 *   priority "primary" (always shown), "secondary" (hidden when the table's box is under 48rem — about a
 *   768 px window with the sidebar collapsed), "tertiary" (hidden under 64rem — shown at 1280 px);
 *   <Truncate> for long text, the whole of it in a tooltip;
 *   pinned="end" for the row's actions, which stay in view while the rest scrolls.
 * Column visibility follows the box (container queries), not the window, so a table in a side panel
 * behaves like one on a narrow screen.
 */

export type ColumnPriority = "primary" | "secondary" | "tertiary";

const PRIORITY: Record<ColumnPriority, string> = {
  primary: "",
  secondary: "hidden @3xl/table:table-cell",
  tertiary: "hidden @5xl/table:table-cell",
};

export interface CellLayout {
  priority?: ColumnPriority;
  align?: "start" | "end";
  /** Keep the column in view at the right edge (the row's actions). */
  pinned?: "end";
  /** Don't wrap (numbers, dates, badges). */
  nowrap?: boolean;
}

/** Classes for a header or body cell with this layout. */
export function cellClass({ priority = "primary", align = "start", pinned, nowrap }: CellLayout, header: boolean): string {
  return cn(
    "px-3 py-2",
    PRIORITY[priority],
    align === "end" ? "text-right tabular-nums" : "text-left",
    nowrap && "whitespace-nowrap",
    pinned === "end" && "sticky right-0 z-[1] bg-inherit shadow-[-1px_0_0_var(--color-border)]",
    header
      ? "sticky top-0 z-[2] border-b border-border bg-surface-muted text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase"
      : "border-b border-slate-100 align-top text-slate-700",
    header && pinned === "end" && "z-[3]",
  );
}

/** The scroll box: the table scrolls inside it, both ways, never the page. */
export function TableScroll({
  label,
  maxHeightClassName = "max-h-[70vh]",
  className,
  children,
}: {
  /** Names the scrollable region for screen readers. */
  label: string;
  maxHeightClassName?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className="@container/table min-w-0">
      <div
        role="region"
        aria-label={label}
        tabIndex={0}
        className={cn(
          "relative overflow-auto rounded-lg border border-border bg-surface focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
          maxHeightClassName,
          className,
        )}
      >
        {children}
      </div>
    </div>
  );
}

export function Table({ label, className, children, ...props }: ComponentProps<"table"> & { label: string }) {
  return (
    <table className={cn("w-full border-separate border-spacing-0 text-sm", className)} {...props}>
      <caption className="sr-only">{label}</caption>
      {children}
    </table>
  );
}

export function Th({ priority, align, pinned, nowrap, className, ...props }: Omit<ComponentProps<"th">, "align"> & CellLayout) {
  return <th scope="col" className={cn(cellClass({ priority, align, pinned, nowrap }, true), className)} {...props} />;
}

export function Td({ priority, align, pinned, nowrap, className, ...props }: Omit<ComponentProps<"td">, "align"> & CellLayout) {
  return <td className={cn(cellClass({ priority, align, pinned, nowrap }, false), className)} {...props} />;
}

/** A body row; rows take the surface colour so a pinned cell (bg-inherit) covers what scrolls under it. */
export function Tr({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("bg-surface hover:bg-surface-muted", className)} {...props} />;
}

/**
 * Long text cut to one line (or `lines`) with the whole of it in a tooltip. Pass the text; pass `children`
 * (a link) when the text is a link, which then carries the tooltip and the focus.
 */
export function Truncate({
  text,
  className,
  children,
}: {
  text: string;
  className?: string;
  children?: ReactNode;
}) {
  return (
    <Tooltip content={text}>
      {children ? (
        <span className={cn("block max-w-full truncate", className)}>{children}</span>
      ) : (
        <span tabIndex={0} className={cn("block max-w-full truncate rounded focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none", className)}>
          {text}
        </span>
      )}
    </Tooltip>
  );
}
