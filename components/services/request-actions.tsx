"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { ActionMessage, dangerButtonClass, Field, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE, type FormOutcome } from "@/components/admin/form-parts";
import type { ActionResult } from "@/lib/actions/result";
import { acceptRequestAction, deliverRequestAction, escalateRequestAction } from "@/lib/services/actions";

function useAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const run = (call: () => Promise<ActionResult<unknown>>, success: string, after?: () => void) =>
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
  return { pending, outcome, run, reload: () => router.refresh() };
}

/** For the service: accept (or re-assign) with an assignee, and mark delivered. */
export function HandleRequest({
  requestId,
  version,
  accepted,
  assigneeId,
  members,
  myPersonId,
}: {
  requestId: number;
  version: number;
  accepted: boolean;
  assigneeId: number | null;
  members: { id: number; name: string }[];
  myPersonId: number | null;
}) {
  const id = useId();
  const { pending, outcome, run, reload } = useAction();
  const fallback = assigneeId ?? (members.some((m) => m.id === myPersonId) ? myPersonId : members[0]?.id ?? null);
  const [assignee, setAssignee] = useState(fallback === null ? "" : String(fallback));
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};
  const name = members.find((m) => String(m.id) === assignee)?.name ?? "them";
  return (
    <div className="flex flex-col gap-3">
      <Field id={`${id}-assignee`} label="Assignee" error={fieldErrors.assigneeId}>
        {(p) => (
          <select {...p} value={assignee} onChange={(e) => setAssignee(e.target.value)} className={inputClass}>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        {!accepted || String(assigneeId ?? "") !== assignee ? (
          <button
            type="button"
            disabled={pending || assignee === ""}
            className={accepted ? secondaryButtonClass : primaryButtonClass}
            onClick={() => run(() => acceptRequestAction({ requestId, version, assigneeId: assignee }), accepted ? `Re-assigned to ${name}.` : `Accepted and assigned to ${name}.`)}
          >
            {accepted ? "Re-assign" : "Accept and assign"}
          </button>
        ) : null}
        <button type="button" disabled={pending} className={accepted ? primaryButtonClass : secondaryButtonClass} onClick={() => run(() => deliverRequestAction({ requestId, version }), "Marked delivered; the requester has been told.")}>
          Mark delivered
        </button>
      </div>
      <ActionMessage outcome={outcome} onReload={reload} />
    </div>
  );
}

/** For the requesting side: escalate to the next step of the SLA's escalation path, with a reason. */
export function EscalateRequest({ requestId, version, nextStep }: { requestId: number; version: number; nextStep: string | null }) {
  const id = useId();
  const [reason, setReason] = useState("");
  const { pending, outcome, run, reload } = useAction();
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};
  if (nextStep === null) return <p className="text-sm text-slate-600">This request is at the top of its escalation path.</p>;
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        run(() => escalateRequestAction({ requestId, version, reason }), `Escalated to ${nextStep}; they have been notified.`, () => setReason(""));
      }}
    >
      <Field id={`${id}-reason`} label={`Why escalate to ${nextStep}?`} error={fieldErrors.reason}>
        {(p) => <textarea {...p} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={1000} required className={inputClass} />}
      </Field>
      <div>
        <button type="submit" disabled={pending} className={dangerButtonClass}>
          {pending ? "Escalating…" : `Escalate to ${nextStep}`}
        </button>
      </div>
      <ActionMessage outcome={outcome} onReload={reload} />
    </form>
  );
}
