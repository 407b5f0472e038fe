import { getDb } from "@/lib/db/client";
import {
  addMemberAction,
  createDecisionRightAction,
  createTeamAction,
  deleteDecisionRightAction,
  moveMemberAction,
  removeMemberAction,
  updateDecisionRightAction,
  updateMemberAction,
  updateTeamAction,
} from "@/lib/teams/actions";
import { makeMembership, makePerson, makeTeam, unique } from "@/tests/support/factories";
import { type ActionCase, type Org, asRun } from "./types";

/*
 * Team structure is leadership's: every case is allowed for a leader or an admin, and refused for team A's own
 * product owner (wrongRole) and team B's product owner (otherTeam). Records the cases change are made once, on
 * first use, by the snapshot or the input (whichever runs first), so each case has its own row in team A.
 */
const once = <T>(make: (org: Org) => Promise<T>) => {
  let made: Promise<T> | undefined;
  return (org: Org) => (made ??= make(org));
};

const teamState = (id: number) => getDb().team.findUnique({ where: { id } });
const membershipState = (id: number) => getDb().membership.findUnique({ where: { id } });
const decisionState = (id: number) => getDb().decisionRight.findUnique({ where: { id } });
const teamVersion = async (id: number) => (await teamState(id))!.version;

const memberToUpdate = once(async (org) => makeMembership({ teamId: org.teamA.id, personId: (await makePerson()).id, role: "PAID_MEDIA", allocationPct: 50 }));
const memberToMove = once(async (org) => makeMembership({ teamId: org.teamA.id, personId: (await makePerson()).id, role: "CRM_LIFECYCLE", allocationPct: 50 }));
const moveDestination = once(() => makeTeam());
const memberToRemove = once(async (org) => makeMembership({ teamId: org.teamA.id, personId: (await makePerson()).id, role: "VIDEO_CREATIVE", allocationPct: 50 }));
const decisionToUpdate = once((org) => getDb().decisionRight.create({ data: { teamId: org.teamA.id, decision: unique("Channel mix"), mode: "TEAM_OWNS" } }));
const decisionToDelete = once((org) => getDb().decisionRight.create({ data: { teamId: org.teamA.id, decision: unique("Ad copy"), mode: "TEAM_OWNS" } }));

export const cases: Record<string, ActionCase> = {
  "lib/teams/actions.ts#createTeamAction": {
    run: asRun(createTeamAction),
    input: async () => ({
      name: unique("Pod"), kind: "DELIVERY_POD", shape: "CROSS_FUNCTIONAL", mission: "", valueStreamId: null,
      cadenceDays: 10, cadenceAnchor: "2026-01-05", wipLimit: 6, requiresBriefLink: false,
    }),
    allowed: (o) => o.leader.user.id,
    wrongRole: (o) => o.poA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: () => getDb().team.count(),
  },
  "lib/teams/actions.ts#updateTeamAction": {
    run: asRun(updateTeamAction),
    input: async (o) => {
      const t = (await teamState(o.teamA.id))!;
      return {
        teamId: t.id, version: t.version, name: t.name, kind: t.kind, shape: t.shape, mission: "Own the funnel end to end.",
        valueStreamId: t.valueStreamId, cadenceDays: t.cadenceDays, cadenceAnchor: t.cadenceAnchor.toISOString().slice(0, 10), wipLimit: t.wipLimit + 1,
        requiresBriefLink: t.requiresBriefLink,
      };
    },
    allowed: (o) => o.admin.user.id,
    wrongRole: (o) => o.poA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => teamState(o.teamA.id),
  },
  "lib/teams/actions.ts#addMemberAction": {
    run: asRun(addMemberAction),
    input: async (o) => ({ teamId: o.teamA.id, personId: (await makePerson()).id, role: "SEO_ANALYTICS", allocationPct: 50 }),
    allowed: (o) => o.leader.user.id,
    wrongRole: (o) => o.poA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => getDb().membership.findMany({ where: { teamId: o.teamA.id }, orderBy: { id: "asc" } }),
  },
  "lib/teams/actions.ts#updateMemberAction": {
    run: asRun(updateMemberAction),
    input: async (o) => {
      const m = (await membershipState((await memberToUpdate(o)).id))!;
      return { membershipId: m.id, version: m.version, role: "PAID_MEDIA", allocationPct: 40 };
    },
    allowed: (o) => o.leader.user.id,
    wrongRole: (o) => o.leadA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => membershipState((await memberToUpdate(o)).id),
  },
  "lib/teams/actions.ts#moveMemberAction": {
    run: asRun(moveMemberAction),
    input: async (o) => {
      const m = (await membershipState((await memberToMove(o)).id))!;
      return { membershipId: m.id, version: m.version, toTeamId: (await moveDestination(o)).id, role: "CRM_LIFECYCLE", allocationPct: 50 };
    },
    allowed: (o) => o.admin.user.id,
    wrongRole: (o) => o.poA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => membershipState((await memberToMove(o)).id),
  },
  "lib/teams/actions.ts#removeMemberAction": {
    run: asRun(removeMemberAction),
    input: async (o) => {
      const m = (await membershipState((await memberToRemove(o)).id))!;
      return { membershipId: m.id, version: m.version };
    },
    allowed: (o) => o.leader.user.id,
    wrongRole: (o) => o.memberA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => membershipState((await memberToRemove(o)).id),
  },
  "lib/teams/actions.ts#createDecisionRightAction": {
    run: asRun(createDecisionRightAction),
    input: async (o) => ({
      teamId: o.teamA.id, teamVersion: await teamVersion(o.teamA.id), decision: unique("Campaign spend above £10,000"), mode: "NEEDS_APPROVAL",
      approverPersonId: o.leader.person.id, approverRole: "VP Marketing", responseHours: 24, escalationRoute: "VP Marketing → CMO",
    }),
    allowed: (o) => o.leader.user.id,
    wrongRole: (o) => o.poA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => [await getDb().decisionRight.findMany({ where: { teamId: o.teamA.id }, orderBy: { id: "asc" } }), await teamVersion(o.teamA.id)],
  },
  "lib/teams/actions.ts#updateDecisionRightAction": {
    run: asRun(updateDecisionRightAction),
    input: async (o) => {
      const d = await decisionToUpdate(o);
      return { decisionRightId: d.id, teamVersion: await teamVersion(o.teamA.id), decision: d.decision, mode: "NEEDS_APPROVAL", approverPersonId: null, approverRole: "Head of Sales Operations", responseHours: 48, escalationRoute: "" };
    },
    allowed: (o) => o.admin.user.id,
    wrongRole: (o) => o.leadA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => [await decisionState((await decisionToUpdate(o)).id), await teamVersion(o.teamA.id)],
  },
  "lib/teams/actions.ts#deleteDecisionRightAction": {
    run: asRun(deleteDecisionRightAction),
    input: async (o) => ({ decisionRightId: (await decisionToDelete(o)).id, teamVersion: await teamVersion(o.teamA.id) }),
    allowed: (o) => o.leader.user.id,
    wrongRole: (o) => o.poA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => [await decisionState((await decisionToDelete(o)).id), await teamVersion(o.teamA.id)],
  },
};
