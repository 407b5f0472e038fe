"use server";

import { guardedAction } from "@/lib/actions/guarded";
import {
  addMilestone,
  createInterval,
  createObjective,
  deleteObjective,
  loadFeature,
  loadInterval,
  loadIntervalAndTeam,
  loadMilestone,
  loadObjective,
  loadRisk,
  planFeature,
  raiseRisk,
  removeMilestone,
  scoreObjective,
  setIntervalState,
  updateInterval,
  updateObjective,
  updateRisk,
} from "./mutations";
import {
  AddMilestoneSchema,
  CreateIntervalSchema,
  CreateObjectiveSchema,
  DeleteObjectiveSchema,
  PlanFeatureSchema,
  RaiseRiskSchema,
  RemoveMilestoneSchema,
  ScoreObjectiveSchema,
  SetIntervalStateSchema,
  UpdateIntervalSchema,
  UpdateObjectiveSchema,
  UpdateRiskSchema,
} from "./schema";

const INTERVAL_GONE = "That planning interval no longer exists.";
const planningPaths = (intervalId?: number) => ["/planning", ...(intervalId ? [`/planning/${intervalId}`] : []), "/roadmap", "/dashboard"];

/** Creates a planning interval and the teams' sprints up to its end. Leaders ("planning.manage"). */
export const createIntervalAction = guardedAction({
  name: "planning.createInterval",
  schema: CreateIntervalSchema,
  load: async () => ({}),
  authorize: () => ({ action: "planning.manage" }),
  run: (tx, _t, input) => createInterval(tx, input),
  revalidate: (data) => [...planningPaths(data.id), "/teams"],
});

/** Renames an interval, or moves its dates while it is being planned. Leaders. */
export const updateIntervalAction = guardedAction({
  name: "planning.updateInterval",
  schema: UpdateIntervalSchema,
  load: (tx, input) => loadInterval(tx, input.intervalId),
  authorize: () => ({ action: "planning.manage" }),
  run: (tx, interval, input) => updateInterval(tx, interval, input),
  revalidate: (_d, input) => [...planningPaths(input.intervalId), "/teams"],
  notFound: INTERVAL_GONE,
});

/** Commits, starts, closes (or reopens planning of) an interval. Leaders. */
export const setIntervalStateAction = guardedAction({
  name: "planning.setIntervalState",
  schema: SetIntervalStateSchema,
  load: (tx, input) => loadInterval(tx, input.intervalId),
  authorize: () => ({ action: "planning.manage" }),
  run: (tx, interval, input) => setIntervalState(tx, interval, input),
  revalidate: (_d, input) => planningPaths(input.intervalId),
  notFound: INTERVAL_GONE,
});

/**
 * Plans a feature into an interval and onto a sprint (the program board's drag and its keyboard move), or out of
 * it. The feature's team's backlog owner or a leader; handing it to another team needs that team's too.
 */
export const planFeatureAction = guardedAction({
  name: "planning.planFeature",
  schema: PlanFeatureSchema,
  load: (tx, input) => loadFeature(tx, input.featureId),
  authorize: (feature) => ({ action: "planning.plan", scope: { teamId: feature.teamId } }),
  run: (tx, feature, input, principal) => planFeature(tx, feature, input, principal),
  revalidate: (_d, input) => [...planningPaths(input.intervalId ?? undefined), "/campaigns", `/items/${input.featureId}`],
  notFound: "That feature no longer exists.",
});

/** Adds a team objective to an interval. The team's product owner or agile lead, or a leader. */
export const createObjectiveAction = guardedAction({
  name: "planning.createObjective",
  schema: CreateObjectiveSchema,
  load: (tx, input) => loadIntervalAndTeam(tx, input.intervalId, input.teamId),
  authorize: (target) => ({ action: "planning.objective", scope: { teamId: target.team?.id ?? null } }),
  run: (tx, target, input) => createObjective(tx, target, input),
  revalidate: (_d, input) => planningPaths(input.intervalId),
  notFound: "That interval or team no longer exists.",
});

/** Edits a team objective. The team's product owner or agile lead, or a leader. */
export const updateObjectiveAction = guardedAction({
  name: "planning.updateObjective",
  schema: UpdateObjectiveSchema,
  load: (tx, input) => loadObjective(tx, input.objectiveId),
  authorize: (objective) => ({ action: "planning.objective", scope: { teamId: objective.teamId } }),
  run: (tx, objective, input) => updateObjective(tx, objective, input),
  revalidate: () => planningPaths(),
  notFound: "That objective no longer exists.",
});

/** Removes a team objective while planning. The team's product owner or agile lead, or a leader. */
export const deleteObjectiveAction = guardedAction({
  name: "planning.deleteObjective",
  schema: DeleteObjectiveSchema,
  load: (tx, input) => loadObjective(tx, input.objectiveId),
  authorize: (objective) => ({ action: "planning.objective", scope: { teamId: objective.teamId } }),
  run: (tx, objective, input) => deleteObjective(tx, objective, input),
  revalidate: () => planningPaths(),
  notFound: "That objective no longer exists.",
});

/** Gives an objective its planned or actual business value. Leaders ("planning.score"). */
export const scoreObjectiveAction = guardedAction({
  name: "planning.scoreObjective",
  schema: ScoreObjectiveSchema,
  load: (tx, input) => loadObjective(tx, input.objectiveId),
  authorize: (objective) => ({ action: "planning.score", scope: { teamId: objective.teamId } }),
  run: (tx, objective, input) => scoreObjective(tx, objective, input),
  revalidate: () => planningPaths(),
  notFound: "That objective no longer exists.",
});

/** Raises a risk on an interval (for a team, or the whole interval). Anyone delivering in the team, or a leader. */
export const raiseRiskAction = guardedAction({
  name: "planning.raiseRisk",
  schema: RaiseRiskSchema,
  load: (tx, input) => loadIntervalAndTeam(tx, input.intervalId, input.teamId),
  authorize: (target) => ({ action: "planning.risk.raise", scope: { teamId: target.team?.id ?? null } }),
  run: (tx, target, input, principal) => raiseRisk(tx, target, input, principal),
  revalidate: (_d, input) => planningPaths(input.intervalId),
  notFound: "That interval or team no longer exists.",
});

/** Sorts a risk (ROAM) and gives it an owner. The team's product owner or agile lead, the risk's owner, or a leader. */
export const updateRiskAction = guardedAction({
  name: "planning.updateRisk",
  schema: UpdateRiskSchema,
  load: (tx, input) => loadRisk(tx, input.riskId),
  authorize: (risk) => ({ action: "planning.risk.update", scope: { teamId: risk.teamId, ownerPersonId: risk.ownerPersonId } }),
  run: (tx, risk, input) => updateRisk(tx, risk, input),
  revalidate: () => planningPaths(),
  notFound: "That risk no longer exists.",
});

/** Adds a milestone to the board's top lane. Leaders. */
export const addMilestoneAction = guardedAction({
  name: "planning.addMilestone",
  schema: AddMilestoneSchema,
  load: (tx, input) => loadInterval(tx, input.intervalId),
  authorize: () => ({ action: "planning.manage" }),
  run: (tx, interval, input) => addMilestone(tx, interval, input),
  revalidate: (_d, input) => planningPaths(input.intervalId),
  notFound: INTERVAL_GONE,
});

/** Removes a milestone. Leaders. */
export const removeMilestoneAction = guardedAction({
  name: "planning.removeMilestone",
  schema: RemoveMilestoneSchema,
  load: (tx, input) => loadMilestone(tx, input.milestoneId),
  authorize: () => ({ action: "planning.manage" }),
  run: (tx, milestone) => removeMilestone(tx, milestone),
  revalidate: () => planningPaths(),
  notFound: "That milestone no longer exists.",
});
