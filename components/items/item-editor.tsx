"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition, type ReactNode } from "react";
import {
  ActionMessage,
  Field,
  inputClass,
  primaryButtonClass,
  secondaryButtonClass,
  UNREACHABLE,
  type FormOutcome,
} from "@/components/admin/form-parts";
import { Card } from "@/components/ui/card";
import { updateItemAction } from "@/lib/backlog/actions";
import type { ConflictInfo } from "@/lib/actions/result";
import { formatDateTime } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";
import type { ItemStatus } from "@/lib/generated/prisma/enums";

export interface EditableItem {
  id: number;
  key: string;
  version: number;
  title: string;
  description: string;
  status: ItemStatus;
  estimate: number | null;
  acceptanceCriteria: string;
  briefUrl: string | null;
  ownerPersonId: number | null;
  ownerName: string | null;
}

/**
 * The item's details card with an Edit button, swapped for the edit form while editing. Rendered only for
 * people who may edit the item (the page decides; the action checks again). The estimate and owner are
 * editable only for the backlog's owner or a leader; for others they are shown and sent back unchanged.
 */
export function ItemEditor({
  item,
  statuses,
  ownerOptions,
  canChangeEstimateAndOwner,
  timeZone,
  children,
}: {
  item: EditableItem;
  /** The statuses valid for the item's level. */
  statuses: readonly ItemStatus[];
  ownerOptions: { personId: number; label: string }[];
  canChangeEstimateAndOwner: boolean;
  timeZone: string;
  /** The read-only details (server-rendered). */
  children: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<FormOutcome>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButtonRef.current?.focus();
    }
  }, [editing]);

  const stopEditing = () => {
    returnFocus.current = true;
    setEditing(false);
  };

  return (
    <div>
      {/* Always mounted, so "Saved." is announced when it appears. */}
      <div aria-live="polite" role="status">
        {notice?.kind === "success" ? <p className="mb-3 text-sm font-medium text-emerald-700">{notice.text}</p> : null}
      </div>
      {editing ? (
        <Card title={`Edit ${item.key}`} description="Others editing at the same time are told before anything is overwritten.">
          <ItemEditForm
            key={item.version}
            item={item}
            statuses={statuses}
            ownerOptions={ownerOptions}
            canChangeEstimateAndOwner={canChangeEstimateAndOwner}
            timeZone={timeZone}
            onSaved={() => {
              setNotice({ kind: "success", text: `Saved your changes to ${item.key}.` });
              stopEditing();
            }}
            onCancel={stopEditing}
          />
        </Card>
      ) : (
        <Card
          title="Details"
          actions={
            <button
              ref={editButtonRef}
              type="button"
              onClick={() => {
                setNotice(null);
                setEditing(true);
              }}
              aria-label={`Edit ${item.key}`}
              className={secondaryButtonClass}
            >
              Edit
            </button>
          }
        >
          {children}
        </Card>
      )}
    </div>
  );
}

function conflictText(conflict: ConflictInfo | undefined, timeZone: string): string {
  const who = conflict?.by ?? "Someone";
  const when = conflict?.at ? ` at ${formatDateTime(conflict.at, timeZone)}` : "";
  return `${who} changed this${when} after you opened it. Reload to see their change, then apply yours again.`;
}

function ItemEditForm({
  item,
  statuses,
  ownerOptions,
  canChangeEstimateAndOwner,
  timeZone,
  onSaved,
  onCancel,
}: {
  item: EditableItem;
  statuses: readonly ItemStatus[];
  ownerOptions: { personId: number; label: string }[];
  canChangeEstimateAndOwner: boolean;
  timeZone: string;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};
  const statusOptions = statuses.includes(item.status) ? statuses : [item.status, ...statuses];

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const estimate = canChangeEstimateAndOwner ? text("estimate").trim() : null;
    const owner = canChangeEstimateAndOwner ? text("ownerPersonId") : null;
    const input = {
      itemId: item.id,
      version: item.version,
      title: text("title"),
      description: text("description"),
      status: text("status") as ItemStatus,
      // Without the right to change them, the stored values go back unchanged.
      estimate: canChangeEstimateAndOwner ? (estimate === "" ? null : estimate) : item.estimate,
      acceptanceCriteria: text("acceptanceCriteria"),
      briefUrl: text("briefUrl").trim() || null,
      ownerPersonId: canChangeEstimateAndOwner ? (owner === "" ? null : Number(owner)) : item.ownerPersonId,
    };
    startTransition(async () => {
      try {
        const result = await updateItemAction(input);
        if (result.ok) {
          onSaved();
          router.refresh();
        } else {
          setOutcome({ kind: "failure", result });
        }
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  const conflict = outcome?.kind === "failure" && outcome.result.reason === "CONFLICT" ? outcome.result.conflict : undefined;

  return (
    <form onSubmit={submit} noValidate className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <Field id={`${id}-title`} label="Title" error={fieldErrors.title} className="sm:col-span-2">
        {(p) => <input {...p} name="title" defaultValue={item.title} required maxLength={200} autoFocus className={inputClass} />}
      </Field>
      <Field id={`${id}-status`} label="Status" error={fieldErrors.status}>
        {(p) => (
          <select {...p} name="status" defaultValue={item.status} className={inputClass}>
            {statusOptions.map((status) => (
              <option key={status} value={status}>
                {enumLabel(status)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {canChangeEstimateAndOwner ? (
        <Field id={`${id}-estimate`} label="Estimate (points)" error={fieldErrors.estimate} hint="Leave empty when not estimated yet.">
          {(p) => (
            <input
              {...p}
              name="estimate"
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              defaultValue={item.estimate ?? ""}
              className={inputClass}
            />
          )}
        </Field>
      ) : (
        <ReadOnlyValue label="Estimate" value={item.estimate === null ? "Not estimated" : `${item.estimate} pts`} />
      )}
      {canChangeEstimateAndOwner ? (
        <Field id={`${id}-owner`} label="Owner" error={fieldErrors.ownerPersonId}>
          {(p) => (
            <select {...p} name="ownerPersonId" defaultValue={item.ownerPersonId === null ? "" : String(item.ownerPersonId)} className={inputClass}>
              <option value="">No owner</option>
              {ownerOptions.map((option) => (
                <option key={option.personId} value={option.personId}>
                  {option.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <ReadOnlyValue label="Owner" value={item.ownerName ?? "No owner"} />
      )}
      <Field id={`${id}-brief`} label="Brief link" error={fieldErrors.briefUrl} hint="A full link, e.g. https://…">
        {(p) => <input {...p} name="briefUrl" type="url" defaultValue={item.briefUrl ?? ""} className={inputClass} />}
      </Field>
      <Field id={`${id}-description`} label="Description" error={fieldErrors.description} className="sm:col-span-2">
        {(p) => <textarea {...p} name="description" rows={4} defaultValue={item.description} className={inputClass} />}
      </Field>
      <Field id={`${id}-ac`} label="Acceptance criteria" error={fieldErrors.acceptanceCriteria} className="sm:col-span-2">
        {(p) => <textarea {...p} name="acceptanceCriteria" rows={4} defaultValue={item.acceptanceCriteria} className={inputClass} />}
      </Field>
      {canChangeEstimateAndOwner ? null : (
        <p className="text-xs text-slate-500 sm:col-span-2">Only the team’s product owner or a leader can change the estimate or the owner.</p>
      )}
      <ActionMessage
        outcome={outcome}
        onReload={() => router.refresh()}
        conflictText={conflictText(conflict, timeZone)}
        className="sm:col-span-2"
      />
      <div className="flex flex-wrap gap-3 sm:col-span-2">
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Saving…" : "Save changes"}
        </button>
        <button type="button" onClick={onCancel} disabled={pending} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function ReadOnlyValue({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <p className="block text-sm font-medium text-slate-700">{label}</p>
      <p className="mt-1 rounded-md border border-dashed border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-600">{value}</p>
    </div>
  );
}
