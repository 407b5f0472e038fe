"use server";

import { guardedAction } from "@/lib/actions/guarded";
import {
  addRetroAction,
  addToSprint,
  closeSprint,
  generateSprints,
  loadRetroAction,
  loadSprint,
  loadTeamForSprints,
  removeFromSprint,
  setAvailability,
  setRetroActionDone,
  startSprint,
  updateSprintGoal,
} from "./mutations";
import {
  AddRetroActionSchema,
  CloseSprintSchema,
  GenerateSprintsSchema,
  SetAvailabilitySchema,
  SetRetroActionDoneSchema,
  SprintScopeSchema,
  StartSprintSchema,
  UpdateSprintGoalSchema,
} from "./schema";

const NOT_FOUND = "That sprint no longer exists.";
const sprintPaths = (teamId: number) => [`/teams/${teamId}/sprints`, `/teams/${teamId}/backlog`, `/backlogs/${teamId}`, "/dashboard"];

/** Generates the team's next sprints from its cadence. The team's product owner, agile lead or a leader. */
export const generateSprintsAction = guardedAction({
  name: "sprints.generate",
  schema: GenerateSprintsSchema,
  load: (tx, input) => loadTeamForSprints(tx, input.teamId),
  authorize: (team) => ({ action: "sprint.manage", scope: { teamId: team.id } }),
  run: (tx, team, input) => generateSprints(tx, team, input.count),
  revalidate: (_d, input) => sprintPaths(input.teamId),
  notFound: "That team no longer exists.",
});

/** Sets a sprint's goal. The team's product owner, agile lead or a leader. */
export const updateSprintGoalAction = guardedAction({
  name: "sprints.updateGoal",
  schema: UpdateSprintGoalSchema,
  load: (tx, input) => loadSprint(tx, input.sprintId),
  authorize: (sprint) => ({ action: "sprint.manage", scope: { teamId: sprint.teamId } }),
  run: (tx, sprint, input) => updateSprintGoal(tx, sprint, input),
  revalidate: () => ["/teams"],
  notFound: NOT_FOUND,
});

/** Records a member's days off in a planned sprint; the capacity follows. Product owner, agile lead or leader. */
export const setAvailabilityAction = guardedAction({
  name: "sprints.setAvailability",
  schema: SetAvailabilitySchema,
  load: (tx, input) => loadSprint(tx, input.sprintId),
  authorize: (sprint) => ({ action: "sprint.manage", scope: { teamId: sprint.teamId } }),
  run: (tx, sprint, input) => setAvailability(tx, sprint, input),
  revalidate: () => ["/teams"],
  notFound: NOT_FOUND,
});

/**
 * Plans a ready story into a sprint (a mid-sprint insertion when the sprint runs). Refused with the missing
 * fields named when the story is not ready; above capacity it succeeds with a warning. Sprint scope is the
 * backlog owner's call (rule 2): the team's product owner or a leader.
 */
export const addToSprintAction = guardedAction({
  name: "sprints.addItem",
  schema: SprintScopeSchema,
  load: (tx, input) => loadSprint(tx, input.sprintId),
  authorize: (sprint) => ({ action: "sprint.scope", scope: { teamId: sprint.teamId } }),
  run: (tx, sprint, input, principal) => addToSprint(tx, sprint, input.itemId, principal.userId),
  revalidate: (_d, input) => ["/teams", "/backlogs", `/items/${input.itemId}`],
  notFound: NOT_FOUND,
});

/** Takes a story out of a sprint. The team's product owner or a leader. */
export const removeFromSprintAction = guardedAction({
  name: "sprints.removeItem",
  schema: SprintScopeSchema,
  load: (tx, input) => loadSprint(tx, input.sprintId),
  authorize: (sprint) => ({ action: "sprint.scope", scope: { teamId: sprint.teamId } }),
  run: (tx, sprint, input) => removeFromSprint(tx, sprint, input.itemId),
  revalidate: (_d, input) => ["/teams", "/backlogs", `/items/${input.itemId}`],
  notFound: NOT_FOUND,
});

/** Starts a planned sprint and keeps its committed set. Product owner, agile lead or leader. */
export const startSprintAction = guardedAction({
  name: "sprints.start",
  schema: StartSprintSchema,
  load: (tx, input) => loadSprint(tx, input.sprintId),
  authorize: (sprint) => ({ action: "sprint.manage", scope: { teamId: sprint.teamId } }),
  run: (tx, sprint, input) => startSprint(tx, sprint, input.version),
  revalidate: () => ["/teams", "/backlogs", "/dashboard"],
  notFound: NOT_FOUND,
});

/** Closes the running sprint: goal met or not, completed points, carry-over. Product owner, agile lead or leader. */
export const closeSprintAction = guardedAction({
  name: "sprints.close",
  schema: CloseSprintSchema,
  load: (tx, input) => loadSprint(tx, input.sprintId),
  authorize: (sprint) => ({ action: "sprint.manage", scope: { teamId: sprint.teamId } }),
  run: (tx, sprint, input) => closeSprint(tx, sprint, input),
  revalidate: () => ["/teams", "/backlogs", "/dashboard"],
  notFound: NOT_FOUND,
});

/** Adds a retrospective action item to a sprint that ran. Product owner, agile lead or leader. */
export const addRetroActionAction = guardedAction({
  name: "sprints.addRetroAction",
  schema: AddRetroActionSchema,
  load: (tx, input) => loadSprint(tx, input.sprintId),
  authorize: (sprint) => ({ action: "retro.edit", scope: { teamId: sprint.teamId } }),
  run: (tx, sprint, input) => addRetroAction(tx, sprint, input),
  revalidate: () => ["/teams", "/dashboard"],
  notFound: NOT_FOUND,
});

/** Marks a retrospective action done or open. Product owner, agile lead or leader. */
export const setRetroActionDoneAction = guardedAction({
  name: "sprints.setRetroActionDone",
  schema: SetRetroActionDoneSchema,
  load: (tx, input) => loadRetroAction(tx, input.actionId),
  authorize: (action) => ({ action: "retro.edit", scope: { teamId: action.sprint.teamId } }),
  run: (tx, action, input) => setRetroActionDone(tx, action, input),
  revalidate: () => ["/teams", "/dashboard"],
  notFound: "That action item no longer exists.",
});
