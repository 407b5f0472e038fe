"use server";

import { guardedAction } from "@/lib/actions/guarded";
import { refuse } from "@/lib/actions/result";
import { can } from "@/lib/auth/permissions";
import {
  addMember,
  createDecisionRight,
  createTeam,
  deleteDecisionRight,
  loadDecisionRight,
  loadMembership,
  loadTeam,
  moveMember,
  removeMember,
  updateDecisionRight,
  updateMember,
  updateTeam,
} from "./mutations";
import {
  AddMemberSchema,
  CreateDecisionRightSchema,
  CreateTeamSchema,
  DeleteDecisionRightSchema,
  MoveMemberSchema,
  RemoveMemberSchema,
  UpdateDecisionRightSchema,
  UpdateMemberSchema,
  UpdateTeamSchema,
} from "./schema";

/*
 * Team structure is leadership's call: every action here needs "team.create", "team.edit" or
 * "team.members.edit", which the permission matrix grants to ADMIN and LEADER (never to a team's own
 * members). The structural rules are enforced in ./mutations.ts inside the transaction.
 */

/** Pages that show team structure. */
const structurePaths = (teamIds: number[]) => ["/teams", "/org", "/value-streams", "/people", "/dashboard", ...teamIds.map((id) => `/teams/${id}`)];

/** Creates a delivery pod or shared service. Allowed: ADMIN, LEADER. */
export const createTeamAction = guardedAction({
  name: "teams.create",
  schema: CreateTeamSchema,
  load: async () => ({}),
  authorize: () => ({ action: "team.create" }),
  run: (tx, _target, input) => createTeam(tx, input),
  revalidate: (data) => structurePaths([data.teamId]),
  redirectTo: (data) => `/teams/${data.teamId}`,
});

/** Edits a team's name, kind, shape, mission, value stream, cadence, WIP limit and Definition of Ready. Allowed: ADMIN, LEADER. */
export const updateTeamAction = guardedAction({
  name: "teams.update",
  schema: UpdateTeamSchema,
  load: (tx, input) => loadTeam(tx, input.teamId),
  authorize: (team) => ({ action: "team.edit", scope: { teamId: team.id } }),
  run: (tx, team, input) => updateTeam(tx, team, input),
  revalidate: (_d, input) => structurePaths([input.teamId]),
  notFound: "That team no longer exists.",
});

/**
 * Adds a person to a team. Refused when it would give them a delivery role in a second delivery pod, take them
 * over 100 % allocation, or (without `replaceProductOwner`) give the team a second product owner.
 * Allowed: ADMIN, LEADER.
 */
export const addMemberAction = guardedAction({
  name: "teams.addMember",
  schema: AddMemberSchema,
  load: (tx, input) => loadTeam(tx, input.teamId),
  authorize: (team) => ({ action: "team.members.edit", scope: { teamId: team.id } }),
  run: (tx, team, input) => addMember(tx, team, input),
  revalidate: (_d, input) => structurePaths([input.teamId]),
  notFound: "That team no longer exists.",
});

/** Sets a member's role and allocation (same rules as adding). Allowed: ADMIN, LEADER. */
export const updateMemberAction = guardedAction({
  name: "teams.updateMember",
  schema: UpdateMemberSchema,
  load: (tx, input) => loadMembership(tx, input.membershipId),
  authorize: (m) => ({ action: "team.members.edit", scope: { teamId: m.teamId } }),
  run: (tx, m, input) => updateMember(tx, m, input),
  revalidate: (data) => structurePaths([data.teamId]),
  notFound: "That membership no longer exists.",
});

/** Moves a member to another team (the caller must be allowed to edit the members of both). Allowed: ADMIN, LEADER. */
export const moveMemberAction = guardedAction({
  name: "teams.moveMember",
  schema: MoveMemberSchema,
  load: (tx, input) => loadMembership(tx, input.membershipId),
  authorize: (m) => ({ action: "team.members.edit", scope: { teamId: m.teamId } }),
  run: async (tx, m, input, principal) => {
    const to = await loadTeam(tx, input.toTeamId);
    if (!to) throw refuse("INVALID", "That team no longer exists.", { fieldErrors: { toTeamId: "Choose a team from the list" } });
    if (!can(principal, "team.members.edit", { teamId: to.id })) throw refuse("NOT_ALLOWED", "You are not allowed to do this.");
    return moveMember(tx, m, to, input);
  },
  revalidate: (data, input) => structurePaths([data.fromTeamId, input.toTeamId]),
  notFound: "That membership no longer exists.",
});

/** Removes a member from a team. Allowed: ADMIN, LEADER. */
export const removeMemberAction = guardedAction({
  name: "teams.removeMember",
  schema: RemoveMemberSchema,
  load: (tx, input) => loadMembership(tx, input.membershipId),
  authorize: (m) => ({ action: "team.members.edit", scope: { teamId: m.teamId } }),
  run: (tx, m, input) => removeMember(tx, m, input),
  revalidate: (data) => structurePaths([data.teamId]),
  notFound: "That membership no longer exists.",
});

/** Adds a decision right (owned, or needing approval from whom within what time). Allowed: ADMIN, LEADER. */
export const createDecisionRightAction = guardedAction({
  name: "teams.createDecisionRight",
  schema: CreateDecisionRightSchema,
  load: (tx, input) => loadTeam(tx, input.teamId),
  authorize: (team) => ({ action: "team.edit", scope: { teamId: team.id } }),
  run: (tx, team, input) => createDecisionRight(tx, team, input),
  revalidate: (_d, input) => [`/teams/${input.teamId}`],
  notFound: "That team no longer exists.",
});

/** Edits a decision right. Allowed: ADMIN, LEADER. */
export const updateDecisionRightAction = guardedAction({
  name: "teams.updateDecisionRight",
  schema: UpdateDecisionRightSchema,
  load: (tx, input) => loadDecisionRight(tx, input.decisionRightId),
  authorize: (d) => ({ action: "team.edit", scope: { teamId: d.teamId } }),
  run: (tx, d, input) => updateDecisionRight(tx, d, input),
  revalidate: (data) => [`/teams/${data.teamId}`],
  notFound: "That decision right no longer exists.",
});

/** Removes a decision right. Allowed: ADMIN, LEADER. */
export const deleteDecisionRightAction = guardedAction({
  name: "teams.deleteDecisionRight",
  schema: DeleteDecisionRightSchema,
  load: (tx, input) => loadDecisionRight(tx, input.decisionRightId),
  authorize: (d) => ({ action: "team.edit", scope: { teamId: d.teamId } }),
  run: (tx, d, input) => deleteDecisionRight(tx, d, input),
  revalidate: (data) => [`/teams/${data.teamId}`],
  notFound: "That decision right no longer exists.",
});
