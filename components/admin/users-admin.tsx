"use client";

import { useMemo, useState } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { formatDateTime } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import { setUserActiveAction } from "@/lib/users/actions";
import type { PersonOption, UserRow } from "@/lib/users/queries";
import { EditUserForm } from "./edit-user-form";
import { NewUserForm } from "./new-user-form";

const ROLE_TONE: Record<OrgRole, BadgeTone> = { ADMIN: "rose", LEADER: "violet", MEMBER: "sky", VIEWER: "slate" };

interface RowContext {
  currentUserId: number;
  timeZone: string;
  onEdit: (userId: number) => void;
}

const col = createDataTableColumnHelper<UserRow>();
const dash = <span className="text-slate-500">—</span>;

function buildColumns(ctx: RowContext) {
  return col.columns([
    col.accessor("email", {
      header: "Email",
      cell: (info) => (
        <span className="flex flex-wrap items-center gap-1.5">
          <span className={info.row.original.active ? "font-medium break-all text-slate-900" : "break-all text-slate-600"}>{info.getValue()}</span>
          {info.row.original.id === ctx.currentUserId ? <Badge tone="indigo">You</Badge> : null}
        </span>
      ),
    }),
    col.accessor((row) => row.personName ?? undefined, {
      id: "person",
      header: "Linked person",
      cell: (info) => info.getValue() ?? dash,
      sortUndefined: "last",
      meta: { priority: "secondary" },
    }),
    col.accessor((row) => enumLabel(row.orgRole), {
      id: "orgRole",
      header: "Org role",
      cell: (info) => <Badge tone={ROLE_TONE[info.row.original.orgRole]}>{info.getValue()}</Badge>,
    }),
    col.accessor((row) => (row.active ? "Active" : "Deactivated"), {
      id: "active",
      header: "Status",
      cell: (info) => (
        <Badge tone={info.row.original.active ? "emerald" : "slate"} dot>
          {info.getValue()}
        </Badge>
      ),
    }),
    col.accessor((row) => row.lastSignInAt ?? undefined, {
      id: "lastSignIn",
      header: "Last sign-in",
      cell: (info) => {
        const at = info.getValue();
        return at ? <time dateTime={at}>{formatDateTime(at, ctx.timeZone)}</time> : <span className="text-slate-600">Never</span>;
      },
      sortUndefined: "last",
      meta: { nowrap: true, priority: "tertiary" },
    }),
    col.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: (info) => <RowActions user={info.row.original} ctx={ctx} />,
      meta: { nowrap: true, pinned: "end", cellClassName: "text-right" },
    }),
  ]);
}

/**
 * The admin's user list: every login with its person, role, status and last sign-in; a dialog for a new
 * login; per row, an edit dialog (role and person) and deactivate (after a confirmation) or reactivate.
 * Outcomes are toasts; a refusal shows beside the button that caused it.
 */
export function UsersAdmin({
  users,
  people,
  currentUserId,
  timeZone,
}: {
  users: UserRow[];
  people: PersonOption[];
  currentUserId: number;
  timeZone: string;
}) {
  const [editingId, setEditingId] = useState<number | null>(null);
  const [columns] = useState(() => buildColumns({ currentUserId, timeZone, onEdit: setEditingId }));
  const emailOfUser = useMemo(() => new Map(users.map((u) => [u.id, u.email])), [users]);
  const editing = editingId === null ? undefined : users.find((u) => u.id === editingId);

  return (
    <div className="flex flex-col gap-4">
      <NewUserForm people={people} emailOfUser={emailOfUser} />
      <DataTable
        columns={columns}
        data={users}
        label="Users"
        getRowId={(row) => String(row.id)}
        filterPlaceholder="Filter by email, person, role…"
        rowClassName={(row) => (row.active ? undefined : "bg-surface-muted")}
      />
      <Dialog open={editing !== undefined} onOpenChange={(open) => (open ? null : setEditingId(null))}>
        {editing ? (
          <DialogContent title={`Edit ${editing.email}`} width="sm">
            {/* Keyed by version: after a reload the form starts again from the stored values. */}
            <EditUserForm
              key={editing.version}
              user={editing}
              people={people}
              emailOfUser={emailOfUser}
              isSelf={editing.id === currentUserId}
              onSaved={() => setEditingId(null)}
              onCancel={() => setEditingId(null)}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </div>
  );
}

/** Edit, and deactivate (after a confirmation) or reactivate; an admin cannot deactivate themselves. */
function RowActions({ user, ctx }: { user: UserRow; ctx: RowContext }) {
  const isSelf = user.id === ctx.currentUserId;
  const fields = { userId: user.id, version: user.version };
  return (
    <span className="inline-flex items-center justify-end gap-2">
      <Button variant="secondary" size="sm" onClick={() => ctx.onEdit(user.id)} aria-label={`Edit ${user.email}`}>
        Edit
      </Button>
      {isSelf ? null : user.active ? (
        <ActionButton
          action={setUserActiveAction}
          fields={{ ...fields, active: false }}
          variant="danger"
          aria-label={`Deactivate ${user.email}`}
          confirm={{ title: `Deactivate ${user.email}?`, description: "Their access ends on their next request. You can reactivate them later.", confirmLabel: "Deactivate" }}
          pendingText="Deactivating…"
          success={`${user.email} is deactivated: their access ends on their next request.`}
        >
          Deactivate
        </ActionButton>
      ) : (
        <ActionButton
          action={setUserActiveAction}
          fields={{ ...fields, active: true }}
          aria-label={`Reactivate ${user.email}`}
          pendingText="Reactivating…"
          success={`${user.email} is active again and can sign in.`}
        >
          Reactivate
        </ActionButton>
      )}
    </span>
  );
}
