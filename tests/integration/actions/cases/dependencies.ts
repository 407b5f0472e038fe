import { getDb } from "@/lib/db/client";
import {
  answerProposalAction,
  changeDependencyStatusAction,
  logDependencyAction,
  respondToDependencyAction,
} from "@/lib/dependencies/actions";
import { makeTeam } from "@/tests/support/factories";
import { type ActionCase, type Org, asRun } from "./types";

/** A day a month ahead, so "needed by" is never in the past whatever day the tests run. */
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** Rows a case needs, created once per fixture org (creating them inside `input` would move the snapshot). */
function once<T>(make: (org: Org) => Promise<T>): (org: Org) => Promise<T> {
  const made = new WeakMap<Org, Promise<T>>();
  return (org) => {
    let value = made.get(org);
    if (!value) {
      value = make(org);
      made.set(org, value);
    }
    return value;
  };
}

const depState = (id: number) => getDb().dependency.findUnique({ where: { id } });

const dependency = (org: Org, data: { fromTeamId: number; toTeamId: number; fromOwnerId: number; toOwnerId: number; status?: "OPEN" | "ACCEPTED"; proposedDate?: Date }) =>
  getDb().dependency.create({
    data: {
      key: `DEP-T${Math.random().toString(36).slice(2, 10)}`,
      type: "DATA_NEED",
      description: "Test dependency",
      neededBy: new Date(`${inAMonth()}T00:00:00Z`),
      loggedById: org.leadA.person.id,
      ...data,
    },
  });

/** B waits on A: A is the providing side, led by A's agile lead (who owns it there). */
const bWaitsOnA = once((o) => dependency(o, { fromTeamId: o.teamB.id, toTeamId: o.teamA.id, fromOwnerId: o.leadB.person.id, toOwnerId: o.leadA.person.id }));
/** A waits on B, and B proposed a later date. */
const aWaitsOnBWithProposal = once((o) =>
  dependency(o, {
    fromTeamId: o.teamA.id,
    toTeamId: o.teamB.id,
    fromOwnerId: o.leadA.person.id,
    toOwnerId: o.leadB.person.id,
    status: "ACCEPTED",
    proposedDate: new Date(Date.now() + 40 * 86_400_000),
  }),
);
/** A waits on a third team C (so B is no party to it). */
const aWaitsOnC = once(async (o) => {
  const teamC = await makeTeam({ kind: "SHARED_SERVICE" });
  return dependency(o, { fromTeamId: o.teamA.id, toTeamId: teamC.id, fromOwnerId: o.leadA.person.id, toOwnerId: o.leadA.person.id, status: "ACCEPTED" });
});

export const cases: Record<string, ActionCase> = {
  "lib/dependencies/actions.ts#logDependencyAction": {
    run: asRun(logDependencyAction),
    input: async (o) => ({
      fromTeamId: o.teamA.id,
      fromItemId: o.story.id,
      toTeamId: o.teamB.id,
      toItemId: null,
      type: "SHARED_RESOURCE",
      description: "Two days of design time for the launch assets",
      fromOwnerId: o.leadA.person.id,
      toOwnerId: o.leadB.person.id,
      neededBy: inAMonth(),
    }),
    allowed: (o) => o.leadA.user.id,
    wrongRole: (o) => o.memberA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => getDb().dependency.count({ where: { fromTeamId: o.teamA.id } }),
  },
  "lib/dependencies/actions.ts#respondToDependencyAction": {
    run: asRun(respondToDependencyAction),
    input: async (o) => {
      const dep = await bWaitsOnA(o);
      return { dependencyId: dep.id, version: (await depState(dep.id))!.version, response: "ACCEPT" };
    },
    allowed: (o) => o.poA.user.id,
    wrongRole: (o) => o.memberA.user.id,
    // The waiting side cannot answer for the providing side.
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => depState((await bWaitsOnA(o)).id),
  },
  "lib/dependencies/actions.ts#answerProposalAction": {
    run: asRun(answerProposalAction),
    input: async (o) => {
      const dep = await aWaitsOnBWithProposal(o);
      return { dependencyId: dep.id, version: (await depState(dep.id))!.version, accept: true };
    },
    allowed: (o) => o.leadA.user.id,
    wrongRole: (o) => o.memberA.user.id,
    // The providing side made the proposal; only the waiting side takes it.
    otherTeam: (o) => o.leadB.user.id,
    snapshot: async (o) => depState((await aWaitsOnBWithProposal(o)).id),
  },
  "lib/dependencies/actions.ts#changeDependencyStatusAction": {
    run: asRun(changeDependencyStatusAction),
    input: async (o) => {
      const dep = await aWaitsOnC(o);
      return { dependencyId: dep.id, version: (await depState(dep.id))!.version, status: "IN_PROGRESS", note: "" };
    },
    allowed: (o) => o.poA.user.id,
    wrongRole: (o) => o.memberA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => depState((await aWaitsOnC(o)).id),
  },
};
