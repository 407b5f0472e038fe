"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { HiddenFields } from "@/components/ui/action-button";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Combobox } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";
import { Form, FormFooter, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { updateItemAction } from "@/lib/backlog/actions";
import { UpdateItemSchema } from "@/lib/backlog/schema";
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
  children,
}: {
  item: EditableItem;
  /** The statuses valid for the item's level. */
  statuses: readonly ItemStatus[];
  ownerOptions: { personId: number; label: string }[];
  canChangeEstimateAndOwner: boolean;
  /** Kept for callers; times are shown relative in the browser. */
  timeZone?: string;
  /** The read-only details (server-rendered). */
  children: ReactNode;
}) {
  const [editing, setEditing] = useState(false);
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

  return editing ? (
    <Card title={`Edit ${item.key}`} description="Others editing at the same time are told before anything is overwritten.">
      <ItemEditForm
        key={item.version}
        item={item}
        statuses={statuses}
        ownerOptions={ownerOptions}
        canChangeEstimateAndOwner={canChangeEstimateAndOwner}
        onSaved={stopEditing}
        onCancel={stopEditing}
      />
    </Card>
  ) : (
    <Card
      title="Details"
      actions={
        <Button ref={editButtonRef} variant="secondary" size="sm" onClick={() => setEditing(true)} aria-label={`Edit ${item.key}`}>
          Edit
        </Button>
      }
    >
      {children}
    </Card>
  );
}

function ItemEditForm({
  item,
  statuses,
  ownerOptions,
  canChangeEstimateAndOwner,
  onSaved,
  onCancel,
}: {
  item: EditableItem;
  statuses: readonly ItemStatus[];
  ownerOptions: { personId: number; label: string }[];
  canChangeEstimateAndOwner: boolean;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const form = useActionForm(updateItemAction, { schema: UpdateItemSchema, success: `Saved your changes to ${item.key}.`, onSuccess: onSaved });
  const statusOptions = statuses.includes(item.status) ? statuses : [item.status, ...statuses];
  const owners = ownerOptions.map((o) => ({ value: String(o.personId), label: o.label }));

  return (
    <Form form={form} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <HiddenFields
        fields={{
          itemId: item.id,
          version: item.version,
          // Without the right to change them, the stored values go back unchanged.
          ...(canChangeEstimateAndOwner ? {} : { estimate: item.estimate, ownerPersonId: item.ownerPersonId }),
        }}
      />
      <Field name="title" label="Title" className="sm:col-span-2">
        <Input name="title" defaultValue={item.title} required maxLength={200} autoFocus />
      </Field>
      <Field name="status" label="Status">
        <NativeSelect name="status" defaultValue={item.status}>
          {statusOptions.map((status) => (
            <option key={status} value={status}>
              {enumLabel(status)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      {canChangeEstimateAndOwner ? (
        <Field name="estimate" label="Estimate (points)" hint="Leave empty when not estimated yet.">
          <Input name="estimate" type="number" inputMode="numeric" min={0} max={100} step={1} defaultValue={item.estimate ?? ""} />
        </Field>
      ) : (
        <ReadOnlyValue label="Estimate" value={item.estimate === null ? "Not estimated" : `${item.estimate} pts`} />
      )}
      {canChangeEstimateAndOwner ? (
        <Field name="ownerPersonId" label="Owner">
          <Combobox
            name="ownerPersonId"
            options={owners}
            defaultValue={owners.find((o) => o.value === String(item.ownerPersonId)) ?? null}
            noneLabel="No owner"
            searchPlaceholder="Search people…"
          />
        </Field>
      ) : (
        <ReadOnlyValue label="Owner" value={item.ownerName ?? "No owner"} />
      )}
      <Field name="briefUrl" label="Brief link" hint="A full link, e.g. https://…">
        <Input name="briefUrl" type="url" defaultValue={item.briefUrl ?? ""} />
      </Field>
      <Field name="description" label="Description" className="sm:col-span-2">
        <Textarea name="description" rows={4} defaultValue={item.description} />
      </Field>
      <Field name="acceptanceCriteria" label="Acceptance criteria" className="sm:col-span-2">
        <Textarea name="acceptanceCriteria" rows={4} defaultValue={item.acceptanceCriteria} />
      </Field>
      {canChangeEstimateAndOwner ? null : (
        <p className="text-xs text-muted-foreground sm:col-span-2">Only the team’s product owner or a leader can change the estimate or the owner.</p>
      )}
      <FormFooter className="sm:col-span-2 [&>div]:justify-start">
        <SubmitButton>Save changes</SubmitButton>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </FormFooter>
    </Form>
  );
}

function ReadOnlyValue({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <p className="block text-sm font-medium text-slate-700">{label}</p>
      <p className="mt-1 rounded-md border border-dashed border-border bg-surface-muted px-3 py-2 text-sm text-slate-600">{value}</p>
    </div>
  );
}
