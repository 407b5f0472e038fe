"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";
import { Form, FormFooter, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import type { Direction, KpiFrequency, KpiScope } from "@/lib/generated/prisma/enums";
import { createKpiAction, updateKpiAction } from "@/lib/kpis/actions";
import { FREQUENCY_LABEL } from "@/lib/kpis/periods";
import type { KpiFormOptions } from "@/lib/kpis/queries";
import { CreateKpiSchema, FREQUENCIES, UpdateKpiSchema } from "@/lib/kpis/schema";

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

/**
 * Defines a KPI (no `kpi`; the action then opens its page) or edits one: definition, unit, direction,
 * target, frequency, data owner, scope, key result.
 */
export function KpiForm({ kpi, options, onDone }: { kpi?: EditableKpi; options: KpiFormOptions; onDone?: () => void }) {
  const form = useActionForm<unknown>(kpi ? updateKpiAction : createKpiAction, {
    schema: kpi ? UpdateKpiSchema : CreateKpiSchema,
    success: kpi ? `Saved ${kpi.key}.` : undefined,
    onSuccess: () => onDone?.(),
  });
  const [scope, setScope] = useState<KpiScope>(kpi?.scope ?? "TEAM");
  const people = options.people.map((p) => ({ value: String(p.id), label: p.name }));
  const owner = kpi ? (people.find((p) => p.value === String(kpi.dataOwnerId)) ?? null) : null;

  return (
    <Form form={form} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      {kpi ? (
        <>
          <input type="hidden" name="kpiId" value={kpi.id} />
          <input type="hidden" name="version" value={kpi.version} />
        </>
      ) : null}
      <Field name="name" label="Name">
        <Input name="name" defaultValue={kpi?.name} required maxLength={120} />
      </Field>
      <Field name="unit" label="Unit" hint="%, £, MQLs, days…">
        <Input name="unit" defaultValue={kpi?.unit} required maxLength={30} />
      </Field>
      <Field name="definition" label="Definition" className="sm:col-span-2" hint="How it is calculated and from which source, so two people get the same number.">
        <Textarea name="definition" rows={2} defaultValue={kpi?.definition} required />
      </Field>
      <Field name="direction" label="Better when" hint="Lower: a cost or a time, where going over the target is bad.">
        <NativeSelect name="direction" defaultValue={kpi?.direction ?? "HIGHER_IS_BETTER"}>
          <option value="HIGHER_IS_BETTER">Higher</option>
          <option value="LOWER_IS_BETTER">Lower</option>
        </NativeSelect>
      </Field>
      <Field name="target" label="Target">
        <Input name="target" type="number" step="any" inputMode="decimal" defaultValue={kpi?.target} required />
      </Field>
      <Field name="frequency" label="Measured">
        <NativeSelect name="frequency" defaultValue={kpi?.frequency ?? "WEEKLY"}>
          {FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {FREQUENCY_LABEL[f]}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field name="dataOwnerId" label="Data owner" hint="Records the measurements and is told when one is overdue.">
        <Combobox name="dataOwnerId" options={people} defaultValue={owner} placeholder="Choose a person…" searchPlaceholder="Search people…" />
      </Field>
      <Field name="scope" label="Scope">
        <NativeSelect name="scope" value={scope} onChange={(e) => setScope(e.target.value as KpiScope)}>
          <option value="TEAM">A team</option>
          <option value="VALUE_STREAM">A value stream</option>
          <option value="PORTFOLIO">The portfolio</option>
        </NativeSelect>
      </Field>
      {scope === "TEAM" ? (
        <Field name="teamId" label="Team">
          <NativeSelect name="teamId" defaultValue={kpi?.teamId ?? ""}>
            <option value="">Choose…</option>
            {options.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      ) : scope === "VALUE_STREAM" ? (
        <Field name="valueStreamId" label="Value stream">
          <NativeSelect name="valueStreamId" defaultValue={kpi?.valueStreamId ?? ""}>
            <option value="">Choose…</option>
            {options.valueStreams.map((vs) => (
              <option key={vs.id} value={vs.id}>
                {vs.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      ) : (
        <div />
      )}
      <Field name="keyResultId" label="Measures key result (optional)" className="sm:col-span-2">
        <NativeSelect name="keyResultId" defaultValue={kpi?.keyResultId ?? ""}>
          <option value="">None</option>
          {options.keyResults.map((kr) => (
            <option key={kr.id} value={kr.id}>
              {kr.label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <FormFooter className="sm:col-span-2">
        {onDone ? (
          <Button variant="secondary" onClick={onDone}>
            Cancel
          </Button>
        ) : null}
        <SubmitButton>{kpi ? "Save KPI" : "Define KPI"}</SubmitButton>
      </FormFooter>
    </Form>
  );
}
