"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { inputClass, primaryButtonClass, secondaryButtonClass } from "@/components/admin/form-parts";
import { ItemStatusBadge } from "@/components/backlog/item-status-badge";
import { Badge } from "@/components/ui/badge";
import { READINESS_LABELS } from "@/lib/backlog/readiness";
import { overCapacityWarning, planLoad, type PlanLoad } from "@/lib/sprints/capacity";
import { addToSprintAction, closeSprintAction, removeFromSprintAction, setAvailabilityAction, startSprintAction, updateSprintGoalAction } from "@/lib/sprints/actions";
import type { SprintDetail } from "@/lib/sprints/queries";
import { enumLabel } from "@/lib/format/enum-label";
import { CapacityBar } from "./capacity-bar";

type Notice = { text: string; tone: "ok" | "warn" | "error" } | null;

/**
 * Planning one sprint: the capacity bar (planned against capacity, moving as stories go in and out), the scope,
 * the stories that can go in (ready ones first; a story that is not ready is refused by the server with what is
 * missing named), days off per member, the goal, and starting or closing the sprint.
 */
export function SprintPlanner({ sprint, canScope, canManage }: { sprint: SprintDetail; canScope: boolean; canManage: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<Notice>(null);
  // The bar moves at once from what the action returns; once the refreshed page data arrives it takes over.
  const [local, setLocal] = useState<{ base: PlanLoad; value: PlanLoad } | null>(null);
  const load = local && local.base === sprint.load ? local.value : sprint.load;
  const setLoad = (next: PlanLoad | ((current: PlanLoad) => PlanLoad)) =>
    setLocal({ base: sprint.load, value: typeof next === "function" ? next(load) : next });

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

  const act = (run: () => Promise<{ ok: true; data: unknown } | { ok: false; message: string }>, onOk: (data: unknown) => Notice) =>
    startTransition(async () => {
      try {
        const result = await run();
        if (result.ok) setNotice(onOk(result.data));
        else setNotice({ text: result.message, tone: "error" });
        router.refresh();
      } catch {
        setNotice({ text: "We couldn’t reach the server and nothing changed. Try again.", tone: "error" });
      }
    });

  const add = (itemId: number, key: string) =>
    act(
      () => addToSprintAction({ sprintId: sprint.id, itemId }),
      (data) => {
        const d = data as { plannedPoints: number; capacityPoints: number; midSprint: boolean; warning: string | null };
        setLoad(planLoad(d.plannedPoints, d.capacityPoints));
        const what = d.midSprint ? `Added ${key} to the running sprint (a mid-sprint insertion).` : `Planned ${key} into Sprint ${sprint.number}.`;
        return d.warning ? { text: `${what} ${d.warning}`, tone: "warn" } : { text: what, tone: "ok" };
      },
    );

  const remove = (itemId: number, key: string) =>
    act(
      () => removeFromSprintAction({ sprintId: sprint.id, itemId }),
      (data) => {
        const d = data as { plannedPoints: number };
        setLoad((l) => planLoad(d.plannedPoints, l.capacityPoints));
        return { text: `Took ${key} out of Sprint ${sprint.number}.`, tone: "ok" };
      },
    );

  return (
    <div className="flex flex-col gap-6">
      <p
        role="status"
        aria-live="polite"
        className={`min-h-5 text-sm font-medium ${notice?.tone === "error" ? "text-rose-700" : notice?.tone === "warn" ? "text-amber-700" : "text-emerald-700"}`}
      >
        {notice?.text}
      </p>

      <section aria-labelledby="capacity-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h2 id="capacity-heading" className="text-base font-semibold text-slate-900">
              Capacity
            </h2>
            <p className="mt-0.5 max-w-2xl text-sm text-slate-500">
              {sprint.capacity.pointsPerDay.value} points per full-time day × {sprint.capacity.availableDays} available days ={" "}
              <strong className="text-slate-700">{sprint.capacity.capacityPoints} points</strong>.{" "}
              {sprint.capacity.pointsPerDay.basis === "history"
                ? `The rate is the team’s own: points completed over available days in its last ${sprint.capacity.pointsPerDay.sprints} closed sprints.`
                : "No closed sprint yet, so the rate is the default of half a point per full-time day."}{" "}
              {running || sprint.status === "CLOSED" ? `Fixed at ${sprint.capacityPoints} points when the sprint started.` : ""}
            </p>
          </div>
          {sprint.status === "PLANNED" && canManage ? <StartButton sprint={sprint} load={load} pending={pending} onStart={act} /> : null}
        </div>
        <div className="mt-4">
          <CapacityBar load={load} label={running ? "In scope against capacity" : sprint.status === "CLOSED" ? "Scope against capacity" : "Planned against capacity"} />
          {overCapacityWarning(load) ? (
            <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <strong>Above capacity.</strong> {overCapacityWarning(load)} Planning above capacity is allowed, but the team is unlikely to finish it all.
            </p>
          ) : null}
        </div>
        <AvailabilityTable sprint={sprint} editable={canManage && sprint.status === "PLANNED"} onSaved={(data) => setLoad(planLoad(data.plannedPoints, data.capacityPoints))} />
      </section>

      <GoalEditor sprint={sprint} editable={canManage && open} />

      <section aria-labelledby="scope-heading" className="rounded-xl border border-slate-200 bg-white shadow-sm">
        <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-5 py-4">
          <div>
            <h2 id="scope-heading" className="text-base font-semibold text-slate-900">
              Scope · {inScope.length} {inScope.length === 1 ? "story" : "stories"}
            </h2>
            <p className="text-sm text-slate-500">
              {sprint.status === "PLANNED"
                ? "What the team plans to commit to. It becomes the committed set when the sprint starts."
                : `Committed at start: ${sprint.committedPoints} points. Stories added since are mid-sprint insertions.`}
            </p>
          </div>
        </header>
        <table className="min-w-full text-sm">
          <caption className="sr-only">Stories in Sprint {sprint.number}</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-4 py-2">Story</th>
              <th scope="col" className="px-4 py-2">Status</th>
              <th scope="col" className="px-4 py-2 text-right">Points</th>
              <th scope="col" className="px-4 py-2">Owner</th>
              <th scope="col" className="px-4 py-2">In scope</th>
              <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {inScope.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-4 py-6 text-center text-slate-500">
                  Nothing planned yet{canScope && open ? ": add ready stories below." : "."}
                </td>
              </tr>
            ) : null}
            {[...inScope, ...removed].map((item) => (
              <tr key={item.itemId} className={`border-t border-slate-100 ${item.removedAt ? "text-slate-500" : ""}`}>
                <td className="px-4 py-2">
                  <Link href={`/items/${item.itemId}`} className="font-mono text-xs text-indigo-700 hover:underline">
                    {item.key}
                  </Link>{" "}
                  <span className={item.removedAt ? "line-through" : "text-slate-900"}>{item.title}</span>
                </td>
                <td className="px-4 py-2">
                  <ItemStatusBadge status={item.status} />
                </td>
                <td className="px-4 py-2 text-right tabular-nums">
                  {item.estimate ?? "—"}
                  {item.pointsAtStart !== null && item.pointsAtStart !== item.estimate ? (
                    <span className="ml-1 text-xs text-slate-500" title="Points when the sprint started">
                      (was {item.pointsAtStart})
                    </span>
                  ) : null}
                </td>
                <td className="px-4 py-2 whitespace-nowrap">{item.owner ?? "—"}</td>
                <td className="px-4 py-2">
                  {item.removedAt ? (
                    <Badge tone="slate">Removed</Badge>
                  ) : item.midSprint ? (
                    <Badge tone="amber">Mid-sprint insertion</Badge>
                  ) : item.committed ? (
                    <Badge tone="indigo">Committed</Badge>
                  ) : (
                    <Badge tone="sky">Planned</Badge>
                  )}
                </td>
                <td className="px-4 py-2 text-right">
                  {canScope && open && !item.removedAt ? (
                    <button type="button" disabled={pending} onClick={() => remove(item.itemId, item.key)} aria-label={`Remove ${item.key} from the sprint`} className={secondaryButtonClass}>
                      Remove
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {open && canScope ? (
        <section aria-labelledby="candidates-heading" className="rounded-xl border border-slate-200 bg-white shadow-sm">
          <header className="border-b border-slate-100 px-5 py-4">
            <h2 id="candidates-heading" className="text-base font-semibold text-slate-900">
              {running ? "Add to the running sprint" : "Pick stories into the sprint"}
            </h2>
            <p className="text-sm text-slate-500">
              The team’s open stories in backlog rank order. Only ready stories go in: an owner, acceptance criteria and an estimate
              {sprint.team.requiresBriefLink ? ", and a brief link" : ""}.{" "}
              <Link href={`/teams/${sprint.team.id}/backlog?level=STORY&ready=not-ready`} className="font-medium text-indigo-700 hover:underline">
                Groom the ones that are not
              </Link>
              .
            </p>
          </header>
          <div className="px-5 pt-3">
            <label htmlFor={findId} className="block text-xs font-medium text-slate-600">
              Find a story
            </label>
            <input id={findId} type="search" value={find} onChange={(e) => setFind(e.target.value)} placeholder="Key or title…" className={`${inputClass} max-w-sm`} />
          </div>
          <CandidateList title={`Ready (${ready.length})`} candidates={ready} pending={pending} onAdd={add} running={running} showAll={needle !== ""} />
          <CandidateList title={`Not ready (${notReady.length})`} candidates={notReady} pending={pending} onAdd={add} running={running} showAll={needle !== ""} />
        </section>
      ) : null}

      {running && canManage ? <CloseSprintForm sprint={sprint} pending={pending} onClose={act} /> : null}
    </div>
  );
}

function CandidateList({
  title,
  candidates,
  pending,
  onAdd,
  running,
  showAll: everything,
}: {
  title: string;
  candidates: SprintDetail["candidates"];
  pending: boolean;
  onAdd: (itemId: number, key: string) => void;
  running: boolean;
  showAll: boolean;
}) {
  const [showAll, setShowAll] = useState(false);
  const visible = showAll || everything ? candidates : candidates.slice(0, 12);
  return (
    <div className="px-5 py-3">
      <h3 className="text-sm font-semibold text-slate-700">{title}</h3>
      {candidates.length === 0 ? <p className="py-2 text-sm text-slate-500">None.</p> : null}
      <ul className="mt-1 divide-y divide-slate-100">
        {visible.map((c) => (
          <li key={c.itemId} className="flex flex-wrap items-center gap-3 py-2" data-key={c.key}>
            <span className="min-w-0 flex-1">
              <span className="font-mono text-xs text-slate-500">{c.key}</span> <span className="text-slate-900">{c.title}</span>
              {c.parentKey ? <span className="ml-1 text-xs text-slate-500">in {c.parentKey}</span> : null}
              {c.missing.length ? (
                <span className="mt-0.5 block text-xs font-medium text-amber-800">Missing: {c.missing.map((m) => READINESS_LABELS[m]).join(", ")}</span>
              ) : null}
            </span>
            <span className="text-sm text-slate-600 tabular-nums">{c.estimate === null ? "—" : `${c.estimate} pts`}</span>
            <span className="w-32 truncate text-sm text-slate-600">{c.owner ?? "No owner"}</span>
            <button type="button" disabled={pending} onClick={() => onAdd(c.itemId, c.key)} aria-label={`Add ${c.key} to the sprint`} className={secondaryButtonClass}>
              {running ? "Insert" : "Add"}
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > visible.length ? (
        <button type="button" onClick={() => setShowAll(true)} className="py-1 text-sm font-medium text-indigo-700 hover:underline">
          Show all {candidates.length}
        </button>
      ) : null}
    </div>
  );
}

type Act = (run: () => Promise<{ ok: true; data: unknown } | { ok: false; message: string }>, onOk: (data: unknown) => Notice) => void;

function StartButton({ sprint, load, pending, onStart }: { sprint: SprintDetail; load: ReturnType<typeof planLoad>; pending: boolean; onStart: Act }) {
  const blocked = sprint.activeSprint ? `Sprint ${sprint.activeSprint.number} is still running: close it first.` : null;
  return (
    <div className="flex flex-col items-end gap-1">
      <button
        type="button"
        disabled={pending || blocked !== null}
        onClick={() => {
          if (load.level === "over" && !window.confirm(`${overCapacityWarning(load)} Start the sprint anyway?`)) return;
          onStart(
            () => startSprintAction({ sprintId: sprint.id, version: sprint.version }),
            (data) => {
              const d = data as { committedPoints: number; warning: string | null };
              return { text: `Sprint ${sprint.number} started with ${d.committedPoints} points committed.${d.warning ? ` ${d.warning}` : ""}`, tone: d.warning ? "warn" : "ok" };
            },
          );
        }}
        className={primaryButtonClass}
      >
        Start sprint {sprint.number}
      </button>
      {blocked ? <p className="text-xs text-slate-500">{blocked}</p> : null}
    </div>
  );
}

function AvailabilityTable({ sprint, editable, onSaved }: { sprint: SprintDetail; editable: boolean; onSaved: (data: { plannedPoints: number; capacityPoints: number }) => void }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const save = (personId: number, name: string, daysOff: number) =>
    startTransition(async () => {
      try {
        const result = await setAvailabilityAction({ sprintId: sprint.id, personId, daysOff });
        if (result.ok) {
          setError(null);
          onSaved(result.data);
          router.refresh();
        } else setError(`${name}: ${result.fieldErrors?.daysOff ?? result.message}`);
      } catch {
        setError("We couldn’t reach the server and nothing changed.");
      }
    });
  return (
    <details className="mt-4 rounded-lg border border-slate-200">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-700">
        Who is available · {sprint.capacity.workingDays} working days · {sprint.capacity.members.length} members
        {editable ? " · record days off" : ""}
      </summary>
      <table className="min-w-full text-sm">
        <caption className="sr-only">Availability of the team in Sprint {sprint.number}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-1.5">Member</th>
            <th scope="col" className="px-3 py-1.5">Role</th>
            <th scope="col" className="px-3 py-1.5 text-right">Allocation</th>
            <th scope="col" className="px-3 py-1.5 text-right">Days off</th>
            <th scope="col" className="px-3 py-1.5 text-right">Available days</th>
          </tr>
        </thead>
        <tbody>
          {sprint.capacity.members.map((m) => (
            <tr key={m.personId} className="border-t border-slate-100">
              <td className="px-3 py-1.5 text-slate-900">{m.name}</td>
              <td className="px-3 py-1.5 text-slate-600">{enumLabel(m.role)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{m.allocationPct} %</td>
              <td className="px-3 py-1.5 text-right">
                {editable ? (
                  <input
                    type="number"
                    min={0}
                    max={sprint.capacity.workingDays}
                    step={0.5}
                    defaultValue={m.daysOff}
                    disabled={pending}
                    aria-label={`Days off for ${m.name}`}
                    onBlur={(e) => {
                      const value = Number(e.target.value);
                      if (e.target.value !== "" && value !== m.daysOff) save(m.personId, m.name, value);
                    }}
                    onKeyDown={(e) => {
                      if (e.key === "Enter") (e.target as HTMLInputElement).blur();
                    }}
                    className="w-20 rounded-md border border-slate-300 px-2 py-1 text-right text-sm tabular-nums"
                  />
                ) : (
                  <span className="tabular-nums">{m.daysOff}</span>
                )}
              </td>
              <td className="px-3 py-1.5 text-right tabular-nums">{m.availableDays}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p role="status" aria-live="polite" className="px-3 py-1 text-xs text-rose-700">
        {error}
      </p>
    </details>
  );
}

function GoalEditor({ sprint, editable }: { sprint: SprintDetail; editable: boolean }) {
  const router = useRouter();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [goal, setGoal] = useState(sprint.goal);
  return (
    <section aria-labelledby={`${id}-h`} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex items-start justify-between gap-3">
        <h2 id={`${id}-h`} className="text-base font-semibold text-slate-900">
          Sprint goal
        </h2>
        {editable && !editing ? (
          <button
            type="button"
            onClick={() => {
              setGoal(sprint.goal);
              setEditing(true);
            }}
            className={secondaryButtonClass}
          >
            Edit goal
          </button>
        ) : null}
      </div>
      {editing ? (
        <form
          className="mt-2 flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            startTransition(async () => {
              const result = await updateSprintGoalAction({ sprintId: sprint.id, version: sprint.version, goal });
              if (result.ok) {
                setEditing(false);
                setError(null);
                router.refresh();
              } else setError(result.message);
            });
          }}
        >
          <label htmlFor={`${id}-goal`} className="sr-only">
            Sprint goal
          </label>
          <textarea id={`${id}-goal`} value={goal} onChange={(e) => setGoal(e.target.value)} rows={2} maxLength={500} autoFocus className={inputClass} />
          <p role="status" aria-live="polite" className="text-sm text-rose-700">
            {error}
          </p>
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className={primaryButtonClass}>
              Save goal
            </button>
            <button type="button" onClick={() => setEditing(false)} className={secondaryButtonClass}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <p className={`mt-1 text-sm ${sprint.goal ? "text-slate-800" : "text-slate-500"}`}>{sprint.goal || "No goal yet. A sprint goal says why the sprint is worth doing."}</p>
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

function CloseSprintForm({ sprint, pending, onClose }: { sprint: SprintDetail; pending: boolean; onClose: Act }) {
  const id = useId();
  const [goalMet, setGoalMet] = useState<boolean | null>(null);
  const scope = sprint.items.filter((i) => i.removedAt === null);
  const done = scope.filter((i) => i.status === "DONE");
  const unfinished = scope.filter((i) => i.status !== "DONE" && i.status !== "CANCELLED");
  const donePoints = done.reduce((sum, i) => sum + (i.estimate ?? 0), 0);
  return (
    <section aria-labelledby={`${id}-h`} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-h`} className="text-base font-semibold text-slate-900">
        Close the sprint
      </h2>
      <p className="mt-0.5 text-sm text-slate-500">
        {done.length} {done.length === 1 ? "story" : "stories"} done ({donePoints} points completed).{" "}
        {unfinished.length
          ? `${unfinished.length} unfinished ${unfinished.length === 1 ? "story carries" : "stories carry"} over to ${sprint.next?.status === "PLANNED" ? `Sprint ${sprint.next.number}` : "the next sprint (made from the cadence if needed)"}.`
          : "Nothing to carry over."}
      </p>
      <fieldset className="mt-3">
        <legend className="text-sm font-medium text-slate-700">Was the sprint goal met?</legend>
        <div className="mt-1 flex gap-4">
          {[true, false].map((value) => (
            <label key={String(value)} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="radio" name={`${id}-goal`} checked={goalMet === value} onChange={() => setGoalMet(value)} className="size-4" />
              {value ? "Yes, goal met" : "No, goal not met"}
            </label>
          ))}
        </div>
      </fieldset>
      <button
        type="button"
        disabled={pending || goalMet === null}
        onClick={() =>
          onClose(
            () => closeSprintAction({ sprintId: sprint.id, version: sprint.version, goalMet: goalMet! }),
            (data) => {
              const d = data as { completedPoints: number; carriedOver: string[]; nextSprintNumber: number | null };
              return {
                text: `Sprint ${sprint.number} closed: ${d.completedPoints} points completed${d.carriedOver.length ? `, ${d.carriedOver.length} carried over to Sprint ${d.nextSprintNumber}` : ""}.`,
                tone: "ok",
              };
            },
          )
        }
        className={`${primaryButtonClass} mt-3`}
      >
        Close sprint {sprint.number}
      </button>
    </section>
  );
}
