"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import {
  ActionMessage,
  dangerButtonClass,
  Field,
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
  UNREACHABLE,
  type FormOutcome,
} from "@/components/admin/form-parts";
import type { ActionResult } from "@/lib/actions/result";
import { answerProposalAction, changeDependencyStatusAction, respondToDependencyAction } from "@/lib/dependencies/actions";
import { STATUS_CHANGE_LABEL } from "@/lib/dependencies/flow";
import { formatDay } from "@/lib/format/dates";
import type { DependencyStatus } from "@/lib/generated/prisma/enums";

/** Runs an action and turns its result into what the form shows; refreshes the page data on success. */
function useAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const run = (call: () => Promise<ActionResult<unknown>>, success: string, after?: () => void) => {
    startTransition(async () => {
      try {
        const result = await call();
        if (result.ok) {
          setOutcome({ kind: "success", text: success });
          after?.();
          router.refresh();
        } else setOutcome({ kind: "failure", result });
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  };
  return { pending, outcome, run, reload: () => router.refresh() };
}

type Mode = "idle" | "reject" | "propose";

/** The providing side's answer to an OPEN dependency: accept, reject with a reason, or propose another date. */
export function RespondPanel({ dependencyId, version, keyLabel, neededBy, today, open }: {
  dependencyId: number;
  version: number;
  keyLabel: string;
  neededBy: string;
  today: string;
  /** OPEN: all three answers; otherwise only a new date can be proposed. */
  open: boolean;
}) {
  const id = useId();
  const [mode, setMode] = useState<Mode>("idle");
  const { pending, outcome, run, reload } = useAction();
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const reason = String(form.get("reason") ?? "");
    if (mode === "reject") {
      run(() => respondToDependencyAction({ dependencyId, version, response: "REJECT", reason }), `Rejected ${keyLabel}; the requesting team has been told why.`, () => setMode("idle"));
    } else if (mode === "propose") {
      const proposedDate = String(form.get("proposedDate") ?? "");
      run(
        () => respondToDependencyAction({ dependencyId, version, response: "PROPOSE_DATE", proposedDate, reason }),
        `Proposed ${formatDay(proposedDate)}; the requesting team decides.`,
        () => setMode("idle"),
      );
    }
  };

  return (
    <div className="flex flex-col gap-3">
      {mode === "idle" ? (
        <div className="flex flex-wrap gap-2">
          {open ? (
            <button
              type="button"
              disabled={pending}
              className={primaryButtonClass}
              onClick={() => run(() => respondToDependencyAction({ dependencyId, version, response: "ACCEPT" }), `Accepted ${keyLabel}. The requesting team has been told.`)}
            >
              {pending ? "Saving…" : "Accept"}
            </button>
          ) : null}
          <button type="button" disabled={pending} className={secondaryButtonClass} onClick={() => setMode("propose")}>
            Propose another date
          </button>
          {open ? (
            <button type="button" disabled={pending} className={dangerButtonClass} onClick={() => setMode("reject")}>
              Reject…
            </button>
          ) : null}
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3">
          {mode === "propose" ? (
            <Field id={`${id}-date`} label="You can deliver by" error={fieldErrors.proposedDate} hint={`They asked for ${formatDay(neededBy)}.`}>
              {(p) => <input {...p} name="proposedDate" type="date" min={today} required autoFocus className={inputClass} />}
            </Field>
          ) : null}
          <Field
            id={`${id}-reason`}
            label={mode === "reject" ? "Why not? (the requesting team sees this)" : "Note (optional)"}
            error={fieldErrors.reason}
          >
            {(p) => <textarea {...p} name="reason" rows={3} required={mode === "reject"} autoFocus={mode === "reject"} maxLength={1000} className={inputClass} />}
          </Field>
          <div className="flex flex-wrap gap-2">
            <button type="submit" disabled={pending} className={mode === "reject" ? dangerButtonClass : primaryButtonClass}>
              {pending ? "Saving…" : mode === "reject" ? "Reject dependency" : "Propose date"}
            </button>
            <button type="button" disabled={pending} className={secondaryButtonClass} onClick={() => setMode("idle")}>
              Back
            </button>
          </div>
        </form>
      )}
      <ActionMessage outcome={outcome} onReload={reload} />
    </div>
  );
}

/** The waiting side takes a proposed date (it becomes the needed-by date) or keeps its own. */
export function ProposalAnswer({ dependencyId, version, proposedDate, neededBy }: { dependencyId: number; version: number; proposedDate: string; neededBy: string }) {
  const { pending, outcome, run, reload } = useAction();
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">
        The providing side proposed <strong>{formatDay(proposedDate)}</strong> instead of {formatDay(neededBy)}.
      </p>
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={pending} className={primaryButtonClass} onClick={() => run(() => answerProposalAction({ dependencyId, version, accept: true }), `Needed-by date moved to ${formatDay(proposedDate)}.`)}>
          Take {formatDay(proposedDate)}
        </button>
        <button type="button" disabled={pending} className={secondaryButtonClass} onClick={() => run(() => answerProposalAction({ dependencyId, version, accept: false }), `Kept ${formatDay(neededBy)}; they have been told.`)}>
          Keep {formatDay(neededBy)}
        </button>
      </div>
      <ActionMessage outcome={outcome} onReload={reload} />
    </div>
  );
}

/** The next statuses from here (lib/dependencies/flow.ts), each a button, with an optional note for the other side. */
export function StatusActions({ dependencyId, version, next }: { dependencyId: number; version: number; next: readonly DependencyStatus[] }) {
  const id = useId();
  const [note, setNote] = useState("");
  const { pending, outcome, run, reload } = useAction();
  if (next.length === 0) return null;
  return (
    <div className="flex flex-col gap-3">
      <Field id={`${id}-note`} label="Note for the other side (optional)" error={outcome?.kind === "failure" ? outcome.result.fieldErrors?.note : undefined}>
        {(p) => <input {...p} value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} placeholder="e.g. Waiting on vendor access" className={inputClass} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        {next.map((status) => (
          <button
            key={status}
            type="button"
            disabled={pending}
            className={status === "RESOLVED" ? primaryButtonClass : status === "CANCELLED" || status === "BLOCKED" ? dangerButtonClass : secondaryButtonClass}
            onClick={() =>
              run(() => changeDependencyStatusAction({ dependencyId, version, status, note }), `${STATUS_CHANGE_LABEL[status]}: done.`, () => setNote(""))
            }
          >
            {STATUS_CHANGE_LABEL[status]}
          </button>
        ))}
      </div>
      <ActionMessage outcome={outcome} onReload={reload} />
    </div>
  );
}
