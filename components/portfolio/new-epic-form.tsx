"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { ActionMessage, inputClass, primaryButtonClass, UNREACHABLE, type FormOutcome } from "@/components/admin/form-parts";
import { createItemAction } from "@/lib/backlog/actions";

/** A leader adds an epic (or a theme) to the portfolio; it enters the funnel at the bottom of the ranking. */
export function NewEpicForm({ themes }: { themes: { id: number; key: string; title: string }[] }) {
  const router = useRouter();
  const id = useId();
  const ref = useRef<HTMLFormElement>(null);
  const [level, setLevel] = useState<"EPIC" | "THEME">("EPIC");
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [created, setCreated] = useState<{ id: number; key: string } | null>(null);
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};

  return (
    <details className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <summary className="cursor-pointer px-4 py-2.5 text-sm font-medium text-slate-700">Add an epic or a theme</summary>
      <form
        ref={ref}
        noValidate
        className="flex flex-wrap items-end gap-3 border-t border-slate-100 px-4 py-3"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const theme = String(form.get("parentId") ?? "");
          const input = { teamId: null, level, title: String(form.get("title") ?? ""), parentId: level === "EPIC" && theme !== "" ? Number(theme) : null };
          startTransition(async () => {
            try {
              const result = await createItemAction(input);
              if (result.ok) {
                ref.current?.reset();
                setCreated(result.data);
                setOutcome({ kind: "success", text: `Added ${result.data.key} to the funnel, at the bottom of the ranking.` });
                router.refresh();
              } else setOutcome({ kind: "failure", result });
            } catch {
              setOutcome({ kind: "failure", result: UNREACHABLE });
            }
          });
        }}
      >
        <div>
          <label htmlFor={`${id}-level`} className="block text-xs font-medium text-slate-600">
            Level
          </label>
          <select id={`${id}-level`} value={level} onChange={(e) => setLevel(e.target.value as "EPIC" | "THEME")} className={inputClass}>
            <option value="EPIC">Epic</option>
            <option value="THEME">Theme</option>
          </select>
        </div>
        <div className="min-w-72 flex-1">
          <label htmlFor={`${id}-title`} className="block text-xs font-medium text-slate-600">
            Title
          </label>
          <input
            id={`${id}-title`}
            name="title"
            maxLength={200}
            aria-invalid={fieldErrors.title ? true : undefined}
            aria-describedby={fieldErrors.title ? `${id}-title-error` : undefined}
            className={inputClass}
          />
          {fieldErrors.title ? (
            <p id={`${id}-title-error`} className="mt-1 text-xs font-medium text-rose-700">
              {fieldErrors.title}
            </p>
          ) : null}
        </div>
        {level === "EPIC" ? (
          <div>
            <label htmlFor={`${id}-theme`} className="block text-xs font-medium text-slate-600">
              Theme
            </label>
            <select id={`${id}-theme`} name="parentId" defaultValue="" className={inputClass}>
              <option value="">No theme</option>
              {themes.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.key} {t.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Adding…" : `Add ${level === "EPIC" ? "epic" : "theme"}`}
        </button>
        <div className="flex w-full items-center gap-3">
          <ActionMessage outcome={outcome} onReload={() => router.refresh()} />
          {created && outcome?.kind === "success" ? (
            <Link href={`/items/${created.id}`} className="text-sm font-medium text-indigo-700 hover:underline">
              Open {created.key}
            </Link>
          ) : null}
        </div>
      </form>
    </details>
  );
}
