"use client";

import { useId } from "react";
import { HiddenFields } from "@/components/ui/action-button";
import { cn } from "@/components/ui/cn";
import { Field } from "@/components/ui/field";
import { Form, FormMessage, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input, NativeSelect } from "@/components/ui/input";
import { addRetroActionAction, setRetroActionDoneAction } from "@/lib/sprints/actions";
import type { SprintDetail } from "@/lib/sprints/queries";
import { AddRetroActionSchema } from "@/lib/sprints/schema";

/** The sprint's retrospective: improvement actions with an owner, ticked off when done (improvement completion). */
export function RetroPanel({ sprint, editable }: { sprint: SprintDetail; editable: boolean }) {
  const id = useId();
  const done = sprint.retro.filter((r) => r.done).length;
  const add = useActionForm(addRetroActionAction, {
    schema: AddRetroActionSchema,
    success: (_data, sent) => `Added: ${String(sent?.get("title") ?? "").trim()}`,
    resetOnSuccess: true,
  });

  return (
    <section aria-labelledby={`${id}-h`} className="rounded-xl border border-border bg-surface p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-h`} className="text-section-title font-semibold text-foreground">
          Retrospective
        </h2>
        <p className="text-sm text-muted-foreground">{sprint.retro.length ? `${done} of ${sprint.retro.length} actions done` : "No actions yet"}</p>
      </div>
      <ul className="mt-3 flex flex-col gap-2">
        {sprint.retro.map((r) => (
          <li key={r.id}>
            <RetroAction action={r} editable={editable} />
          </li>
        ))}
      </ul>
      {editable ? (
        <Form form={add} className="mt-3 flex flex-wrap items-end gap-2">
          <HiddenFields fields={{ sprintId: sprint.id }} />
          <Field name="title" label="New action" className="min-w-0 flex-[1_1_16rem]">
            <Input name="title" maxLength={200} placeholder="What will the team do differently?" />
          </Field>
          <Field name="ownerPersonId" label="Owner" className="min-w-0 flex-[0_1_14rem]">
            <NativeSelect name="ownerPersonId" defaultValue="">
              <option value="">No owner</option>
              {sprint.members.map((m) => (
                <option key={m.personId} value={m.personId}>
                  {m.name}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <SubmitButton className="mb-px">Add action</SubmitButton>
          <FormMessage className="basis-full" />
        </Form>
      ) : null}
    </section>
  );
}

/** One action: ticking the box saves at once (a form per row, so each refusal shows on its own row). */
function RetroAction({ action: r, editable }: { action: SprintDetail["retro"][number]; editable: boolean }) {
  const id = useId();
  const form = useActionForm(setRetroActionDoneAction, {
    success: (_data, sent) => `${sent?.get("done") === "true" ? "Done" : "Reopened"}: ${r.title}`,
  });
  return (
    <Form form={form} className="flex items-start gap-3 rounded-lg border border-border px-3 py-2">
      <HiddenFields fields={{ actionId: r.id, version: r.version, done: !r.done }} />
      <input
        type="checkbox"
        id={id}
        checked={r.done}
        disabled={!editable || form.pending}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className="mt-0.5 size-4 shrink-0 accent-indigo-600"
      />
      <label htmlFor={id} className="min-w-0 flex-1 text-sm">
        <span className={cn(r.done ? "text-muted-foreground line-through" : "text-foreground")}>{r.title}</span>
        <span className="block text-xs text-muted-foreground">{r.owner ? `Owner: ${r.owner}` : "No owner"}</span>
      </label>
      <FormMessage className="text-xs" />
    </Form>
  );
}
