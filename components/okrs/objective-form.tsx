"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { ActionMessage, Field, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE, type FormOutcome } from "@/components/admin/form-parts";
import { enumLabel } from "@/lib/format/enum-label";
import type { ObjectiveLevel, ObjectiveStatus } from "@/lib/generated/prisma/enums";
import { createObjectiveAction, updateObjectiveAction } from "@/lib/okrs/actions";
import type { OkrFormOptions } from "@/lib/okrs/queries";
import { OBJECTIVE_LEVELS, OBJECTIVE_STATUSES, PARENT_LEVEL } from "@/lib/okrs/schema";
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
 * Creates an objective (no `objective`) or edits one. The level decides which of value stream and team is asked
 * for, and which objectives may be its parent (one level up the cascade). The action checks all of it again.
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
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [level, setLevel] = useState<ObjectiveLevel>(objective?.level ?? "VALUE_STREAM");
  const [valueStreamId, setValueStreamId] = useState<string>(objective?.valueStreamId ? String(objective.valueStreamId) : "");
  const [teamId, setTeamId] = useState<string>(objective?.teamId ? String(objective.teamId) : "");
  const errors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};

  const parentLevel = PARENT_LEVEL[level];
  const teamStream = options.teams.find((t) => String(t.id) === teamId)?.valueStreamId ?? null;
  const parents = options.parents.filter(
    (p) =>
      p.id !== objective?.id &&
      p.level === parentLevel &&
      (level !== "TEAM" || teamStream === null || p.valueStreamId === teamStream),
  );

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const fields = {
      title: text("title"),
      description: text("description"),
      level,
      status: text("status") as ObjectiveStatus,
      parentId: text("parentId") || null,
      valueStreamId: level === "VALUE_STREAM" ? valueStreamId || null : null,
      teamId: level === "TEAM" ? teamId || null : null,
      ownerPersonId: text("ownerPersonId") || null,
      periodStart: text("periodStart"),
      periodEnd: text("periodEnd"),
    };
    startTransition(async () => {
      try {
        if (objective) {
          const result = await updateObjectiveAction({ objectiveId: objective.id, version: objective.version, ...fields });
          if (!result.ok) return setOutcome({ kind: "failure", result });
          setOutcome({ kind: "success", text: `Saved ${objective.key}.` });
          onDone?.();
          router.refresh();
        } else {
          const result = await createObjectiveAction(fields);
          if (!result.ok) return setOutcome({ kind: "failure", result });
          router.push(`/okrs/${result.data.id}`);
        }
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <Field id={`${id}-title`} label="Objective" error={errors.title} className="sm:col-span-2" hint="Qualitative and ambitious: what should be true at the end of the period?">
        {(p) => <input {...p} name="title" defaultValue={objective?.title} required maxLength={200} className={inputClass} />}
      </Field>
      <Field id={`${id}-level`} label="Level" error={errors.level}>
        {(p) => (
          <select {...p} value={level} onChange={(e) => setLevel(e.target.value as ObjectiveLevel)} className={inputClass}>
            {OBJECTIVE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABEL[l]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-status`} label="Status" error={errors.status}>
        {(p) => (
          <select {...p} name="status" defaultValue={objective?.status ?? "ACTIVE"} className={inputClass}>
            {OBJECTIVE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {enumLabel(s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {level === "VALUE_STREAM" ? (
        <Field id={`${id}-vs`} label="Value stream" error={errors.valueStreamId}>
          {(p) => (
            <select {...p} value={valueStreamId} onChange={(e) => setValueStreamId(e.target.value)} className={inputClass}>
              <option value="">Choose…</option>
              {options.valueStreams.map((vs) => (
                <option key={vs.id} value={vs.id}>
                  {vs.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {level === "TEAM" ? (
        <Field id={`${id}-team`} label="Team" error={errors.teamId}>
          {(p) => (
            <select {...p} value={teamId} onChange={(e) => setTeamId(e.target.value)} className={inputClass}>
              <option value="">Choose…</option>
              {options.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {parentLevel ? (
        <Field id={`${id}-parent`} label={`Cascades from (${LEVEL_LABEL[parentLevel].toLowerCase()} objective)`} error={errors.parentId}>
          {(p) => (
            <select {...p} name="parentId" defaultValue={objective?.parentId ?? ""} className={inputClass}>
              <option value="">None</option>
              {parents.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.key} {o.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field id={`${id}-owner`} label="Owner" error={errors.ownerPersonId}>
        {(p) => (
          <select {...p} name="ownerPersonId" defaultValue={objective?.ownerPersonId ?? ""} className={inputClass}>
            <option value="">Nobody yet</option>
            {options.people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-start`} label="Period starts" error={errors.periodStart}>
        {(p) => <input {...p} type="date" name="periodStart" defaultValue={objective?.periodStart ?? defaults.periodStart} required className={inputClass} />}
      </Field>
      <Field id={`${id}-end`} label="Period ends" error={errors.periodEnd}>
        {(p) => <input {...p} type="date" name="periodEnd" defaultValue={objective?.periodEnd ?? defaults.periodEnd} required className={inputClass} />}
      </Field>
      <Field id={`${id}-description`} label="Why it matters" error={errors.description} className="sm:col-span-2">
        {(p) => <textarea {...p} name="description" rows={3} defaultValue={objective?.description} className={inputClass} />}
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Saving…" : objective ? "Save objective" : "Create objective"}
        </button>
        {onDone ? (
          <button type="button" onClick={onDone} className={secondaryButtonClass}>
            Cancel
          </button>
        ) : null}
        <ActionMessage outcome={outcome} onReload={() => router.refresh()} />
      </div>
    </form>
  );
}
