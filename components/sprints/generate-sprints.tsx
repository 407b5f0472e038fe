"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { primaryButtonClass } from "@/components/admin/form-parts";
import { generateSprintsAction } from "@/lib/sprints/actions";

/** Makes the team's next sprints from its cadence (working days, back to back after the last sprint). */
export function GenerateSprints({ teamId }: { teamId: number }) {
  const router = useRouter();
  const id = useId();
  const [count, setCount] = useState(1);
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="text-sm text-slate-600">
          Next
        </label>
        <select id={id} value={count} onChange={(e) => setCount(Number(e.target.value))} className="rounded-md border border-slate-300 bg-white py-1.5 pr-7 pl-2 text-sm">
          {[1, 2, 3, 4, 6].map((n) => (
            <option key={n} value={n}>
              {n} {n === 1 ? "sprint" : "sprints"}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await generateSprintsAction({ teamId, count });
              if (result.ok) {
                setMessage({ text: `Added Sprint ${result.data.numbers.join(", ")} from the cadence.`, error: false });
                router.refresh();
              } else setMessage({ text: result.message, error: true });
            })
          }
          className={primaryButtonClass}
        >
          {pending ? "Generating…" : "Generate from cadence"}
        </button>
      </div>
      <p role="status" aria-live="polite" className={`min-h-4 text-xs ${message?.error ? "text-rose-700" : "text-emerald-700"}`}>
        {message?.text}
      </p>
    </div>
  );
}
