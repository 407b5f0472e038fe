"use client";

import { useState } from "react";
import { ActionButton, HiddenFields } from "@/components/ui/action-button";
import { Field } from "@/components/ui/field";
import { Form, FormFooter, SubmitButton, useActionForm } from "@/components/ui/form";
import { NativeSelect, Textarea } from "@/components/ui/input";
import { acceptRequestAction, deliverRequestAction, escalateRequestAction } from "@/lib/services/actions";
import { AcceptRequestSchema, EscalateRequestSchema } from "@/lib/services/schema";

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
  const fallback = assigneeId ?? (members.some((m) => m.id === myPersonId) ? myPersonId : (members[0]?.id ?? null));
  const [assignee, setAssignee] = useState(fallback === null ? "" : String(fallback));
  const name = members.find((m) => String(m.id) === assignee)?.name ?? "them";
  const form = useActionForm(acceptRequestAction, {
    schema: AcceptRequestSchema,
    success: accepted ? `Re-assigned to ${name}.` : `Accepted and assigned to ${name}.`,
  });
  const canAssign = !accepted || String(assigneeId ?? "") !== assignee;
  return (
    <div className="flex flex-col gap-3">
      <Form form={form} className="flex flex-col gap-3">
        <HiddenFields fields={{ requestId, version }} />
        <Field name="assigneeId" label="Assignee">
          <NativeSelect name="assigneeId" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
        {canAssign ? (
          <FormFooter className="[&>div]:justify-start">
            <SubmitButton variant={accepted ? "secondary" : "primary"} disabled={assignee === ""}>
              {accepted ? "Re-assign" : "Accept and assign"}
            </SubmitButton>
          </FormFooter>
        ) : null}
      </Form>
      <ActionButton
        action={deliverRequestAction}
        fields={{ requestId, version }}
        variant={accepted ? "primary" : "secondary"}
        size="md"
        success="Marked delivered; the requester has been told."
      >
        Mark delivered
      </ActionButton>
    </div>
  );
}

/** For the requesting side: escalate to the next step of the SLA's escalation path, with a reason. */
export function EscalateRequest({ requestId, version, nextStep }: { requestId: number; version: number; nextStep: string | null }) {
  const form = useActionForm(escalateRequestAction, {
    schema: EscalateRequestSchema,
    success: `Escalated to ${nextStep ?? "the next step"}; they have been notified.`,
    resetOnSuccess: true,
  });
  if (nextStep === null) return <p className="text-sm text-slate-600">This request is at the top of its escalation path.</p>;
  return (
    <Form form={form} className="flex flex-col gap-3">
      <HiddenFields fields={{ requestId, version }} />
      <Field name="reason" label={`Why escalate to ${nextStep}?`}>
        <Textarea name="reason" rows={2} maxLength={1000} required />
      </Field>
      <FormFooter className="[&>div]:justify-start">
        <SubmitButton variant="danger" pendingText="Escalating…">
          Escalate to {nextStep}
        </SubmitButton>
      </FormFooter>
    </Form>
  );
}
