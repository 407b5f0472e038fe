"use client";

import { createContext, useContext, useEffect, useId, type ReactNode } from "react";
import { cn } from "./cn";
import { useFormContext } from "./form";

/*
 * A labelled control with its hint and its error. The control inside (Input, Textarea, NativeSelect,
 * Select, Combobox, Checkbox) picks up its id, aria-describedby and aria-invalid from here. The error comes
 * from the enclosing <Form> by `name` (the schema's field path, e.g. "members.0.role"), or from `error`;
 * it sits in a polite live region that exists before anything is announced in it.
 *
 *   <Field name="wipLimit" label="WIP limit" hint="Items in progress at once">
 *     <Input name="wipLimit" type="number" defaultValue={5} />
 *   </Field>
 */

export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

const FieldContext = createContext<FieldControlProps | null>(null);

/** The wiring props of the enclosing Field (null outside one). */
export function useFieldControl(): FieldControlProps | null {
  return useContext(FieldContext);
}

export function Field({
  name,
  label,
  hint,
  error: errorProp,
  id: idProp,
  hideLabel = false,
  className,
  children,
}: {
  /** The schema path whose error shows here (and which the form therefore need not repeat). */
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  /** An error from elsewhere (a field outside any <Form>). */
  error?: string;
  id?: string;
  /** Keep the label for screen readers only (a table cell with a column header). */
  hideLabel?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const generated = useId();
  const id = idProp ?? generated;
  const form = useFormContext();
  const error = errorProp ?? (name ? form?.errors[name] : undefined);
  const fields = form?.fields;
  useEffect(() => {
    if (!name || !fields) return;
    fields.add(name);
    return () => {
      fields.delete(name);
    };
  }, [name, fields]);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const control: FieldControlProps = {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [hintId, error ? errorId : undefined].filter(Boolean).join(" ") || undefined,
  };
  return (
    <div className={cn("min-w-0", className)} data-invalid={error ? true : undefined}>
      <label htmlFor={id} className={cn("block text-sm font-medium text-slate-700", hideLabel && "sr-only")}>
        {label}
      </label>
      <FieldContext value={control}>{children}</FieldContext>
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <p id={errorId} aria-live="polite" className="mt-1 text-xs font-medium text-danger empty:hidden">
        {error ?? ""}
      </p>
    </div>
  );
}

/**
 * A group of choices (radio cards, checkboxes) under one legend, with the group's error. Inputs inside are
 * labelled by their own <label>.
 */
export function FieldSet({
  name,
  legend,
  hint,
  error: errorProp,
  className,
  children,
}: {
  name?: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  className?: string;
  children: ReactNode;
}) {
  const id = useId();
  const form = useFormContext();
  const error = errorProp ?? (name ? form?.errors[name] : undefined);
  const fields = form?.fields;
  useEffect(() => {
    if (!name || !fields) return;
    fields.add(name);
    return () => {
      fields.delete(name);
    };
  }, [name, fields]);
  return (
    <fieldset className={cn("min-w-0", className)} aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}>
      <legend className="block text-sm font-medium text-slate-700">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      <div className="mt-2">{children}</div>
      <p id={`${id}-error`} aria-live="polite" className="mt-1 text-xs font-medium text-danger empty:hidden">
        {error ?? ""}
      </p>
    </fieldset>
  );
}
