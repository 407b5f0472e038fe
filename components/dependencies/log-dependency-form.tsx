"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { ActionMessage, Field, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE, type FormOutcome } from "@/components/admin/form-parts";
import { logDependencyAction } from "@/lib/dependencies/actions";
import { DEPENDENCY_TYPES } from "@/lib/dependencies/flow";
import type { FormTeam } from "@/lib/dependencies/queries";
import { enumLabel } from "@/lib/format/enum-label";
import type { DependencyType } from "@/lib/generated/prisma/enums";

export interface LogDependencyDefaults {
  fromTeamId: number | null;
  fromItemId: number | null;
  toTeamId: number | null;
  toItemId: number | null;
  type: DependencyType | null;
  neededBy: string | null;
  description: string;
}

const TYPE_HINTS: Record<DependencyType, string> = {
  SHARED_RESOURCE: "People or time from another team (a designer for two days, a legal review).",
  CAMPAIGN_COLLISION: "Two campaigns hit the same audience at the same time: agree sequencing and caps.",
  AUDIENCE_OVERLAP: "Two teams work the same audience: agree who owns which journey.",
  LAUNCH_CONFLICT: "Launch dates that clash across teams.",
  DATA_NEED: "Events, fields or models you need before you can ship or measure.",
  TECHNOLOGY: "A page, component, integration or tool change another team builds.",
};

/**
 * Logs a dependency in one screen: your team (and item), the team or service you need something from (and
 * their item), what kind, what, an owner on each side and the date. Owners default to the agile leads.
 */
/** A side's default owner: me when I am in the team, else its agile lead (people come agile lead first). */
function defaultOwner(team: FormTeam | null, me: number | null): string {
  if (!team) return "";
  if (me !== null && team.people.some((p) => p.id === me)) return String(me);
  return team.people[0] ? String(team.people[0].id) : "";
}

export function LogDependencyForm({
  teams,
  fromTeams,
  defaults,
  today,
  myPersonId,
}: {
  /** Every team (the providing side can be any of them). */
  teams: FormTeam[];
  /** The teams the signed-in user may log for (the action checks again). */
  fromTeams: FormTeam[];
  defaults: LogDependencyDefaults;
  /** `YYYY-MM-DD` in the organisation's zone: the earliest needed-by date. */
  today: string;
  myPersonId: number | null;
}) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [fromTeamId, setFromTeamId] = useState<number | null>(defaults.fromTeamId ?? fromTeams[0]?.id ?? null);
  const [toTeamId, setToTeamId] = useState<number | null>(defaults.toTeamId);
  const [type, setType] = useState<DependencyType | "">(defaults.type ?? "");
  const teamById = (teamId: number | null) => teams.find((t) => t.id === teamId) ?? null;
  // Items and owners belong to a side's team: choosing another team resets them (owners to its agile lead).
  const [fromItemId, setFromItemId] = useState(defaults.fromItemId && defaults.fromTeamId === fromTeamId ? String(defaults.fromItemId) : "");
  const [fromOwnerId, setFromOwnerId] = useState(defaultOwner(teamById(fromTeamId), myPersonId));
  const [toItemId, setToItemId] = useState(defaults.toItemId && defaults.toTeamId !== null ? String(defaults.toItemId) : "");
  const [toOwnerId, setToOwnerId] = useState(defaultOwner(teamById(toTeamId), null));
  const chooseFrom = (teamId: number | null) => {
    setFromTeamId(teamId);
    setFromItemId("");
    setFromOwnerId(defaultOwner(teamById(teamId), myPersonId));
  };
  const chooseTo = (teamId: number | null) => {
    setToTeamId(teamId);
    setToItemId("");
    setToOwnerId(defaultOwner(teamById(teamId), null));
  };
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};

  const fromTeam = teams.find((t) => t.id === fromTeamId) ?? null;
  const toTeam = teams.find((t) => t.id === toTeamId) ?? null;
  const providers = teams.filter((t) => t.id !== fromTeamId);
  const pods = providers.filter((t) => t.kind === "DELIVERY_POD");
  const services = providers.filter((t) => t.kind === "SHARED_SERVICE");

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const input = {
      fromTeamId: fromTeamId ?? 0,
      fromItemId,
      toTeamId: toTeamId ?? "",
      toItemId,
      type: text("type") as DependencyType,
      description: text("description"),
      fromOwnerId,
      toOwnerId,
      neededBy: text("neededBy"),
    };
    startTransition(async () => {
      try {
        const result = await logDependencyAction(input);
        if (result.ok) {
          setOutcome({ kind: "success", text: `Logged ${result.data.key}. Opening it…` });
          router.push(`/dependencies/${result.data.id}`);
        } else setOutcome({ kind: "failure", result });
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  const personLabel = (p: FormTeam["people"][number]) => `${p.name}${p.role === "AGILE_LEAD" ? " (agile lead)" : p.role === "PRODUCT_OWNER" ? " (product owner)" : ""}`;

  return (
    <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-x-6 gap-y-5 md:grid-cols-2">
      <fieldset className="flex flex-col gap-4 rounded-xl border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">Your side (waiting)</legend>
        <Field id={`${id}-from`} label="Team" error={fieldErrors.fromTeamId}>
          {(p) => (
            <select {...p} name="fromTeamId" value={fromTeamId ?? ""} onChange={(e) => chooseFrom(e.target.value ? Number(e.target.value) : null)} className={inputClass}>
              {fromTeams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-from-item`} label="Item (optional)" error={fieldErrors.fromItemId} hint="The story or feature that cannot finish without it: it shows as blocked.">
          {(p) => (
            <select {...p} name="fromItemId" value={fromItemId} onChange={(e) => setFromItemId(e.target.value)} className={inputClass}>
              <option value="">No particular item</option>
              {fromTeam?.items.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.key} · {i.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-from-owner`} label="Owner on your side" error={fieldErrors.fromOwnerId}>
          {(p) => (
            <select {...p} name="fromOwnerId" value={fromOwnerId} onChange={(e) => setFromOwnerId(e.target.value)} required className={inputClass}>
              {fromTeam?.people.map((person) => (
                <option key={person.id} value={person.id}>
                  {personLabel(person)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset className="flex flex-col gap-4 rounded-xl border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">Their side (providing)</legend>
        <Field id={`${id}-to`} label="Team or shared service" error={fieldErrors.toTeamId}>
          {(p) => (
            <select {...p} name="toTeamId" value={toTeamId ?? ""} onChange={(e) => chooseTo(e.target.value ? Number(e.target.value) : null)} required className={inputClass}>
              <option value="">Choose…</option>
              <optgroup label="Delivery pods">
                {pods.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Shared services">
                {services.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
        <Field id={`${id}-to-item`} label="Their item (optional)" error={fieldErrors.toItemId}>
          {(p) => (
            <select {...p} name="toItemId" value={toItemId} onChange={(e) => setToItemId(e.target.value)} disabled={!toTeam} className={inputClass}>
              <option value="">No particular item</option>
              {toTeam?.items.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.key} · {i.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-to-owner`} label="Owner on their side" error={fieldErrors.toOwnerId} hint={toTeam ? "They get it in their inbox, with the team's agile lead and product owner." : "Choose the team first."}>
          {(p) => (
            <select {...p} name="toOwnerId" value={toOwnerId} onChange={(e) => setToOwnerId(e.target.value)} disabled={!toTeam} required className={inputClass}>
              {toTeam ? null : <option value="">—</option>}
              {toTeam?.people.map((person) => (
                <option key={person.id} value={person.id}>
                  {personLabel(person)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <Field id={`${id}-type`} label="Type" error={fieldErrors.type} hint={type ? TYPE_HINTS[type] : "What kind of need is it?"}>
        {(p) => (
          <select {...p} name="type" value={type} onChange={(e) => setType(e.target.value as DependencyType | "")} required className={inputClass}>
            <option value="">Choose…</option>
            {DEPENDENCY_TYPES.map((t) => (
              <option key={t} value={t}>
                {enumLabel(t)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-needed`} label="Needed by" error={fieldErrors.neededBy} hint="After this date it shows as overdue on every board.">
        {(p) => <input {...p} name="neededBy" type="date" min={today} defaultValue={defaults.neededBy ?? ""} required className={inputClass} />}
      </Field>
      <Field id={`${id}-description`} label="What do you need?" error={fieldErrors.description} className="md:col-span-2">
        {(p) => (
          <textarea
            {...p}
            name="description"
            rows={3}
            required
            maxLength={2000}
            defaultValue={defaults.description}
            placeholder="e.g. Conversions API events for LinkedIn so paid social optimises on pipeline"
            className={inputClass}
          />
        )}
      </Field>
      <ActionMessage outcome={outcome} onReload={() => router.refresh()} className="md:col-span-2" />
      <div className="flex flex-wrap gap-3 md:col-span-2">
        <button type="submit" disabled={pending || fromTeams.length === 0} className={primaryButtonClass}>
          {pending ? "Logging…" : "Log dependency"}
        </button>
        <button type="button" onClick={() => router.back()} disabled={pending} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}
