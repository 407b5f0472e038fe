"use client";

import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/result";

/*
 * Form building blocks shared by the admin and item forms (they would live in components/ui; this change
 * keeps to its own folders). A field wires its error to the control with aria-invalid/aria-describedby; the
 * action message sits in a polite live region that exists before anything is announced in it.
 */

export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-500 focus:border-indigo-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500/40 disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 aria-[invalid=true]:border-rose-400 aria-[invalid=true]:ring-rose-500/30";

export const primaryButtonClass =
  "inline-flex items-center justify-center rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:opacity-60";

export const secondaryButtonClass =
  "inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-60";

export const dangerButtonClass =
  "inline-flex items-center justify-center rounded-md border border-rose-300 bg-white px-3 py-1.5 text-sm font-medium text-rose-700 shadow-sm hover:bg-rose-50 focus-visible:ring-2 focus-visible:ring-rose-500 focus-visible:outline-none disabled:cursor-not-allowed disabled:opacity-60";

export interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/** A label, the control (rendered by `children` with the wiring props) and its hint and error. */
export function Field({
  id,
  label,
  error,
  hint,
  className = "",
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="mt-1 text-xs font-medium text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The outcome of a call as the form shows it: the refusal, or a success text. */
export type FormOutcome =
  | { kind: "success"; text: string }
  | { kind: "failure"; result: Extract<ActionResult<unknown>, { ok: false }> }
  | null;

/** A failure for when the call itself fails (offline, server restarting): never the raw error. */
export const UNREACHABLE: Extract<ActionResult<unknown>, { ok: false }> = {
  ok: false,
  reason: "FAILED",
  message: "We couldn’t reach the server and nothing was saved. Check your connection and try again.",
};

/**
 * The polite live region under a form. A conflict comes with a Reload button (the caller refreshes the page
 * data); a session that ended, with a link to sign in again.
 */
export function ActionMessage({
  outcome,
  onReload,
  conflictText,
  className = "",
}: {
  outcome: FormOutcome;
  onReload: () => void;
  /** Overrides the message of a CONFLICT (e.g. built from who changed it and when). */
  conflictText?: string;
  className?: string;
}) {
  return (
    <div aria-live="polite" role="status" className={className}>
      {outcome?.kind === "success" ? <p className="text-sm font-medium text-emerald-700">{outcome.text}</p> : null}
      {outcome?.kind === "failure" ? (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-rose-700">
          <p>{outcome.result.reason === "CONFLICT" && conflictText ? conflictText : outcome.result.message}</p>
          {outcome.result.reason === "CONFLICT" ? (
            <button type="button" onClick={onReload} className={secondaryButtonClass}>
              Reload
            </button>
          ) : null}
          {outcome.result.reason === "UNAUTHENTICATED" ? (
            <a href="/sign-in" className="font-medium text-indigo-700 underline hover:text-indigo-900">
              Sign in again
            </a>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
