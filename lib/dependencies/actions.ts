"use server";

import { guardedAction } from "@/lib/actions/guarded";
import { answerProposal, changeDependencyStatus, loadDependency, loadFromTeam, logDependency, respondToDependency } from "./mutations";
import { AnswerProposalSchema, ChangeDependencyStatusSchema, LogDependencySchema, RespondToDependencySchema } from "./schema";

const paths = (id?: number) => ["/dependencies", "/dependencies/map", "/inbox", "/backlogs", "/dashboard", ...(id ? [`/dependencies/${id}`] : [])];

/**
 * Logs a dependency of a team on another team or shared service. Allowed: the waiting (from) team's agile
 * lead or product owner, leaders. The providing side is notified.
 */
export const logDependencyAction = guardedAction({
  name: "dependencies.log",
  schema: LogDependencySchema,
  load: (tx, input) => loadFromTeam(tx, input.fromTeamId),
  authorize: (team) => ({ action: "dependency.log", scope: { teamId: team.id } }),
  run: (tx, team, input, principal) => logDependency(tx, team, input, principal.personId),
  revalidate: (data) => paths(data.id),
  redirectTo: (data) => `/dependencies/${data.id}`,
  notFound: "That team no longer exists.",
});

/**
 * The providing side's answer: accept, reject with a reason, or propose another date. Allowed: the providing
 * team's agile lead or product owner, the providing owner, leaders.
 */
export const respondToDependencyAction = guardedAction({
  name: "dependencies.respond",
  schema: RespondToDependencySchema,
  load: (tx, input) => loadDependency(tx, input.dependencyId),
  authorize: (dep) => ({ action: "dependency.respond", scope: { teamId: dep.toTeamId, ownerPersonId: dep.toOwnerId } }),
  run: (tx, dep, input, principal) => respondToDependency(tx, dep, input, principal.personId),
  revalidate: (_d, input) => paths(input.dependencyId),
  notFound: "That dependency no longer exists.",
});

/**
 * The waiting side takes or declines a date the providing side proposed. Allowed: the waiting team's agile
 * lead or product owner, leaders (not the providing side: it made the proposal).
 */
export const answerProposalAction = guardedAction({
  name: "dependencies.answerProposal",
  schema: AnswerProposalSchema,
  load: (tx, input) => loadDependency(tx, input.dependencyId),
  authorize: (dep) => ({ action: "dependency.update", scope: { teamId: dep.fromTeamId } }),
  run: (tx, dep, input, principal) => answerProposal(tx, dep, input, principal.personId),
  revalidate: (_d, input) => paths(input.dependencyId),
  notFound: "That dependency no longer exists.",
});

/**
 * Moves a dependency on (in progress, blocked, resolved, cancelled, reopened), with a version check.
 * Allowed: the agile lead or product owner of either team, leaders.
 */
export const changeDependencyStatusAction = guardedAction({
  name: "dependencies.changeStatus",
  schema: ChangeDependencyStatusSchema,
  load: (tx, input) => loadDependency(tx, input.dependencyId),
  authorize: (dep) => ({ action: "dependency.update", scope: { teamId: dep.fromTeamId, counterpartTeamId: dep.toTeamId } }),
  run: (tx, dep, input, principal) => changeDependencyStatus(tx, dep, input, principal.personId),
  revalidate: (_d, input) => paths(input.dependencyId),
  notFound: "That dependency no longer exists.",
});
