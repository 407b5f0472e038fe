import { getDb } from "@/lib/db/client";
import {
  addMilestoneAction,
  createIntervalAction,
  createObjectiveAction,
  deleteObjectiveAction,
  planFeatureAction,
  raiseRiskAction,
  removeMilestoneAction,
  scoreObjectiveAction,
  setIntervalStateAction,
  updateIntervalAction,
  updateObjectiveAction,
  updateRiskAction,
} from "@/lib/planning/actions";
import { makeItem } from "@/tests/support/factories";
import { freeBlock, makeInterval } from "@/tests/support/planning";
import { type ActionCase, type Org, asRun } from "./types";

/*
 * Every planning action, aimed at team A. Snapshots and inputs find-or-make the same rows (an interval of team A's
 * own, an objective, a risk, a milestone), so making them never counts as a change; each snapshot covers what the
 * action would write.
 */
const db = () => getDb();
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The interval these cases plan into: one per org (named after team A), made on first use, still being planned. */
async function guardInterval(o: Org) {
  const name = `guard-${o.teamA.id}`;
  return (await db().planningInterval.findUnique({ where: { name } })) ?? makeInterval({ name });
}

async function guardObjective(o: Org, title: string) {
  const interval = await guardInterval(o);
  return (
    (await db().intervalObjective.findFirst({ where: { intervalId: interval.id, teamId: o.teamA.id, title } })) ??
    db().intervalObjective.create({ data: { intervalId: interval.id, teamId: o.teamA.id, title, plannedValue: 5 } })
  );
}

async function guardRisk(o: Org) {
  const interval = await guardInterval(o);
  return (
    (await db().intervalRisk.findFirst({ where: { intervalId: interval.id, teamId: o.teamA.id, title: "guard risk" } })) ??
    db().intervalRisk.create({
      data: { key: `RISK-G${o.teamA.id}`, intervalId: interval.id, teamId: o.teamA.id, title: "guard risk", ownerPersonId: o.leader.person.id },
    })
  );
}

async function guardMilestone(o: Org) {
  const interval = await guardInterval(o);
  return (
    (await db().intervalMilestone.findFirst({ where: { intervalId: interval.id, name: "guard review" } })) ??
    db().intervalMilestone.create({ data: { intervalId: interval.id, name: "guard review", date: interval.startDate } })
  );
}

const leaders = {
  allowed: (o: Org) => o.leader.user.id,
  wrongRole: (o: Org) => o.poA.user.id,
  otherTeam: (o: Org) => o.poB.user.id,
};
const objectiveWriters = {
  allowed: (o: Org) => o.leadA.user.id,
  wrongRole: (o: Org) => o.memberA.user.id,
  otherTeam: (o: Org) => o.leadB.user.id,
};

export const cases: Record<string, ActionCase> = {
  "lib/planning/actions.ts#createIntervalAction": {
    run: asRun(createIntervalAction),
    input: async (o) => ({ name: `PI guard ${o.teamA.id} ${Date.now()}`, ...(await freeBlock(28)) }),
    ...leaders,
    snapshot: () => db().planningInterval.count(),
  },
  "lib/planning/actions.ts#updateIntervalAction": {
    run: asRun(updateIntervalAction),
    input: async (o) => {
      const i = await guardInterval(o);
      return { intervalId: i.id, version: i.version, name: i.name, startDate: day(i.startDate), endDate: day(i.endDate) };
    },
    ...leaders,
    snapshot: async (o) => {
      const i = await guardInterval(o);
      return { name: i.name, version: i.version };
    },
  },
  "lib/planning/actions.ts#setIntervalStateAction": {
    run: asRun(setIntervalStateAction),
    input: async () => {
      const i = await makeInterval();
      return { intervalId: i.id, version: i.version, state: "COMMITTED" };
    },
    ...leaders,
    snapshot: () => db().planningInterval.count({ where: { state: "COMMITTED" } }),
  },
  "lib/planning/actions.ts#planFeatureAction": {
    run: asRun(planFeatureAction),
    input: async (o) => {
      const interval = await guardInterval(o);
      const feature = await makeItem({ level: "FEATURE", teamId: o.teamA.id, parentId: o.epic.id });
      return { featureId: feature.id, version: feature.version, intervalId: interval.id, sprintId: null };
    },
    allowed: (o) => o.poA.user.id, // the backlog owner plans the team's features (rule 2)
    wrongRole: (o) => o.leadA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => db().backlogItem.count({ where: { teamId: o.teamA.id, planningIntervalId: { not: null } } }),
  },
  "lib/planning/actions.ts#createObjectiveAction": {
    run: asRun(createObjectiveAction),
    input: async (o) => ({ intervalId: (await guardInterval(o)).id, teamId: o.teamA.id, title: "Double webinar sign-ups", committed: true }),
    ...objectiveWriters,
    snapshot: (o) => db().intervalObjective.count({ where: { teamId: o.teamA.id } }),
  },
  "lib/planning/actions.ts#updateObjectiveAction": {
    run: asRun(updateObjectiveAction),
    input: async (o) => {
      const obj = await guardObjective(o, "guard update");
      return { objectiveId: obj.id, version: obj.version, title: "guard update", description: `edited ${obj.version}`, committed: obj.committed };
    },
    allowed: (o) => o.poA.user.id,
    wrongRole: (o) => o.memberA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => {
      const obj = await guardObjective(o, "guard update");
      return { description: obj.description, version: obj.version };
    },
  },
  "lib/planning/actions.ts#deleteObjectiveAction": {
    run: asRun(deleteObjectiveAction),
    input: async (o) => {
      const obj = await guardObjective(o, "guard delete");
      return { objectiveId: obj.id, version: obj.version };
    },
    ...objectiveWriters,
    snapshot: async (o) => {
      await guardObjective(o, "guard delete");
      return db().intervalObjective.count({ where: { teamId: o.teamA.id } });
    },
  },
  "lib/planning/actions.ts#scoreObjectiveAction": {
    run: asRun(scoreObjectiveAction),
    input: async (o) => {
      const obj = await guardObjective(o, "guard score");
      return { objectiveId: obj.id, version: obj.version, plannedValue: ((obj.plannedValue ?? 0) % 10) + 1, actualValue: null };
    },
    ...leaders,
    snapshot: async (o) => {
      const obj = await guardObjective(o, "guard score");
      return { plannedValue: obj.plannedValue, version: obj.version };
    },
  },
  "lib/planning/actions.ts#raiseRiskAction": {
    run: asRun(raiseRiskAction),
    input: async (o) => ({
      intervalId: (await guardInterval(o)).id,
      teamId: o.teamA.id,
      title: "The agency cannot start before week 3",
      ownerPersonId: o.leadA.person.id,
    }),
    allowed: (o) => o.memberA.user.id, // anyone delivering in the team raises risks
    wrongRole: (o) => o.admin.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => db().intervalRisk.count({ where: { teamId: o.teamA.id } }),
  },
  "lib/planning/actions.ts#updateRiskAction": {
    run: asRun(updateRiskAction),
    input: async (o) => {
      const risk = await guardRisk(o);
      return { riskId: risk.id, version: risk.version, status: risk.status === "OWNED" ? "MITIGATED" : "OWNED", ownerPersonId: risk.ownerPersonId };
    },
    allowed: (o) => o.leadA.user.id,
    wrongRole: (o) => o.memberA.user.id,
    otherTeam: (o) => o.leadB.user.id,
    snapshot: async (o) => {
      const risk = await guardRisk(o);
      return { status: risk.status, version: risk.version };
    },
  },
  "lib/planning/actions.ts#addMilestoneAction": {
    run: asRun(addMilestoneAction),
    input: async (o) => {
      const i = await guardInterval(o);
      return { intervalId: i.id, name: "Campaign review", date: day(i.startDate) };
    },
    ...leaders,
    snapshot: async (o) => db().intervalMilestone.count({ where: { intervalId: (await guardInterval(o)).id } }),
  },
  "lib/planning/actions.ts#removeMilestoneAction": {
    run: asRun(removeMilestoneAction),
    input: async (o) => ({ milestoneId: (await guardMilestone(o)).id }),
    ...leaders,
    snapshot: async (o) => {
      await guardMilestone(o);
      return db().intervalMilestone.count({ where: { intervalId: (await guardInterval(o)).id } });
    },
  },
};
