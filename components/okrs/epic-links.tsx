"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { ActionMessage, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE, type FormOutcome } from "@/components/admin/form-parts";
import { linkEpicAction, unlinkEpicAction } from "@/lib/okrs/actions";

interface Epic {
  id: number;
  key: string;
  title: string;
}

/** The epics an objective is served by, with Unlink on each and a picker to link another (leaders). */
export function EpicLinks({ objectiveId, version, linked, epics }: { objectiveId: number; version: number; linked: Epic[]; epics: Epic[] }) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [choice, setChoice] = useState("");
  const linkedIds = new Set(linked.map((e) => e.id));
  const available = epics.filter((e) => !linkedIds.has(e.id));

  const run = (fn: typeof linkEpicAction, itemId: number, done: string) =>
    startTransition(async () => {
      try {
        const result = await fn({ objectiveId, version, itemId });
        if (!result.ok) return setOutcome({ kind: "failure", result });
        setOutcome({ kind: "success", text: done });
        setChoice("");
        router.refresh();
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });

  return (
    <div>
      {linked.length === 0 ? <p className="text-sm text-slate-500">No epics linked: nothing traces to this objective yet.</p> : null}
      <ul className="flex flex-col gap-2">
        {linked.map((e) => (
          <li key={e.id} className="flex items-center justify-between gap-3">
            <span className="min-w-0 truncate text-sm">
              <Link href={`/items/${e.id}`} className="font-mono font-medium text-indigo-700 hover:underline">
                {e.key}
              </Link>{" "}
              <span className="text-slate-700">{e.title}</span>
            </span>
            <button type="button" disabled={pending} onClick={() => run(unlinkEpicAction, e.id, `Unlinked ${e.key}.`)} className={secondaryButtonClass} aria-label={`Unlink ${e.key}`}>
              Unlink
            </button>
          </li>
        ))}
      </ul>
      <form
        className="mt-3 flex flex-wrap items-end gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const epic = available.find((e) => String(e.id) === choice);
          if (epic) run(linkEpicAction, epic.id, `Linked ${epic.key}.`);
        }}
      >
        <div className="min-w-64 flex-1">
          <label htmlFor={`${id}-epic`} className="block text-sm font-medium text-slate-700">
            Link an epic
          </label>
          <select id={`${id}-epic`} value={choice} onChange={(e) => setChoice(e.target.value)} className={inputClass}>
            <option value="">Choose an epic…</option>
            {available.map((e) => (
              <option key={e.id} value={e.id}>
                {e.key} {e.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={pending || choice === ""} className={primaryButtonClass}>
          Link
        </button>
      </form>
      <ActionMessage outcome={outcome} onReload={() => router.refresh()} className="mt-2" />
    </div>
  );
}
