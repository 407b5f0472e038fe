"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import type { z } from "zod";
import {
  ActionMessage,
  Field,
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
  UNREACHABLE,
  type FormOutcome,
} from "@/components/admin/form-parts";
import { shapeLabel } from "@/components/teams/team-kind-badge";
import type { TeamKind, TeamShape } from "@/lib/generated/prisma/enums";
import { createTeamAction, updateTeamAction } from "@/lib/teams/actions";
import { CreateTeamSchema, TEAM_SHAPES } from "@/lib/teams/schema";

export interface TeamFormValues {
  name: string;
  kind: TeamKind;
  shape: TeamShape;
  mission: string;
  valueStreamId: number | null;
  cadenceDays: number;
  cadenceAnchor: string;
  wipLimit: number;
  requiresBriefLink: boolean;
}

const SHAPE_HINTS: Record<TeamShape, string> = {
  CROSS_FUNCTIONAL: "Every role needed to ship a campaign inside the team",
  FUNCTIONAL: "One discipline (legal, brand, web…), serving other teams",
  HYBRID: "Core campaign roles embedded, specialists from shared services",
};

const KIND_OPTIONS: { kind: TeamKind; title: string; hint: string }[] = [
  { kind: "DELIVERY_POD", title: "Delivery pod", hint: "Ships campaigns end to end for a value stream, 5–9 people." },
  { kind: "SHARED_SERVICE", title: "Shared service", hint: "A specialist function pods request work from under SLAs." },
];

/** Zod's issues as "field → first message", the same shape the action returns. */
function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "_"] ??= issue.message;
  return out;
}

/**
 * Creates a team, or edits one against the version it was opened with. The shared zod schema checks the
 * fields before the call (the action checks again); refusals come back next to their fields.
 */
export function TeamForm({
  mode,
  initial,
  valueStreams,
  team,
  onSaved,
  onCancel,
}: {
  mode: "create" | "edit";
  initial: TeamFormValues;
  valueStreams: readonly { id: number; name: string }[];
  /** The team being edited (id and version), for mode "edit". */
  team?: { id: number; version: number };
  onSaved?: (text: string) => void;
  onCancel?: () => void;
}) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [kind, setKind] = useState<TeamKind>(initial.kind);
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const stream = text("valueStreamId");
    const values = {
      name: text("name"),
      kind,
      shape: text("shape") as TeamShape,
      mission: text("mission"),
      valueStreamId: stream === "" ? null : Number(stream),
      cadenceDays: text("cadenceDays"),
      cadenceAnchor: text("cadenceAnchor"),
      wipLimit: text("wipLimit"),
      requiresBriefLink: form.get("requiresBriefLink") === "on",
    };
    const checked = CreateTeamSchema.safeParse(values);
    if (!checked.success) {
      setOutcome({ kind: "failure", result: { ok: false, reason: "INVALID", message: "Some fields need attention.", fieldErrors: fieldErrorsOf(checked.error) } });
      return;
    }
    startTransition(async () => {
      try {
        if (mode === "create") {
          const result = await createTeamAction(values);
          if (result.ok) {
            router.push(`/teams/${result.data.teamId}`);
          } else {
            setOutcome({ kind: "failure", result });
          }
        } else {
          const result = await updateTeamAction({ ...values, teamId: team!.id, version: team!.version });
          if (result.ok) {
            onSaved?.(`Saved the changes to ${values.name.trim()}.`);
            router.refresh();
          } else {
            setOutcome({ kind: "failure", result });
          }
        }
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-5">
      <fieldset>
        <legend className="block text-sm font-medium text-slate-700">Kind</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {KIND_OPTIONS.map((option) => (
            <label
              key={option.kind}
              className={`flex cursor-pointer gap-3 rounded-lg border p-3 text-sm shadow-sm focus-within:ring-2 focus-within:ring-indigo-500 ${kind === option.kind ? "border-indigo-500 bg-indigo-50/60" : "border-slate-300 bg-white hover:border-slate-400"}`}
            >
              <input
                type="radio"
                name="kind"
                value={option.kind}
                checked={kind === option.kind}
                onChange={() => setKind(option.kind)}
                className="mt-0.5 size-4 accent-indigo-600"
              />
              <span>
                <span className="block font-medium text-slate-900">{option.title}</span>
                <span className="block text-xs text-slate-500">{option.hint}</span>
              </span>
            </label>
          ))}
        </div>
        {fieldErrors.kind ? <p className="mt-1 text-xs font-medium text-rose-700">{fieldErrors.kind}</p> : null}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${id}-name`} label="Name" error={fieldErrors.name}>
          {(p) => <input {...p} name="name" defaultValue={initial.name} autoComplete="off" autoFocus={mode === "create"} className={inputClass} />}
        </Field>
        <Field id={`${id}-stream`} label="Value stream" error={fieldErrors.valueStreamId} hint={kind === "DELIVERY_POD" ? "What the pod is organised around" : "Usually none: services support every stream"}>
          {(p) => (
            <select {...p} name="valueStreamId" defaultValue={initial.valueStreamId === null ? "" : String(initial.valueStreamId)} className={inputClass}>
              <option value="">None</option>
              {valueStreams.map((vs) => (
                <option key={vs.id} value={vs.id}>
                  {vs.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>

      <Field id={`${id}-shape`} label="Shape" error={fieldErrors.shape}>
        {(p) => (
          <select {...p} name="shape" defaultValue={initial.shape} className={inputClass}>
            {TEAM_SHAPES.map((shape) => (
              <option key={shape} value={shape}>
                {shapeLabel(shape)} — {SHAPE_HINTS[shape]}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field id={`${id}-mission`} label="Mission" error={fieldErrors.mission} hint="The outcome the team exists for, in a sentence or two">
        {(p) => <textarea {...p} name="mission" rows={3} defaultValue={initial.mission} className={inputClass} />}
      </Field>

      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={`${id}-cadence`} label="Sprint length (working days)" error={fieldErrors.cadenceDays}>
          {(p) => <input {...p} name="cadenceDays" type="number" min={1} max={30} inputMode="numeric" defaultValue={initial.cadenceDays} className={inputClass} />}
        </Field>
        <Field id={`${id}-anchor`} label="First sprint starts" error={fieldErrors.cadenceAnchor}>
          {(p) => <input {...p} name="cadenceAnchor" type="date" defaultValue={initial.cadenceAnchor} className={inputClass} />}
        </Field>
        <Field id={`${id}-wip`} label="WIP limit (items)" error={fieldErrors.wipLimit}>
          {(p) => <input {...p} name="wipLimit" type="number" min={1} max={99} inputMode="numeric" defaultValue={initial.wipLimit} className={inputClass} />}
        </Field>
      </div>

      <label className="flex items-start gap-3 text-sm text-slate-700">
        <input type="checkbox" name="requiresBriefLink" defaultChecked={initial.requiresBriefLink} className="mt-0.5 size-4 accent-indigo-600" />
        <span>
          <span className="font-medium text-slate-900">Require a brief link</span>
          <span className="block text-xs text-slate-500">Definition of Ready: stories enter a sprint only with a link to their brief.</span>
        </span>
      </label>

      <ActionMessage
        outcome={outcome}
        onReload={() => {
          setOutcome(null);
          router.refresh();
        }}
      />
      <div className="flex flex-wrap justify-end gap-3">
        {onCancel ? (
          <button type="button" onClick={onCancel} className={secondaryButtonClass}>
            Cancel
          </button>
        ) : null}
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Saving…" : mode === "create" ? "Create team" : "Save changes"}
        </button>
      </div>
    </form>
  );
}
