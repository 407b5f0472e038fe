"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, useTransition } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { createDataTableColumnHelper, DataTable } from "@/components/ui/data-table";
import { formatDateTime } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";
import type { OrgRole } from "@/lib/generated/prisma/enums";
import type { PersonOption, UserRow } from "@/lib/users/queries";
import { setUserActiveAction } from "@/lib/users/actions";
import { EditUserForm } from "./edit-user-form";
import { ActionMessage, dangerButtonClass, secondaryButtonClass, UNREACHABLE, type FormOutcome } from "./form-parts";
import { NewUserForm } from "./new-user-form";

const ROLE_TONE: Record<OrgRole, BadgeTone> = { ADMIN: "rose", LEADER: "violet", MEMBER: "sky", VIEWER: "slate" };

interface RowContext {
  currentUserId: number;
  timeZone: string;
  onEdit: (userId: number) => void;
  onOutcome: (outcome: FormOutcome) => void;
}

const col = createDataTableColumnHelper<UserRow>();
const editButtonId = (userId: number) => `edit-user-${userId}`;
const dash = <span className="text-slate-400">—</span>;

function buildColumns(ctx: RowContext) {
  return col.columns([
    col.accessor("email", {
      header: "Email",
      cell: (info) => (
        <span className="flex flex-wrap items-center gap-1.5">
          <span className={info.row.original.active ? "font-medium text-slate-900" : "text-slate-500"}>{info.getValue()}</span>
          {info.row.original.id === ctx.currentUserId ? <Badge tone="indigo">You</Badge> : null}
        </span>
      ),
    }),
    col.accessor((row) => row.personName ?? undefined, {
      id: "person",
      header: "Linked person",
      cell: (info) => info.getValue() ?? dash,
      sortUndefined: "last",
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
        return at ? <time dateTime={at}>{formatDateTime(at, ctx.timeZone)}</time> : <span className="text-slate-500">Never</span>;
      },
      sortUndefined: "last",
      meta: { cellClassName: "whitespace-nowrap" },
    }),
    col.display({
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: (info) => <RowActions user={info.row.original} ctx={ctx} />,
      meta: { cellClassName: "whitespace-nowrap text-right" },
    }),
  ]);
}

/**
 * The admin's user list: every login with its person, role, status and last sign-in; a form for a new login;
 * per row, an edit dialog (role and person) and deactivate/reactivate. Every outcome is announced in one
 * polite live region above the table.
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
  const router = useRouter();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const [editingId, setEditingId] = useState<number | null>(null);
  const [columns] = useState(() => buildColumns({ currentUserId, timeZone, onEdit: setEditingId, onOutcome: setOutcome }));
  const emailOfUser = useMemo(() => new Map(users.map((u) => [u.id, u.email])), [users]);
  const editing = editingId === null ? undefined : users.find((u) => u.id === editingId);
  const dialogRef = useRef<HTMLDialogElement>(null);

  return (
    <div className="flex flex-col gap-4">
      <NewUserForm people={people} emailOfUser={emailOfUser} />
      <ActionMessage outcome={outcome} onReload={() => { setOutcome(null); router.refresh(); }} />
      <DataTable
        columns={columns}
        data={users}
        label="Users"
        getRowId={(row) => String(row.id)}
        filterPlaceholder="Filter by email, person, role…"
        rowClassName={(row) => (row.active ? undefined : "bg-slate-50/60")}
      />
      {editing ? (
        <EditUserDialog
          ref={dialogRef}
          key={editing.id}
          title={`Edit ${editing.email}`}
          onClose={() => {
            setEditingId(null);
            // Back to the row's Edit button (the browser's own restore misses it after a reload re-rendered the form).
            requestAnimationFrame(() => document.getElementById(editButtonId(editing.id))?.focus());
          }}
        >
          {/* Keyed by version: after a reload the form starts again from the stored values. */}
          <EditUserForm
            key={editing.version}
            user={editing}
            people={people}
            emailOfUser={emailOfUser}
            isSelf={editing.id === currentUserId}
            onSaved={(text) => {
              setOutcome({ kind: "success", text });
              dialogRef.current?.close();
            }}
            onCancel={() => dialogRef.current?.close()}
          />
        </EditUserDialog>
      ) : null}
    </div>
  );
}

/**
 * A modal dialog (native <dialog>: focus stays inside, Escape closes it, focus returns to the opener).
 * Closing goes through `ref.current.close()`, which fires onClose.
 */
function EditUserDialog({
  ref,
  title,
  onClose,
  children,
}: {
  ref: React.RefObject<HTMLDialogElement | null>;
  title: string;
  onClose: () => void;
  children: React.ReactNode;
}) {
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, [ref]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-full max-w-md rounded-xl border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="border-b border-slate-100 px-5 py-4">
        <h2 id={titleId} className="text-base font-semibold break-all text-slate-900">
          {title}
        </h2>
      </div>
      <div className="p-5">{children}</div>
    </dialog>
  );
}

/** Edit, and deactivate (after a confirmation) or reactivate; an admin cannot deactivate themselves. */
function RowActions({ user, ctx }: { user: UserRow; ctx: RowContext }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const isSelf = user.id === ctx.currentUserId;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  function setActive(active: boolean) {
    startTransition(async () => {
      try {
        const result = await setUserActiveAction({ userId: user.id, version: user.version, active });
        setConfirming(false);
        if (result.ok) {
          ctx.onOutcome({
            kind: "success",
            text: active ? `${user.email} is active again and can sign in.` : `${user.email} is deactivated: their access ends on their next request.`,
          });
          router.refresh();
        } else {
          ctx.onOutcome({ kind: "failure", result });
        }
      } catch {
        ctx.onOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  return (
    <span className="inline-flex items-center justify-end gap-2">
      <button
        id={editButtonId(user.id)}
        type="button"
        onClick={() => ctx.onEdit(user.id)}
        aria-label={`Edit ${user.email}`}
        className={secondaryButtonClass}
      >
        Edit
      </button>
      {isSelf ? null : user.active ? (
        confirming ? (
          <>
            <button
              ref={confirmRef}
              type="button"
              disabled={pending}
              onClick={() => setActive(false)}
              aria-label={`Confirm: deactivate ${user.email}`}
              className="inline-flex items-center rounded-md bg-rose-600 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-rose-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-600 disabled:opacity-60"
            >
              {pending ? "Deactivating…" : "Confirm"}
            </button>
            <button type="button" disabled={pending} onClick={() => setConfirming(false)} className={secondaryButtonClass}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)} aria-label={`Deactivate ${user.email}`} className={dangerButtonClass}>
            Deactivate
          </button>
        )
      ) : (
        <button
          type="button"
          disabled={pending}
          onClick={() => setActive(true)}
          aria-label={`Reactivate ${user.email}`}
          className={secondaryButtonClass}
        >
          {pending ? "Reactivating…" : "Reactivate"}
        </button>
      )}
    </span>
  );
}
