"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Fragment, useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import {
  ActionMessage,
  Field,
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
  UNREACHABLE,
  type FormOutcome,
} from "@/components/admin/form-parts";
import { ItemStatusBadge } from "@/components/backlog/item-status-badge";
import { Badge } from "@/components/ui/badge";
import { createItemAction, moveItemAction, updateItemAction } from "@/lib/backlog/actions";
import type { GroomingBacklog, GroomingItem } from "@/lib/backlog/queries";
import { missingForReady, readinessChecklist, type ReadinessField } from "@/lib/backlog/readiness";
import { TEAM_ITEM_STATUSES } from "@/lib/backlog/schema";
import { backlogFilterToSearch, matchesBacklogItem, type BacklogViewFilter } from "@/lib/backlog/view-filter";
import { enumLabel } from "@/lib/format/enum-label";
import type { ItemStatus } from "@/lib/generated/prisma/enums";

const SHORT: Record<ReadinessField, string> = { owner: "owner", acceptanceCriteria: "acceptance criteria", estimate: "estimate", briefLink: "brief link" };

interface Props {
  backlog: GroomingBacklog;
  initialFilter: BacklogViewFilter;
  /** The team's product owner or a leader: create, decompose, re-rank, change estimate and owner. */
  canGroom: boolean;
  /** Items the signed-in person may edit (owners edit their own items). */
  editableIds: number[];
}

/**
 * Grooming a team's backlog without leaving the page: add features and stories (from an epic, or on their own),
 * break features down into stories, edit and estimate inline, see each story's Definition of Ready checklist
 * with what is missing named, and re-rank. Every write goes through a guarded server action.
 */
export function GroomingBoard({ backlog, initialFilter, canGroom, editableIds }: Props) {
  const router = useRouter();
  const { team, items, members } = backlog;
  const [filter, setFilter] = useState(initialFilter);
  const [expanded, setExpanded] = useState<number | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const editable = useMemo(() => new Set(editableIds), [editableIds]);
  const focusAfter = useRef<string | null>(null);
  const filterId = useId();

  useEffect(() => {
    const search = backlogFilterToSearch(filter);
    if (window.location.search !== search) window.history.replaceState(null, "", `${window.location.pathname}${search}`);
  }, [filter]);

  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    const el = document.getElementById(target);
    if (el) {
      el.focus();
      focusAfter.current = null;
    }
  }, [items, expanded]);

  const shown = useMemo(() => items.filter((i) => matchesBacklogItem(i, filter, team)), [items, filter, team]);
  const stories = items.filter((i) => i.level === "STORY" && i.status !== "DONE" && i.status !== "CANCELLED");
  const readyStories = stories.filter((s) => missingForReady(s, team).length === 0);
  const readyPoints = readyStories.reduce((sum, s) => sum + (s.estimate ?? 0), 0);

  const move = (item: GroomingItem, direction: "up" | "down") => {
    if (pending) return;
    const index = shown.findIndex((i) => i.id === item.id);
    const neighbour = shown[direction === "up" ? index - 1 : index + 1];
    if (!neighbour) return;
    const without = items.filter((i) => i.id !== item.id);
    const at = without.findIndex((i) => i.id === neighbour.id);
    const insertAt = direction === "up" ? at : at + 1;
    const afterId = insertAt === 0 ? null : without[insertAt - 1]!.id;
    setMessage({ text: `Moving ${item.key} ${direction}…`, error: false });
    startTransition(async () => {
      try {
        const result = await moveItemAction({ itemId: item.id, afterId });
        if (result.ok) {
          focusAfter.current = `move-${direction}-${item.id}`;
          setMessage({ text: `Moved ${item.key} ${direction} to rank ${insertAt + 1}.`, error: false });
          router.refresh();
        } else {
          setMessage({ text: result.message, error: true });
          router.refresh();
        }
      } catch {
        setMessage({ text: "We couldn’t reach the server and nothing moved. Try again.", error: true });
      }
    });
  };

  const onCreated = (key: string, id: number, title: string, groom: boolean) => {
    setMessage({ text: `Added ${key} to the bottom of the backlog: ${title}.`, error: false });
    if (groom) {
      setExpanded(id);
      focusAfter.current = `groom-title-${id}`;
    }
    router.refresh();
  };

  return (
    <div className="flex flex-col gap-4">
      <section aria-label="Readiness summary" className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label="Open stories" value={stories.length} />
        <Stat label="Ready for a sprint" value={readyStories.length} tone="emerald" />
        <Stat label="Not ready yet" value={stories.length - readyStories.length} tone={stories.length - readyStories.length > 0 ? "amber" : "slate"} />
        <Stat label="Ready points" value={readyPoints} hint="estimated points of ready stories" />
      </section>

      <p className="rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
        <strong className="font-semibold">Definition of Ready:</strong> a story enters a sprint only with an owner, acceptance criteria and an estimate
        {team.requiresBriefLink ? ", and — for this team — a brief link" : ""}. Work enters here, in the backlog, never straight into a sprint.
      </p>

      {canGroom && !team.archived ? <AddItemPanel backlog={backlog} onCreated={onCreated} /> : null}

      <div className="flex flex-wrap items-end gap-3">
        <div className="w-full max-w-xs">
          <label htmlFor={`${filterId}-q`} className="block text-xs font-medium text-slate-600">
            Search
          </label>
          <input
            id={`${filterId}-q`}
            type="search"
            value={filter.q}
            onChange={(e) => setFilter({ ...filter, q: e.target.value })}
            placeholder="Key, title or parent…"
            className={inputClass}
          />
        </div>
        <div>
          <label htmlFor={`${filterId}-level`} className="block text-xs font-medium text-slate-600">
            Level
          </label>
          <select
            id={`${filterId}-level`}
            value={filter.level ?? ""}
            onChange={(e) => setFilter({ ...filter, level: e.target.value === "" ? null : (e.target.value as "FEATURE" | "STORY") })}
            className={inputClass}
          >
            <option value="">Features and stories</option>
            <option value="FEATURE">Features</option>
            <option value="STORY">Stories</option>
          </select>
        </div>
        <div>
          <label htmlFor={`${filterId}-ready`} className="block text-xs font-medium text-slate-600">
            Definition of Ready
          </label>
          <select
            id={`${filterId}-ready`}
            value={filter.readiness ?? ""}
            onChange={(e) => setFilter({ ...filter, readiness: e.target.value === "" ? null : (e.target.value as "ready" | "not-ready") })}
            className={inputClass}
          >
            <option value="">Any</option>
            <option value="ready">Ready stories</option>
            <option value="not-ready">Stories not ready</option>
          </select>
        </div>
        <label className="mb-2 flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={!filter.hideDone} onChange={(e) => setFilter({ ...filter, hideDone: !e.target.checked })} className="size-4 rounded border-slate-300" />
          Show done and cancelled
        </label>
        <a
          href={`/teams/${team.id}/backlog/export${backlogFilterToSearch(filter)}`}
          download
          className={`${secondaryButtonClass} mb-0.5 ml-auto`}
        >
          Export CSV
        </a>
      </div>

      <p role="status" aria-live="polite" className={`min-h-5 text-sm font-medium ${message?.error ? "text-rose-700" : "text-emerald-700"}`}>
        {message?.text}
      </p>

      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full border-separate border-spacing-0 text-sm">
          <caption className="sr-only">{team.name} backlog in rank order</caption>
          <thead>
            <tr>
              {canGroom ? (
                <th scope="col" className={th}>
                  <span className="sr-only">Re-rank</span>
                </th>
              ) : null}
              <th scope="col" className={`${th} text-right`}>
                Rank
              </th>
              <th scope="col" className={th}>
                Key
              </th>
              <th scope="col" className={th}>
                Title
              </th>
              <th scope="col" className={th}>
                Status
              </th>
              <th scope="col" className={`${th} text-right`}>
                Points
              </th>
              <th scope="col" className={th}>
                Owner
              </th>
              <th scope="col" className={th}>
                Ready?
              </th>
              <th scope="col" className={th}>
                Sprint
              </th>
              <th scope="col" className={th}>
                <span className="sr-only">Groom</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 ? (
              <tr>
                <td colSpan={10} className="px-3 py-10 text-center text-slate-500">
                  {items.length === 0 ? "This backlog is empty. Add a feature or a story above." : "No items match these filters."}
                </td>
              </tr>
            ) : null}
            {shown.map((item, index) => {
              const isOpen = expanded === item.id;
              const missing = item.level === "STORY" ? missingForReady(item, team) : [];
              return (
                <Fragment key={item.id}>
                  <tr className={`${isOpen ? "bg-indigo-50/50" : "hover:bg-slate-50"}`} data-key={item.key}>
                    {canGroom ? (
                      <td className={`${td} w-16 whitespace-nowrap`}>
                        <span className="inline-flex gap-1">
                          <MoveButton id={`move-up-${item.id}`} label={`Move ${item.key} up`} disabled={index === 0 || pending} onClick={() => move(item, "up")} up />
                          <MoveButton id={`move-down-${item.id}`} label={`Move ${item.key} down`} disabled={index === shown.length - 1 || pending} onClick={() => move(item, "down")} />
                        </span>
                      </td>
                    ) : null}
                    <td className={`${td} text-right text-slate-500 tabular-nums`}>{item.position}</td>
                    <td className={`${td} whitespace-nowrap`}>
                      <Link href={`/items/${item.id}`} className="rounded font-mono text-xs text-indigo-700 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none">
                        {item.key}
                      </Link>
                    </td>
                    <td className={`${td} min-w-64`}>
                      <span className="flex flex-col gap-0.5">
                        <span className={item.level === "FEATURE" ? "font-semibold text-slate-900" : "text-slate-900"}>
                          {item.level === "FEATURE" || item.isTask ? (
                            <span className="mr-1.5 align-[1px]">
                              <Badge tone={item.level === "FEATURE" ? "violet" : "slate"}>{item.isTask ? "Task" : "Feature"}</Badge>
                            </span>
                          ) : null}
                          {item.title}
                        </span>
                        <span className="text-xs text-slate-500">
                          {item.parentKey ? `in ${item.parentKey} ${item.parentTitle ?? ""}` : item.level === "FEATURE" ? "No epic" : "No feature"}
                          {item.level === "FEATURE" ? ` · ${item.childCount} ${item.childCount === 1 ? "story" : "stories"}` : ""}
                        </span>
                      </span>
                    </td>
                    <td className={td}>
                      <span className="flex flex-wrap gap-1">
                        <ItemStatusBadge status={item.status} />
                        {item.hasOpenDependency && item.status !== "BLOCKED" ? <Badge tone="amber">Dependency</Badge> : null}
                      </span>
                    </td>
                    <td className={`${td} text-right tabular-nums`}>{item.estimate ?? <span className="text-slate-500">—</span>}</td>
                    <td className={`${td} whitespace-nowrap`}>{item.owner ?? <span className="text-slate-500">—</span>}</td>
                    <td className={td}>
                      {item.level !== "STORY" ? (
                        <span className="text-slate-500">—</span>
                      ) : missing.length === 0 ? (
                        <Badge tone="emerald" dot>
                          Ready
                        </Badge>
                      ) : (
                        <span className="text-xs font-medium text-amber-800">Needs {missing.map((m) => SHORT[m]).join(", ")}</span>
                      )}
                    </td>
                    <td className={`${td} whitespace-nowrap`}>
                      {item.sprintNumber === null ? (
                        <span className="text-slate-500">—</span>
                      ) : (
                        <span className="flex flex-col">
                          <Link href={`/teams/${team.id}/sprints/${item.sprintId}`} className="text-indigo-700 hover:underline">
                            Sprint {item.sprintNumber}
                          </Link>
                          <span className="text-xs text-slate-500">{item.sprintStatus === "ACTIVE" ? "running" : "planned"}</span>
                        </span>
                      )}
                    </td>
                    <td className={`${td} text-right whitespace-nowrap`}>
                      {editable.has(item.id) || canGroom ? (
                        <button
                          type="button"
                          id={`groom-toggle-${item.id}`}
                          aria-expanded={isOpen}
                          aria-controls={`groom-${item.id}`}
                          onClick={() => {
                            setExpanded(isOpen ? null : item.id);
                            if (!isOpen) focusAfter.current = `groom-title-${item.id}`;
                          }}
                          aria-label={`${isOpen ? "Close" : "Groom"} ${item.key}`}
                          className={secondaryButtonClass}
                        >
                          {isOpen ? "Close" : item.level === "FEATURE" && canGroom ? "Groom / split" : "Groom"}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                  {isOpen ? (
                    <tr id={`groom-${item.id}`}>
                      <td colSpan={10} className="border-b border-indigo-100 bg-indigo-50/40 px-4 py-4">
                        <GroomPanel
                          key={item.version}
                          item={item}
                          backlog={backlog}
                          canGroom={canGroom}
                          canEdit={editable.has(item.id)}
                          members={members}
                          onSaved={(text) => {
                            setMessage({ text, error: false });
                            router.refresh();
                          }}
                          onCreated={(key, id, title) => onCreated(key, id, title, false)}
                          onClose={() => {
                            setExpanded(null);
                            focusAfter.current = `groom-toggle-${item.id}`;
                          }}
                        />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

const th = "border-b border-slate-200 bg-slate-50 px-3 py-2 text-left text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase";
const td = "border-b border-slate-100 px-3 py-2 align-top text-slate-700";

function Stat({ label, value, tone = "slate", hint }: { label: string; value: number; tone?: "slate" | "emerald" | "amber"; hint?: string }) {
  const color = tone === "emerald" ? "text-emerald-700" : tone === "amber" ? "text-amber-700" : "text-slate-900";
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
      <p className="text-xs font-medium text-slate-500">{label}</p>
      <p className={`mt-1 text-2xl font-semibold tabular-nums ${color}`}>{value}</p>
      {hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
    </div>
  );
}

function MoveButton({ id, label, disabled, onClick, up = false }: { id: string; label: string; disabled: boolean; onClick: () => void; up?: boolean }) {
  return (
    <button
      id={id}
      type="button"
      aria-label={label}
      aria-disabled={disabled ? true : undefined}
      onClick={() => !disabled && onClick()}
      className="inline-flex size-7 items-center justify-center rounded-md border border-slate-300 bg-white text-slate-600 shadow-sm hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none aria-disabled:cursor-not-allowed aria-disabled:opacity-40"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
        {up ? <path d="M10 5 4 12h12L10 5Z" /> : <path d="M10 15 4 8h12l-6 7Z" />}
      </svg>
    </button>
  );
}

// ───────────────────────────── adding work ─────────────────────────────

function AddItemPanel({ backlog, onCreated }: { backlog: GroomingBacklog; onCreated: (key: string, id: number, title: string, groom: boolean) => void }) {
  const id = useId();
  const [level, setLevel] = useState<"FEATURE" | "STORY">("STORY");
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const features = backlog.items.filter((i) => i.level === "FEATURE" && i.status !== "DONE" && i.status !== "CANCELLED");
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parent = String(form.get("parentId") ?? "");
    const input = {
      teamId: backlog.team.id,
      level,
      parentId: parent === "" ? null : Number(parent),
      title: String(form.get("title") ?? ""),
      isTask: form.get("isTask") === "on",
    };
    startTransition(async () => {
      try {
        const result = await createItemAction(input);
        if (result.ok) {
          setOutcome(null);
          formRef.current?.reset();
          onCreated(result.data.key, result.data.id, input.title.trim(), level === "STORY");
        } else setOutcome({ kind: "failure", result });
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  return (
    <section aria-labelledby={`${id}-h`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={`${id}-h`} className="text-sm font-semibold text-slate-900">
        Add to the backlog
      </h2>
      <p className="mt-0.5 text-xs text-slate-500">
        Decompose an epic into features, or a feature into stories. New items go to the bottom; rank them afterwards.
      </p>
      <form ref={formRef} onSubmit={submit} noValidate className="mt-3 grid grid-cols-1 items-start gap-3 md:grid-cols-[9rem_minmax(0,1fr)_minmax(0,16rem)_auto]">
        <Field id={`${id}-level`} label="Level">
          {(p) => (
            <select {...p} value={level} onChange={(e) => setLevel(e.target.value as "FEATURE" | "STORY")} className={inputClass}>
              <option value="STORY">Story</option>
              <option value="FEATURE">Feature</option>
            </select>
          )}
        </Field>
        <Field id={`${id}-title`} label="Title" error={fieldErrors.title}>
          {(p) => <input {...p} name="title" required maxLength={200} placeholder={level === "STORY" ? "As a … I want … so that …" : "A slice of an epic a team can ship"} className={inputClass} />}
        </Field>
        <Field key={level} id={`${id}-parent`} label={level === "STORY" ? "Feature" : "Epic (decompose)"} error={fieldErrors.parentId}>
          {(p) => (
            <select {...p} name="parentId" defaultValue="" className={inputClass}>
              <option value="">{level === "STORY" ? "No feature" : "No epic"}</option>
              {(level === "STORY" ? features : backlog.epics).map((x) => (
                <option key={x.id} value={x.id}>
                  {x.key} {x.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="flex items-center gap-3 md:pt-6">
          {level === "STORY" ? (
            <label className="flex items-center gap-1.5 text-sm text-slate-700">
              <input type="checkbox" name="isTask" className="size-4 rounded border-slate-300" /> Task
            </label>
          ) : null}
          <button type="submit" disabled={pending} className={primaryButtonClass}>
            {pending ? "Adding…" : `Add ${level === "STORY" ? "story" : "feature"}`}
          </button>
        </div>
        <ActionMessage outcome={outcome} onReload={() => window.location.reload()} className="md:col-span-4" />
      </form>
    </section>
  );
}

// ───────────────────────────── grooming one item ─────────────────────────────

function GroomPanel({
  item,
  backlog,
  canGroom,
  canEdit,
  members,
  onSaved,
  onCreated,
  onClose,
}: {
  item: GroomingItem;
  backlog: GroomingBacklog;
  canGroom: boolean;
  canEdit: boolean;
  members: GroomingBacklog["members"];
  onSaved: (text: string) => void;
  onCreated: (key: string, id: number, title: string) => void;
  onClose: () => void;
}) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  // Live values, so the checklist follows what is typed before it is saved.
  const [draft, setDraft] = useState({
    ownerPersonId: item.ownerPersonId,
    acceptanceCriteria: item.acceptanceCriteria,
    estimate: item.estimate,
    briefUrl: item.briefUrl,
  });
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};
  const checklist = readinessChecklist(draft, backlog.team);
  const missing = checklist.filter((c) => !c.met);
  const children = backlog.items.filter((i) => i.parentId === item.id);
  const canChangeEstimateAndOwner = canGroom;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const input = {
      itemId: item.id,
      version: item.version,
      title: text("title"),
      description: text("description"),
      status: text("status") as ItemStatus,
      estimate: canChangeEstimateAndOwner ? draft.estimate : item.estimate,
      acceptanceCriteria: draft.acceptanceCriteria,
      briefUrl: (draft.briefUrl ?? "").trim() || null,
      ownerPersonId: canChangeEstimateAndOwner ? draft.ownerPersonId : item.ownerPersonId,
    };
    startTransition(async () => {
      try {
        const result = await updateItemAction(input);
        if (result.ok) onSaved(`Saved ${item.key}.`);
        else setOutcome({ kind: "failure", result });
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  return (
    <div className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_18rem]">
      {canEdit ? (
        <form onSubmit={submit} noValidate aria-label={`Groom ${item.key}`} className="grid grid-cols-1 gap-3 sm:grid-cols-6">
          <Field id={`groom-title-${item.id}`} label="Title" error={fieldErrors.title} className="sm:col-span-6">
            {(p) => <input {...p} name="title" defaultValue={item.title} maxLength={200} className={inputClass} />}
          </Field>
          <Field id={`${id}-status`} label="Status" error={fieldErrors.status} className="sm:col-span-2">
            {(p) => (
              <select {...p} name="status" defaultValue={item.status} className={inputClass}>
                {TEAM_ITEM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {enumLabel(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-estimate`} label="Estimate (points)" error={fieldErrors.estimate} className="sm:col-span-2">
            {(p) => (
              <input
                {...p}
                name="estimate"
                type="number"
                inputMode="numeric"
                min={0}
                max={100}
                disabled={!canChangeEstimateAndOwner}
                value={draft.estimate ?? ""}
                onChange={(e) => setDraft((d) => ({ ...d, estimate: e.target.value === "" ? null : Number(e.target.value) }))}
                className={inputClass}
              />
            )}
          </Field>
          <Field id={`${id}-owner`} label="Owner" error={fieldErrors.ownerPersonId} className="sm:col-span-2">
            {(p) => (
              <select
                {...p}
                name="ownerPersonId"
                disabled={!canChangeEstimateAndOwner}
                value={draft.ownerPersonId === null ? "" : String(draft.ownerPersonId)}
                onChange={(e) => setDraft((d) => ({ ...d, ownerPersonId: e.target.value === "" ? null : Number(e.target.value) }))}
                className={inputClass}
              >
                <option value="">No owner</option>
                {members.map((m) => (
                  <option key={m.personId} value={m.personId}>
                    {m.name} ({enumLabel(m.role)})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-ac`} label="Acceptance criteria" error={fieldErrors.acceptanceCriteria} className="sm:col-span-6">
            {(p) => (
              <textarea
                {...p}
                name="acceptanceCriteria"
                rows={3}
                value={draft.acceptanceCriteria}
                onChange={(e) => setDraft((d) => ({ ...d, acceptanceCriteria: e.target.value }))}
                placeholder="Given … when … then …"
                className={inputClass}
              />
            )}
          </Field>
          <Field id={`${id}-brief`} label="Brief link" error={fieldErrors.briefUrl} hint={backlog.team.requiresBriefLink ? "Required for this team" : undefined} className="sm:col-span-3">
            {(p) => (
              <input
                {...p}
                name="briefUrl"
                type="url"
                value={draft.briefUrl ?? ""}
                onChange={(e) => setDraft((d) => ({ ...d, briefUrl: e.target.value }))}
                placeholder="https://…"
                className={inputClass}
              />
            )}
          </Field>
          <Field id={`${id}-desc`} label="Description" error={fieldErrors.description} className="sm:col-span-3">
            {(p) => <textarea {...p} name="description" rows={1} defaultValue={item.description} className={inputClass} />}
          </Field>
          {!canChangeEstimateAndOwner ? <p className="text-xs text-slate-500 sm:col-span-6">Only the team’s product owner or a leader changes the estimate or the owner.</p> : null}
          <ActionMessage outcome={outcome} onReload={() => window.location.reload()} className="sm:col-span-6" />
          <div className="flex gap-3 sm:col-span-6">
            <button type="submit" disabled={pending} className={primaryButtonClass}>
              {pending ? "Saving…" : `Save ${item.key}`}
            </button>
            <button type="button" onClick={onClose} className={secondaryButtonClass}>
              Close
            </button>
          </div>
        </form>
      ) : (
        <p className="text-sm text-slate-600">You can read this item; its owner or the team’s product owner edits it.</p>
      )}

      <aside className="flex flex-col gap-4">
        {item.level === "STORY" ? (
          <div className="rounded-lg border border-slate-200 bg-white p-3">
            <h3 className="text-sm font-semibold text-slate-900">Definition of Ready</h3>
            <ul className="mt-2 flex flex-col gap-1.5" aria-label={`Definition of Ready for ${item.key}`}>
              {checklist.map((c) => (
                <li key={c.field} className="flex items-center gap-2 text-sm">
                  <span
                    aria-hidden="true"
                    className={`inline-flex size-4 items-center justify-center rounded-full text-[10px] font-bold ${c.met ? "bg-emerald-500 text-white" : "border border-amber-400 text-amber-600"}`}
                  >
                    {c.met ? "✓" : ""}
                  </span>
                  <span className={c.met ? "text-slate-700" : "font-medium text-amber-800"}>
                    {c.label.charAt(0).toUpperCase() + c.label.slice(1)}
                    <span className="sr-only">{c.met ? ": done" : ": missing"}</span>
                  </span>
                </li>
              ))}
            </ul>
            <p className={`mt-2 text-xs font-medium ${missing.length ? "text-amber-800" : "text-emerald-700"}`} aria-live="polite">
              {missing.length ? `Missing: ${missing.map((m) => m.label).join(", ")}.` : "Ready for sprint planning."}
            </p>
          </div>
        ) : null}
        {item.level === "FEATURE" ? (
          <div className="rounded-lg border border-slate-200 bg-white p-3">
            <h3 className="text-sm font-semibold text-slate-900">Stories in {item.key}</h3>
            {children.length ? (
              <ul className="mt-2 flex flex-col gap-1 text-sm">
                {children.map((c) => (
                  <li key={c.id} className="flex items-center justify-between gap-2">
                    <span className="truncate">
                      <span className="font-mono text-xs text-slate-500">{c.key}</span> {c.title}
                    </span>
                    {missingForReady(c, backlog.team).length === 0 ? <Badge tone="emerald">Ready</Badge> : <Badge tone="amber">Not ready</Badge>}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-xs text-slate-500">No stories yet: break it down below.</p>
            )}
            {canGroom ? <AddStoryForm feature={item} teamId={backlog.team.id} onCreated={onCreated} /> : null}
          </div>
        ) : null}
      </aside>
    </div>
  );
}

function AddStoryForm({ feature, teamId, onCreated }: { feature: GroomingItem; teamId: number; onCreated: (key: string, id: number, title: string) => void }) {
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const ref = useRef<HTMLFormElement>(null);
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const estimate = String(form.get("estimate") ?? "").trim();
    const title = String(form.get("title") ?? "");
    const input = { teamId, level: "STORY" as const, parentId: feature.id, title, estimate: estimate === "" ? null : Number(estimate) };
    startTransition(async () => {
      try {
        const result = await createItemAction(input);
        if (result.ok) {
          ref.current?.reset();
          setOutcome({ kind: "success", text: `Added ${result.data.key}: ${title.trim()}.` });
          onCreated(result.data.key, result.data.id, title.trim());
        } else setOutcome({ kind: "failure", result });
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }
  return (
    <form ref={ref} onSubmit={submit} noValidate aria-label={`Add a story to ${feature.key}`} className="mt-3 flex flex-col gap-2 border-t border-slate-100 pt-3">
      <Field id={`${id}-title`} label="New story" error={fieldErrors.title}>
        {(p) => <input {...p} name="title" maxLength={200} placeholder="Story title" className={inputClass} />}
      </Field>
      <div className="flex items-end gap-2">
        <Field id={`${id}-est`} label="Points" error={fieldErrors.estimate} className="w-24">
          {(p) => <input {...p} name="estimate" type="number" min={0} max={100} inputMode="numeric" className={inputClass} />}
        </Field>
        <button type="submit" disabled={pending} className={`${primaryButtonClass} mb-px`}>
          {pending ? "Adding…" : "Add story"}
        </button>
      </div>
      <ActionMessage outcome={outcome} onReload={() => window.location.reload()} />
    </form>
  );
}
