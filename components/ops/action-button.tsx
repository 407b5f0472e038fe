"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/actions/result";
import { buttonStyles } from "@/components/ui/button";

/** A button that runs one server action and says what happened right beside it. */
export function ActionButton<I>({ action, input, label, done, confirm }: { action: (input: I) => Promise<ActionResult<unknown>>; input: I; label: string; done: string; confirm?: string }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className={buttonStyles({ variant: "secondary", size: "sm" })}
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          start(async () => {
            const result = await action(input);
            setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.message });
          });
        }}
      >
        {pending ? "Working…" : label}
      </button>
      <span role="status" aria-live="polite" className={`text-xs ${message?.ok ? "text-emerald-700" : "text-rose-700"}`}>
        {message?.text}
      </span>
    </span>
  );
}
