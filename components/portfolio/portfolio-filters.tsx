"use client";

import { useId } from "react";
import { enumLabel } from "@/lib/format/enum-label";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import { EMPTY_FILTER, isFiltered, type PortfolioFilter } from "@/lib/portfolio/filter";
import type { PortfolioLookups, PortfolioRow } from "@/lib/portfolio/queries";
import { buttonStyles } from "@/components/ui/button";

const STATUSES: readonly ItemStatus[] = ["FUNNEL", "REVIEWING", "ANALYZING", "PORTFOLIO_BACKLOG", "IMPLEMENTING", "DONE", "CANCELLED"];

const selectClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white py-1.5 pr-8 pl-2.5 text-sm text-slate-900 shadow-sm focus:border-indigo-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500/40 disabled:opacity-60";

/** The portfolio's filter bar: value stream, theme, status, interval, team, text; order; grouping; export. */
export function PortfolioFilters({
  filter,
  onChange,
  lookups,
  themes,
  grouped,
  onGroupedChange,
  exportHref,
  disabled,
}: {
  filter: PortfolioFilter;
  onChange: (next: PortfolioFilter) => void;
  lookups: PortfolioLookups;
  themes: PortfolioRow[];
  grouped: boolean;
  onGroupedChange: (grouped: boolean) => void;
  exportHref: string;
  disabled: boolean;
}) {
  const id = useId();
  const set = (patch: Partial<PortfolioFilter>) => onChange({ ...filter, ...patch });
  const num = (value: string) => (value === "" ? null : Number(value));
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-7">
        <div className="col-span-2 md:col-span-3 xl:col-span-2">
          <label htmlFor={`${id}-q`} className="block text-xs font-medium text-slate-600">
            Search
          </label>
          <input
            id={`${id}-q`}
            type="search"
            value={filter.q}
            disabled={disabled}
            onChange={(e) => set({ q: e.target.value })}
            placeholder="Key or title…"
            className={selectClass.replace("pr-8", "pr-2.5")}
          />
        </div>
        <Select label="Value stream" id={`${id}-stream`} value={filter.valueStream ?? ""} disabled={disabled} onChange={(v) => set({ valueStream: num(v) })}>
          <option value="">All value streams</option>
          {lookups.valueStreams.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </Select>
        <Select label="Theme" id={`${id}-theme`} value={filter.theme ?? ""} disabled={disabled} onChange={(v) => set({ theme: num(v) })}>
          <option value="">All themes</option>
          {themes.map((t) => (
            <option key={t.id} value={t.id}>
              {t.key} {t.title}
            </option>
          ))}
          <option value="0">No theme</option>
        </Select>
        <Select label="Status" id={`${id}-status`} value={filter.status ?? ""} disabled={disabled} onChange={(v) => set({ status: v === "" ? null : (v as ItemStatus) })}>
          <option value="">All statuses</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {enumLabel(s)}
            </option>
          ))}
        </Select>
        <Select label="Planning interval" id={`${id}-pi`} value={filter.interval ?? ""} disabled={disabled} onChange={(v) => set({ interval: v === "" ? null : v })}>
          <option value="">All intervals</option>
          {lookups.intervals.map((pi) => (
            <option key={pi.id} value={pi.name}>
              {pi.name}
            </option>
          ))}
        </Select>
        <Select label="Team" id={`${id}-team`} value={filter.team ?? ""} disabled={disabled} onChange={(v) => set({ team: num(v) })}>
          <option value="">All teams</option>
          {lookups.teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </Select>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-5 gap-y-2 border-t border-slate-100 pt-3 text-sm">
        <fieldset className="flex items-center gap-1" disabled={disabled}>
          <legend className="sr-only">Order</legend>
          <span className="mr-1 text-xs font-medium text-slate-600">Order by</span>
          {(["rank", "wsjf"] as const).map((order) => (
            <label
              key={order}
              className={`cursor-pointer rounded-md px-2.5 py-1 text-xs font-medium ring-1 ring-inset has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500 ${filter.order === order ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
            >
              <input type="radio" name={`${id}-order`} value={order} checked={filter.order === order} onChange={() => set({ order })} className="sr-only" />
              {order === "rank" ? "Manual rank" : "WSJF"}
            </label>
          ))}
        </fieldset>
        <label className="flex items-center gap-2 text-xs font-medium text-slate-600">
          <input type="checkbox" checked={grouped} onChange={(e) => onGroupedChange(e.target.checked)} className="size-4 rounded border-slate-300 text-indigo-600" />
          Group by theme
        </label>
        {isFiltered(filter) ? (
          <button type="button" onClick={() => onChange({ ...EMPTY_FILTER, order: filter.order })} className="text-xs font-medium text-indigo-700 hover:underline">
            Clear filters
          </button>
        ) : null}
        <a
          href={exportHref}
          download
          className={buttonStyles({ variant: "secondary", size: "sm", className: "ml-auto" })}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
            <path d="M10.75 2.75a.75.75 0 0 0-1.5 0v8.614L6.295 8.235a.75.75 0 1 0-1.09 1.03l4.25 4.5a.75.75 0 0 0 1.09 0l4.25-4.5a.75.75 0 0 0-1.09-1.03l-2.955 3.129V2.75Z" />
            <path d="M3.5 12.75a.75.75 0 0 0-1.5 0v2.5A2.75 2.75 0 0 0 4.75 18h10.5A2.75 2.75 0 0 0 18 15.25v-2.5a.75.75 0 0 0-1.5 0v2.5c0 .69-.56 1.25-1.25 1.25H4.75c-.69 0-1.25-.56-1.25-1.25v-2.5Z" />
          </svg>
          Export CSV
        </a>
      </div>
    </div>
  );
}

function Select({
  label,
  id,
  value,
  disabled,
  onChange,
  children,
}: {
  label: string;
  id: string;
  value: string | number;
  disabled: boolean;
  onChange: (value: string) => void;
  children: React.ReactNode;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} className={selectClass}>
        {children}
      </select>
    </div>
  );
}
