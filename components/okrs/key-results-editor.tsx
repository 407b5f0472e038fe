"use client";

import { useState } from "react";
import { HiddenFields } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form, FormFooter, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input, NativeSelect } from "@/components/ui/input";
import { createKeyResultAction, updateKeyResultAction } from "@/lib/okrs/actions";
import type { KeyResultDto } from "@/lib/okrs/queries";
import { CreateKeyResultSchema, UpdateKeyResultSchema } from "@/lib/okrs/schema";
import { KeyResultLine } from "./key-result-line";

/** The objective's key results with Edit on each and an Add form (leaders; the actions check again). */
export function KeyResultsEditor({ objectiveId, keyResults }: { objectiveId: number; keyResults: KeyResultDto[] }) {
  const [editing, setEditing] = useState<number | "new" | null>(null);
  return (
    <div>
      <ul className="divide-y divide-border">
        {keyResults.map((kr) => (
          <li key={kr.id} className="py-1">
            {editing === kr.id ? (
              <KeyResultForm objectiveId={objectiveId} keyResult={kr} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex items-center gap-3">
                <div className="min-w-0 flex-1">
                  <KeyResultLine kr={kr} />
                </div>
                <Button variant="secondary" size="sm" onClick={() => setEditing(kr.id)} aria-label={`Edit key result ${kr.title}`}>
                  Edit
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {keyResults.length === 0 ? <p className="py-2 text-sm text-muted-foreground">No key results yet: add two to five measurable ones.</p> : null}
      <div className="mt-3">
        {editing === "new" ? (
          <KeyResultForm objectiveId={objectiveId} onDone={() => setEditing(null)} />
        ) : (
          <Button variant="secondary" onClick={() => setEditing("new")}>
            Add key result
          </Button>
        )}
      </div>
    </div>
  );
}

function KeyResultForm({ objectiveId, keyResult, onDone }: { objectiveId: number; keyResult?: KeyResultDto; onDone: () => void }) {
  const form = useActionForm<unknown>(keyResult ? updateKeyResultAction : createKeyResultAction, {
    schema: keyResult ? UpdateKeyResultSchema : CreateKeyResultSchema,
    success: keyResult ? "Key result saved." : "Key result added.",
    onSuccess: onDone,
  });
  const num = (name: "baseline" | "target" | "current", label: string) => (
    <Field name={name} label={label}>
      <Input name={name} type="number" step="any" inputMode="decimal" defaultValue={keyResult?.[name]} required />
    </Field>
  );
  return (
    <Form form={form} aria-label={keyResult ? `Edit ${keyResult.title}` : "New key result"} className="grid grid-cols-2 gap-3 rounded-lg bg-surface-muted p-3 sm:grid-cols-6">
      <HiddenFields fields={keyResult ? { keyResultId: keyResult.id, version: keyResult.version } : { objectiveId }} />
      <Field name="title" label="Key result" className="col-span-2 sm:col-span-4">
        <Input name="title" defaultValue={keyResult?.title} required maxLength={200} autoFocus />
      </Field>
      <Field name="unit" label="Unit">
        <Input name="unit" defaultValue={keyResult?.unit} required maxLength={30} placeholder="%" />
      </Field>
      <Field name="direction" label="Better when">
        <NativeSelect name="direction" defaultValue={keyResult?.direction ?? "HIGHER_IS_BETTER"}>
          <option value="HIGHER_IS_BETTER">Higher</option>
          <option value="LOWER_IS_BETTER">Lower</option>
        </NativeSelect>
      </Field>
      <div className="col-span-2 grid grid-cols-3 gap-3 sm:col-span-6">
        {num("baseline", "Baseline")}
        {num("current", "Current")}
        {num("target", "Target")}
      </div>
      <FormFooter className="col-span-2 sm:col-span-6 [&>div]:justify-start">
        <SubmitButton>{keyResult ? "Save" : "Add"}</SubmitButton>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </FormFooter>
    </Form>
  );
}
