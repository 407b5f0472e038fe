"use client";

import Link from "next/link";
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
import type { MemberRole, TeamKind } from "@/lib/generated/prisma/enums";
import type { StaffingOption } from "@/lib/people/queries";
import { addMemberAction, moveMemberAction, removeMemberAction, updateMemberAction } from "@/lib/teams/actions";
import type { TeamMemberDto, TeamOption } from "@/lib/teams/queries";
import { freeAllocation, isDeliveryRole, MEMBER_ROLES, roleLabel } from "@/lib/teams/rules";

type DialogState = { kind: "add" } | { kind: "edit"; member: TeamMemberDto } | { kind: "move"; member: TeamMemberDto } | null;

interface RowContext {
  canEdit: boolean;
  teamName: string;
  onOpen: (state: DialogState) => void;
  onOutcome: (outcome: FormOutcome) => void;
}

const col = createDataTableColumnHelper<TeamMemberDto>();

function buildColumns(ctx: RowContext) {
  const columns = [
    col.accessor("name", {
      header: "Name",
      cell: (info) => (
        <span className="flex flex-col gap-0.5">
          <Link
            href={`/people/${info.row.original.personId}`}
            className="rounded font-medium text-slate-900 hover:text-indigo-700 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
          >
            {info.getValue()}
          </Link>
          {info.row.original.title ? <span className="text-xs text-slate-500">{info.row.original.title}</span> : null}
        </span>
      ),
    }),
    col.accessor((row) => roleLabel(row.role), {
      id: "role",
      header: "Role",
      cell: (info) =>
        info.row.original.role === "OVERSIGHT" ? (
          <span className="flex flex-wrap items-center gap-1.5">
            <Badge tone="slate">Oversight</Badge>
            <span className="text-xs text-slate-500">governance, no sprint work</span>
          </span>
        ) : info.row.original.role === "PRODUCT_OWNER" ? (
          <Badge tone="indigo">Product Owner</Badge>
        ) : (
          info.getValue()
        ),
    }),
    col.accessor("allocationPct", {
      header: "Allocation",
      cell: (info) => <AllocationBar pct={info.getValue()} />,
      meta: { align: "end" },
    }),
  ];
  if (!ctx.canEdit) return col.columns(columns);
  return col.columns([
    ...columns,
    col.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: (info) => <RowActions member={info.row.original} ctx={ctx} />,
      meta: { cellClassName: "whitespace-nowrap text-right" },
    }),
  ]);
}

function AllocationBar({ pct }: { pct: number }) {
  return (
    <span className="inline-flex items-center gap-2">
      <span aria-hidden="true" className="h-1.5 w-14 overflow-hidden rounded-full bg-slate-200">
        <span className="block h-full rounded-full bg-indigo-500" style={{ width: `${Math.min(100, pct)}%` }} />
      </span>
      <span className="w-10 tabular-nums">{pct}%</span>
    </span>
  );
}

/**
 * The team's members: name (linking to every membership the person holds), role and allocation. For leaders
 * and admins (`canEdit`), add, edit, move and remove, each through a guarded action; the rules are enforced
 * there and their refusals are shown as sent.
 */
export function MembersPanel({
  team,
  members,
  canEdit,
  staffing,
  teams,
}: {
  team: { id: number; name: string; kind: TeamKind };
  members: TeamMemberDto[];
  canEdit: boolean;
  /** People to add, with what they hold (only sent to editors). */
  staffing: StaffingOption[];
  /** Teams a member can be moved to (only sent to editors). */
  teams: TeamOption[];
}) {
  const [notice, setNotice] = useState<FormOutcome>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const [columns] = useState(() => buildColumns({ canEdit, teamName: team.name, onOpen: setDialog, onOutcome: setNotice }));
  const router = useRouter();

  const delivery = members.filter((m) => isDeliveryRole(m.role)).length;
  const closeWith = (text: string) => {
    setNotice({ kind: "success", text });
    dialogRef.current?.close();
  };

  return (
    <Card
      title="Members"
      description={`${delivery} in delivery roles${members.length > delivery ? `, ${members.length - delivery} in oversight` : ""} · roles and how much of each person’s time the team has`}
      actions={
        canEdit ? (
          <button
            ref={addButtonRef}
            type="button"
            onClick={() => {
              setNotice(null);
              setDialog({ kind: "add" });
            }}
            className={secondaryButtonClass}
          >
            Add member
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
      {members.length === 0 ? (
        <p className="text-sm text-slate-500">No members yet.{canEdit ? " Add the people who will deliver here." : ""}</p>
      ) : (
        <DataTable columns={columns} data={members} label={`${team.name} members`} getRowId={(m) => String(m.membershipId)} filterable={false} maxHeightClassName="" />
      )}
      {dialog ? (
        <Dialog
          ref={dialogRef}
          key={dialog.kind === "add" ? "add" : `${dialog.kind}-${dialog.member.membershipId}-${dialog.member.version}`}
          title={dialog.kind === "add" ? `Add a member to ${team.name}` : dialog.kind === "edit" ? `${dialog.member.name} in ${team.name}` : `Move ${dialog.member.name}`}
          description={
            dialog.kind === "move"
              ? "The membership moves with the role and allocation it will have in the new team."
              : "A person delivers in one pod only, one product owner per team, and nobody above 100%."
          }
          onClose={() => {
            const opener = dialog.kind === "add" ? addButtonRef.current : document.getElementById(rowButtonId(dialog.kind, dialog.member.membershipId));
            setDialog(null);
            requestAnimationFrame(() => opener?.focus());
          }}
        >
          <MemberForm
            state={dialog}
            team={team}
            staffing={staffing}
            teams={teams}
            onSaved={closeWith}
            onCancel={() => dialogRef.current?.close()}
          />
        </Dialog>
      ) : null}
    </Card>
  );
}

const rowButtonId = (kind: "edit" | "move", membershipId: number) => `member-${kind}-${membershipId}`;

function RowActions({ member, ctx }: { member: TeamMemberDto; ctx: RowContext }) {
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
        const result = await removeMemberAction({ membershipId: member.membershipId, version: member.version });
        if (result.ok) {
          // The row stays in "Removing…" until the refreshed list no longer has it.
          ctx.onOutcome({ kind: "success", text: `${member.name} left ${ctx.teamName}.` });
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

  if (confirming) {
    return (
      <span className="inline-flex items-center justify-end gap-2">
        <button
          ref={confirmRef}
          type="button"
          disabled={pending}
          onClick={remove}
          aria-label={`Confirm: remove ${member.name} from ${ctx.teamName}`}
          className="inline-flex items-center rounded-md bg-rose-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-rose-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 disabled:opacity-60"
        >
          {pending ? "Removing…" : "Remove"}
        </button>
        <button type="button" disabled={pending} onClick={() => setConfirming(false)} className={secondaryButtonClass}>
          Cancel
        </button>
      </span>
    );
  }
  return (
    <span className="inline-flex items-center justify-end gap-2">
      <button
        id={rowButtonId("edit", member.membershipId)}
        type="button"
        onClick={() => {
          ctx.onOutcome(null);
          ctx.onOpen({ kind: "edit", member });
        }}
        aria-label={`Edit ${member.name}’s role and allocation`}
        className={secondaryButtonClass}
      >
        Edit
      </button>
      <button
        id={rowButtonId("move", member.membershipId)}
        type="button"
        onClick={() => {
          ctx.onOutcome(null);
          ctx.onOpen({ kind: "move", member });
        }}
        aria-label={`Move ${member.name} to another team`}
        className={secondaryButtonClass}
      >
        Move
      </button>
      <button type="button" onClick={() => setConfirming(true)} aria-label={`Remove ${member.name} from ${ctx.teamName}`} className={dangerButtonClass}>
        Remove
      </button>
    </span>
  );
}

/** Role options: delivery roles first, then oversight (governance, exempt from the one-pod rule). */
function RoleOptions() {
  return (
    <>
      <optgroup label="Delivery roles">
        {MEMBER_ROLES.filter(isDeliveryRole).map((role) => (
          <option key={role} value={role}>
            {roleLabel(role)}
          </option>
        ))}
      </optgroup>
      <optgroup label="Governance">
        <option value="OVERSIGHT">Oversight (no sprint work)</option>
      </optgroup>
    </>
  );
}

function describeHoldings(person: StaffingOption, exceptTeamId: number): string {
  const elsewhere = person.memberships.filter((m) => m.teamId !== exceptTeamId);
  if (elsewhere.length === 0) return "Not in any team yet: 100% free.";
  const held = elsewhere.map((m) => `${roleLabel(m.role)} in ${m.teamName} (${m.allocationPct}%)`).join(", ");
  return `${held} · ${freeAllocation(elsewhere)}% free.`;
}

type MemberInput = { role: MemberRole; allocationPct: string; personId?: string; toTeamId?: string };

/** Add, edit or move one membership; asks before replacing a product owner. */
function MemberForm({
  state,
  team,
  staffing,
  teams,
  onSaved,
  onCancel,
}: {
  state: Exclude<DialogState, null>;
  team: { id: number; name: string; kind: TeamKind };
  staffing: StaffingOption[];
  teams: TeamOption[];
  onSaved: (text: string) => void;
  onCancel: () => void;
}) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  /** The last input, kept so "Replace" can send it again with the confirmation. */
  const [askReplace, setAskReplace] = useState<{ question: string; input: MemberInput } | null>(null);
  const member = state.kind === "add" ? null : state.member;
  const [personId, setPersonId] = useState("");
  const person = staffing.find((p) => String(p.id) === personId);
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};
  const replaceRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (askReplace) replaceRef.current?.focus();
  }, [askReplace]);

  function send(input: MemberInput, replaceProductOwner: boolean) {
    startTransition(async () => {
      try {
        let result: ActionResult<unknown>;
        let text: string;
        const common = { role: input.role, allocationPct: input.allocationPct, replaceProductOwner };
        if (state.kind === "add") {
          result = await addMemberAction({ ...common, teamId: team.id, personId: input.personId ?? "" });
          const name = staffing.find((p) => String(p.id) === input.personId)?.name ?? "The person";
          text = `${name} joined ${team.name} as ${roleLabel(input.role)}.`;
        } else if (state.kind === "edit") {
          result = await updateMemberAction({ ...common, membershipId: state.member.membershipId, version: state.member.version });
          text = `Saved ${state.member.name}’s role and allocation.`;
        } else {
          result = await moveMemberAction({ ...common, membershipId: state.member.membershipId, version: state.member.version, toTeamId: input.toTeamId ?? "" });
          const to = teams.find((t) => String(t.id) === input.toTeamId)?.name ?? "the other team";
          text = `${state.member.name} moved to ${to}.`;
        }
        if (result.ok) {
          onSaved(text);
          router.refresh();
          return;
        }
        const question = result.reason === "CONFLICT" ? result.fieldErrors?.replaceProductOwner : undefined;
        if (question) {
          setOutcome(null);
          setAskReplace({ question, input });
        } else {
          setAskReplace(null);
          setOutcome({ kind: "failure", result });
        }
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    send(
      {
        role: String(form.get("role") ?? "") as MemberRole,
        allocationPct: String(form.get("allocationPct") ?? ""),
        personId: state.kind === "add" ? String(form.get("personId") ?? "") : undefined,
        toTeamId: state.kind === "move" ? String(form.get("toTeamId") ?? "") : undefined,
      },
      false,
    );
  }

  const defaultAllocation = member ? member.allocationPct : person ? Math.max(1, freeAllocation(person.memberships.filter((m) => m.teamId !== team.id))) : 100;

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {state.kind === "add" ? (
        <Field
          id={`${id}-person`}
          label="Person"
          error={fieldErrors.personId}
          hint={person ? describeHoldings(person, team.id) : "Everyone in the organisation, with what they already hold"}
        >
          {(p) => (
            <select {...p} name="personId" value={personId} onChange={(e) => setPersonId(e.target.value)} autoFocus className={inputClass}>
              <option value="">Choose a person…</option>
              {staffing
                .filter((s) => !s.memberships.some((m) => m.teamId === team.id))
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                    {s.title ? ` — ${s.title}` : ""} ({s.allocatedPct}% allocated)
                  </option>
                ))}
            </select>
          )}
        </Field>
      ) : null}
      {state.kind === "move" ? (
        <Field id={`${id}-to`} label="Move to" error={fieldErrors.toTeamId} hint={`${state.member.name} leaves ${team.name} and joins the team you choose.`}>
          {(p) => (
            <select {...p} name="toTeamId" defaultValue="" autoFocus className={inputClass}>
              <option value="">Choose a team…</option>
              {teams
                .filter((t) => t.id !== team.id)
                .map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name} ({t.kind === "DELIVERY_POD" ? "pod" : "shared service"})
                  </option>
                ))}
            </select>
          )}
        </Field>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <Field id={`${id}-role`} label="Role" error={fieldErrors.role}>
          {(p) => (
            <select {...p} name="role" defaultValue={member?.role ?? ""} autoFocus={state.kind === "edit"} className={inputClass}>
              {member ? null : <option value="">Choose a role…</option>}
              <RoleOptions />
            </select>
          )}
        </Field>
        <Field id={`${id}-allocation`} label="Allocation %" error={fieldErrors.allocationPct}>
          {(p) => (
            <input {...p} key={personId} name="allocationPct" type="number" min={1} max={100} inputMode="numeric" defaultValue={defaultAllocation} className={inputClass} />
          )}
        </Field>
      </div>

      {askReplace ? (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">{askReplace.question}</p>
          <p className="mt-1 text-xs text-amber-800">A team has exactly one product owner. If you replace them, they leave {team.name}; add them back with another role if they stay.</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <button ref={replaceRef} type="button" disabled={pending} onClick={() => send(askReplace.input, true)} className={primaryButtonClass}>
              {pending ? "Replacing…" : "Replace product owner"}
            </button>
            <button type="button" disabled={pending} onClick={() => setAskReplace(null)} className={secondaryButtonClass}>
              Keep the current one
            </button>
          </div>
        </div>
      ) : null}

      <ActionMessage outcome={outcome} onReload={() => router.refresh()} />
      <div className="flex flex-wrap justify-end gap-3">
        <button type="button" onClick={onCancel} className={secondaryButtonClass}>
          Cancel
        </button>
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Saving…" : state.kind === "add" ? "Add member" : state.kind === "move" ? "Move" : "Save"}
        </button>
      </div>
    </form>
  );
}
