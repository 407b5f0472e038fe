"use client";

import { Field } from "@/components/ui/field";
import { Form, FormFooter, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { recordMeasurementAction } from "@/lib/kpis/actions";
import { RecordMeasurementSchema } from "@/lib/kpis/schema";

/** Records one period's value (recording a period again replaces its value). */
export function MeasurementForm({ kpiId, unit, suggestedPeriod, periodHint }: { kpiId: number; unit: string; suggestedPeriod: string; periodHint: string }) {
  const form = useActionForm(recordMeasurementAction, {
    schema: RecordMeasurementSchema,
    success: ({ added, changed }) => (added ? "Measurement recorded." : changed ? "Replaced that period’s value." : "That value was already recorded."),
    resetOnSuccess: true,
  });
  return (
    <Form form={form} aria-label="Record a measurement" className="flex flex-col gap-3">
      <input type="hidden" name="kpiId" value={kpiId} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field name="periodStart" label="Period from" hint={periodHint}>
          <Input type="date" name="periodStart" defaultValue={suggestedPeriod} required />
        </Field>
        <Field name="value" label={`Value (${unit})`}>
          <Input type="number" step="any" inputMode="decimal" name="value" required />
        </Field>
      </div>
      <FormFooter className="[&>div]:justify-start">
        <SubmitButton>Record</SubmitButton>
      </FormFooter>
    </Form>
  );
}
