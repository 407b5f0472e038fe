"use client";

import { useState } from "react";
import { ActionButton, HiddenFields } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Form, FormFooter, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input, Textarea } from "@/components/ui/input";
import { answerProposalAction, changeDependencyStatusAction, respondToDependencyAction } from "@/lib/dependencies/actions";
import { STATUS_CHANGE_LABEL } from "@/lib/dependencies/flow";
import { ChangeDependencyStatusSchema, RespondToDependencySchema } from "@/lib/dependencies/schema";
import { formatDay } from "@/lib/format/dates";
import type { DependencyStatus } from "@/lib/generated/prisma/enums";

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
  const [mode, setMode] = useState<Mode>("idle");
  const form = useActionForm(respondToDependencyAction, {
    schema: RespondToDependencySchema,
    success: (_data, sent) =>
      sent?.get("response") === "REJECT"
        ? `Rejected ${keyLabel}; the requesting team has been told why.`
        : `Proposed ${formatDay(String(sent?.get("proposedDate") ?? ""))}; the requesting team decides.`,
    onSuccess: () => setMode("idle"),
  });

  if (mode === "idle") {
    return (
      <div className="flex flex-wrap items-start gap-2">
        {open ? (
          <ActionButton
            action={respondToDependencyAction}
            fields={{ dependencyId, version, response: "ACCEPT" }}
            variant="primary"
            size="md"
            success={`Accepted ${keyLabel}. The requesting team has been told.`}
          >
            Accept
          </ActionButton>
        ) : null}
        <Button variant="secondary" onClick={() => { form.reset(); setMode("propose"); }}>
          Propose another date
        </Button>
        {open ? (
          <Button variant="danger" onClick={() => { form.reset(); setMode("reject"); }}>
            Reject…
          </Button>
        ) : null}
      </div>
    );
  }

  return (
    <Form form={form} className="flex flex-col gap-3 rounded-lg border border-border bg-surface-muted p-3">
      <HiddenFields fields={{ dependencyId, version, response: mode === "reject" ? "REJECT" : "PROPOSE_DATE" }} />
      {mode === "propose" ? (
        <Field name="proposedDate" label="You can deliver by" hint={`They asked for ${formatDay(neededBy)}.`}>
          <Input name="proposedDate" type="date" min={today} required autoFocus />
        </Field>
      ) : null}
      <Field name="reason" label={mode === "reject" ? "Why not? (the requesting team sees this)" : "Note (optional)"}>
        <Textarea name="reason" required={mode === "reject"} autoFocus={mode === "reject"} maxLength={1000} />
      </Field>
      <FormFooter className="[&>div]:justify-start">
        <SubmitButton variant={mode === "reject" ? "danger" : "primary"}>{mode === "reject" ? "Reject dependency" : "Propose date"}</SubmitButton>
        <Button variant="secondary" onClick={() => setMode("idle")}>
          Back
        </Button>
      </FormFooter>
    </Form>
  );
}

/** The waiting side takes a proposed date (it becomes the needed-by date) or keeps its own. */
export function ProposalAnswer({ dependencyId, version, proposedDate, neededBy }: { dependencyId: number; version: number; proposedDate: string; neededBy: string }) {
  const form = useActionForm(answerProposalAction, {
    success: (_data, sent) => (sent?.get("accept") === "true" ? `Needed-by date moved to ${formatDay(proposedDate)}.` : `Kept ${formatDay(neededBy)}; they have been told.`),
  });
  return (
    <Form form={form} className="flex flex-col gap-3">
      <HiddenFields fields={{ dependencyId, version }} />
      <p className="text-sm text-slate-700">
        The providing side proposed <strong>{formatDay(proposedDate)}</strong> instead of {formatDay(neededBy)}.
      </p>
      <FormFooter className="[&>div]:justify-start">
        <SubmitButton name="accept" value="true">
          Take {formatDay(proposedDate)}
        </SubmitButton>
        <SubmitButton name="accept" value="false" variant="secondary">
          Keep {formatDay(neededBy)}
        </SubmitButton>
      </FormFooter>
    </Form>
  );
}

/** The next statuses from here (lib/dependencies/flow.ts), each a button, with an optional note for the other side. */
export function StatusActions({ dependencyId, version, next }: { dependencyId: number; version: number; next: readonly DependencyStatus[] }) {
  const form = useActionForm(changeDependencyStatusAction, {
    schema: ChangeDependencyStatusSchema,
    success: (_data, sent) => `${STATUS_CHANGE_LABEL[String(sent?.get("status")) as DependencyStatus] ?? "Status changed"}: done.`,
    resetOnSuccess: true,
  });
  if (next.length === 0) return null;
  return (
    <Form form={form} className="flex flex-col gap-3">
      <HiddenFields fields={{ dependencyId, version }} />
      <Field name="note" label="Note for the other side (optional)">
        <Input name="note" maxLength={1000} placeholder="e.g. Waiting on vendor access" />
      </Field>
      <FormFooter className="[&>div]:justify-start">
        {next.map((status) => (
          <SubmitButton
            key={status}
            name="status"
            value={status}
            variant={status === "RESOLVED" ? "primary" : status === "CANCELLED" || status === "BLOCKED" ? "danger" : "secondary"}
          >
            {STATUS_CHANGE_LABEL[status]}
          </SubmitButton>
        ))}
      </FormFooter>
    </Form>
  );
}
