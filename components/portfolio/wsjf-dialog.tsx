"use client";

import { useEffect, useId, useRef, useState, useTransition } from "react";
import { ActionMessage, Field, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE, type FormOutcome } from "@/components/admin/form-parts";
import { updatePortfolioItemAction } from "@/lib/backlog/actions";
import { PORTFOLIO_STATUSES } from "@/lib/backlog/schema";
import { enumLabel } from "@/lib/format/enum-label";
import type { PortfolioLookups, PortfolioRow } from "@/lib/portfolio/queries";

const wsjfOf = (bv: number | null, tc: number | null, rr: number | null, size: number | null) =>
  bv === null || tc === null || rr === null || size === null || size <= 0 ? null : Math.round(((bv + tc + rr) / size) * 100) / 100;

/**
 * A leader's editor for an epic's or theme's portfolio fields: the WSJF inputs (the score follows as they type),
 * value theme, planning interval and status. A modal <dialog>: focus is held inside and Escape closes it.
 */
export function WsjfDialog({
  item,
  intervals,
  onClose,
  onSaved,
}: {
  item: PortfolioRow;
  intervals: PortfolioLookups["intervals"];
  onClose: () => void;
  onSaved: (row: PortfolioRow) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [inputs, setInputs] = useState({
    businessValue: item.businessValue,
    timeCriticality: item.timeCriticality,
    riskReduction: item.riskReduction,
    jobSize: item.jobSize,
  });
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const score = wsjfOf(inputs.businessValue, inputs.timeCriticality, inputs.riskReduction, inputs.jobSize);
  const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text));

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const input = {
      itemId: item.id,
      version: item.version,
      title: text("title"),
      status: text("status") as (typeof PORTFOLIO_STATUSES)[number],
      ...inputs,
      valueTheme: text("valueTheme").trim() || null,
      planningIntervalId: text("planningIntervalId") === "" ? null : Number(text("planningIntervalId")),
    };
    startTransition(async () => {
      try {
        const result = await updatePortfolioItemAction(input);
        if (result.ok) {
          onSaved({
            ...item,
            title: input.title.trim(),
            status: input.status,
            ...inputs,
            wsjf: score,
            valueTheme: input.valueTheme,
            planningIntervalId: input.planningIntervalId,
            planningInterval: intervals.find((pi) => pi.id === input.planningIntervalId)?.name ?? null,
            version: result.data.version,
          });
        } else setOutcome({ kind: "failure", result });
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  const scoreField = (name: keyof typeof inputs, label: string, hint: string, min: number) => (
    <Field id={`${id}-${name}`} label={label} error={fieldErrors[name]} hint={hint}>
      {(p) => (
        <input
          {...p}
          name={name}
          type="number"
          inputMode="numeric"
          min={min}
          max={100}
          step={1}
          value={inputs[name] ?? ""}
          onChange={(e) => setInputs((v) => ({ ...v, [name]: numberOrNull(e.target.value) }))}
          className={inputClass}
        />
      )}
    </Field>
  );

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={`${id}-title`}
      className="m-auto w-full max-w-xl rounded-xl border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <form onSubmit={submit} noValidate className="flex flex-col gap-4 p-6">
        <div>
          <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
            {item.key} · portfolio fields
          </h2>
          <p className="mt-1 text-sm text-slate-500">WSJF = (business value + time criticality + risk reduction) ÷ job size.</p>
        </div>
        <Field id={`${id}-name`} label="Title" error={fieldErrors.title}>
          {(p) => <input {...p} name="title" defaultValue={item.title} className={inputClass} />}
        </Field>
        <div className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {scoreField("businessValue", "Business value", "0–100", 0)}
          {scoreField("timeCriticality", "Time criticality", "0–100", 0)}
          {scoreField("riskReduction", "Risk reduction", "0–100", 0)}
          {scoreField("jobSize", "Job size", "1–100", 1)}
        </div>
        <p className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900" aria-live="polite">
          WSJF score: <strong className="tabular-nums">{score === null ? "needs all four inputs" : score.toFixed(2)}</strong>
        </p>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-3">
          <Field id={`${id}-status`} label="Status" error={fieldErrors.status}>
            {(p) => (
              <select {...p} name="status" defaultValue={item.status} className={inputClass}>
                {PORTFOLIO_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {enumLabel(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-vt`} label="Value theme" error={fieldErrors.valueTheme}>
            {(p) => <input {...p} name="valueTheme" defaultValue={item.valueTheme ?? ""} maxLength={80} className={inputClass} />}
          </Field>
          {item.level === "EPIC" ? (
            <Field id={`${id}-pi`} label="Planning interval" error={fieldErrors.planningIntervalId}>
              {(p) => (
                <select {...p} name="planningIntervalId" defaultValue={item.planningIntervalId ?? ""} className={inputClass}>
                  <option value="">Not planned</option>
                  {intervals.map((pi) => (
                    // A closed interval takes no new plans; the one already chosen stays visible.
                    <option key={pi.id} value={pi.id} disabled={pi.closed && pi.id !== item.planningIntervalId}>
                      {pi.closed ? `${pi.name} (closed)` : pi.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
        </div>
        <ActionMessage outcome={outcome} onReload={() => window.location.reload()} />
        <div className="flex justify-end gap-3">
          <button type="button" onClick={() => ref.current?.close()} disabled={pending} className={secondaryButtonClass}>
            Cancel
          </button>
          <button type="submit" disabled={pending} className={primaryButtonClass}>
            {pending ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </dialog>
  );
}
