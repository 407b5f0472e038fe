"use client";

import { useRouter } from "next/navigation";
import {
  createContext,
  useActionState,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  useTransition,
  type ComponentProps,
  type FormEvent,
  type ReactNode,
} from "react";
import { useFormStatus } from "react-dom";
import type { z } from "zod";
import type { ActionResult, ConflictInfo } from "@/lib/actions/result";
import { formatRelative } from "@/lib/format/dates";
import { decodeForm, fieldErrorsOf } from "@/lib/forms/decode";
import { Button, type ButtonSize, type ButtonVariant } from "./button";
import { cn } from "./cn";
import { toast } from "./toast";

/*
 * The one form path. A guarded server action is the form's `action` (so the form posts and works before the
 * page's JavaScript loads); once hydrated:
 *   1. the action's own zod schema checks the fields in the browser first (no round trip for a typo);
 *   2. the action runs; its field errors land next to their controls (<Field name>), other refusals next to
 *      the submit button (<FormMessage>), a conflict with a Reload button;
 *   3. success is a toast (or what `onSuccess` does: close the dialog, reset the form);
 *   4. the page renders once: the action revalidates the paths it changed and the new page comes back with
 *      its answer — nothing here calls router.refresh().
 *
 *   const form = useActionForm(createTeamAction, { schema: CreateTeamSchema, success: "Team created." });
 *   <Form form={form}>
 *     <Field name="name" label="Name"><Input name="name" /></Field>
 *     <FormFooter><SubmitButton>Create team</SubmitButton></FormFooter>
 *   </Form>
 */

/** A guarded action used as a form action: (previous result, form data) → result. */
export type FormAction<R> = (previous: unknown, form: FormData) => Promise<ActionResult<R>>;

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

export interface ActionFormOptions<R> {
  /** The action's input schema: checked in the browser before submitting. */
  schema?: z.ZodType;
  /** A toast after success (a page-level outcome); omit when `onSuccess` shows the result itself. */
  success?: string | ((data: R, submitted: FormData | null) => string);
  onSuccess?: (data: R, submitted: FormData | null) => void;
  /** Clear the fields after success (a form for adding one more of something). */
  resetOnSuccess?: boolean;
  /** Overrides the message of a CONFLICT refusal. */
  conflictText?: string;
}

export interface ActionForm {
  action: (form: FormData) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  pending: boolean;
  /** Field path → message, from the browser's check or the server's answer. */
  errors: Readonly<Record<string, string>>;
  /** The last refusal (not field-specific), shown by <FormMessage>. */
  failure: Failure | null;
  conflictText?: string;
  /** Forget errors and the last refusal (e.g. when a dialog is reopened). */
  reset: () => void;
  /** Submits data built in code (a button outside any form); same checks and outcome handling. */
  submit: (form: FormData) => void;
  /** Attach to the <form> (a callback ref): used to focus the first field that needs attention. */
  formRef: (element: HTMLFormElement | null) => void;
}

const UNREACHABLE: Failure = {
  ok: false,
  reason: "FAILED",
  message: "We couldn’t reach the server and nothing was saved. Check your connection and try again.",
};

const NO_ERRORS: Readonly<Record<string, string>> = Object.freeze({});

/** Binds a guarded server action to a form: see the comment at the top of this file. */
export function useActionForm<R>(serverAction: FormAction<R>, options: ActionFormOptions<R> = {}): ActionForm {
  // Before hydration the form posts to the action itself; React hands its answer back here.
  const [postedResult, formAction] = useActionState<ActionResult<R> | null, FormData>(serverAction, null);
  // After hydration submissions go through `submit` (checked first), which keeps its own result.
  const [result, setResult] = useState<ActionResult<R> | null>(null);
  const [pending, startTransition] = useTransition();
  const [clientErrors, setClientErrors] = useState<Record<string, string> | null>(null);
  const [postedSeen, setPostedSeen] = useState(false);
  // What was sent last (which of several buttons was pressed, which date was proposed), for the messages.
  const [submitted, setSubmitted] = useState<FormData | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const bindForm = useCallback((element: HTMLFormElement | null) => {
    formRef.current = element;
  }, []);
  const optionsRef = useRef(options);
  useEffect(() => {
    optionsRef.current = options;
  });

  const latest = result ?? (postedSeen ? null : postedResult);

  // Each answer from the server, once: toast, reset, onSuccess; focus the first field the server refused.
  // Called straight after the call returns (the page the action revalidated may already have replaced this
  // form, so an effect might never run); the effect below covers the answer to a post made before hydration.
  const handled = useRef<ActionResult<R> | null>(null);
  const handle = useCallback((answer: ActionResult<R>, sent: FormData | null) => {
    if (handled.current === answer) return;
    handled.current = answer;
    if (answer.ok) {
      const { success, onSuccess, resetOnSuccess } = optionsRef.current;
      if (success) toast.success(typeof success === "function" ? success(answer.data, sent) : success);
      if (resetOnSuccess) formRef.current?.reset();
      onSuccess?.(answer.data, sent);
    } else if (answer.fieldErrors) {
      requestAnimationFrame(() => focusFirstInvalid(formRef.current));
    }
  }, []);
  useEffect(() => {
    if (latest) handle(latest, submitted);
  }, [latest, submitted, handle]);

  const failure = !clientErrors && latest && !latest.ok ? latest : null;
  const errors = clientErrors ?? failure?.fieldErrors ?? NO_ERRORS;

  function check(form: FormData): boolean {
    const schema = optionsRef.current.schema;
    if (!schema) return true;
    const parsed = schema.safeParse(decodeForm(schema, form));
    if (parsed.success) {
      setClientErrors(null);
      return true;
    }
    setClientErrors(fieldErrorsOf(parsed.error));
    // Wait for the errors to render, then move focus to the first control that needs attention.
    requestAnimationFrame(() => focusFirstInvalid(formRef.current));
    return false;
  }

  function submit(form: FormData) {
    setPostedSeen(true);
    setSubmitted(form);
    if (!check(form)) return;
    startTransition(async () => {
      let answer: ActionResult<R>;
      try {
        answer = await serverAction(latest, form);
      } catch (error) {
        // A redirect from the action: the router is already on its way to the new page.
        if (isNavigation(error)) return;
        answer = UNREACHABLE;
      }
      handle(answer, form);
      startTransition(() => setResult(answer));
    });
  }

  return {
    action: formAction,
    onSubmit(event) {
      // Hydrated: check here, then call the action ourselves (React would otherwise reset the fields after
      // every submission, a refused one included).
      event.preventDefault();
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      submit(new FormData(event.currentTarget, submitter));
    },
    pending,
    errors,
    failure,
    conflictText: options.conflictText,
    reset() {
      setClientErrors(null);
      setResult(null);
      setPostedSeen(true);
    },
    submit,
    formRef: bindForm,
  };
}

function isNavigation(error: unknown): boolean {
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : "";
  return digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK") || digest === "NEXT_NOT_FOUND";
}

function focusFirstInvalid(form: HTMLFormElement | null) {
  const target = form?.querySelector<HTMLElement>("[aria-invalid='true']");
  target?.focus();
}

interface FormContextValue {
  errors: Readonly<Record<string, string>>;
  failure: Failure | null;
  conflictText?: string;
  pending: boolean;
  /** Field names rendered in this form (a server error for any other name shows in <FormMessage>). */
  fields: Set<string>;
}

const FormContext = createContext<FormContextValue | null>(null);

/** The form's errors and state, for fields and messages inside it (null outside a <Form>). */
export function useFormContext(): FormContextValue | null {
  return useContext(FormContext);
}

/**
 * A `<form>` bound to `useActionForm`: `action` for the no-JavaScript post, `onSubmit` for the checked one.
 * noValidate: the schema's messages replace the browser's bubbles, in the same words on both sides.
 */
export function Form({ form, className, children, ...props }: Omit<ComponentProps<"form">, "action" | "onSubmit"> & { form: ActionForm }) {
  const [fields] = useState(() => new Set<string>());
  const { errors, failure, conflictText, pending, formRef, action, onSubmit } = form;
  return (
    <FormContext value={{ errors, failure, conflictText, pending, fields }}>
      <form ref={formRef} action={action} onSubmit={onSubmit} noValidate className={className} {...props}>
        {children}
      </form>
    </FormContext>
  );
}

/** The row with the submit button (and Cancel) and the form's message, where the user's eyes are. */
export function FormFooter({
  className,
  shownElsewhere,
  message = true,
  children,
}: {
  className?: string;
  /** Field errors the form shows itself (e.g. a list of rows), left out of the message. */
  shownElsewhere?: (name: string) => boolean;
  /** False while the form shows its outcome itself (e.g. a question it asks). */
  message?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={cn("flex flex-col gap-2", className)}>
      {message ? <FormMessage shownElsewhere={shownElsewhere} /> : null}
      <div className="flex flex-wrap items-center justify-end gap-3">{children}</div>
    </div>
  );
}

/**
 * The polite live region for the form's outcome: a refusal's message, field errors whose field is not on
 * the form, a Reload button after a conflict, a sign-in link after the session ended. Rendered empty first
 * so screen readers announce what appears in it.
 */
export function FormMessage({ className, shownElsewhere }: { className?: string; shownElsewhere?: (name: string) => boolean }) {
  const context = useFormContext();
  const router = useRouter();
  const failure = context?.failure ?? null;
  const stray =
    failure?.fieldErrors && context
      ? Object.entries(failure.fieldErrors)
          .filter(([name]) => !context.fields.has(name) && !shownElsewhere?.(name))
          .map(([, message]) => message)
      : [];
  // A refusal's own words are shown (e.g. "Chloe Martin is already a Designer in … pods"); only the generic
  // "fix the fields" line is left out when every field error sits under its field.
  const generic = failure?.reason === "INVALID" && failure.message === "Some fields need attention.";
  const showMessage = failure && !(generic && failure.fieldErrors && stray.length === 0 && !shownElsewhere);
  return (
    <div role="status" aria-live="polite" className={cn("text-sm empty:hidden", className)}>
      {failure && (showMessage || stray.length > 0) ? (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-danger">
          <p>{stray.length > 0 ? stray.join(" ") : failure.reason === "CONFLICT" ? (context?.conflictText ?? conflictMessage(failure.conflict)) : failure.message}</p>
          {failure.reason === "CONFLICT" ? (
            <Button variant="secondary" size="sm" onClick={() => router.refresh()}>
              Reload
            </Button>
          ) : null}
          {failure.reason === "UNAUTHENTICATED" ? (
            <a href="/sign-in" className="font-medium text-link underline">
              Sign in again
            </a>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** Who saved first and when, in words ("Ana Diaz saved a change 3 min ago…"), for every version conflict. */
function conflictMessage(conflict: ConflictInfo | undefined): string {
  const who = conflict?.by ?? "Someone else";
  const when = conflict?.at ? ` ${formatRelative(conflict.at, new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone)}` : "";
  return `${who} saved a change${when} after you opened this. Reload to see it, then apply yours again.`;
}

/**
 * The form's submit button: disabled with a pending label while the action runs. Pass `name`/`value` to tell
 * the action which of several buttons was pressed.
 */
export function SubmitButton({
  children,
  pendingText = "Saving…",
  variant = "primary",
  size = "md",
  className,
  disabled,
  ...props
}: Omit<ComponentProps<"button">, "type"> & { pendingText?: string; variant?: ButtonVariant; size?: ButtonSize }) {
  const { pending } = useFormStatus();
  const context = useFormContext();
  const busy = pending || Boolean(context?.pending);
  return (
    <Button type="submit" variant={variant} size={size} className={className} disabled={disabled || busy} aria-disabled={busy || undefined} {...props}>
      {busy ? pendingText : children}
    </Button>
  );
}
