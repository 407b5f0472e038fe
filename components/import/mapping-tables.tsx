"use client";

import { useId, type ReactNode } from "react";
import { inputClass } from "@/components/admin/form-parts";
import { Badge } from "@/components/ui/badge";
import { enumLabel } from "@/lib/format/enum-label";
import type { ImportField } from "@/lib/import/jira";
import {
  STATUS_TARGETS,
  TYPE_TARGETS,
  TYPE_TARGET_LABELS,
  UNASSIGNED,
  type Candidate,
  type FileSummary,
  type Mapping,
  type StatusTarget,
  type TypeTarget,
  type ValueSummary,
} from "@/lib/import/mapping";
import type { ReadFile } from "@/lib/import/plan";

const selectClass = `${inputClass} mt-0 py-1.5 min-w-0`;

function sourceText(source: string): string {
  if (source === "chosen") return "your choice";
  if (source === "name") return "by its name";
  if (source === "email") return "same email";
  if (source.startsWith("category:")) return `from Status Category “${source.slice(9)}”`;
  if (source.startsWith("sprint:")) return `your Sprint ${source.slice(7)}: scope is set in planning`;
  return "";
}

/** One value of the file, how often it occurs, and the control that decides what it becomes. */
function ValueTable<T>({
  title,
  description,
  values,
  render,
  needsChoice,
  pendingLabel = "to choose",
}: {
  title: string;
  description: ReactNode;
  values: ValueSummary<T>[];
  render: (v: ValueSummary<T>, labelId: string) => ReactNode;
  needsChoice?: (v: ValueSummary<T>) => boolean;
  /** What the marked values are ("to choose", "not members here"). */
  pendingLabel?: string;
}) {
  const id = useId();
  if (values.length === 0) return null;
  const open = values.filter((v) => needsChoice?.(v)).length;
  return (
    <section aria-labelledby={`${id}-t`} className="min-w-0 rounded-lg border border-slate-200 bg-white shadow-sm">
      <div className="border-b border-slate-100 px-4 py-2.5">
        <h3 id={`${id}-t`} className="flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-900">
          {title}
          <span className="font-normal text-slate-500">
            {values.length} {values.length === 1 ? "value" : "values"}
          </span>
          {open ? <Badge tone={pendingLabel === "to choose" ? "rose" : "amber"}>{`${open} ${pendingLabel}`}</Badge> : null}
        </h3>
        <p className="mt-0.5 text-xs text-slate-500">{description}</p>
      </div>
      <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto">
        {values.map((v) => {
          const labelId = `${id}-${v.key.replace(/[^a-z0-9]/g, "_")}-${values.indexOf(v)}`;
          return (
            <li key={v.key} className={`grid grid-cols-[minmax(0,1fr)_minmax(9rem,13rem)] items-center gap-3 px-4 py-2 ${needsChoice?.(v) ? (pendingLabel === "to choose" ? "bg-rose-50/60" : "bg-amber-50/50") : ""}`}>
              <div className="min-w-0">
                <p id={labelId} className="truncate text-sm text-slate-900" title={v.value}>
                  {v.value}
                </p>
                <p className="text-xs text-slate-500">
                  {v.count} {v.count === 1 ? "row" : "rows"}
                  {sourceText(v.source) ? ` · ${sourceText(v.source)}` : ""}
                </p>
              </div>
              {render(v, labelId)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/**
 * Step 2: the columns and values of the file and what each becomes. Every value is listed with its count; the
 * ones nothing could be guessed for are marked and must be chosen (or their rows are skipped).
 */
export function MappingTables({
  fileName,
  file,
  summary,
  mapping,
  onChange,
  people,
  canEditPortfolio,
  fieldOptions,
  headerKey,
  disabled,
  action,
}: {
  fileName: string;
  file: ReadFile;
  summary: FileSummary;
  mapping: Mapping;
  onChange: (m: Mapping) => void;
  people: Candidate[];
  canEditPortfolio: boolean;
  fieldOptions: { value: ImportField | "ignore"; label: string }[];
  headerKey: (h: string) => string;
  disabled: boolean;
  action: ReactNode;
}) {
  const id = useId();
  const mapped = file.header.map((name, i) => ({ name, i, field: file.columns[i] })).filter((c) => c.field !== null);
  const set = <K extends "types" | "statuses" | "assignees" | "sprints">(part: K, key: string, value: Mapping[K][string]) =>
    onChange({ ...mapping, [part]: { ...mapping[part], [key]: value } });
  const setColumn = (name: string, value: ImportField | "ignore") => onChange({ ...mapping, columns: { ...mapping.columns, [headerKey(name)]: value } });
  const typeOptions = TYPE_TARGETS.filter((t) => canEditPortfolio || (t !== "EPIC" && t !== "THEME"));
  const unresolvedParents = file.rows.some((r) => r.parentRefs.length > 0);

  const columnSelect = (name: string, current: ImportField | "ignore", label: string) => (
    <select aria-label={label} className={selectClass} value={current} disabled={disabled} onChange={(e) => setColumn(name, e.target.value as ImportField | "ignore")}>
      {fieldOptions.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );

  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
            2. Map {fileName}
          </h2>
          <p className="text-sm text-slate-600">
            {file.rows.length.toLocaleString("en-GB")} rows · {file.header.length} columns, {mapped.length} imported
          </p>
        </div>
        {action}
      </div>

      {file.fileProblems.length ? (
        <ul className="rounded-lg border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800">
          {file.fileProblems.map((p, i) => (
            <li key={i}>
              Row {p.row}: {p.message}
            </li>
          ))}
        </ul>
      ) : null}

      <details className="rounded-lg border border-slate-200 bg-white shadow-sm">
        <summary className="cursor-pointer px-4 py-2.5 text-sm font-semibold text-slate-900">
          Columns: {mapped.length} imported, {file.header.length - mapped.length} not imported
        </summary>
        <div className="grid gap-x-6 gap-y-2 border-t border-slate-100 px-4 py-3 md:grid-cols-2">
          {mapped.map((c) => (
            <div key={c.i} className="grid grid-cols-[minmax(0,1fr)_minmax(9rem,13rem)] items-center gap-3">
              <span className="truncate text-sm text-slate-800" title={c.name}>
                {c.name}
              </span>
              {columnSelect(c.name, c.field!, `Column ${c.name}`)}
            </div>
          ))}
        </div>
        {file.ignoredColumns.length ? (
          <details className="border-t border-slate-100 px-4 py-2.5">
            <summary className="cursor-pointer text-sm text-slate-700">
              {file.header.length - mapped.length} columns not imported{file.ignoredColumns.length < file.header.length - mapped.length ? ` (${file.ignoredColumns.length} names; Jira repeats some)` : ""}: choose a field to import one
            </summary>
            <div className="mt-2 grid gap-x-6 gap-y-2 md:grid-cols-2">
              {file.ignoredColumns.map((name) => (
                <div key={name} className="grid grid-cols-[minmax(0,1fr)_minmax(9rem,13rem)] items-center gap-3">
                  <span className="truncate text-xs text-slate-600" title={name}>
                    {name}
                  </span>
                  {columnSelect(name, "ignore", `Column ${name}`)}
                </div>
              ))}
            </div>
          </details>
        ) : null}
      </details>

      <div className="grid gap-4 lg:grid-cols-2">
        <ValueTable<TypeTarget>
          title="Issue types"
          description={canEditPortfolio ? "What each type becomes here. Epics become features by default (they keep their stories); you may send them to the portfolio instead." : "What each type becomes here. Epics become features in your backlog, with their stories and sub-tasks under them."}
          values={summary.types}
          render={(v, labelId) => (
            <select aria-labelledby={labelId} className={selectClass} value={v.target} disabled={disabled} onChange={(e) => set("types", v.key, e.target.value as TypeTarget)}>
              {typeOptions.map((t) => (
                <option key={t} value={t}>
                  {TYPE_TARGET_LABELS[t]}
                </option>
              ))}
            </select>
          )}
        />
        <ValueTable<StatusTarget | null>
          title="Statuses"
          description="Defaults come from the status's name, then from its Status Category. Rows with a status left unchosen are not imported."
          values={summary.statuses}
          needsChoice={(v) => v.target === null}
          render={(v, labelId) => (
            <select
              aria-labelledby={labelId}
              aria-invalid={v.target === null || undefined}
              className={selectClass}
              value={v.target ?? ""}
              disabled={disabled}
              onChange={(e) => set("statuses", v.key, e.target.value as StatusTarget)}
            >
              {v.target === null ? <option value="">Choose a status…</option> : null}
              {STATUS_TARGETS.map((s) => (
                <option key={s} value={s}>
                  {enumLabel(s)}
                </option>
              ))}
            </select>
          )}
        />
        <ValueTable<number | null>
          title="Assignees"
          description="Matched to the team's members by email or name. Anyone else: choose a member, or the item is left unassigned."
          values={summary.assignees}
          needsChoice={(v) => v.source === "none"}
          pendingLabel="not members here"
          render={(v, labelId) => (
            <select
              aria-labelledby={labelId}
              className={selectClass}
              value={v.target === null ? UNASSIGNED : String(v.target)}
              disabled={disabled}
              onChange={(e) => set("assignees", v.key, e.target.value === UNASSIGNED ? UNASSIGNED : Number(e.target.value))}
            >
              <option value={UNASSIGNED}>Leave unassigned</option>
              {people.map((p) => (
                <option key={p.personId} value={p.personId}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
        />
        <ValueTable<"LABEL" | "IGNORE">
          title="Sprints"
          description="Sprint scope is planned here, where the Definition of Ready is checked. Other teams' sprints are kept on the items as labels."
          values={summary.sprints}
          render={(v, labelId) => (
            <select aria-labelledby={labelId} className={selectClass} value={v.target} disabled={disabled} onChange={(e) => set("sprints", v.key, e.target.value as "LABEL" | "IGNORE")}>
              <option value="LABEL">Keep as a label</option>
              <option value="IGNORE">Don&rsquo;t keep</option>
            </select>
          )}
        />
      </div>

      {unresolvedParents ? (
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            className="mt-0.5 size-4 rounded border-slate-300"
            checked={mapping.detachMissingParents}
            disabled={disabled}
            onChange={(e) => onChange({ ...mapping, detachMissingParents: e.target.checked })}
          />
          <span>Import rows whose parent is neither in the file nor in the backlog without a parent (otherwise they are not imported).</span>
        </label>
      ) : null}
    </section>
  );
}
