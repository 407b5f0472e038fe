import type { ActionResult } from "@/lib/actions/result";
import type { makeTwoTeamOrg, makeUser } from "@/tests/support/org";

/** The shared fixture every case runs against (tests/support/org.ts), plus a user the admin cases change. */
export type Org = Awaited<ReturnType<typeof makeTwoTeamOrg>> & { target: Awaited<ReturnType<typeof makeUser>> };

/**
 * One exported server action, with: an input aimed at a record of team A, a user allowed to do it, a
 * signed-in user without the right role, a user of team B, and a snapshot of what must stay unchanged.
 * Each domain lists its actions in tests/integration/actions/cases/<domain>.ts as `export const cases`,
 * keyed "lib/<domain>/actions.ts#<exportName>"; guards.test.ts fails when an exported action has no case.
 */
export interface ActionCase {
  run: (input: never) => Promise<ActionResult<unknown>>;
  /** May create extra rows it needs (factories), but must aim at team A. Called once per check. */
  input: (org: Org) => Promise<Record<string, unknown>>;
  allowed: (org: Org) => number;
  wrongRole: (org: Org) => number;
  otherTeam: (org: Org) => number;
  snapshot: (org: Org) => Promise<unknown>;
}

export const asRun = <I>(action: (input: I) => Promise<ActionResult<unknown>>) => action as ActionCase["run"];
