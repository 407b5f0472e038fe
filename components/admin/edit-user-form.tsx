"use client";

import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { Field } from "@/components/ui/field";
import { Form, FormFooter, SubmitButton, useActionForm } from "@/components/ui/form";
import { NativeSelect } from "@/components/ui/input";
import { enumLabel } from "@/lib/format/enum-label";
import { updateUserAction } from "@/lib/users/actions";
import type { PersonOption, UserRow } from "@/lib/users/queries";
import { ORG_ROLES, UpdateUserSchema } from "@/lib/users/schema";
import { personLinkOptions } from "./person-options";

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
  onSaved: () => void;
  onCancel: () => void;
}) {
  const form = useActionForm(updateUserAction, { schema: UpdateUserSchema, success: `Saved changes to ${user.email}.`, onSuccess: onSaved });
  const options = personLinkOptions(people, emailOfUser, user.id);
  return (
    <Form form={form} className="flex flex-col gap-4">
      <input type="hidden" name="userId" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <Field name="orgRole" label="Org role" hint={isSelf ? "You cannot remove your own admin role; another admin can." : undefined}>
        <NativeSelect name="orgRole" defaultValue={user.orgRole} autoFocus>
          {ORG_ROLES.map((role) => (
            <option key={role} value={role}>
              {enumLabel(role)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field name="personId" label="Linked person">
        <Combobox
          name="personId"
          options={options}
          defaultValue={options.find((o) => o.value === String(user.personId)) ?? null}
          noneLabel="No linked person"
          searchPlaceholder="Search people…"
        />
      </Field>
      <FormFooter>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <SubmitButton>Save changes</SubmitButton>
      </FormFooter>
    </Form>
  );
}
