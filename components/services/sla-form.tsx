"use client";

import Link from "next/link";
import { useState } from "react";
import { HiddenFields } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, FieldSet } from "@/components/ui/field";
import { Form, FormFooter, SubmitButton, useActionForm } from "@/components/ui/form";
import { Checkbox, Input, NativeSelect } from "@/components/ui/input";
import { formatTurnaround } from "@/lib/format/turnaround";
import type { IntakeMethod, TurnaroundUnit } from "@/lib/generated/prisma/enums";
import { createSlaAction, updateSlaAction } from "@/lib/services/actions";
import { CreateSlaSchema, INTAKE_METHODS, UpdateSlaSchema } from "@/lib/services/schema";

const DAYS = [
  { value: 1, label: "Mon" },
  { value: 2, label: "Tue" },
  { value: 3, label: "Wed" },
  { value: 4, label: "Thu" },
  { value: 5, label: "Fri" },
  { value: 6, label: "Sat" },
  { value: 7, label: "Sun" },
];

const INTAKE_LABEL: Record<IntakeMethod, string> = { TICKET: "Ticket", MEETING: "Intake meeting", ASYNC_FORM: "Async form" };

export interface SlaFormValues {
  requestType: string;
  requestDays: number[];
  turnaround: number;
  turnaroundUnit: TurnaroundUnit;
  intakeMethod: IntakeMethod;
  active: boolean;
  escalation: { personId: number | null; role: string | null }[];
}

interface Step {
  key: number;
  kind: "person" | "role";
  personId: string;
  role: string;
}

/**
 * Creates or edits an SLA: request type, the days requests are taken, turnaround in business hours or days,
 * intake method, and the escalation path as ordered steps (a person, or a role to route to). The steps post
 * as `escalation.<n>.personId` / `escalation.<n>.role`, in the order shown.
 */
export function SlaForm({
  mode,
  teamId,
  slaId,
  version,
  initial,
  people,
  workdayHours,
}: {
  mode: "create" | "edit";
  teamId: number;
  slaId?: number;
  version?: number;
  initial: SlaFormValues;
  people: { id: number; name: string; title: string }[];
  /** Length of a working day in hours (a business day), for the turnaround hint. */
  workdayHours: number;
}) {
  const form = useActionForm<unknown>(mode === "create" ? createSlaAction : updateSlaAction, { schema: mode === "create" ? CreateSlaSchema : UpdateSlaSchema });
  const [days, setDays] = useState<number[]>(initial.requestDays);
  const [turnaround, setTurnaround] = useState(String(initial.turnaround));
  const [unit, setUnit] = useState<TurnaroundUnit>(initial.turnaroundUnit);
  const [nextKey, setNextKey] = useState(initial.escalation.length + 1);
  const [steps, setSteps] = useState<Step[]>(
    initial.escalation.map((s, i) => ({ key: i + 1, kind: s.personId !== null ? "person" : "role", personId: s.personId === null ? "" : String(s.personId), role: s.role ?? "" })),
  );
  const stepError = Object.entries(form.errors).find(([k]) => k.startsWith("escalation"))?.[1];
  const update = (key: number, change: Partial<Step>) => setSteps((list) => list.map((s) => (s.key === key ? { ...s, ...change } : s)));
  const move = (index: number, by: number) =>
    setSteps((list) => {
      const next = [...list];
      const [step] = next.splice(index, 1);
      if (step) next.splice(index + by, 0, step);
      return next;
    });

  const amount = Number(turnaround);
  return (
    <Form form={form} className="grid grid-cols-1 gap-5 md:grid-cols-2">
      <HiddenFields fields={mode === "create" ? { teamId } : { slaId, version }} />
      <Field name="requestType" label="Request type" className="md:col-span-2">
        <Input name="requestType" defaultValue={initial.requestType} required maxLength={80} placeholder="e.g. Contract review" />
      </Field>
      <FieldSet
        name="requestDays"
        legend="Request window"
        hint="Days requests are taken. A request filed on another day (or after hours) starts its clock at the next opening."
        className="md:col-span-2"
      >
        <div className="flex flex-wrap gap-2">
          {DAYS.map((d) => {
            const on = days.includes(d.value);
            return (
              <label
                key={d.value}
                className={cn(
                  "flex cursor-pointer items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                  on ? "border-indigo-300 bg-indigo-50 text-indigo-800" : "border-input bg-surface text-slate-600",
                )}
              >
                <input
                  type="checkbox"
                  name="requestDays"
                  value={d.value}
                  className="sr-only"
                  checked={on}
                  onChange={() => setDays((list) => (on ? list.filter((x) => x !== d.value) : [...list, d.value].sort((a, b) => a - b)))}
                />
                {d.label}
              </label>
            );
          })}
        </div>
      </FieldSet>
      <div className="grid grid-cols-2 gap-3">
        <Field name="turnaround" label="Turnaround">
          <Input name="turnaround" type="number" min={1} max={400} step={1} inputMode="numeric" value={turnaround} onChange={(e) => setTurnaround(e.target.value)} required />
        </Field>
        <Field name="turnaroundUnit" label="Unit">
          <NativeSelect name="turnaroundUnit" value={unit} onChange={(e) => setUnit(e.target.value as TurnaroundUnit)}>
            <option value="BUSINESS_HOURS">Business hours</option>
            <option value="BUSINESS_DAYS">Business days</option>
          </NativeSelect>
        </Field>
        <p className="col-span-2 -mt-1 text-xs text-muted-foreground">
          {Number.isInteger(amount) && amount > 0
            ? `${formatTurnaround(amount, unit)} of working time (a business day is ${workdayHours} h; weekends and holidays do not count).`
            : "Working time only: weekends and holidays do not count."}
        </p>
      </div>
      <Field name="intakeMethod" label="Intake method">
        <NativeSelect name="intakeMethod" defaultValue={initial.intakeMethod}>
          {INTAKE_METHODS.map((m) => (
            <option key={m} value={m}>
              {INTAKE_LABEL[m]}
            </option>
          ))}
        </NativeSelect>
      </Field>

      <fieldset className="flex min-w-0 flex-col gap-3 rounded-xl border border-border p-4 md:col-span-2">
        <legend className="px-1 text-sm font-semibold text-foreground">Escalation path</legend>
        <p className="text-xs text-muted-foreground">Escalating a request notifies the next step, in this order.</p>
        {steps.length === 0 ? <p className="text-sm text-muted-foreground">No steps yet.</p> : null}
        <ol className="flex flex-col gap-2">
          {steps.map((step, index) => (
            <li key={step.key} className="flex flex-wrap items-end gap-2 rounded-lg bg-surface-muted p-2">
              <span className="mb-2 w-6 text-center text-sm font-semibold text-muted-foreground tabular-nums">{index + 1}.</span>
              <Field label="Step is" className="w-32">
                <NativeSelect value={step.kind} onChange={(e) => update(step.key, { kind: e.target.value as Step["kind"] })}>
                  <option value="person">A person</option>
                  <option value="role">A role</option>
                </NativeSelect>
              </Field>
              {step.kind === "person" ? (
                <Field label="Person" className="min-w-0 flex-[1_1_14rem]">
                  <NativeSelect name={`escalation.${index}.personId`} value={step.personId} onChange={(e) => update(step.key, { personId: e.target.value })}>
                    <option value="">Choose…</option>
                    {people.map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.name}
                        {person.title ? ` — ${person.title}` : ""}
                      </option>
                    ))}
                  </NativeSelect>
                  <input type="hidden" name={`escalation.${index}.role`} value="" />
                </Field>
              ) : (
                <Field label="Role" className="min-w-0 flex-[1_1_14rem]">
                  <Input name={`escalation.${index}.role`} value={step.role} onChange={(e) => update(step.key, { role: e.target.value })} maxLength={80} placeholder="e.g. General Counsel" />
                  <input type="hidden" name={`escalation.${index}.personId`} value="" />
                </Field>
              )}
              <div className="mb-0.5 flex gap-1">
                <Button variant="secondary" size="sm" onClick={() => move(index, -1)} disabled={index === 0} aria-label={`Move step ${index + 1} up`}>
                  ↑
                </Button>
                <Button variant="secondary" size="sm" onClick={() => move(index, 1)} disabled={index === steps.length - 1} aria-label={`Move step ${index + 1} down`}>
                  ↓
                </Button>
                <Button variant="secondary" size="sm" onClick={() => setSteps((list) => list.filter((s) => s.key !== step.key))} aria-label={`Remove step ${index + 1}`}>
                  Remove
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <p aria-live="polite" className="text-xs font-medium text-danger empty:hidden">
          {stepError ?? ""}
        </p>
        <div>
          <Button
            variant="secondary"
            disabled={steps.length >= 6}
            onClick={() => {
              setSteps((list) => [...list, { key: nextKey, kind: "person", personId: "", role: "" }]);
              setNextKey((k) => k + 1);
            }}
          >
            Add a step
          </Button>
        </div>
      </fieldset>

      <Checkbox name="active" defaultChecked={initial.active} label="Taking requests" hint="Inactive SLAs are kept for history but cannot be chosen." className="md:col-span-2" />

      <FormFooter className="md:col-span-2 [&>div]:justify-start" shownElsewhere={(name) => name.startsWith("escalation")}>
        <SubmitButton>{mode === "create" ? "Add SLA" : "Save SLA"}</SubmitButton>
        <Button variant="secondary" asChild>
          <Link href="/services">Cancel</Link>
        </Button>
      </FormFooter>
    </Form>
  );
}
