"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { ActionMessage, Field, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE, type FormOutcome } from "@/components/admin/form-parts";
import type { Direction } from "@/lib/generated/prisma/enums";
import { createKeyResultAction, updateKeyResultAction } from "@/lib/okrs/actions";
import type { KeyResultDto } from "@/lib/okrs/queries";
import { KeyResultLine } from "./key-result-line";

/** The objective's key results with Edit on each and an Add form (leaders; the actions check again). */
export function KeyResultsEditor({ objectiveId, keyResults }: { objectiveId: number; keyResults: KeyResultDto[] }) {
  const [editing, setEditing] = useState<number | "new" | null>(null);
  return (
    <div>
      <ul className="divide-y divide-slate-100">
        {keyResults.map((kr) => (
          <li key={kr.id} className="py-1">
            {editing === kr.id ? (
              <KeyResultForm objectiveId={objectiveId} keyResult={kr} onDone={() => setEditing(null)} />
            ) : (
              <div className="flex items-center gap-3">
                <div className="min-w-0 flex-1">
                  <KeyResultLine kr={kr} />
                </div>
                <button type="button" onClick={() => setEditing(kr.id)} className={secondaryButtonClass} aria-label={`Edit key result ${kr.title}`}>
                  Edit
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {keyResults.length === 0 ? <p className="py-2 text-sm text-slate-500">No key results yet: add two to five measurable ones.</p> : null}
      <div className="mt-3">
        {editing === "new" ? (
          <KeyResultForm objectiveId={objectiveId} onDone={() => setEditing(null)} />
        ) : (
          <button type="button" onClick={() => setEditing("new")} className={secondaryButtonClass}>
            Add key result
          </button>
        )}
      </div>
    </div>
  );
}

function KeyResultForm({ objectiveId, keyResult, onDone }: { objectiveId: number; keyResult?: KeyResultDto; onDone: () => void }) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const errors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const fields = {
      title: text("title"),
      unit: text("unit"),
      baseline: text("baseline"),
      target: text("target"),
      current: text("current"),
      direction: text("direction") as Direction,
    };
    startTransition(async () => {
      try {
        const result = keyResult
          ? await updateKeyResultAction({ keyResultId: keyResult.id, version: keyResult.version, ...fields })
          : await createKeyResultAction({ objectiveId, ...fields });
        if (!result.ok) return setOutcome({ kind: "failure", result });
        onDone();
        router.refresh();
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  const num = (name: "baseline" | "target" | "current", label: string) => (
    <Field id={`${id}-${name}`} label={label} error={errors[name]}>
      {(p) => <input {...p} name={name} type="number" step="any" inputMode="decimal" defaultValue={keyResult?.[name]} required className={inputClass} />}
    </Field>
  );

  return (
    <form onSubmit={submit} noValidate aria-label={keyResult ? `Edit ${keyResult.title}` : "New key result"} className="grid grid-cols-2 gap-3 rounded-lg bg-slate-50 p-3 sm:grid-cols-6">
      <Field id={`${id}-title`} label="Key result" error={errors.title} className="col-span-2 sm:col-span-4">
        {(p) => <input {...p} name="title" defaultValue={keyResult?.title} required maxLength={200} autoFocus className={inputClass} />}
      </Field>
      <Field id={`${id}-unit`} label="Unit" error={errors.unit}>
        {(p) => <input {...p} name="unit" defaultValue={keyResult?.unit} required maxLength={30} placeholder="%" className={inputClass} />}
      </Field>
      <Field id={`${id}-direction`} label="Better when" error={errors.direction}>
        {(p) => (
          <select {...p} name="direction" defaultValue={keyResult?.direction ?? "HIGHER_IS_BETTER"} className={inputClass}>
            <option value="HIGHER_IS_BETTER">Higher</option>
            <option value="LOWER_IS_BETTER">Lower</option>
          </select>
        )}
      </Field>
      <div className="col-span-2 grid grid-cols-3 gap-3 sm:col-span-6">
        {num("baseline", "Baseline")}
        {num("current", "Current")}
        {num("target", "Target")}
      </div>
      <div className="col-span-2 flex flex-wrap items-center gap-3 sm:col-span-6">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Saving…" : keyResult ? "Save" : "Add"}
        </button>
        <button type="button" onClick={onDone} className={secondaryButtonClass}>
          Cancel
        </button>
        <ActionMessage outcome={outcome} onReload={() => router.refresh()} />
      </div>
    </form>
  );
}
