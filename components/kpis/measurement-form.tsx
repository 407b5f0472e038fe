"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { ActionMessage, Field, inputClass, primaryButtonClass, UNREACHABLE, type FormOutcome } from "@/components/admin/form-parts";
import { recordMeasurementAction } from "@/lib/kpis/actions";

/** Records one period's value (recording a period again replaces its value). */
export function MeasurementForm({ kpiId, unit, suggestedPeriod, periodHint }: { kpiId: number; unit: string; suggestedPeriod: string; periodHint: string }) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const errors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const periodStart = String(data.get("periodStart") ?? "");
    startTransition(async () => {
      try {
        const result = await recordMeasurementAction({ kpiId, periodStart, value: String(data.get("value") ?? "") });
        if (!result.ok) return setOutcome({ kind: "failure", result });
        const { added, changed } = result.data;
        setOutcome({ kind: "success", text: added ? `Recorded the period from ${periodStart}.` : changed ? `Replaced the value of ${periodStart}.` : "That value was already recorded." });
        form.reset();
        router.refresh();
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Record a measurement" className="flex flex-col gap-3">
      <div className="grid grid-cols-2 gap-3">
        <Field id={`${id}-period`} label="Period from" error={errors.periodStart} hint={periodHint}>
          {(p) => <input {...p} type="date" name="periodStart" defaultValue={suggestedPeriod} required className={inputClass} />}
        </Field>
        <Field id={`${id}-value`} label={`Value (${unit})`} error={errors.value}>
          {(p) => <input {...p} type="number" step="any" inputMode="decimal" name="value" required className={inputClass} />}
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Saving…" : "Record"}
        </button>
        <ActionMessage outcome={outcome} onReload={() => router.refresh()} />
      </div>
    </form>
  );
}
