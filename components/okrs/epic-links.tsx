"use client";

import Link from "next/link";
import { useState } from "react";
import { ActionButton, HiddenFields } from "@/components/ui/action-button";
import { Combobox } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";
import { Form, FormMessage, SubmitButton, useActionForm } from "@/components/ui/form";
import { linkEpicAction, unlinkEpicAction } from "@/lib/okrs/actions";

interface Epic {
  id: number;
  key: string;
  title: string;
}

/** The epics an objective is served by, with Unlink on each and a searchable picker to link another (leaders). */
export function EpicLinks({ objectiveId, version, linked, epics }: { objectiveId: number; version: number; linked: Epic[]; epics: Epic[] }) {
  const linkedIds = new Set(linked.map((e) => e.id));
  const available = epics.filter((e) => !linkedIds.has(e.id)).map((e) => ({ value: String(e.id), label: `${e.key} ${e.title}` }));
  const [choice, setChoice] = useState<string>("");
  const [pickerKey, setPickerKey] = useState(0);
  const form = useActionForm(linkEpicAction, {
    success: () => `Linked ${available.find((e) => e.value === choice)?.label.split(" ")[0] ?? "the epic"}.`,
    onSuccess: () => {
      setChoice("");
      setPickerKey((k) => k + 1);
    },
  });

  return (
    <div>
      {linked.length === 0 ? <p className="text-sm text-muted-foreground">No epics linked: nothing traces to this objective yet.</p> : null}
      <ul className="flex flex-col gap-2">
        {linked.map((e) => (
          <li key={e.id} className="flex items-center justify-between gap-3">
            <span className="min-w-0 truncate text-sm">
              <Link href={`/items/${e.id}`} className="font-mono font-medium text-link hover:underline">
                {e.key}
              </Link>{" "}
              <span className="text-slate-700">{e.title}</span>
            </span>
            <ActionButton action={unlinkEpicAction} fields={{ objectiveId, version, itemId: e.id }} success={`Unlinked ${e.key}.`} aria-label={`Unlink ${e.key}`}>
              Unlink
            </ActionButton>
          </li>
        ))}
      </ul>
      <Form form={form} className="mt-3 flex flex-wrap items-end gap-2">
        <HiddenFields fields={{ objectiveId, version }} />
        <Field name="itemId" label="Link an epic" className="min-w-0 flex-[1_1_16rem]">
          <Combobox key={pickerKey} name="itemId" options={available} onValueChange={(o) => setChoice(o?.value ?? "")} placeholder="Choose an epic…" searchPlaceholder="Search epics…" />
        </Field>
        <SubmitButton disabled={choice === ""} className="mb-px">
          Link
        </SubmitButton>
        <FormMessage className="basis-full" />
      </Form>
    </div>
  );
}
