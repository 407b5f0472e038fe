/** What a write answers when the database cancelled it (statement or lock timeout): it was rolled back whole. */
export const BUSY_MESSAGE = "The database is busy; nothing was saved. Try again.";

/**
 * What a server action returns. Expected refusals are values the form shows next to a field or as a message;
 * they never reach the client as a 500 or a stack trace.
 */
export type Refusal = "UNAUTHENTICATED" | "NOT_ALLOWED" | "NOT_FOUND" | "CONFLICT" | "INVALID" | "UNAVAILABLE" | "BUSY" | "FAILED";

export interface ConflictInfo {
  /** Who saved the newer version (a person's name), when known. */
  by: string | null;
  at: string | null;
  currentVersion: number | null;
}

export type ActionResult<T = null> =
  | { ok: true; data: T }
  | {
      ok: false;
      reason: Refusal;
      message: string;
      /** Per-field messages for INVALID (keys are the input's field paths, e.g. "email" or "members.0.role"). */
      fieldErrors?: Record<string, string>;
      conflict?: ConflictInfo;
    };

/** An expected refusal raised inside an action's transaction: the transaction is rolled back, the caller gets it. */
export class ActionRefusal extends Error {
  constructor(
    readonly reason: Exclude<Refusal, "FAILED" | "UNAVAILABLE" | "BUSY">,
    message: string,
    readonly extra: { fieldErrors?: Record<string, string>; conflict?: ConflictInfo } = {},
  ) {
    super(message);
    this.name = "ActionRefusal";
  }
}

export const refuse = (reason: Exclude<Refusal, "FAILED" | "UNAVAILABLE" | "BUSY">, message: string, extra?: ActionRefusal["extra"]) =>
  new ActionRefusal(reason, message, extra);
