"use client";

import { useState } from "react";
import { HiddenFields } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";
import { Form, FormFooter, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { enumLabel } from "@/lib/format/enum-label";
import type { ObjectiveLevel, ObjectiveStatus } from "@/lib/generated/prisma/enums";
import { createObjectiveAction, updateObjectiveAction } from "@/lib/okrs/actions";
import type { OkrFormOptions } from "@/lib/okrs/queries";
import { CreateObjectiveSchema, OBJECTIVE_LEVELS, OBJECTIVE_STATUSES, PARENT_LEVEL, UpdateObjectiveSchema } from "@/lib/okrs/schema";
import { LEVEL_LABEL } from "./okr-format";

export interface EditableObjective {
  id: number;
  key: string;
  version: number;
  title: string;
  description: string;
  level: ObjectiveLevel;
  status: ObjectiveStatus;
  parentId: number | null;
  valueStreamId: number | null;
  teamId: number | null;
  ownerPersonId: number | null;
  periodStart: string;
  periodEnd: string;
}

/**
 * Creates an objective (no `objective`; the action then opens it) or edits one. The level decides which of
 * value stream and team is asked for, and which objectives may be its parent (one level up the cascade).
 * The action checks all of it again.
 */
export function ObjectiveForm({
  objective,
  options,
  defaults,
  onDone,
}: {
  objective?: EditableObjective;
  options: OkrFormOptions;
  /** Period of a new objective (the current quarter). */
  defaults: { periodStart: string; periodEnd: string };
  onDone?: () => void;
}) {
  const form = useActionForm<unknown>(objective ? updateObjectiveAction : createObjectiveAction, {
    schema: objective ? UpdateObjectiveSchema : CreateObjectiveSchema,
    success: objective ? `Saved ${objective.key}.` : undefined,
    onSuccess: () => onDone?.(),
  });
  const [level, setLevel] = useState<ObjectiveLevel>(objective?.level ?? "VALUE_STREAM");
  const [teamId, setTeamId] = useState<string>(objective?.teamId ? String(objective.teamId) : "");

  const parentLevel = PARENT_LEVEL[level];
  const teamStream = options.teams.find((t) => String(t.id) === teamId)?.valueStreamId ?? null;
  const parents = options.parents.filter(
    (p) => p.id !== objective?.id && p.level === parentLevel && (level !== "TEAM" || teamStream === null || p.valueStreamId === teamStream),
  );
  const people = options.people.map((p) => ({ value: String(p.id), label: p.name }));

  return (
    <Form form={form} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      {objective ? <HiddenFields fields={{ objectiveId: objective.id, version: objective.version }} /> : null}
      {/* Only the level's own scope is sent; the other is empty. */}
      {level !== "VALUE_STREAM" ? <input type="hidden" name="valueStreamId" value="" /> : null}
      {level !== "TEAM" ? <input type="hidden" name="teamId" value="" /> : null}
      {parentLevel ? null : <input type="hidden" name="parentId" value="" />}
      <Field name="title" label="Objective" className="sm:col-span-2" hint="Qualitative and ambitious: what should be true at the end of the period?">
        <Input name="title" defaultValue={objective?.title} required maxLength={200} />
      </Field>
      <Field name="level" label="Level">
        <NativeSelect name="level" value={level} onChange={(e) => setLevel(e.target.value as ObjectiveLevel)}>
          {OBJECTIVE_LEVELS.map((l) => (
            <option key={l} value={l}>
              {LEVEL_LABEL[l]}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field name="status" label="Status">
        <NativeSelect name="status" defaultValue={objective?.status ?? "ACTIVE"}>
          {OBJECTIVE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {enumLabel(s)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      {level === "VALUE_STREAM" ? (
        <Field name="valueStreamId" label="Value stream">
          <NativeSelect name="valueStreamId" defaultValue={objective?.valueStreamId ?? ""}>
            <option value="">Choose…</option>
            {options.valueStreams.map((vs) => (
              <option key={vs.id} value={vs.id}>
                {vs.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      ) : null}
      {level === "TEAM" ? (
        <Field name="teamId" label="Team">
          <NativeSelect name="teamId" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
            <option value="">Choose…</option>
            {options.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      ) : null}
      {parentLevel ? (
        <Field name="parentId" label={`Cascades from (${LEVEL_LABEL[parentLevel].toLowerCase()} objective)`}>
          <NativeSelect name="parentId" defaultValue={objective?.parentId ?? ""}>
            <option value="">None</option>
            {parents.map((o) => (
              <option key={o.id} value={o.id}>
                {o.key} {o.title}
              </option>
            ))}
          </NativeSelect>
        </Field>
      ) : null}
      <Field name="ownerPersonId" label="Owner">
        <Combobox
          name="ownerPersonId"
          options={people}
          defaultValue={people.find((p) => p.value === String(objective?.ownerPersonId)) ?? null}
          noneLabel="Nobody yet"
          searchPlaceholder="Search people…"
        />
      </Field>
      <Field name="periodStart" label="Period starts">
        <Input type="date" name="periodStart" defaultValue={objective?.periodStart ?? defaults.periodStart} required />
      </Field>
      <Field name="periodEnd" label="Period ends">
        <Input type="date" name="periodEnd" defaultValue={objective?.periodEnd ?? defaults.periodEnd} required />
      </Field>
      <Field name="description" label="Why it matters" className="sm:col-span-2">
        <Textarea name="description" defaultValue={objective?.description} />
      </Field>
      <FormFooter className="sm:col-span-2">
        {onDone ? (
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
        <SubmitButton>{objective ? "Save objective" : "Create objective"}</SubmitButton>
      </FormFooter>
    </Form>
  );
}
