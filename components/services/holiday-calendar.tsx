"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { ActionMessage, dangerButtonClass, Field, inputClass, primaryButtonClass, UNREACHABLE, type FormOutcome } from "@/components/admin/form-parts";
import type { ActionResult } from "@/lib/actions/result";
import { formatDay } from "@/lib/format/dates";
import { addHolidayAction, removeHolidayAction } from "@/lib/services/actions";
import type { HolidayDto } from "@/lib/services/queries";

const WEEKDAY = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const weekday = (day: string) => WEEKDAY[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? "";

/** The organisation's holidays by year, with an add form and remove buttons for those allowed. */
export function HolidayCalendar({ holidays, editable, today }: { holidays: HolidayDto[]; editable: boolean; today: string }) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [formKey, setFormKey] = useState(0);
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};
  const years = [...new Set(holidays.map((h) => h.date.slice(0, 4)))].sort();

  const run = (call: () => Promise<ActionResult<unknown>>, success: string, after?: () => void) =>
    startTransition(async () => {
      try {
        const result = await call();
        if (result.ok) {
          setOutcome({ kind: "success", text: success });
          after?.();
          router.refresh();
        } else setOutcome({ kind: "failure", result });
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });

  return (
    <div className="flex flex-col gap-6">
      {editable ? (
        <form
          key={formKey}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const date = String(form.get("date") ?? "");
            const name = String(form.get("name") ?? "");
            run(() => addHolidayAction({ date, name }), `Added ${name || "the holiday"} on ${formatDay(date)}.`, () => setFormKey((k) => k + 1));
          }}
          className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-slate-50 p-4"
        >
          <Field id={`${id}-date`} label="Date" error={fieldErrors.date}>
            {(p) => <input {...p} name="date" type="date" required className={`${inputClass} w-44`} />}
          </Field>
          <Field id={`${id}-name`} label="Name" error={fieldErrors.name} className="min-w-64 flex-1">
            {(p) => <input {...p} name="name" required maxLength={80} placeholder="e.g. Company offsite" className={inputClass} />}
          </Field>
          <button type="submit" disabled={pending} className={`${primaryButtonClass} mb-px`}>
            {pending ? "Saving…" : "Add holiday"}
          </button>
        </form>
      ) : null}
      <ActionMessage outcome={outcome} onReload={() => router.refresh()} />
      {years.map((year) => (
        <section key={year} aria-labelledby={`${id}-${year}`}>
          <h2 id={`${id}-${year}`} className="mb-2 text-sm font-semibold text-slate-900">
            {year}
          </h2>
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white">
            {holidays
              .filter((h) => h.date.startsWith(year))
              .map((h) => (
                <li key={h.id} className={`flex items-center justify-between gap-3 px-4 py-2.5 text-sm ${h.date < today ? "text-slate-500" : "text-slate-800"}`}>
                  <span className="flex items-center gap-3">
                    <span className="w-36 font-medium whitespace-nowrap tabular-nums">
                      {weekday(h.date)} {formatDay(h.date)}
                    </span>
                    <span>{h.name}</span>
                  </span>
                  {editable ? (
                    <button
                      type="button"
                      disabled={pending}
                      className={dangerButtonClass}
                      onClick={() => run(() => removeHolidayAction({ holidayId: h.id }), `Removed ${h.name} (${formatDay(h.date)}).`)}
                      aria-label={`Remove ${h.name} on ${formatDay(h.date)}`}
                    >
                      Remove
                    </button>
                  ) : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
