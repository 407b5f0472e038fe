"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { ActionMessage, Field, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE, type FormOutcome } from "@/components/admin/form-parts";
import { formatTurnaround } from "@/lib/format/turnaround";
import type { IntakeMethod, TurnaroundUnit } from "@/lib/generated/prisma/enums";
import { createSlaAction, updateSlaAction } from "@/lib/services/actions";
import { INTAKE_METHODS } from "@/lib/services/schema";

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
 * intake method, and the escalation path as ordered steps (a person, or a role to route to).
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
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [days, setDays] = useState<number[]>(initial.requestDays);
  const [turnaround, setTurnaround] = useState(String(initial.turnaround));
  const [unit, setUnit] = useState<TurnaroundUnit>(initial.turnaroundUnit);
  const [nextKey, setNextKey] = useState(initial.escalation.length + 1);
  const [steps, setSteps] = useState<Step[]>(
    initial.escalation.map((s, i) => ({ key: i + 1, kind: s.personId !== null ? "person" : "role", personId: s.personId === null ? "" : String(s.personId), role: s.role ?? "" })),
  );
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};
  const stepError = Object.entries(fieldErrors).find(([k]) => k.startsWith("escalation"))?.[1];

  const move = (index: number, by: number) =>
    setSteps((list) => {
      const next = [...list];
      const [step] = next.splice(index, 1);
      next.splice(index + by, 0, step!);
      return next;
    });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const fields = {
      requestType: String(form.get("requestType") ?? ""),
      requestDays: days,
      turnaround,
      turnaroundUnit: unit,
      intakeMethod: String(form.get("intakeMethod") ?? "") as IntakeMethod,
      active: form.get("active") === "on",
      escalation: steps.map((s) => (s.kind === "person" ? { personId: s.personId, role: "" } : { personId: null, role: s.role })),
    };
    startTransition(async () => {
      try {
        const result =
          mode === "create" ? await createSlaAction({ teamId, ...fields }) : await updateSlaAction({ slaId: slaId!, version: version!, ...fields });
        if (result.ok) {
          setOutcome({ kind: "success", text: "Saved. Requests filed from now on use these terms." });
          router.push("/services");
          router.refresh();
        } else setOutcome({ kind: "failure", result });
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  const amount = Number(turnaround);
  return (
    <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-5 md:grid-cols-2">
      <Field id={`${id}-type`} label="Request type" error={fieldErrors.requestType} className="md:col-span-2">
        {(p) => <input {...p} name="requestType" defaultValue={initial.requestType} required maxLength={80} placeholder="e.g. Contract review" className={inputClass} />}
      </Field>
      <fieldset className="md:col-span-2" aria-describedby={fieldErrors.requestDays ? `${id}-days-error` : `${id}-days-hint`}>
        <legend className="text-sm font-medium text-slate-700">Request window</legend>
        <p id={`${id}-days-hint`} className="text-xs text-slate-500">
          Days requests are taken. A request filed on another day (or after hours) starts its clock at the next opening.
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          {DAYS.map((d) => {
            const on = days.includes(d.value);
            return (
              <label
                key={d.value}
                className={`flex cursor-pointer items-center gap-1.5 rounded-md border px-3 py-1.5 text-sm font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500 ${on ? "border-indigo-300 bg-indigo-50 text-indigo-800" : "border-slate-300 bg-white text-slate-600"}`}
              >
                <input
                  type="checkbox"
                  className="sr-only"
                  checked={on}
                  onChange={() => setDays((list) => (on ? list.filter((x) => x !== d.value) : [...list, d.value].sort((a, b) => a - b)))}
                />
                {d.label}
              </label>
            );
          })}
        </div>
        {fieldErrors.requestDays ? (
          <p id={`${id}-days-error`} className="mt-1 text-xs font-medium text-rose-700">
            {fieldErrors.requestDays}
          </p>
        ) : null}
      </fieldset>
      <div className="grid grid-cols-2 gap-3">
        <Field id={`${id}-turnaround`} label="Turnaround" error={fieldErrors.turnaround}>
          {(p) => <input {...p} type="number" min={1} max={400} step={1} inputMode="numeric" value={turnaround} onChange={(e) => setTurnaround(e.target.value)} required className={inputClass} />}
        </Field>
        <Field id={`${id}-unit`} label="Unit" error={fieldErrors.turnaroundUnit}>
          {(p) => (
            <select {...p} value={unit} onChange={(e) => setUnit(e.target.value as TurnaroundUnit)} className={inputClass}>
              <option value="BUSINESS_HOURS">Business hours</option>
              <option value="BUSINESS_DAYS">Business days</option>
            </select>
          )}
        </Field>
        <p className="col-span-2 -mt-1 text-xs text-slate-500">
          {Number.isInteger(amount) && amount > 0
            ? `${formatTurnaround(amount, unit)} of working time (a business day is ${workdayHours} h; weekends and holidays do not count).`
            : "Working time only: weekends and holidays do not count."}
        </p>
      </div>
      <Field id={`${id}-intake`} label="Intake method" error={fieldErrors.intakeMethod}>
        {(p) => (
          <select {...p} name="intakeMethod" defaultValue={initial.intakeMethod} className={inputClass}>
            {INTAKE_METHODS.map((m) => (
              <option key={m} value={m}>
                {INTAKE_LABEL[m]}
              </option>
            ))}
          </select>
        )}
      </Field>

      <fieldset className="flex flex-col gap-3 rounded-xl border border-slate-200 p-4 md:col-span-2">
        <legend className="px-1 text-sm font-semibold text-slate-900">Escalation path</legend>
        <p className="text-xs text-slate-500">Escalating a request notifies the next step, in this order.</p>
        {steps.length === 0 ? <p className="text-sm text-slate-500">No steps yet.</p> : null}
        <ol className="flex flex-col gap-2">
          {steps.map((step, index) => (
            <li key={step.key} className="flex flex-wrap items-end gap-2 rounded-lg bg-slate-50 p-2">
              <span className="mb-2 w-6 text-center text-sm font-semibold text-slate-500 tabular-nums">{index + 1}.</span>
              <label className="flex flex-col text-xs text-slate-600">
                Step is
                <select
                  value={step.kind}
                  onChange={(e) => setSteps((list) => list.map((s) => (s.key === step.key ? { ...s, kind: e.target.value as Step["kind"] } : s)))}
                  className={`${inputClass} w-32`}
                >
                  <option value="person">A person</option>
                  <option value="role">A role</option>
                </select>
              </label>
              {step.kind === "person" ? (
                <label className="flex min-w-56 flex-1 flex-col text-xs text-slate-600">
                  Person
                  <select
                    value={step.personId}
                    onChange={(e) => setSteps((list) => list.map((s) => (s.key === step.key ? { ...s, personId: e.target.value } : s)))}
                    className={inputClass}
                  >
                    <option value="">Choose…</option>
                    {people.map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.name}
                        {person.title ? ` — ${person.title}` : ""}
                      </option>
                    ))}
                  </select>
                </label>
              ) : (
                <label className="flex min-w-56 flex-1 flex-col text-xs text-slate-600">
                  Role
                  <input
                    value={step.role}
                    onChange={(e) => setSteps((list) => list.map((s) => (s.key === step.key ? { ...s, role: e.target.value } : s)))}
                    maxLength={80}
                    placeholder="e.g. General Counsel"
                    className={inputClass}
                  />
                </label>
              )}
              <div className="mb-0.5 flex gap-1">
                <button type="button" className={secondaryButtonClass} onClick={() => move(index, -1)} disabled={index === 0} aria-label={`Move step ${index + 1} up`}>
                  ↑
                </button>
                <button type="button" className={secondaryButtonClass} onClick={() => move(index, 1)} disabled={index === steps.length - 1} aria-label={`Move step ${index + 1} down`}>
                  ↓
                </button>
                <button type="button" className={secondaryButtonClass} onClick={() => setSteps((list) => list.filter((s) => s.key !== step.key))} aria-label={`Remove step ${index + 1}`}>
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ol>
        {stepError ? <p className="text-xs font-medium text-rose-700">{stepError}</p> : null}
        <div>
          <button
            type="button"
            className={secondaryButtonClass}
            disabled={steps.length >= 6}
            onClick={() => {
              setSteps((list) => [...list, { key: nextKey, kind: "person", personId: "", role: "" }]);
              setNextKey((k) => k + 1);
            }}
          >
            Add a step
          </button>
        </div>
      </fieldset>

      <label className="flex items-center gap-2 text-sm text-slate-700 md:col-span-2">
        <input type="checkbox" name="active" defaultChecked={initial.active} className="size-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-500" />
        Taking requests (inactive SLAs are kept for history but cannot be chosen)
      </label>

      <ActionMessage outcome={outcome} onReload={() => router.refresh()} className="md:col-span-2" />
      <div className="flex flex-wrap gap-3 md:col-span-2">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Saving…" : mode === "create" ? "Add SLA" : "Save SLA"}
        </button>
        <button type="button" disabled={pending} onClick={() => router.push("/services")} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}
