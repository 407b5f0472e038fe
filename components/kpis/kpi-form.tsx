"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { ActionMessage, Field, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE, type FormOutcome } from "@/components/admin/form-parts";
import type { Direction, KpiFrequency, KpiScope } from "@/lib/generated/prisma/enums";
import { createKpiAction, updateKpiAction } from "@/lib/kpis/actions";
import { FREQUENCY_LABEL } from "@/lib/kpis/periods";
import type { KpiFormOptions } from "@/lib/kpis/queries";
import { FREQUENCIES } from "@/lib/kpis/schema";

export interface EditableKpi {
  id: number;
  key: string;
  version: number;
  name: string;
  definition: string;
  unit: string;
  direction: Direction;
  target: number;
  frequency: KpiFrequency;
  dataOwnerId: number;
  scope: KpiScope;
  teamId: number | null;
  valueStreamId: number | null;
  keyResultId: number | null;
}

/** Defines a KPI (no `kpi`) or edits one: definition, unit, direction, target, frequency, data owner, scope, key result. */
export function KpiForm({ kpi, options, onDone }: { kpi?: EditableKpi; options: KpiFormOptions; onDone?: () => void }) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [scope, setScope] = useState<KpiScope>(kpi?.scope ?? "TEAM");
  const errors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const fields = {
      name: text("name"),
      definition: text("definition"),
      unit: text("unit"),
      direction: text("direction") as Direction,
      target: text("target"),
      frequency: text("frequency") as KpiFrequency,
      dataOwnerId: text("dataOwnerId"),
      scope,
      teamId: scope === "TEAM" ? text("teamId") || null : null,
      valueStreamId: scope === "VALUE_STREAM" ? text("valueStreamId") || null : null,
      keyResultId: text("keyResultId") || null,
    };
    startTransition(async () => {
      try {
        if (kpi) {
          const result = await updateKpiAction({ kpiId: kpi.id, version: kpi.version, ...fields });
          if (!result.ok) return setOutcome({ kind: "failure", result });
          onDone?.();
          router.refresh();
        } else {
          const result = await createKpiAction(fields);
          if (!result.ok) return setOutcome({ kind: "failure", result });
          router.push(`/kpis/${result.data.id}`);
        }
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <Field id={`${id}-name`} label="Name" error={errors.name}>
        {(p) => <input {...p} name="name" defaultValue={kpi?.name} required maxLength={120} className={inputClass} />}
      </Field>
      <Field id={`${id}-unit`} label="Unit" error={errors.unit} hint="%, £, MQLs, days…">
        {(p) => <input {...p} name="unit" defaultValue={kpi?.unit} required maxLength={30} className={inputClass} />}
      </Field>
      <Field id={`${id}-definition`} label="Definition" error={errors.definition} className="sm:col-span-2" hint="How it is calculated and from which source, so two people get the same number.">
        {(p) => <textarea {...p} name="definition" rows={2} defaultValue={kpi?.definition} required className={inputClass} />}
      </Field>
      <Field id={`${id}-direction`} label="Better when" error={errors.direction}>
        {(p) => (
          <select {...p} name="direction" defaultValue={kpi?.direction ?? "HIGHER_IS_BETTER"} className={inputClass}>
            <option value="HIGHER_IS_BETTER">Higher</option>
            <option value="LOWER_IS_BETTER">Lower</option>
          </select>
        )}
      </Field>
      <Field id={`${id}-target`} label="Target" error={errors.target}>
        {(p) => <input {...p} name="target" type="number" step="any" inputMode="decimal" defaultValue={kpi?.target} required className={inputClass} />}
      </Field>
      <Field id={`${id}-frequency`} label="Measured" error={errors.frequency}>
        {(p) => (
          <select {...p} name="frequency" defaultValue={kpi?.frequency ?? "WEEKLY"} className={inputClass}>
            {FREQUENCIES.map((f) => (
              <option key={f} value={f}>
                {FREQUENCY_LABEL[f]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-owner`} label="Data owner" error={errors.dataOwnerId} hint="Records the measurements and is told when one is overdue.">
        {(p) => (
          <select {...p} name="dataOwnerId" defaultValue={kpi?.dataOwnerId ?? ""} required className={inputClass}>
            <option value="">Choose…</option>
            {options.people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-scope`} label="Scope" error={errors.scope}>
        {(p) => (
          <select {...p} value={scope} onChange={(e) => setScope(e.target.value as KpiScope)} className={inputClass}>
            <option value="TEAM">A team</option>
            <option value="VALUE_STREAM">A value stream</option>
            <option value="PORTFOLIO">The portfolio</option>
          </select>
        )}
      </Field>
      {scope === "TEAM" ? (
        <Field id={`${id}-team`} label="Team" error={errors.teamId}>
          {(p) => (
            <select {...p} name="teamId" defaultValue={kpi?.teamId ?? ""} className={inputClass}>
              <option value="">Choose…</option>
              {options.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : scope === "VALUE_STREAM" ? (
        <Field id={`${id}-vs`} label="Value stream" error={errors.valueStreamId}>
          {(p) => (
            <select {...p} name="valueStreamId" defaultValue={kpi?.valueStreamId ?? ""} className={inputClass}>
              <option value="">Choose…</option>
              {options.valueStreams.map((vs) => (
                <option key={vs.id} value={vs.id}>
                  {vs.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <div />
      )}
      <Field id={`${id}-kr`} label="Measures key result (optional)" error={errors.keyResultId} className="sm:col-span-2">
        {(p) => (
          <select {...p} name="keyResultId" defaultValue={kpi?.keyResultId ?? ""} className={inputClass}>
            <option value="">None</option>
            {options.keyResults.map((kr) => (
              <option key={kr.id} value={kr.id}>
                {kr.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Saving…" : kpi ? "Save KPI" : "Define KPI"}
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
