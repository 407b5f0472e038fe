"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { ItemStatusBadge } from "@/components/backlog/item-status-badge";
import { ActionButton, HiddenFields } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, FieldSet } from "@/components/ui/field";
import { Form, FormFooter, FormMessage, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input, Textarea } from "@/components/ui/input";
import { Table, TableScroll, Td, Th, Tr } from "@/components/ui/table";
import { READINESS_LABELS } from "@/lib/backlog/readiness";
import { enumLabel } from "@/lib/format/enum-label";
import { plural } from "@/lib/format/plural";
import { overCapacityWarning, planLoad, type PlanLoad } from "@/lib/sprints/capacity";
import { addToSprintAction, closeSprintAction, removeFromSprintAction, setAvailabilityAction, startSprintAction, updateSprintGoalAction } from "@/lib/sprints/actions";
import type { SprintDetail } from "@/lib/sprints/queries";
import { CloseSprintSchema, SetAvailabilitySchema, UpdateSprintGoalSchema } from "@/lib/sprints/schema";
import { CapacityBar } from "./capacity-bar";

/**
 * Planning one sprint: the capacity bar (planned against capacity, moving as stories go in and out), the scope,
 * the stories that can go in (ready ones first; a story that is not ready cannot be added, and says what is
 * missing), days off per member, the goal, and starting or closing the sprint. Every button shows its own
 * refusal beside itself; successes are toasts.
 */
export function SprintPlanner({ sprint, canScope, canManage }: { sprint: SprintDetail; canScope: boolean; canManage: boolean }) {
  // The bar moves at once from what the action returns; once the revalidated page data arrives it takes over.
  const [local, setLocal] = useState<{ base: PlanLoad; value: PlanLoad } | null>(null);
  const load = local && local.base === sprint.load ? local.value : sprint.load;
  const setLoad = (next: PlanLoad) => setLocal({ base: sprint.load, value: next });

  const inScope = sprint.items.filter((i) => i.removedAt === null);
  const removed = sprint.items.filter((i) => i.removedAt !== null);
  const [find, setFind] = useState("");
  const needle = find.trim().toLowerCase();
  const found = needle ? sprint.candidates.filter((c) => c.key.toLowerCase().includes(needle) || c.title.toLowerCase().includes(needle)) : sprint.candidates;
  const ready = found.filter((c) => c.missing.length === 0);
  const notReady = found.filter((c) => c.missing.length > 0);
  const findId = useId();
  const open = sprint.status !== "CLOSED";
  const running = sprint.status === "ACTIVE";
  const onAdded = (data: { plannedPoints: number; capacityPoints: number }) => setLoad(planLoad(data.plannedPoints, data.capacityPoints));

  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="capacity-heading" className="rounded-xl border border-border bg-surface p-5 shadow-sm">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h2 id="capacity-heading" className="text-section-title font-semibold text-foreground">
              Capacity
            </h2>
            <p className="mt-0.5 max-w-2xl text-sm text-muted-foreground">
              {sprint.capacity.pointsPerDay.value} points per full-time day × {sprint.capacity.availableDays} available days ={" "}
              <strong className="text-slate-700">{sprint.capacity.capacityPoints} points</strong>.{" "}
              {sprint.capacity.pointsPerDay.basis === "history"
                ? `The rate is the team’s own: points completed over available days in its last ${plural(sprint.capacity.pointsPerDay.sprints, "closed sprint")}.`
                : "No closed sprint yet, so the rate is the default of half a point per full-time day."}{" "}
              {running || sprint.status === "CLOSED" ? `Fixed at ${sprint.capacityPoints} points when the sprint started.` : ""}
            </p>
          </div>
          {sprint.status === "PLANNED" && canManage ? <StartButton sprint={sprint} load={load} /> : null}
        </div>
        <div className="mt-4">
          <CapacityBar load={load} label={running ? "In scope against capacity" : sprint.status === "CLOSED" ? "Scope against capacity" : "Planned against capacity"} />
          {overCapacityWarning(load) ? (
            <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <strong>Above capacity.</strong> {overCapacityWarning(load)} Planning above capacity is allowed, but the team is unlikely to finish it all.
            </p>
          ) : null}
        </div>
        <AvailabilityTable sprint={sprint} editable={canManage && sprint.status === "PLANNED"} onSaved={onAdded} />
      </section>

      <GoalEditor sprint={sprint} editable={canManage && open} />

      <section aria-labelledby="scope-heading" className="rounded-xl border border-border bg-surface shadow-sm">
        <header className="border-b border-border px-5 py-4">
          <h2 id="scope-heading" className="text-section-title font-semibold text-foreground">
            Scope · {plural(inScope.length, "story")}
          </h2>
          <p className="text-sm text-muted-foreground">
            {sprint.status === "PLANNED"
              ? "What the team plans to commit to. It becomes the committed set when the sprint starts."
              : `Committed at start: ${sprint.committedPoints} points. Stories added since are mid-sprint insertions.`}
          </p>
        </header>
        <TableScroll label={`Stories in Sprint ${sprint.number}`} maxHeightClassName="" className="rounded-none border-0">
          <Table label={`Stories in Sprint ${sprint.number}`}>
            <thead>
              <tr>
                <Th>Story</Th>
                <Th priority="secondary">Status</Th>
                <Th align="end">Points</Th>
                <Th priority="tertiary">Owner</Th>
                <Th priority="secondary">In scope</Th>
                <Th pinned="end">
                  <span className="sr-only">Actions</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {inScope.length === 0 ? (
                <tr>
                  <td colSpan={6} className="px-4 py-6 text-center text-muted-foreground">
                    Nothing planned yet{canScope && open ? ": add ready stories below." : "."}
                  </td>
                </tr>
              ) : null}
              {[...inScope, ...removed].map((item) => (
                <Tr key={item.itemId} className={item.removedAt ? "text-muted-foreground" : undefined}>
                  <Td>
                    <Link href={`/items/${item.itemId}`} className="font-mono text-xs text-link hover:underline">
                      {item.key}
                    </Link>{" "}
                    <span className={item.removedAt ? "line-through" : "text-foreground"}>{item.title}</span>
                  </Td>
                  <Td priority="secondary">
                    <ItemStatusBadge status={item.status} />
                  </Td>
                  <Td align="end" nowrap>
                    {item.estimate ?? "—"}
                    {item.pointsAtStart !== null && item.pointsAtStart !== item.estimate ? (
                      <span className="ml-1 text-xs text-muted-foreground">(was {item.pointsAtStart} at start)</span>
                    ) : null}
                  </Td>
                  <Td priority="tertiary" nowrap>
                    {item.owner ?? "—"}
                  </Td>
                  <Td priority="secondary">
                    {item.removedAt ? (
                      <Badge tone="slate">Removed</Badge>
                    ) : item.midSprint ? (
                      <Badge tone="amber">Mid-sprint insertion</Badge>
                    ) : item.committed ? (
                      <Badge tone="indigo">Committed</Badge>
                    ) : (
                      <Badge tone="sky">Planned</Badge>
                    )}
                  </Td>
                  <Td pinned="end" className="text-right">
                    {canScope && open && !item.removedAt ? (
                      <ActionButton
                        action={removeFromSprintAction}
                        fields={{ sprintId: sprint.id, itemId: item.itemId }}
                        aria-label={`Remove ${item.key} from the sprint`}
                        success={`Took ${item.key} out of Sprint ${sprint.number}.`}
                        onSuccess={(data) => setLoad(planLoad(data.plannedPoints, load.capacityPoints))}
                      >
                        Remove
                      </ActionButton>
                    ) : null}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        </TableScroll>
      </section>

      {open && canScope ? (
        <section aria-labelledby="candidates-heading" className="rounded-xl border border-border bg-surface shadow-sm">
          <header className="border-b border-border px-5 py-4">
            <h2 id="candidates-heading" className="text-section-title font-semibold text-foreground">
              {running ? "Add to the running sprint" : "Pick stories into the sprint"}
            </h2>
            <p className="text-sm text-muted-foreground">
              The team’s open stories in backlog rank order. Only ready stories go in: an owner, acceptance criteria and an estimate
              {sprint.team.requiresBriefLink ? ", and a brief link" : ""}.{" "}
              <Link href={`/teams/${sprint.team.id}/backlog?level=STORY&ready=not-ready`} className="font-medium text-link hover:underline">
                Groom the ones that are not
              </Link>
              .
            </p>
          </header>
          <div className="px-5 pt-3">
            <label htmlFor={findId} className="block text-xs font-medium text-slate-600">
              Find a story
            </label>
            <Input id={findId} type="search" value={find} onChange={(e) => setFind(e.target.value)} placeholder="Key or title…" className="max-w-sm" />
          </div>
          <CandidateList title={`Ready (${ready.length})`} candidates={ready} sprint={sprint} running={running} showAll={needle !== ""} onAdded={onAdded} />
          <CandidateList title={`Not ready (${notReady.length})`} candidates={notReady} sprint={sprint} running={running} showAll={needle !== ""} onAdded={onAdded} />
        </section>
      ) : null}

      {running && canManage ? <CloseSprintForm sprint={sprint} /> : null}
    </div>
  );
}

function CandidateList({
  title,
  candidates,
  sprint,
  running,
  showAll: everything,
  onAdded,
}: {
  title: string;
  candidates: SprintDetail["candidates"];
  sprint: SprintDetail;
  running: boolean;
  showAll: boolean;
  onAdded: (data: { plannedPoints: number; capacityPoints: number }) => void;
}) {
  const [showAll, setShowAll] = useState(false);
  const visible = showAll || everything ? candidates : candidates.slice(0, 12);
  return (
    <div className="px-5 py-3">
      <h3 className="text-sm font-semibold text-slate-700">{title}</h3>
      {candidates.length === 0 ? <p className="py-2 text-sm text-muted-foreground">None.</p> : null}
      <ul className="mt-1 divide-y divide-border">
        {visible.map((c) => {
          const missing = c.missing.map((m) => READINESS_LABELS[m]).join(", ");
          return (
            <li key={c.itemId} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2" data-key={c.key}>
              <span className="min-w-0 flex-[1_1_16rem]">
                <span className="font-mono text-xs text-muted-foreground">{c.key}</span> <span className="text-foreground">{c.title}</span>
                {c.parentKey ? <span className="ml-1 text-xs text-muted-foreground">in {c.parentKey}</span> : null}
                {c.missing.length ? <span className="mt-0.5 block text-xs font-medium text-amber-800">Missing: {missing}</span> : null}
              </span>
              <span className="text-sm text-slate-600 tabular-nums">{c.estimate === null ? "—" : `${c.estimate} pts`}</span>
              <span className="w-32 truncate text-sm text-slate-600">{c.owner ?? "No owner"}</span>
              <ActionButton
                action={addToSprintAction}
                fields={{ sprintId: sprint.id, itemId: c.itemId }}
                aria-label={`Add ${c.key} to the sprint`}
                disabledReason={c.missing.length ? `Not ready: missing ${missing.toLowerCase()}.` : undefined}
                success={(data) => {
                  const what = data.midSprint ? `Added ${c.key} to the running sprint (a mid-sprint insertion).` : `Planned ${c.key} into Sprint ${sprint.number}.`;
                  return data.warning ? `${what} ${data.warning}` : what;
                }}
                onSuccess={onAdded}
              >
                {running ? "Insert" : "Add"}
              </ActionButton>
            </li>
          );
        })}
      </ul>
      {candidates.length > visible.length ? (
        <Button variant="link" onClick={() => setShowAll(true)} className="py-1">
          Show all {candidates.length}
        </Button>
      ) : null}
    </div>
  );
}

function StartButton({ sprint, load }: { sprint: SprintDetail; load: PlanLoad }) {
  const blocked = sprint.activeSprint ? `Sprint ${sprint.activeSprint.number} is still running: close it first.` : undefined;
  const over = load.level === "over" ? overCapacityWarning(load) : null;
  return (
    <ActionButton
      action={startSprintAction}
      fields={{ sprintId: sprint.id, version: sprint.version }}
      variant="primary"
      size="md"
      disabledReason={blocked}
      confirm={over ? { title: `Start Sprint ${sprint.number} above capacity?`, description: `${over} The team is unlikely to finish it all.`, confirmLabel: "Start anyway" } : undefined}
      success={(data) => `Sprint ${sprint.number} started with ${data.committedPoints} points committed.${data.warning ? ` ${data.warning}` : ""}`}
    >
      Start sprint {sprint.number}
    </ActionButton>
  );
}

function AvailabilityTable({ sprint, editable, onSaved }: { sprint: SprintDetail; editable: boolean; onSaved: (data: { plannedPoints: number; capacityPoints: number }) => void }) {
  return (
    <details className="mt-4 rounded-lg border border-border">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-700">
        Who is available · {sprint.capacity.workingDays} working days · {plural(sprint.capacity.members.length, "member")}
        {editable ? " · record days off" : ""}
      </summary>
      <TableScroll label={`Availability of the team in Sprint ${sprint.number}`} maxHeightClassName="" className="rounded-none border-0 border-t">
        <Table label={`Availability of the team in Sprint ${sprint.number}`}>
          <thead>
            <tr>
              <Th>Member</Th>
              <Th priority="secondary">Role</Th>
              <Th align="end" priority="secondary">
                Allocation
              </Th>
              <Th align="end">Days off</Th>
              <Th align="end">Available days</Th>
            </tr>
          </thead>
          <tbody>
            {sprint.capacity.members.map((m) => (
              <Tr key={m.personId}>
                <Td className="text-foreground">{m.name}</Td>
                <Td priority="secondary">{enumLabel(m.role)}</Td>
                <Td align="end" priority="secondary">
                  {m.allocationPct} %
                </Td>
                <Td align="end">
                  {editable ? <DaysOffInput sprint={sprint} member={m} onSaved={onSaved} /> : <span className="tabular-nums">{m.daysOff}</span>}
                </Td>
                <Td align="end">{m.availableDays}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </TableScroll>
    </details>
  );
}

/** Days off for one member, saved when the field is left (or on Enter); a refusal shows under the field. */
function DaysOffInput({
  sprint,
  member,
  onSaved,
}: {
  sprint: SprintDetail;
  member: SprintDetail["capacity"]["members"][number];
  onSaved: (data: { plannedPoints: number; capacityPoints: number }) => void;
}) {
  const form = useActionForm(setAvailabilityAction, { schema: SetAvailabilitySchema, onSuccess: onSaved });
  return (
    <Form form={form} className="flex flex-col items-end">
      <HiddenFields fields={{ sprintId: sprint.id, personId: member.personId }} />
      <Field name="daysOff" label={`Days off for ${member.name}`} hideLabel className="w-24">
        <Input
          name="daysOff"
          type="number"
          min={0}
          max={sprint.capacity.workingDays}
          step={0.5}
          defaultValue={member.daysOff}
          disabled={form.pending}
          onBlur={(e) => {
            if (e.target.value !== "" && Number(e.target.value) !== member.daysOff) e.currentTarget.form?.requestSubmit();
          }}
          className="mt-0 py-1 text-right tabular-nums"
        />
      </Field>
      <FormMessage className="text-xs" />
    </Form>
  );
}

function GoalEditor({ sprint, editable }: { sprint: SprintDetail; editable: boolean }) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const form = useActionForm(updateSprintGoalAction, { schema: UpdateSprintGoalSchema, success: "Sprint goal saved.", onSuccess: () => setEditing(false) });
  return (
    <section aria-labelledby={`${id}-h`} className="rounded-xl border border-border bg-surface p-5 shadow-sm">
      <div className="flex items-start justify-between gap-3">
        <h2 id={`${id}-h`} className="text-section-title font-semibold text-foreground">
          Sprint goal
        </h2>
        {editable && !editing ? (
          <Button
            variant="secondary"
            size="sm"
            onClick={() => {
              form.reset();
              setEditing(true);
            }}
          >
            Edit goal
          </Button>
        ) : null}
      </div>
      {editing ? (
        <Form form={form} className="mt-2 flex flex-col gap-2">
          <HiddenFields fields={{ sprintId: sprint.id, version: sprint.version }} />
          <Field name="goal" label="Sprint goal" hideLabel>
            <Textarea name="goal" defaultValue={sprint.goal} rows={2} maxLength={500} autoFocus />
          </Field>
          <FormFooter className="[&>div]:justify-start">
            <SubmitButton>Save goal</SubmitButton>
            <Button variant="secondary" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </FormFooter>
        </Form>
      ) : (
        <p className={`mt-1 text-sm ${sprint.goal ? "text-slate-800" : "text-muted-foreground"}`}>{sprint.goal || "No goal yet. A sprint goal says why the sprint is worth doing."}</p>
      )}
      {sprint.status === "CLOSED" ? (
        <p className="mt-2">
          <Badge tone={sprint.goalMet ? "emerald" : "rose"} dot>
            {sprint.goalMet ? "Goal met" : "Goal not met"}
          </Badge>
        </p>
      ) : null}
    </section>
  );
}

function CloseSprintForm({ sprint }: { sprint: SprintDetail }) {
  const id = useId();
  const [goalMet, setGoalMet] = useState<boolean | null>(null);
  const scope = sprint.items.filter((i) => i.removedAt === null);
  const done = scope.filter((i) => i.status === "DONE");
  const unfinished = scope.filter((i) => i.status !== "DONE" && i.status !== "CANCELLED");
  const donePoints = done.reduce((sum, i) => sum + (i.estimate ?? 0), 0);
  const form = useActionForm(closeSprintAction, {
    schema: CloseSprintSchema,
    success: (d) =>
      `Sprint ${sprint.number} closed: ${d.completedPoints} points completed${d.carriedOver.length ? `, ${plural(d.carriedOver.length, "story")} carried over to Sprint ${d.nextSprintNumber}` : ""}.`,
  });
  return (
    <section aria-labelledby={`${id}-h`} className="rounded-xl border border-border bg-surface p-5 shadow-sm">
      <h2 id={`${id}-h`} className="text-section-title font-semibold text-foreground">
        Close the sprint
      </h2>
      <p className="mt-0.5 text-sm text-muted-foreground">
        {plural(done.length, "story")} done ({donePoints} points completed).{" "}
        {unfinished.length
          ? `${plural(unfinished.length, "unfinished story", "unfinished stories")} ${unfinished.length === 1 ? "carries" : "carry"} over to ${sprint.next?.status === "PLANNED" ? `Sprint ${sprint.next.number}` : "the next sprint (made from the cadence if needed)"}.`
          : "Nothing to carry over."}
      </p>
      <Form form={form} className="mt-3 flex flex-col gap-3">
        <HiddenFields fields={{ sprintId: sprint.id, version: sprint.version }} />
        <FieldSet name="goalMet" legend="Was the sprint goal met?">
          <div className="flex flex-wrap gap-4">
            {[true, false].map((value) => (
              <label key={String(value)} className="flex items-center gap-2 text-sm text-slate-700">
                <input type="radio" name="goalMet" value={String(value)} checked={goalMet === value} onChange={() => setGoalMet(value)} className="size-4 accent-indigo-600" />
                {value ? "Yes, goal met" : "No, goal not met"}
              </label>
            ))}
          </div>
        </FieldSet>
        <FormFooter className="[&>div]:justify-start">
          <SubmitButton disabled={goalMet === null}>Close sprint {sprint.number}</SubmitButton>
        </FormFooter>
      </Form>
    </section>
  );
}
