"use client";

import { useState } from "react";
import { ActionButton, HiddenFields } from "@/components/ui/action-button";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Combobox } from "@/components/ui/combobox";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field, FieldSet } from "@/components/ui/field";
import { Form, FormFooter, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import type { DecisionMode } from "@/lib/generated/prisma/enums";
import { createDecisionRightAction, deleteDecisionRightAction, updateDecisionRightAction } from "@/lib/teams/actions";
import type { DecisionRightDto } from "@/lib/teams/queries";
import { CreateDecisionRightSchema, UpdateDecisionRightSchema } from "@/lib/teams/schema";

const col = createDataTableColumnHelper<DecisionRightDto>();
const dash = <span className="text-slate-500">—</span>;

interface RowContext {
  canEdit: boolean;
  teamVersion: number;
  onEdit: (right: DecisionRightDto) => void;
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
      meta: { priority: "secondary" },
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
    col.accessor("escalationRoute", { header: "Escalation route", cell: (info) => info.getValue() || dash, meta: { priority: "tertiary" } }),
  ];
  if (!ctx.canEdit) return col.columns(columns);
  return col.columns([
    ...columns,
    col.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: (info) => <RowActions right={info.row.original} ctx={ctx} />,
      meta: { nowrap: true, pinned: "end", cellClassName: "text-right" },
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
  const [editing, setEditing] = useState<DecisionRightDto | "new" | null>(null);
  // Columns are rebuilt when the team's version changes (after any save), so row actions send the current one.
  const [columnsFor, setColumnsFor] = useState(() => ({ version: team.version, columns: buildColumns({ canEdit, teamVersion: team.version, onEdit: setEditing }) }));
  if (columnsFor.version !== team.version) {
    setColumnsFor({ version: team.version, columns: buildColumns({ canEdit, teamVersion: team.version, onEdit: setEditing }) });
  }

  return (
    <Card
      title="Decision rights"
      description="What the team decides alone, and what needs approval from whom, within what time"
      actions={
        canEdit ? (
          <Button variant="secondary" size="sm" onClick={() => setEditing("new")}>
            Add decision right
          </Button>
        ) : null
      }
    >
      {rights.length === 0 ? (
        <p className="text-sm text-muted-foreground">No decision rights recorded.</p>
      ) : (
        <DataTable columns={columnsFor.columns} data={rights} label={`${team.name} decision rights`} getRowId={(r) => String(r.id)} filterable={false} maxHeightClassName="" />
      )}
      <Dialog open={editing !== null} onOpenChange={(open) => (open ? null : setEditing(null))}>
        {editing ? (
          <DialogContent key={editing === "new" ? "new" : `${editing.id}-${team.version}`} title={editing === "new" ? `New decision right for ${team.name}` : "Edit decision right"}>
            <DecisionForm teamId={team.id} teamVersion={team.version} right={editing === "new" ? null : editing} people={people} onDone={() => setEditing(null)} />
          </DialogContent>
        ) : null}
      </Dialog>
    </Card>
  );
}

function RowActions({ right, ctx }: { right: DecisionRightDto; ctx: RowContext }) {
  return (
    <span className="inline-flex items-center justify-end gap-2">
      <Button variant="secondary" size="sm" onClick={() => ctx.onEdit(right)} aria-label={`Edit the decision right “${right.decision}”`}>
        Edit
      </Button>
      <ActionButton
        action={deleteDecisionRightAction}
        fields={{ decisionRightId: right.id, teamVersion: ctx.teamVersion }}
        variant="danger"
        aria-label={`Remove the decision right “${right.decision}”`}
        confirm={{ title: "Remove this decision right?", description: `“${right.decision}” will no longer be listed for the team.`, confirmLabel: "Remove" }}
        pendingText="Removing…"
        success={`Removed “${right.decision}”.`}
      >
        Remove
      </ActionButton>
    </span>
  );
}

function DecisionForm({
  teamId,
  teamVersion,
  right,
  people,
  onDone,
}: {
  teamId: number;
  teamVersion: number;
  right: DecisionRightDto | null;
  people: readonly { id: number; name: string; title: string }[];
  onDone: () => void;
}) {
  const [mode, setMode] = useState<DecisionMode>(right?.mode ?? "NEEDS_APPROVAL");
  const form = useActionForm<unknown>(right ? updateDecisionRightAction : createDecisionRightAction, {
    schema: right ? UpdateDecisionRightSchema : CreateDecisionRightSchema,
    success: (_data, sent) => `${right ? "Saved" : "Added"} “${String(sent?.get("decision") ?? "").trim()}”.`,
    onSuccess: onDone,
  });
  const approvers = people.map((p) => ({ value: String(p.id), label: p.name, hint: p.title || undefined }));

  return (
    <Form form={form} className="flex flex-col gap-4">
      <HiddenFields fields={right ? { decisionRightId: right.id, teamVersion } : { teamId, teamVersion }} />
      <Field name="decision" label="Decision" hint="e.g. “Campaign spend above £10,000”">
        <Input name="decision" defaultValue={right?.decision ?? ""} autoFocus autoComplete="off" />
      </Field>
      <FieldSet name="mode" legend="Who decides">
        <div className="flex flex-wrap gap-4 text-sm">
          {(["TEAM_OWNS", "NEEDS_APPROVAL"] as const).map((m) => (
            <label key={m} className="inline-flex items-center gap-2">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="size-4 accent-indigo-600" />
              {m === "TEAM_OWNS" ? "The team owns it" : "Needs approval"}
            </label>
          ))}
        </div>
      </FieldSet>
      {mode === "NEEDS_APPROVAL" ? (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field name="approverPersonId" label="Approver">
              <Combobox
                name="approverPersonId"
                options={approvers}
                defaultValue={approvers.find((a) => a.value === String(right?.approverPersonId)) ?? null}
                noneLabel="A role, not a named person"
                searchPlaceholder="Search people…"
              />
            </Field>
            <Field name="approverRole" label="Approver’s role" hint="e.g. General Counsel">
              <Input name="approverRole" defaultValue={right?.approverRole ?? ""} autoComplete="off" />
            </Field>
          </div>
          <Field name="responseHours" label="Answer within (hours)">
            <Input name="responseHours" type="number" min={1} inputMode="numeric" defaultValue={right?.responseHours ?? ""} className="max-w-40" />
          </Field>
        </>
      ) : (
        <HiddenFields fields={{ approverPersonId: null, approverRole: null, responseHours: null }} />
      )}
      <Field name="escalationRoute" label="Escalation route" hint="Who it goes to when blocked, in order, e.g. “VP Marketing → CMO”">
        <Input name="escalationRoute" defaultValue={right?.escalationRoute ?? ""} autoComplete="off" />
      </Field>
      <FormFooter>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <SubmitButton>{right ? "Save" : "Add"}</SubmitButton>
      </FormFooter>
    </Form>
  );
}
