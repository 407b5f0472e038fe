/**
 * A planning interval's life: PLANNING (teams plan features, write objectives, raise risks) → COMMITTED (the
 * teams have committed to their objectives; plans still move as they learn) → RUNNING (its sprints are under
 * way) → CLOSED (objectives scored with their actual value; the record of predictability). Forward one step at a
 * time; COMMITTED may go back to PLANNING while nothing has run. Pure.
 */
import type { IntervalState, RiskStatus } from "@/lib/generated/prisma/enums";

export const STATE_LABELS: Readonly<Record<IntervalState, string>> = {
  PLANNING: "Planning",
  COMMITTED: "Committed",
  RUNNING: "Running",
  CLOSED: "Closed",
};

const NEXT: Readonly<Record<IntervalState, readonly IntervalState[]>> = {
  PLANNING: ["COMMITTED"],
  COMMITTED: ["RUNNING", "PLANNING"],
  RUNNING: ["CLOSED"],
  CLOSED: [],
};

export function nextStates(state: IntervalState): readonly IntervalState[] {
  return NEXT[state];
}

/** Null when the move is allowed, else the reason in words. */
export function transitionRefusal(from: IntervalState, to: IntervalState): string | null {
  if (from === to) return `The interval is already ${STATE_LABELS[to].toLowerCase()}.`;
  if (NEXT[from].includes(to)) return null;
  if (from === "CLOSED") return "A closed interval is the record of what happened: it does not reopen.";
  return `A ${STATE_LABELS[from].toLowerCase()} interval moves to ${NEXT[from].map((s) => STATE_LABELS[s].toLowerCase()).join(" or ")}, not to ${STATE_LABELS[to].toLowerCase()}.`;
}

/** The verb on the button that makes the move. */
export const TRANSITION_VERBS: Readonly<Record<IntervalState, string>> = {
  PLANNING: "Reopen planning",
  COMMITTED: "Commit the plan",
  RUNNING: "Start the interval",
  CLOSED: "Close the interval",
};

/** Plans change while the interval is planned, committed or running; a closed one is the record. */
export function isPlanOpen(state: IntervalState): boolean {
  return state !== "CLOSED";
}

/** ROAM, in the order the board sorts risks (the ones that need attention first). */
export const RISK_ORDER: readonly RiskStatus[] = ["OPEN", "OWNED", "MITIGATED", "ACCEPTED", "RESOLVED"];

export const RISK_LABELS: Readonly<Record<RiskStatus, { label: string; hint: string }>> = {
  OPEN: { label: "Not yet sorted", hint: "Raised; nobody has said what happens to it" },
  RESOLVED: { label: "Resolved", hint: "No longer a risk" },
  OWNED: { label: "Owned", hint: "Someone takes it on after planning" },
  ACCEPTED: { label: "Accepted", hint: "Understood and taken as it is" },
  MITIGATED: { label: "Mitigated", hint: "A plan reduces its impact or likelihood" },
};

/** Risks that still ask something of someone: not yet sorted, or owned and not yet dealt with. */
export function riskNeedsAttention(status: RiskStatus): boolean {
  return status === "OPEN" || status === "OWNED";
}
