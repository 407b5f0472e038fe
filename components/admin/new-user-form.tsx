"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { enumLabel } from "@/lib/format/enum-label";
import type { PersonOption } from "@/lib/users/queries";
import { createUserAction } from "@/lib/users/actions";
import { ORG_ROLES } from "@/lib/users/schema";
import { ActionMessage, Field, inputClass, primaryButtonClass, secondaryButtonClass, UNREACHABLE, type FormOutcome } from "./form-parts";
import { PersonSelectOptions } from "./person-options";

const MIN_PASSWORD = 12;

/** Creates a login: email, initial password, org role and (optionally) the person it signs in as. */
export function NewUserForm({ people, emailOfUser }: { people: readonly PersonOption[]; emailOfUser: ReadonlyMap<number, string> }) {
  const router = useRouter();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const fieldErrors = outcome?.kind === "failure" ? (outcome.result.fieldErrors ?? {}) : {};

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const person = String(form.get("personId") ?? "");
    const input = {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      orgRole: String(form.get("orgRole") ?? "") as (typeof ORG_ROLES)[number],
      personId: person === "" ? null : Number(person),
    };
    startTransition(async () => {
      try {
        const result = await createUserAction(input);
        if (result.ok) {
          formRef.current?.reset();
          setOutcome({ kind: "success", text: `Created ${input.email.trim().toLowerCase()}. They can sign in now.` });
          router.refresh();
        } else {
          setOutcome({ kind: "failure", result });
        }
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });
  }

  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" onClick={() => { setOpen(true); setOutcome(null); }} className={primaryButtonClass}>
          New user
        </button>
        <ActionMessage outcome={outcome} onReload={() => router.refresh()} />
      </div>
    );
  }

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-100 px-5 py-4">
        <h2 id={`${id}-title`} className="text-base font-semibold text-slate-900">
          New user
        </h2>
        <p className="mt-0.5 text-sm text-slate-500">A login for someone in the organisation. Share the initial password with them directly.</p>
      </header>
      <form ref={formRef} onSubmit={submit} noValidate className="grid grid-cols-1 gap-4 p-5 sm:grid-cols-2">
        <Field id={`${id}-email`} label="Email" error={fieldErrors.email}>
          {(p) => <input {...p} name="email" type="email" autoComplete="off" required autoFocus className={inputClass} />}
        </Field>
        <Field
          id={`${id}-password`}
          label="Initial password"
          error={fieldErrors.password}
          hint={`At least ${MIN_PASSWORD} characters.`}
        >
          {(p) => <input {...p} name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD} className={inputClass} />}
        </Field>
        <Field id={`${id}-role`} label="Org role" error={fieldErrors.orgRole}>
          {(p) => (
            <select {...p} name="orgRole" defaultValue="MEMBER" className={inputClass}>
              {ORG_ROLES.map((role) => (
                <option key={role} value={role}>
                  {enumLabel(role)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-person`} label="Linked person (optional)" error={fieldErrors.personId} hint="Team roles come from the person’s memberships.">
          {(p) => (
            <select {...p} name="personId" defaultValue="" className={inputClass}>
              <PersonSelectOptions people={people} emailOfUser={emailOfUser} />
            </select>
          )}
        </Field>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <button type="submit" disabled={pending} className={primaryButtonClass}>
            {pending ? "Creating…" : "Create user"}
          </button>
          <button type="button" onClick={() => { setOpen(false); setOutcome(null); }} className={secondaryButtonClass}>
            Cancel
          </button>
          <ActionMessage outcome={outcome} onReload={() => router.refresh()} className="min-w-0 flex-1" />
        </div>
      </form>
    </section>
  );
}
