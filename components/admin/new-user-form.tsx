"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Form, FormFooter, SubmitButton, useActionForm } from "@/components/ui/form";
import { Input, NativeSelect } from "@/components/ui/input";
import { enumLabel } from "@/lib/format/enum-label";
import { createUserAction } from "@/lib/users/actions";
import type { PersonOption } from "@/lib/users/queries";
import { CreateUserSchema, ORG_ROLES } from "@/lib/users/schema";
import { personLinkOptions } from "./person-options";

const MIN_PASSWORD = 12;

/** "New user" opening a dialog: email, initial password, org role and (optionally) the person it signs in as. */
export function NewUserForm({ people, emailOfUser }: { people: readonly PersonOption[]; emailOfUser: ReadonlyMap<number, string> }) {
  const [open, setOpen] = useState(false);
  const form = useActionForm(createUserAction, {
    schema: CreateUserSchema,
    success: "User created. They can sign in now.",
    onSuccess: () => setOpen(false),
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) form.reset();
      }}
    >
      <DialogTrigger asChild>
        <Button className="self-start">New user</Button>
      </DialogTrigger>
      <DialogContent title="New user" description="A login for someone in the organisation. Share the initial password with them directly." width="lg">
        <Form form={form} className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <Field name="email" label="Email">
            <Input name="email" type="email" autoComplete="off" required />
          </Field>
          <Field name="password" label="Initial password" hint={`At least ${MIN_PASSWORD} characters.`}>
            <Input name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD} />
          </Field>
          <Field name="orgRole" label="Org role">
            <NativeSelect name="orgRole" defaultValue="MEMBER">
              {ORG_ROLES.map((role) => (
                <option key={role} value={role}>
                  {enumLabel(role)}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field name="personId" label="Linked person (optional)" hint="Team roles come from the person’s memberships.">
            <Combobox name="personId" options={personLinkOptions(people, emailOfUser)} noneLabel="No linked person" searchPlaceholder="Search people…" />
          </Field>
          <FormFooter className="sm:col-span-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <SubmitButton pendingText="Creating…">Create user</SubmitButton>
          </FormFooter>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
