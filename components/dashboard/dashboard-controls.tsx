"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useId, useTransition } from "react";
import { PERIOD_PRESETS, PRESET_LABELS, type PeriodPreset } from "@/lib/metrics/period";

export interface ScopeChoice {
  value: string;
  label: string;
}

export interface ScopeGroup {
  label: string;
  options: ScopeChoice[];
}

/**
 * The period (preset links: they work without JavaScript and can be opened in a new tab) and the scope (a select
 * that navigates on change). Both live in the URL, so a view can be bookmarked and shared.
 */
export function DashboardControls({
  preset,
  scope,
  scopeGroups,
  customLabel,
}: {
  preset: PeriodPreset | "custom";
  scope: string;
  scopeGroups: ScopeGroup[];
  /** "3 Feb – 1 Mar 2026" when a custom range is shown. */
  customLabel?: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const selectId = useId();
  const [pending, startTransition] = useTransition();

  const hrefFor = (next: { period?: string; scope?: string }) => {
    const params = new URLSearchParams();
    params.set("period", next.period ?? (preset === "custom" ? "4w" : preset));
    params.set("scope", next.scope ?? scope);
    return `${pathname}?${params.toString()}`;
  };

  return (
    <div className="flex flex-wrap items-end gap-3 print:hidden" aria-busy={pending}>
      <nav aria-label="Period">
        <span className="mb-1 block text-xs font-medium text-slate-500">Period</span>
        <ul className="inline-flex rounded-lg border border-slate-200 bg-white p-0.5 shadow-sm">
          {PERIOD_PRESETS.map((p) => {
            const current = p === preset;
            return (
              <li key={p}>
                <Link
                  href={hrefFor({ period: p })}
                  aria-current={current ? "page" : undefined}
                  className={`block rounded-md px-2.5 py-1.5 text-xs font-medium whitespace-nowrap focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${
                    current ? "bg-indigo-600 text-white shadow-sm" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
                  }`}
                >
                  {PRESET_LABELS[p]}
                </Link>
              </li>
            );
          })}
          {preset === "custom" && customLabel ? (
            <li>
              <span aria-current="page" className="block rounded-md bg-indigo-600 px-2.5 py-1.5 text-xs font-medium text-white">
                {customLabel}
              </span>
            </li>
          ) : null}
        </ul>
      </nav>
      <div>
        <label htmlFor={selectId} className="mb-1 block text-xs font-medium text-slate-500">
          Scope
        </label>
        <select
          id={selectId}
          value={scope}
          onChange={(event) => {
            const next = event.target.value;
            startTransition(() => router.push(hrefFor({ scope: next })));
          }}
          className="block rounded-lg border border-slate-200 bg-white py-1.5 pr-8 pl-3 text-sm text-slate-900 shadow-sm focus:border-indigo-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500/40"
        >
          <option value="portfolio">Whole portfolio</option>
          {scopeGroups.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {group.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      {pending ? (
        <span role="status" className="pb-2 text-xs text-slate-500">
          Updating…
        </span>
      ) : null}
    </div>
  );
}
