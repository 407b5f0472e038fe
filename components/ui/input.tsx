"use client";

import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";
import { useFieldControl } from "./field";

/*
 * Native form controls, styled once. Inside a <Field> they take their id and ARIA wiring from it; outside
 * one, give them an aria-label. Native controls post with the form before hydration and need no script.
 */

/** The look of a text control (also for the trigger of Select and Combobox). */
export const controlClass =
  "block w-full min-w-0 rounded-md border border-input bg-surface px-3 py-2 text-sm text-foreground shadow-sm placeholder:text-subtle-foreground focus:border-ring focus:outline-none focus-visible:ring-2 focus-visible:ring-ring/40 disabled:cursor-not-allowed disabled:bg-surface-muted disabled:text-muted-foreground aria-[invalid=true]:border-rose-500 aria-[invalid=true]:ring-rose-500/30";

function useWiring<P extends { id?: string }>(props: P) {
  const field = useFieldControl();
  return field ? { ...field, ...props, id: props.id ?? field.id } : props;
}

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(controlClass, "mt-1", className)} {...useWiring(props)} />;
}

export function Textarea({ className, rows = 3, ...props }: ComponentProps<"textarea">) {
  return <textarea rows={rows} className={cn(controlClass, "mt-1", className)} {...useWiring(props)} />;
}

/**
 * A native <select>: the right choice for a short, fixed list in a form (statuses, roles, a handful of
 * teams). For long lists (people, items) use Combobox; for options that need more than text, Select.
 */
export function NativeSelect({ className, children, ...props }: ComponentProps<"select"> & { children: ReactNode }) {
  return (
    <select className={cn(controlClass, "mt-1 pr-8", className)} {...useWiring(props)}>
      {children}
    </select>
  );
}

/** A checkbox with its label (and an optional hint) beside it. */
export function Checkbox({ label, hint, className, ...props }: Omit<ComponentProps<"input">, "type"> & { label: ReactNode; hint?: ReactNode }) {
  return (
    <label className={cn("flex items-start gap-3 text-sm text-slate-700", className)}>
      <input type="checkbox" className="mt-0.5 size-4 shrink-0 accent-indigo-600" {...props} />
      <span>
        <span className="font-medium text-foreground">{label}</span>
        {hint ? <span className="block text-xs text-muted-foreground">{hint}</span> : null}
      </span>
    </label>
  );
}
