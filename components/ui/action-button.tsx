"use client";

import { useState, type ReactNode } from "react";
import type { ButtonSize, ButtonVariant } from "./button";
import { Button } from "./button";
import { cn } from "./cn";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "./dialog";
import { Form, FormMessage, SubmitButton, useActionForm, type FormAction } from "./form";
import { Tooltip } from "./tooltip";

type HiddenValue = string | number | boolean | null;
export type HiddenFields = Readonly<Record<string, HiddenValue | readonly HiddenValue[] | undefined>>;

/** The hidden inputs that carry ids, versions and fixed choices with a form (an array: one input per value). */
export function HiddenFields({ fields }: { fields: HiddenFields }) {
  return (
    <>
      {Object.entries(fields).flatMap(([name, value]) =>
        value === undefined
          ? []
          : (Array.isArray(value) ? value : [value]).map((v: HiddenValue, i: number) => (
              <input key={`${name}-${i}`} type="hidden" name={name} value={v === null ? "" : String(v)} />
            )),
      )}
    </>
  );
}

/**
 * One button that runs one guarded action (accept, reactivate, mark read…): a tiny form on the one form path,
 * so it works before hydration, shows its pending state, and puts a refusal right beside itself. With
 * `confirm`, it first asks in a dialog. With `disabledReason`, it is disabled and says why in a tooltip
 * (a button that would certainly be refused is not offered as if it would work).
 */
export function ActionButton<R>({
  action,
  fields,
  children,
  success,
  onSuccess,
  confirm,
  variant = "secondary",
  size = "sm",
  pendingText,
  disabledReason,
  className,
  "aria-label": ariaLabel,
}: {
  action: FormAction<R>;
  fields: HiddenFields;
  children: ReactNode;
  success?: string | ((data: R, submitted: FormData | null) => string);
  onSuccess?: (data: R, submitted: FormData | null) => void;
  confirm?: { title: string; description?: ReactNode; confirmLabel: string };
  variant?: ButtonVariant;
  size?: ButtonSize;
  pendingText?: string;
  disabledReason?: string;
  className?: string;
  "aria-label"?: string;
}) {
  const [open, setOpen] = useState(false);
  const form = useActionForm(action, {
    success,
    onSuccess: (data, submitted) => {
      setOpen(false);
      onSuccess?.(data, submitted);
    },
  });

  if (disabledReason) {
    return (
      <Tooltip content={disabledReason}>
        <span tabIndex={0} className="inline-flex rounded-md focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
          <Button variant={variant} size={size} disabled aria-label={ariaLabel} className={className}>
            {children}
          </Button>
          <span className="sr-only">({disabledReason})</span>
        </span>
      </Tooltip>
    );
  }

  if (confirm) {
    return (
      <Dialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (next) form.reset();
        }}
      >
        <DialogTrigger asChild>
          <Button variant={variant} size={size} aria-label={ariaLabel} className={className}>
            {children}
          </Button>
        </DialogTrigger>
        <DialogContent title={confirm.title} description={confirm.description} width="sm">
          <Form form={form}>
            <HiddenFields fields={fields} />
            <FormMessage />
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <SubmitButton
                variant={variant === "danger" ? "danger" : "primary"}
                pendingText={pendingText}
                aria-label={ariaLabel ? `Confirm: ${ariaLabel.charAt(0).toLowerCase()}${ariaLabel.slice(1)}` : undefined}
              >
                {confirm.confirmLabel}
              </SubmitButton>
            </DialogFooter>
          </Form>
        </DialogContent>
      </Dialog>
    );
  }

  return (
    <Form form={form} className={cn("inline-flex flex-wrap items-center gap-2", className)}>
      <HiddenFields fields={fields} />
      <SubmitButton variant={variant} size={size} pendingText={pendingText} aria-label={ariaLabel}>
        {children}
      </SubmitButton>
      <FormMessage className="text-xs" />
    </Form>
  );
}
