"use client";

import { useId } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Form, FormMessage, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { formatDay } from "@/lib/format/dates";
import { addHolidayAction, removeHolidayAction } from "@/lib/services/actions";
import type { HolidayDto } from "@/lib/services/queries";
import { AddHolidaySchema } from "@/lib/services/schema";

const WEEKDAY = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const weekday = (day: string) => WEEKDAY[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? "";

/** The organisation's holidays by year, with an add form and remove buttons for those allowed. */
export function HolidayCalendar({ holidays, editable, today }: { holidays: HolidayDto[]; editable: boolean; today: string }) {
  const id = useId();
  const years = [...new Set(holidays.map((h) => h.date.slice(0, 4)))].sort();
  const add = useActionForm(addHolidayAction, {
    schema: AddHolidaySchema,
    success: (_data, sent) => `Added ${String(sent?.get("name") ?? "the holiday").trim()} on ${formatDay(String(sent?.get("date") ?? ""))}.`,
    resetOnSuccess: true,
  });

  return (
    <div className="flex flex-col gap-6">
      {editable ? (
        <Form form={add} className="flex flex-wrap items-end gap-3 rounded-xl border border-border bg-surface-muted p-4">
          <Field name="date" label="Date" className="w-44">
            <Input name="date" type="date" required />
          </Field>
          <Field name="name" label="Name" className="min-w-0 flex-[1_1_16rem]">
            <Input name="name" required maxLength={80} placeholder="e.g. Company offsite" />
          </Field>
          <SubmitButton className="mb-px">Add holiday</SubmitButton>
          <FormMessage className="basis-full" />
        </Form>
      ) : null}
      {years.map((year) => (
        <section key={year} aria-labelledby={`${id}-${year}`}>
          <h2 id={`${id}-${year}`} className="mb-2 text-sm font-semibold text-foreground">
            {year}
          </h2>
          <ul className="divide-y divide-border rounded-xl border border-border bg-surface">
            {holidays
              .filter((h) => h.date.startsWith(year))
              .map((h) => (
                <li key={h.id} className={cn("flex flex-wrap items-center justify-between gap-3 px-4 py-2.5 text-sm", h.date < today ? "text-muted-foreground" : "text-slate-800")}>
                  <span className="flex min-w-0 flex-wrap items-center gap-x-3">
                    <span className="w-36 font-medium whitespace-nowrap tabular-nums">
                      {weekday(h.date)} {formatDay(h.date)}
                    </span>
                    <span className="min-w-0">{h.name}</span>
                  </span>
                  {editable ? (
                    <ActionButton
                      action={removeHolidayAction}
                      fields={{ holidayId: h.id }}
                      variant="danger"
                      success={`Removed ${h.name} (${formatDay(h.date)}).`}
                      aria-label={`Remove ${h.name} on ${formatDay(h.date)}`}
                    >
                      Remove
                    </ActionButton>
                  ) : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
