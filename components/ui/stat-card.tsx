import Link from "next/link";
import type { ReactNode } from "react";

export type StatTone = "default" | "warning" | "danger" | "good";

const VALUE_TONE: Record<StatTone, string> = {
  default: "text-slate-900",
  warning: "text-amber-700",
  danger: "text-rose-700",
  good: "text-emerald-700",
};

/** One headline number with a label and a short explanation; a link when it has a page to drill into. */
export function StatCard({
  label,
  value,
  hint,
  tone = "default",
  href,
}: {
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  tone?: StatTone;
  href?: string;
}) {
  const body = (
    <>
      <dt className="text-sm font-medium text-slate-500">{label}</dt>
      <dd className={`mt-1 text-3xl font-semibold tracking-tight tabular-nums ${VALUE_TONE[tone]}`}>{value}</dd>
      {hint ? <dd className="mt-1 text-xs text-slate-500">{hint}</dd> : null}
    </>
  );
  const base = "block rounded-xl border border-slate-200 bg-white p-5 shadow-sm";
  return href ? (
    <Link
      href={href}
      className={`${base} transition hover:border-indigo-300 hover:shadow focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none`}
    >
      <dl>{body}</dl>
    </Link>
  ) : (
    <div className={base}>
      <dl>{body}</dl>
    </div>
  );
}
