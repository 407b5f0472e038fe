"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";
import { Form, FormFooter, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { logDependencyAction } from "@/lib/dependencies/actions";
import { DEPENDENCY_TYPES } from "@/lib/dependencies/flow";
import type { FormTeam } from "@/lib/dependencies/queries";
import { LogDependencySchema } from "@/lib/dependencies/schema";
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

/** A side's default owner: me when I am in the team, else its agile lead (people come agile lead first). */
function defaultOwner(team: FormTeam | null, me: number | null): string {
  if (!team) return "";
  if (me !== null && team.people.some((p) => p.id === me)) return String(me);
  return team.people[0] ? String(team.people[0].id) : "";
}

/** The chosen item as a picker option (its label comes from the team's list). */
function itemOption(team: FormTeam | null, itemId: number | null): ComboboxOption | null {
  const item = itemId === null ? undefined : team?.items.find((i) => i.id === itemId);
  return item ? { value: String(item.id), label: `${item.key} ${item.title}` } : null;
}

/** Open features and stories of one team, searched on the server (a backlog can hold thousands). */
const itemSearch = (teamId: number) => ({ kind: "items" as const, params: { teamId: String(teamId), levels: "FEATURE,STORY", open: "1" } });

/**
 * Logs a dependency in one screen: your team (and item), the team or service you need something from (and
 * their item), what kind, what, an owner on each side and the date. Owners default to the agile leads; the
 * action opens the new dependency.
 */
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
  const form = useActionForm(logDependencyAction, { schema: LogDependencySchema });
  const [fromTeamId, setFromTeamId] = useState<number | null>(defaults.fromTeamId ?? fromTeams[0]?.id ?? null);
  const [toTeamId, setToTeamId] = useState<number | null>(defaults.toTeamId);
  const [type, setType] = useState<DependencyType | "">(defaults.type ?? "");
  const teamById = (teamId: number | null) => teams.find((t) => t.id === teamId) ?? null;
  // Owners belong to a side's team: choosing another team resets them (to its agile lead), and its item.
  const [fromOwnerId, setFromOwnerId] = useState(defaultOwner(teamById(fromTeamId), myPersonId));
  const [toOwnerId, setToOwnerId] = useState(defaultOwner(teamById(toTeamId), null));

  const fromTeam = teamById(fromTeamId);
  const toTeam = teamById(toTeamId);
  const providers = teams.filter((t) => t.id !== fromTeamId);
  const pods = providers.filter((t) => t.kind === "DELIVERY_POD");
  const services = providers.filter((t) => t.kind === "SHARED_SERVICE");
  const personLabel = (p: FormTeam["people"][number]) => `${p.name}${p.role === "AGILE_LEAD" ? " (agile lead)" : p.role === "PRODUCT_OWNER" ? " (product owner)" : ""}`;

  return (
    <Form form={form} className="grid grid-cols-1 gap-x-6 gap-y-5 md:grid-cols-2">
      <fieldset className="flex min-w-0 flex-col gap-4 rounded-xl border border-border p-4">
        <legend className="px-1 text-sm font-semibold text-foreground">Your side (waiting)</legend>
        <Field name="fromTeamId" label="Team">
          <NativeSelect
            name="fromTeamId"
            value={fromTeamId ?? ""}
            onChange={(e) => {
              const next = e.target.value ? Number(e.target.value) : null;
              setFromTeamId(next);
              setFromOwnerId(defaultOwner(teamById(next), myPersonId));
            }}
          >
            {fromTeams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field name="fromItemId" label="Item (optional)" hint="The story or feature that cannot finish without it: it shows as blocked.">
          {fromTeamId !== null ? (
            <Combobox
              key={fromTeamId}
              name="fromItemId"
              search={itemSearch(fromTeamId)}
              defaultValue={defaults.fromTeamId === fromTeamId ? itemOption(fromTeam, defaults.fromItemId) : null}
              noneLabel="No particular item"
              searchPlaceholder="Search by key or title…"
            />
          ) : (
            <input type="hidden" name="fromItemId" value="" />
          )}
        </Field>
        <Field name="fromOwnerId" label="Owner on your side">
          <NativeSelect name="fromOwnerId" value={fromOwnerId} onChange={(e) => setFromOwnerId(e.target.value)} required>
            {fromTeam?.people.map((person) => (
              <option key={person.id} value={person.id}>
                {personLabel(person)}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </fieldset>

      <fieldset className="flex min-w-0 flex-col gap-4 rounded-xl border border-border p-4">
        <legend className="px-1 text-sm font-semibold text-foreground">Their side (providing)</legend>
        <Field name="toTeamId" label="Team or shared service">
          <NativeSelect
            name="toTeamId"
            value={toTeamId ?? ""}
            onChange={(e) => {
              const next = e.target.value ? Number(e.target.value) : null;
              setToTeamId(next);
              setToOwnerId(defaultOwner(teamById(next), null));
            }}
            required
          >
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
          </NativeSelect>
        </Field>
        <Field name="toItemId" label="Their item (optional)" hint={toTeam ? undefined : "Choose the team first."}>
          {toTeamId !== null ? (
            <Combobox
              key={toTeamId}
              name="toItemId"
              search={itemSearch(toTeamId)}
              defaultValue={defaults.toTeamId === toTeamId ? itemOption(toTeam, defaults.toItemId) : null}
              noneLabel="No particular item"
              searchPlaceholder="Search by key or title…"
            />
          ) : (
            <Combobox name="toItemId" options={[]} noneLabel="No particular item" disabled />
          )}
        </Field>
        <Field name="toOwnerId" label="Owner on their side" hint={toTeam ? "They get it in their inbox, with the team's agile lead and product owner." : "Choose the team first."}>
          <NativeSelect name="toOwnerId" value={toOwnerId} onChange={(e) => setToOwnerId(e.target.value)} disabled={!toTeam} required>
            {toTeam ? null : <option value="">—</option>}
            {toTeam?.people.map((person) => (
              <option key={person.id} value={person.id}>
                {personLabel(person)}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </fieldset>

      <Field name="type" label="Type" hint={type ? TYPE_HINTS[type] : "What kind of need is it?"}>
        <NativeSelect name="type" value={type} onChange={(e) => setType(e.target.value as DependencyType | "")} required>
          <option value="">Choose…</option>
          {DEPENDENCY_TYPES.map((t) => (
            <option key={t} value={t}>
              {enumLabel(t)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field name="neededBy" label="Needed by" hint="After this date it shows as overdue on every board.">
        <Input name="neededBy" type="date" min={today} defaultValue={defaults.neededBy ?? ""} required />
      </Field>
      <Field name="description" label="What do you need?" className="md:col-span-2">
        <Textarea
          name="description"
          required
          maxLength={2000}
          defaultValue={defaults.description}
          placeholder="e.g. Conversions API events for LinkedIn so paid social optimises on pipeline"
        />
      </Field>
      <FormFooter className="md:col-span-2 [&>div]:justify-start">
        <SubmitButton pendingText="Logging…" disabled={fromTeams.length === 0}>
          Log dependency
        </SubmitButton>
        <Button variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
      </FormFooter>
    </Form>
  );
}
