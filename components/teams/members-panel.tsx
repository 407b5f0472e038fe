"use client";

import Link from "next/link";
import { useState } from "react";
import { ActionButton, HiddenFields } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Combobox } from "@/components/ui/combobox";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form, FormFooter, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input, NativeSelect } from "@/components/ui/input";
import type { TeamKind } from "@/lib/generated/prisma/enums";
import type { StaffingOption } from "@/lib/people/queries";
import { addMemberAction, moveMemberAction, removeMemberAction, updateMemberAction } from "@/lib/teams/actions";
import type { TeamMemberDto, TeamOption } from "@/lib/teams/queries";
import { freeAllocation, isDeliveryRole, MEMBER_ROLES, roleLabel } from "@/lib/teams/rules";
import { AddMemberSchema, MoveMemberSchema, UpdateMemberSchema } from "@/lib/teams/schema";

type DialogState = { kind: "add" } | { kind: "edit"; member: TeamMemberDto } | { kind: "move"; member: TeamMemberDto } | null;

interface RowContext {
  canEdit: boolean;
  teamName: string;
  onOpen: (state: DialogState) => void;
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
            className="rounded font-medium text-foreground hover:text-indigo-700 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
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
      meta: { nowrap: true, pinned: "end", cellClassName: "text-right" },
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
 * there and their refusals are shown next to the form that sent them.
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
  const [dialog, setDialog] = useState<DialogState>(null);
  const [columns] = useState(() => buildColumns({ canEdit, teamName: team.name, onOpen: setDialog }));
  const delivery = members.filter((m) => isDeliveryRole(m.role)).length;

  return (
    <Card
      title="Members"
      description={`${delivery} in delivery roles${members.length > delivery ? `, ${members.length - delivery} in oversight` : ""} · roles and how much of each person’s time the team has`}
      actions={
        canEdit ? (
          <Button variant="secondary" size="sm" onClick={() => setDialog({ kind: "add" })}>
            Add member
          </Button>
        ) : null
      }
    >
      {members.length === 0 ? (
        <p className="text-sm text-muted-foreground">No members yet.{canEdit ? " Add the people who will deliver here." : ""}</p>
      ) : (
        <DataTable columns={columns} data={members} label={`${team.name} members`} getRowId={(m) => String(m.membershipId)} filterable={false} maxHeightClassName="" />
      )}
      <Dialog open={dialog !== null} onOpenChange={(open) => (open ? null : setDialog(null))}>
        {dialog ? (
          <DialogContent
            key={dialog.kind === "add" ? "add" : `${dialog.kind}-${dialog.member.membershipId}-${dialog.member.version}`}
            title={dialog.kind === "add" ? `Add a member to ${team.name}` : dialog.kind === "edit" ? `${dialog.member.name} in ${team.name}` : `Move ${dialog.member.name}`}
            description={
              dialog.kind === "move"
                ? "The membership moves with the role and allocation it will have in the new team."
                : "A person delivers in one pod only, one product owner per team, and nobody above 100%."
            }
          >
            <MemberForm state={dialog} team={team} staffing={staffing} teams={teams} onDone={() => setDialog(null)} />
          </DialogContent>
        ) : null}
      </Dialog>
    </Card>
  );
}

function RowActions({ member, ctx }: { member: TeamMemberDto; ctx: RowContext }) {
  return (
    <span className="inline-flex items-center justify-end gap-2">
      <Button variant="secondary" size="sm" onClick={() => ctx.onOpen({ kind: "edit", member })} aria-label={`Edit ${member.name}’s role and allocation`}>
        Edit
      </Button>
      <Button variant="secondary" size="sm" onClick={() => ctx.onOpen({ kind: "move", member })} aria-label={`Move ${member.name} to another team`}>
        Move
      </Button>
      <ActionButton
        action={removeMemberAction}
        fields={{ membershipId: member.membershipId, version: member.version }}
        variant="danger"
        aria-label={`Remove ${member.name} from ${ctx.teamName}`}
        confirm={{ title: `Remove ${member.name} from ${ctx.teamName}?`, description: "Their membership ends now; items they own stay theirs.", confirmLabel: "Remove" }}
        pendingText="Removing…"
        success={`${member.name} left ${ctx.teamName}.`}
      >
        Remove
      </ActionButton>
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

/** Add, edit or move one membership; asks before replacing a product owner. */
function MemberForm({
  state,
  team,
  staffing,
  teams,
  onDone,
}: {
  state: Exclude<DialogState, null>;
  team: { id: number; name: string; kind: TeamKind };
  staffing: StaffingOption[];
  teams: TeamOption[];
  onDone: () => void;
}) {
  const member = state.kind === "add" ? null : state.member;
  const [personId, setPersonId] = useState("");
  const person = staffing.find((p) => String(p.id) === personId);
  const form = useActionForm<unknown>(state.kind === "add" ? addMemberAction : state.kind === "edit" ? updateMemberAction : moveMemberAction, {
    schema: state.kind === "add" ? AddMemberSchema : state.kind === "edit" ? UpdateMemberSchema : MoveMemberSchema,
    success: (_data, sent) => {
      if (state.kind === "add") return `${person?.name ?? "The person"} joined ${team.name} as ${roleLabel(String(sent?.get("role")) as (typeof MEMBER_ROLES)[number])}.`;
      if (state.kind === "edit") return `Saved ${state.member.name}’s role and allocation.`;
      const to = teams.find((t) => String(t.id) === sent?.get("toTeamId"))?.name ?? "the other team";
      return `${state.member.name} moved to ${to}.`;
    },
    onSuccess: onDone,
  });
  // The action asks before replacing a product owner (CONFLICT with this field); the same form is sent
  // again with the confirming button.
  const question = form.failure?.reason === "CONFLICT" ? form.failure.fieldErrors?.replaceProductOwner : undefined;
  const defaultAllocation = member ? member.allocationPct : person ? Math.max(1, freeAllocation(person.memberships.filter((m) => m.teamId !== team.id))) : 100;
  const candidates = staffing
    .filter((s) => !s.memberships.some((m) => m.teamId === team.id))
    .map((s) => ({ value: String(s.id), label: s.name, hint: `${s.title ? `${s.title} · ` : ""}${s.allocatedPct}% allocated` }));

  return (
    <Form form={form} className="flex flex-col gap-4">
      <HiddenFields fields={state.kind === "add" ? { teamId: team.id } : { membershipId: state.member.membershipId, version: state.member.version }} />
      {state.kind === "add" ? (
        <Field name="personId" label="Person" hint={person ? describeHoldings(person, team.id) : "Everyone in the organisation, with what they already hold"}>
          <Combobox name="personId" options={candidates} onValueChange={(o) => setPersonId(o?.value ?? "")} placeholder="Choose a person…" searchPlaceholder="Search people…" />
        </Field>
      ) : null}
      {state.kind === "move" ? (
        <Field name="toTeamId" label="Move to" hint={`${state.member.name} leaves ${team.name} and joins the team you choose.`}>
          <NativeSelect name="toTeamId" defaultValue="" autoFocus>
            <option value="">Choose a team…</option>
            {teams
              .filter((t) => t.id !== team.id)
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} ({t.kind === "DELIVERY_POD" ? "pod" : "shared service"})
                </option>
              ))}
          </NativeSelect>
        </Field>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <Field name="role" label="Role">
          <NativeSelect name="role" defaultValue={member?.role ?? ""} autoFocus={state.kind === "edit"}>
            {member ? null : <option value="">Choose a role…</option>}
            <RoleOptions />
          </NativeSelect>
        </Field>
        <Field name="allocationPct" label="Allocation %">
          <Input key={personId} name="allocationPct" type="number" min={1} max={100} inputMode="numeric" defaultValue={defaultAllocation} />
        </Field>
      </div>

      {question ? (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">{question}</p>
          <p className="mt-1 text-xs">A team has exactly one product owner. If you replace them, they leave {team.name}; add them back with another role if they stay.</p>
          <div className="mt-3 flex flex-wrap gap-2">
            <SubmitButton name="replaceProductOwner" value="true" pendingText="Replacing…" autoFocus>
              Replace product owner
            </SubmitButton>
            <Button variant="secondary" onClick={() => form.reset()}>
              Keep the current one
            </Button>
          </div>
        </div>
      ) : null}

      <FormFooter message={!question}>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <SubmitButton>{state.kind === "add" ? "Add member" : state.kind === "move" ? "Move" : "Save"}</SubmitButton>
      </FormFooter>
    </Form>
  );
}
