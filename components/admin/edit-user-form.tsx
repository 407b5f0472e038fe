"use client";

import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { enumLabel } from "@/lib/format/enum-label";
import type { PersonOption, UserRow } from "@/lib/users/queries";
import { updateUserAction } from "@/lib/users/actions";
import { ORG_ROLES } from "@/lib/users/schema";
import { ActionMessage, Field, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE, type FormOutcome } from "./form-parts";
import { PersonSelectOptions } from "./person-options";

/**
 * Changes one login's org role and linked person, against the version it was opened with (the parent keys
 * this form by version, so a reload starts it again from the stored values).
 */
export function EditUserForm({
  user,
  people,
  emailOfUser,
  isSelf,
  onSaved,
  onCancel,
}: {
  user: UserRow;
  people: readonly PersonOption[];
  emailOfUser: ReadonlyMap<number, string>;
  isSelf: boolean;
  onSaved: (text: string) => void;
  onCancel: () => void;
}) {
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const person = String(form.get("personId") ?? "");
    const input = {
      userId: user.id,
      version: user.version,
      orgRole: String(form.get("orgRole") ?? "") as (typeof ORG_ROLES)[number],
      personId: person === "" ? null : Number(person),
    };
    startTransition(async () => {
      try {
        const result = await updateUserAction(input);
        if (result.ok) {
          onSaved(`Saved changes to ${user.email}.`);
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
      <Field
        id={`${id}-role`}
        label="Org role"
        error={fieldErrors.orgRole}
        hint={isSelf ? "You cannot remove your own admin role; another admin can." : undefined}
      >
        {(p) => (
          <select {...p} name="orgRole" defaultValue={user.orgRole} autoFocus className={inputClass}>
            {ORG_ROLES.map((role) => (
              <option key={role} value={role}>
                {enumLabel(role)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-person`} label="Linked person" error={fieldErrors.personId}>
        {(p) => (
          <select {...p} name="personId" defaultValue={user.personId === null ? "" : String(user.personId)} className={inputClass}>
            <PersonSelectOptions people={people} emailOfUser={emailOfUser} currentUserId={user.id} />
          </select>
        )}
      </Field>
      <ActionMessage outcome={outcome} onReload={() => router.refresh()} />
      <div className="flex flex-wrap justify-end gap-3">
        <button type="button" onClick={onCancel} className={secondaryButtonClass}>
          Cancel
        </button>
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? "Saving…" : "Save changes"}
        </button>
      </div>
    </form>
  );
}
