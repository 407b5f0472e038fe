import {
  addRetroActionAction,
  addToSprintAction,
  closeSprintAction,
  generateSprintsAction,
  removeFromSprintAction,
  setAvailabilityAction,
  setRetroActionDoneAction,
  startSprintAction,
  updateSprintGoalAction,
} from "@/lib/sprints/actions";
import { getDb } from "@/lib/db/client";
import { activeSprint, makeReadyStory, plannedSprint } from "@/tests/integration/sprints/fixtures";
import { type ActionCase, type Org, asRun } from "./types";

/*
 * Every sprint action, aimed at team A. Inputs find (or make) the sprint they need at call time, so the cases do
 * not depend on each other's order; each snapshot covers what the action would change and what the input's own
 * set-up leaves alone.
 */
const db = () => getDb();
const teamSprints = (o: Org) => ({ sprint: { teamId: o.teamA.id } });

const manage = {
  allowed: (o: Org) => o.leadA.user.id, // the agile lead manages sprints
  wrongRole: (o: Org) => o.memberA.user.id,
  otherTeam: (o: Org) => o.leadB.user.id,
};
const scope = {
  allowed: (o: Org) => o.poA.user.id, // scope is the backlog owner's call
  wrongRole: (o: Org) => o.leadA.user.id,
  otherTeam: (o: Org) => o.poB.user.id,
};

export const cases: Record<string, ActionCase> = {
  "lib/sprints/actions.ts#generateSprintsAction": {
    run: asRun(generateSprintsAction),
    input: async (o) => ({ teamId: o.teamA.id, count: 1 }),
    ...manage,
    snapshot: (o) => db().sprint.count({ where: { teamId: o.teamA.id } }),
  },
  "lib/sprints/actions.ts#updateSprintGoalAction": {
    run: asRun(updateSprintGoalAction),
    input: async (o) => {
      const s = await plannedSprint(o.teamA.id);
      return { sprintId: s.id, version: s.version, goal: `Launch the spring offer ${s.version}` };
    },
    ...manage,
    snapshot: async (o) => {
      const s = await plannedSprint(o.teamA.id);
      return { goal: s.goal, version: s.version };
    },
  },
  "lib/sprints/actions.ts#setAvailabilityAction": {
    run: asRun(setAvailabilityAction),
    input: async (o) => {
      const s = await plannedSprint(o.teamA.id);
      const current = await db().sprintAvailability.findUnique({ where: { sprintId_personId: { sprintId: s.id, personId: o.memberA.person.id } } });
      return { sprintId: s.id, personId: o.memberA.person.id, daysOff: (current?.daysOff ?? 0) + 1 };
    },
    ...manage,
    snapshot: async (o) => {
      const s = await plannedSprint(o.teamA.id);
      return [s.capacityPoints, await db().sprintAvailability.findMany({ where: { sprintId: s.id }, orderBy: { personId: "asc" } })];
    },
  },
  "lib/sprints/actions.ts#addToSprintAction": {
    run: asRun(addToSprintAction),
    input: async (o) => {
      const s = await plannedSprint(o.teamA.id);
      const story = await makeReadyStory(o.teamA.id, o.memberA.person.id);
      return { sprintId: s.id, itemId: story.id };
    },
    ...scope,
    snapshot: (o) => db().sprintItem.count({ where: teamSprints(o) }),
  },
  "lib/sprints/actions.ts#removeFromSprintAction": {
    run: asRun(removeFromSprintAction),
    input: async (o) => {
      const s = await activeSprint(o.teamA.id);
      const story = await makeReadyStory(o.teamA.id, o.memberA.person.id);
      await db().sprintItem.create({ data: { sprintId: s.id, itemId: story.id, committed: true, pointsAtStart: 3 } });
      return { sprintId: s.id, itemId: story.id };
    },
    ...scope,
    snapshot: (o) => db().sprintItem.count({ where: { ...teamSprints(o), removedAt: { not: null } } }),
  },
  "lib/sprints/actions.ts#startSprintAction": {
    run: asRun(startSprintAction),
    input: async (o) => {
      // Only one sprint runs per team: close the running one first (it keeps its start time).
      await db().sprint.updateMany({
        where: { teamId: o.teamA.id, status: "ACTIVE" },
        data: { status: "CLOSED", closedAt: new Date(), goalMet: false, completedPoints: 0 },
      });
      const s = await plannedSprint(o.teamA.id);
      return { sprintId: s.id, version: s.version };
    },
    ...manage,
    snapshot: (o) => db().sprint.count({ where: { teamId: o.teamA.id, startedAt: { not: null } } }),
  },
  "lib/sprints/actions.ts#closeSprintAction": {
    run: asRun(closeSprintAction),
    input: async (o) => {
      const s = await activeSprint(o.teamA.id);
      return { sprintId: s.id, version: s.version, goalMet: true };
    },
    ...manage,
    snapshot: (o) => db().sprint.count({ where: { teamId: o.teamA.id, closedAt: { not: null } } }),
  },
  "lib/sprints/actions.ts#addRetroActionAction": {
    run: asRun(addRetroActionAction),
    input: async (o) => {
      const s = await activeSprint(o.teamA.id);
      return { sprintId: s.id, title: "Share the brief template before planning", ownerPersonId: o.leadA.person.id };
    },
    ...manage,
    snapshot: (o) => db().retroActionItem.count({ where: teamSprints(o) }),
  },
  "lib/sprints/actions.ts#setRetroActionDoneAction": {
    run: asRun(setRetroActionDoneAction),
    input: async (o) => {
      const s = await activeSprint(o.teamA.id);
      const action = await db().retroActionItem.create({ data: { sprintId: s.id, title: "Timebox stand-ups to 15 minutes" } });
      return { actionId: action.id, version: action.version, done: true };
    },
    ...manage,
    snapshot: (o) => db().retroActionItem.count({ where: { ...teamSprints(o), done: true } }),
  },
};
