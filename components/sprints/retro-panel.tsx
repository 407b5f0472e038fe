"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { inputClass, primaryButtonClass } from "@/components/admin/form-parts";
import { addRetroActionAction, setRetroActionDoneAction } from "@/lib/sprints/actions";
import type { SprintDetail } from "@/lib/sprints/queries";

/** The sprint's retrospective: improvement actions with an owner, ticked off when done (improvement completion). */
export function RetroPanel({ sprint, editable }: { sprint: SprintDetail; editable: boolean }) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const done = sprint.retro.filter((r) => r.done).length;

  const run = (work: () => Promise<{ ok: boolean; message?: string }>, ok: string) =>
    startTransition(async () => {
      try {
        const result = await work();
        setMessage(result.ok ? { text: ok, error: false } : { text: result.message ?? "Not saved.", error: true });
        if (result.ok) formRef.current?.reset();
        router.refresh();
      } catch {
        setMessage({ text: "We couldn’t reach the server and nothing changed.", error: true });
      }
    });

  return (
    <section aria-labelledby={`${id}-h`} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-h`} className="text-base font-semibold text-slate-900">
          Retrospective
        </h2>
        <p className="text-sm text-slate-500">
          {sprint.retro.length ? `${done} of ${sprint.retro.length} actions done` : "No actions yet"}
        </p>
      </div>
      <ul className="mt-3 flex flex-col gap-2">
        {sprint.retro.map((r) => (
          <li key={r.id} className="flex items-start gap-3 rounded-lg border border-slate-100 px-3 py-2">
            <input
              type="checkbox"
              id={`${id}-${r.id}`}
              checked={r.done}
              disabled={!editable || pending}
              onChange={(e) =>
                run(() => setRetroActionDoneAction({ actionId: r.id, version: r.version, done: e.target.checked }), `${e.target.checked ? "Done" : "Reopened"}: ${r.title}`)
              }
              className="mt-0.5 size-4 rounded border-slate-300"
            />
            <label htmlFor={`${id}-${r.id}`} className="flex-1 text-sm">
              <span className={r.done ? "text-slate-500 line-through" : "text-slate-900"}>{r.title}</span>
              <span className="block text-xs text-slate-500">{r.owner ? `Owner: ${r.owner}` : "No owner"}</span>
            </label>
          </li>
        ))}
      </ul>
      {editable ? (
        <form
          ref={formRef}
          className="mt-3 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            const owner = String(form.get("owner") ?? "");
            const title = String(form.get("title") ?? "");
            run(() => addRetroActionAction({ sprintId: sprint.id, title, ownerPersonId: owner === "" ? null : Number(owner) }), `Added: ${title}`);
          }}
        >
          <div className="min-w-64 flex-1">
            <label htmlFor={`${id}-title`} className="block text-xs font-medium text-slate-600">
              New action
            </label>
            <input id={`${id}-title`} name="title" maxLength={200} placeholder="What will the team do differently?" className={inputClass} />
          </div>
          <div>
            <label htmlFor={`${id}-owner`} className="block text-xs font-medium text-slate-600">
              Owner
            </label>
            <select id={`${id}-owner`} name="owner" defaultValue="" className={inputClass}>
              <option value="">No owner</option>
              {sprint.members.map((m) => (
                <option key={m.personId} value={m.personId}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={pending} className={primaryButtonClass}>
            Add action
          </button>
        </form>
      ) : null}
      <p role="status" aria-live="polite" className={`mt-2 min-h-5 text-sm ${message?.error ? "text-rose-700" : "text-emerald-700"}`}>
        {message?.text}
      </p>
    </section>
  );
}
