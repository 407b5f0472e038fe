import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { can, type Action, type ResourceScope } from "@/lib/auth/permissions";
import { getPrincipal } from "@/lib/auth/principal";
import type { SignedInUser } from "@/lib/auth/queries";
import { getLastChange } from "@/lib/audit/queries";
import { recordAudit, type AuditEntry } from "@/lib/audit/mutations";
import { getDb } from "@/lib/db/client";
import { isDatabaseBusy } from "@/lib/db/errors";
import type { Tx } from "@/lib/db/transaction";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { decodeForm } from "@/lib/forms/decode";
import { logger, withLogContext } from "@/lib/log/logger";
import { actingPrincipal } from "./acting-as";
import { ActionRefusal, type ActionResult, BUSY_MESSAGE, refuse } from "./result";

/**
 * The one guarded write path. Every server action is built with it:
 *
 *   authenticate → validate (zod) → load the target inside the transaction → authorize against the permission
 *   matrix for *that* record's team → write → record audit events → commit → revalidate.
 *
 * Ids from the client are only used to look rows up; what is authorized is the row as stored. Expected
 * refusals (ActionRefusal) roll the transaction back and come back as values; a statement or lock timeout (the
 * database is busy) comes back as BUSY; anything else is logged and answered with a generic message, never a
 * stack trace.
 */
export interface GuardedSpec<S extends z.ZodType, T, R> {
  /** A stable name for logs ("users.deactivate"). */
  name: string;
  schema: S;
  /** Loads the target (with its team) inside the transaction; null means not found. */
  load: (tx: Tx, input: z.output<S>, principal: SignedInUser) => Promise<T | null>;
  /** What the caller must be allowed to do, and on which scope (read from the loaded target). */
  authorize: (target: T, input: z.output<S>) => { action: Action; scope?: ResourceScope };
  /** The write. Returns the result for the client and the audit events (at least one). */
  run: (tx: Tx, target: T, input: z.output<S>, principal: SignedInUser) => Promise<{ data: R; audit: AuditEntry[] }>;
  /** Paths to revalidate after the commit. */
  revalidate?: (data: R, input: z.output<S>) => string[];
  /** The message when not found (defaults to a generic one). */
  notFound?: string;
  /**
   * How long the transaction may run (default 20 s). Only for writes that are one transaction by design and
   * bounded in size, e.g. a 10,000-row import (lib/import/actions.ts); each statement still has its own timeout.
   */
  transactionTimeoutMs?: number;
  /**
   * Where a form submission goes after success (e.g. the page of what it created). Only for submissions
   * (called with FormData): a direct call gets the data back and decides itself.
   */
  redirectTo?: (data: R, input: z.output<S>) => string;
}

/**
 * A guarded action can be called two ways: with its input object, or as a form's action (React's
 * `useActionState` / `<form action>`: the previous result and the form's data, decoded through the same
 * schema). The second is what lets a form work before the page's JavaScript has loaded.
 */
export interface GuardedAction<In, R> {
  (previous: unknown, form: FormData): Promise<ActionResult<R>>;
  // Last, so that type inference from an action (tests, helpers) reads the input form.
  (input: In): Promise<ActionResult<R>>;
}

const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

export function guardedAction<S extends z.ZodType, T, R>(spec: GuardedSpec<S, T, R>): GuardedAction<z.input<S>, R> {
  async function action(first: unknown, form?: unknown): Promise<ActionResult<R>> {
    const submitted = form instanceof FormData;
    const result = await withLogContext({ action: spec.name }, () => runGuarded(spec, () => (submitted ? decodeForm(spec.schema, form) : first)));
    if (!result.ok) return result;
    if (submitted && spec.redirectTo) redirect(spec.redirectTo(result.data, result.input));
    return { ok: true, data: result.data };
  }
  return action as GuardedAction<z.input<S>, R>;
}

async function runGuarded<S extends z.ZodType, T, R>(
  spec: GuardedSpec<S, T, R>,
  read: () => unknown,
): Promise<Extract<ActionResult<R>, { ok: false }> | { ok: true; data: R; input: z.output<S> }> {
  // Everything, reading the session included, runs inside the try: a database that is down is answered
  // with a message, never a 500. An API call brings its token's principal (./acting-as.ts); a browser, its session.
  try {
    const principal = actingPrincipal() ?? (await getPrincipal());
    if (!principal) return { ok: false, reason: "UNAUTHENTICATED", message: "Your session has ended. Sign in again." };

    const parsed = spec.schema.safeParse(read());
    if (!parsed.success) return invalid(parsed.error.issues);
    const data = parsed.data as z.output<S>;

    const result = await getDb().$transaction(async (tx) => {
      const target = await spec.load(tx, data, principal);
      if (target === null) throw refuse("NOT_FOUND", spec.notFound ?? "That record no longer exists.");
      const { action: permission, scope } = spec.authorize(target, data);
      if (!can(principal, permission, scope)) {
        throw refuse("NOT_ALLOWED", "You are not allowed to do this.");
      }
      const outcome = await spec.run(tx, target, data, principal);
      await recordAudit(tx, principal.userId, outcome.audit);
      return outcome.data;
    }, spec.transactionTimeoutMs ? { ...TX_OPTIONS, timeout: spec.transactionTimeoutMs } : TX_OPTIONS);
    for (const path of spec.revalidate?.(result, data) ?? []) revalidatePath(path);
    return { ok: true, data: result, input: data };
  } catch (error) {
    return failure(spec.name, error);
  }
}

/** Field messages from zod issues (the first per field); "_" for the input as a whole. */
function invalid(issues: readonly z.core.$ZodIssue[]): Extract<ActionResult<never>, { ok: false }> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".") || "_";
    fieldErrors[key] ??= key === "_" && issue.code === "invalid_type" ? "The request was not understood: reload the page and try again." : issue.message;
  }
  const whole = fieldErrors._;
  return { ok: false, reason: "INVALID", message: whole ?? "Some fields need attention.", fieldErrors };
}

/** Expected refusals come back as they are; a statement or lock timeout as BUSY; an unreachable database as UNAVAILABLE; anything else is logged. */
function failure(name: string, error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (error instanceof ActionRefusal) {
    return { ok: false, reason: error.reason, message: error.message, ...error.extra };
  }
  // statement_timeout / lock_timeout (lib/db/client.ts): the transaction was rolled back; trying again may work.
  if (isDatabaseBusy(error)) {
    console.warn(`[action ${name}] refused: the database is busy`);
    return { ok: false, reason: "BUSY", message: BUSY_MESSAGE };
  }
  if (isDatabaseUnavailable(error)) {
    logger().error({ action: name }, "database unavailable");
    return { ok: false, reason: "UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE };
  }
  logger().error({ err: error }, "action failed");
  return { ok: false, reason: "FAILED", message: "Something went wrong and nothing was saved. Try again." };
}

/**
 * Optimistic concurrency: `update` must be an updateMany filtered on the expected version (and incrementing
 * it). When it touches nothing, someone saved first: refuse with who changed it and when.
 */
export async function expectVersion(
  tx: Tx,
  entity: { type: string; id: number; label?: string },
  update: () => Promise<{ count: number }>,
  currentVersion: () => Promise<number | null>,
): Promise<void> {
  const { count } = await update();
  if (count === 1) return;
  const [last, version] = await Promise.all([getLastChange(tx, entity.type, entity.id), currentVersion()]);
  const who = last.by ?? "someone else";
  throw refuse(
    "CONFLICT",
    `${entity.label ?? "This record"} was changed by ${who}${last.at ? ` at ${new Date(last.at).toUTCString()}` : ""} after you opened it. Reload to see their change, then apply yours again.`,
    { conflict: { by: last.by, at: last.at, currentVersion: version } },
  );
}
