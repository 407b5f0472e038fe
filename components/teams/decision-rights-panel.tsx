"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import {
  ActionMessage,
  dangerButtonClass,
  Field,
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
  UNREACHABLE,
  type FormOutcome,
} from "@/components/admin/form-parts";
import { Dialog } from "@/components/teams/dialog";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import type { ActionResult } from "@/lib/actions/result";
import type { DecisionMode } from "@/lib/generated/prisma/enums";
import { createDecisionRightAction, deleteDecisionRightAction, updateDecisionRightAction } from "@/lib/teams/actions";
import type { DecisionRightDto } from "@/lib/teams/queries";

const col = createDataTableColumnHelper<DecisionRightDto>();
const dash = <span className="text-slate-500">—</span>;

interface RowContext {
  canEdit: boolean;
  teamVersion: number;
  onEdit: (right: DecisionRightDto) => void;
  onOutcome: (outcome: FormOutcome) => void;
}

function buildColumns(ctx: RowContext) {
  const columns = [
    col.accessor("decision", { header: "Decision", meta: { cellClassName: "font-medium text-slate-900 min-w-[14rem]" } }),
    col.accessor((row) => (row.mode === "TEAM_OWNS" ? "Team owns" : "Needs approval"), {
      id: "mode",
      header: "Who decides",
      cell: (info) => <Badge tone={info.row.original.mode === "TEAM_OWNS" ? "emerald" : "amber"}>{info.getValue()}</Badge>,
    }),
    col.accessor((row) => row.approver ?? undefined, {
      id: "approver",
      header: "Approver",
      cell: (info) => {
        const r = info.row.original;
        if (!r.approver) return dash;
        return (
          <span className="flex flex-col gap-0.5">
            <span>{r.approver}</span>
            {r.approverPersonId !== null && r.approverRole && r.approverRole !== r.approver ? <span className="text-xs text-slate-500">{r.approverRole}</span> : null}
          </span>
        );
      },
      sortUndefined: "last",
    }),
    col.accessor((row) => row.responseHours ?? undefined, {
      id: "responseHours",
      header: "Answer within",
      cell: (info) => {
        const hours = info.getValue();
        return hours === undefined ? dash : <span className="whitespace-nowrap">{hours} h</span>;
      },
      sortUndefined: "last",
      meta: { align: "end" },
    }),
    col.accessor("escalationRoute", { header: "Escalation route", cell: (info) => info.getValue() || dash }),
  ];
  if (!ctx.canEdit) return col.columns(columns);
  return col.columns([
    ...columns,
    col.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: (info) => <RowActions right={info.row.original} ctx={ctx} />,
      meta: { cellClassName: "whitespace-nowrap text-right" },
    }),
  ]);
}

/**
 * What the team decides alone and what needs approval (who approves, within what time, where it escalates).
 * Leaders and admins add, edit and remove rights; each edit is checked against the team's version.
 */
export function DecisionRightsPanel({
  team,
  rights,
  canEdit,
  people,
}: {
  team: { id: number; name: string; version: number };
  rights: DecisionRightDto[];
  canEdit: boolean;
  /** Possible approvers (only sent to editors). */
  people: readonly { id: number; name: string; title: string }[];
}) {
  const router = useRouter();
  const [notice, setNotice] = useState<FormOutcome>(null);
  const [editing, setEditing] = useState<DecisionRightDto | "new" | null>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  // Columns are rebuilt when the team's version changes (after any save), so row actions send the current one.
  const [columnsFor, setColumnsFor] = useState(() => ({ version: team.version, columns: buildColumns({ canEdit, teamVersion: team.version, onEdit: setEditing, onOutcome: setNotice }) }));
  if (columnsFor.version !== team.version) {
    setColumnsFor({ version: team.version, columns: buildColumns({ canEdit, teamVersion: team.version, onEdit: setEditing, onOutcome: setNotice }) });
  }

  return (
    <Card
      title="Decision rights"
      description="What the team decides alone, and what needs approval from whom, within what time"
      actions={
        canEdit ? (
          <button
            ref={addRef}
            type="button"
            onClick={() => {
              setNotice(null);
              setEditing("new");
            }}
            className={secondaryButtonClass}
          >
            Add decision right
          </button>
        ) : null
      }
    >
      <ActionMessage
        outcome={notice}
        className="mb-3 empty:mb-0"
        onReload={() => {
          setNotice(null);
          router.refresh();
        }}
      />
      {rights.length === 0 ? (
        <p className="text-sm text-slate-500">No decision rights recorded.</p>
      ) : (
        <DataTable columns={columnsFor.columns} data={rights} label={`${team.name} decision rights`} getRowId={(r) => String(r.id)} filterable={false} maxHeightClassName="" />
      )}
      {editing ? (
        <Dialog
          ref={dialogRef}
          key={editing === "new" ? "new" : `${editing.id}-${team.version}`}
          title={editing === "new" ? `New decision right for ${team.name}` : "Edit decision right"}
          onClose={() => {
            const opener = editing === "new" ? addRef.current : document.getElementById(`decision-edit-${editing.id}`);
            setEditing(null);
            requestAnimationFrame(() => opener?.focus());
          }}
        >
          <DecisionForm
            teamId={team.id}
            teamVersion={team.version}
            right={editing === "new" ? null : editing}
            people={people}
            onSaved={(text) => {
              setNotice({ kind: "success", text });
              dialogRef.current?.close();
            }}
            onCancel={() => dialogRef.current?.close()}
          />
        </Dialog>
      ) : null}
    </Card>
  );
}

function RowActions({ right, ctx }: { right: DecisionRightDto; ctx: RowContext }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  function remove() {
    startTransition(async () => {
      try {
        const result = await deleteDecisionRightAction({ decisionRightId: right.id, teamVersion: ctx.teamVersion });
        if (result.ok) {
          // The row stays in "Removing…" until the refreshed list no longer has it.
          ctx.onOutcome({ kind: "success", text: `Removed “${right.decision}”.` });
          router.refresh();
        } else {
          setConfirming(false);
          ctx.onOutcome({ kind: "failure", result });
        }
      } catch {
        setConfirming(false);
        ctx.onOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  return confirming ? (
    <span className="inline-flex items-center justify-end gap-2">
      <button
        ref={confirmRef}
        type="button"
        disabled={pending}
        onClick={remove}
        aria-label={`Confirm: remove the decision right “${right.decision}”`}
        className="inline-flex items-center rounded-md bg-rose-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-rose-500 disabled:opacity-60"
      >
        {pending ? "Removing…" : "Remove"}
      </button>
      <button type="button" disabled={pending} onClick={() => setConfirming(false)} className={secondaryButtonClass}>
        Cancel
      </button>
    </span>
  ) : (
    <span className="inline-flex items-center justify-end gap-2">
      <button
        id={`decision-edit-${right.id}`}
        type="button"
        onClick={() => {
          ctx.onOutcome(null);
          ctx.onEdit(right);
        }}
        aria-label={`Edit the decision right “${right.decision}”`}
        className={secondaryButtonClass}
      >
        Edit
      </button>
      <button type="button" onClick={() => setConfirming(true)} aria-label={`Remove the decision right “${right.decision}”`} className={dangerButtonClass}>
        Remove
      </button>
    </span>
  );
}

function DecisionForm({
  teamId,
  teamVersion,
  right,
  people,
  onSaved,
  onCancel,
}: {
  teamId: number;
  teamVersion: number;
  right: DecisionRightDto | null;
  people: readonly { id: number; name: string; title: string }[];
  onSaved: (text: string) => void;
  onCancel: () => void;
}) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [mode, setMode] = useState<DecisionMode>(right?.mode ?? "NEEDS_APPROVAL");
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const approver = text("approverPersonId");
    const hours = text("responseHours");
    const fields = {
      decision: text("decision"),
      mode,
      approverPersonId: mode === "NEEDS_APPROVAL" && approver !== "" ? Number(approver) : null,
      approverRole: mode === "NEEDS_APPROVAL" ? text("approverRole") || null : null,
      responseHours: mode === "NEEDS_APPROVAL" && hours !== "" ? hours : null,
      escalationRoute: text("escalationRoute"),
    };
    startTransition(async () => {
      try {
        const result: ActionResult<unknown> = right
          ? await updateDecisionRightAction({ ...fields, decisionRightId: right.id, teamVersion })
          : await createDecisionRightAction({ ...fields, teamId, teamVersion });
        if (result.ok) {
          onSaved(right ? `Saved “${fields.decision}”.` : `Added “${fields.decision}”.`);
          router.refresh();
        } else {
          setOutcome({ kind: "failure", result });
        }
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <Field id={`${id}-decision`} label="Decision" error={fieldErrors.decision} hint="e.g. “Campaign spend above £10,000”">
        {(p) => <input {...p} name="decision" defaultValue={right?.decision ?? ""} autoFocus autoComplete="off" className={inputClass} />}
      </Field>
      <fieldset>
        <legend className="block text-sm font-medium text-slate-700">Who decides</legend>
        <div className="mt-2 flex flex-wrap gap-4 text-sm">
          {(["TEAM_OWNS", "NEEDS_APPROVAL"] as const).map((m) => (
            <label key={m} className="inline-flex items-center gap-2">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="size-4 accent-indigo-600" />
              {m === "TEAM_OWNS" ? "The team owns it" : "Needs approval"}
            </label>
          ))}
        </div>
      </fieldset>
      {mode === "NEEDS_APPROVAL" ? (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={`${id}-approver`} label="Approver" error={fieldErrors.approverPersonId}>
              {(p) => (
                <select {...p} name="approverPersonId" defaultValue={right?.approverPersonId == null ? "" : String(right.approverPersonId)} className={inputClass}>
                  <option value="">A role, not a named person</option>
                  {people.map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.name}
                      {person.title ? ` — ${person.title}` : ""}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={`${id}-approverRole`} label="Approver’s role" error={fieldErrors.approverRole} hint="e.g. General Counsel">
              {(p) => <input {...p} name="approverRole" defaultValue={right?.approverRole ?? ""} autoComplete="off" className={inputClass} />}
            </Field>
          </div>
          <Field id={`${id}-hours`} label="Answer within (hours)" error={fieldErrors.responseHours}>
            {(p) => <input {...p} name="responseHours" type="number" min={1} inputMode="numeric" defaultValue={right?.responseHours ?? ""} className={`${inputClass} max-w-40`} />}
          </Field>
        </>
      ) : null}
      <Field id={`${id}-escalation`} label="Escalation route" error={fieldErrors.escalationRoute} hint="Who it goes to when blocked, in order, e.g. “VP Marketing → CMO”">
        {(p) => <input {...p} name="escalationRoute" defaultValue={right?.escalationRoute ?? ""} autoComplete="off" className={inputClass} />}
      </Field>
      <ActionMessage outcome={outcome} onReload={() => router.refresh()} />
      <div className="flex flex-wrap justify-end gap-3">
        <button type="button" onClick={onCancel} className={secondaryButtonClass}>
          Cancel
        </button>
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Saving…" : right ? "Save" : "Add"}
        </button>
      </div>
    </form>
  );
}
