"use client";

import { HiddenFields } from "@/components/ui/action-button";
import { Field } from "@/components/ui/field";
import { Form, FormMessage, SubmitButton, useActionForm } from "@/components/ui/form";
import { NativeSelect } from "@/components/ui/input";
import { generateSprintsAction } from "@/lib/sprints/actions";
import { GenerateSprintsSchema } from "@/lib/sprints/schema";

/** Makes the team's next sprints from its cadence (working days, back to back after the last sprint). */
export function GenerateSprints({ teamId }: { teamId: number }) {
  const form = useActionForm(generateSprintsAction, {
    schema: GenerateSprintsSchema,
    success: (data) => `Added Sprint ${data.numbers.join(", ")} from the cadence.`,
  });
  return (
    <Form form={form} className="flex flex-col items-end gap-1">
      <HiddenFields fields={{ teamId }} />
      <div className="flex items-end gap-2">
        <Field name="count" label="Next" className="w-32">
          <NativeSelect name="count" defaultValue="1">
            {[1, 2, 3, 4, 6].map((n) => (
              <option key={n} value={n}>
                {n} {n === 1 ? "sprint" : "sprints"}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <SubmitButton pendingText="Generating…" className="mb-px">
          Generate from cadence
        </SubmitButton>
      </div>
      <FormMessage className="text-xs" />
    </Form>
  );
}
