"use client";

import { useState } from "react";
import { shapeLabel } from "@/components/teams/team-kind-badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, FieldSet } from "@/components/ui/field";
import { Form, FormFooter, SubmitButton, useActionForm } from "@/components/ui/form";
import { Checkbox, Input, NativeSelect, Textarea } from "@/components/ui/input";
import type { TeamKind, TeamShape } from "@/lib/generated/prisma/enums";
import { createTeamAction, updateTeamAction } from "@/lib/teams/actions";
import { CreateTeamSchema, TEAM_SHAPES, UpdateTeamSchema } from "@/lib/teams/schema";

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

/**
 * Creates a team (the action then opens its page), or edits one against the version it was opened with.
 * The action's schema checks the fields in the browser first; refusals come back next to their fields.
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
  onSaved?: () => void;
  onCancel?: () => void;
}) {
  const editing = mode === "edit" && team;
  const form = useActionForm<unknown>(editing ? updateTeamAction : createTeamAction, {
    schema: editing ? UpdateTeamSchema : CreateTeamSchema,
    success: editing ? "Saved the team’s changes." : undefined,
    onSuccess: () => onSaved?.(),
  });
  const [kind, setKind] = useState<TeamKind>(initial.kind);

  return (
    <Form form={form} className="flex flex-col gap-5">
      {editing ? (
        <>
          <input type="hidden" name="teamId" value={team.id} />
          <input type="hidden" name="version" value={team.version} />
        </>
      ) : null}
      <FieldSet name="kind" legend="Kind">
        <div className="grid gap-3 sm:grid-cols-2">
          {KIND_OPTIONS.map((option) => (
            <label
              key={option.kind}
              className={cn(
                "flex cursor-pointer gap-3 rounded-lg border p-3 text-sm shadow-sm focus-within:ring-2 focus-within:ring-ring",
                kind === option.kind ? "border-indigo-500 bg-indigo-50" : "border-input bg-surface hover:border-slate-400",
              )}
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
                <span className="block font-medium text-foreground">{option.title}</span>
                <span className="block text-xs text-muted-foreground">{option.hint}</span>
              </span>
            </label>
          ))}
        </div>
      </FieldSet>

      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Name">
          <Input name="name" defaultValue={initial.name} autoComplete="off" autoFocus={mode === "create"} />
        </Field>
        <Field name="valueStreamId" label="Value stream" hint={kind === "DELIVERY_POD" ? "What the pod is organised around" : "Usually none: services support every stream"}>
          <NativeSelect name="valueStreamId" defaultValue={initial.valueStreamId === null ? "" : String(initial.valueStreamId)}>
            <option value="">None</option>
            {valueStreams.map((vs) => (
              <option key={vs.id} value={vs.id}>
                {vs.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>

      <Field name="shape" label="Shape">
        <NativeSelect name="shape" defaultValue={initial.shape}>
          {TEAM_SHAPES.map((shape) => (
            <option key={shape} value={shape}>
              {shapeLabel(shape)} — {SHAPE_HINTS[shape]}
            </option>
          ))}
        </NativeSelect>
      </Field>

      <Field name="mission" label="Mission" hint="The outcome the team exists for, in a sentence or two">
        <Textarea name="mission" defaultValue={initial.mission} />
      </Field>

      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="cadenceDays" label="Sprint length (working days)">
          <Input name="cadenceDays" type="number" min={1} max={30} inputMode="numeric" defaultValue={initial.cadenceDays} />
        </Field>
        <Field name="cadenceAnchor" label="First sprint starts">
          <Input name="cadenceAnchor" type="date" defaultValue={initial.cadenceAnchor} />
        </Field>
        <Field name="wipLimit" label="WIP limit (items)">
          <Input name="wipLimit" type="number" min={1} max={99} inputMode="numeric" defaultValue={initial.wipLimit} />
        </Field>
      </div>

      <Checkbox
        name="requiresBriefLink"
        defaultChecked={initial.requiresBriefLink}
        label="Require a brief link"
        hint="Definition of Ready: stories enter a sprint only with a link to their brief."
      />

      <FormFooter>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <SubmitButton>{mode === "create" ? "Create team" : "Save changes"}</SubmitButton>
      </FormFooter>
    </Form>
  );
}
