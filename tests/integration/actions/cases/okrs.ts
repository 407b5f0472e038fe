import { getDb } from "@/lib/db/client";
import {
  createKeyResultAction,
  createObjectiveAction,
  linkEpicAction,
  unlinkEpicAction,
  updateKeyResultAction,
  updateObjectiveAction,
} from "@/lib/okrs/actions";
import { makeItem, unique, utcDate } from "@/tests/support/factories";
import { type ActionCase, type Org, asRun } from "./types";

/*
 * OKR writes: leaders only ("okr.edit"). Every target is a team objective of team A, so a product owner of team A
 * (wrong role) and of team B (other team) are both refused, and the leader gets through.
 */

const db = () => getDb();
const memo = new WeakMap<Org, Map<string, Promise<{ objectiveId: number; keyResultId: number; epicId: number }>>>();

/** One fixture per case name and org: a team objective of team A with a key result and an epic (linked or not). */
function fixture(org: Org, name: string, linked: boolean) {
  let byName = memo.get(org);
  if (!byName) memo.set(org, (byName = new Map()));
  let made = byName.get(name);
  if (!made) {
    made = (async () => {
      const objective = await db().objective.create({
        data: {
          key: unique("OBJ-T"), title: `Objective for ${name}`, level: "TEAM", teamId: org.teamA.id,
          periodStart: utcDate(2026, 1, 1), periodEnd: utcDate(2026, 3, 31),
        },
      });
      const kr = await db().keyResult.create({
        data: { objectiveId: objective.id, title: "Leads", unit: "MQLs", baseline: 100, target: 200, current: 120, direction: "HIGHER_IS_BETTER" },
      });
      const epic = await makeItem({ level: "EPIC" });
      if (linked) await db().objectiveItem.create({ data: { objectiveId: objective.id, itemId: epic.id } });
      return { objectiveId: objective.id, keyResultId: kr.id, epicId: epic.id };
    })();
    byName.set(name, made);
  }
  return made;
}

const objectiveState = async (id: number) => ({
  objective: await db().objective.findUnique({ where: { id } }),
  keyResults: await db().keyResult.findMany({ where: { objectiveId: id }, orderBy: { id: "asc" } }),
  links: await db().objectiveItem.findMany({ where: { objectiveId: id }, orderBy: { itemId: "asc" } }),
});

const leader = (o: Org) => o.leader.user.id;
const poA = (o: Org) => o.poA.user.id;
const poB = (o: Org) => o.poB.user.id;

export const cases: Record<string, ActionCase> = {
  "lib/okrs/actions.ts#createObjectiveAction": {
    run: asRun(createObjectiveAction),
    input: async (o) => ({
      title: "Own the mid-market", description: "", level: "TEAM", status: "DRAFT", parentId: null, valueStreamId: null,
      teamId: o.teamA.id, ownerPersonId: null, periodStart: "2026-04-01", periodEnd: "2026-06-30",
    }),
    allowed: leader,
    wrongRole: poA,
    otherTeam: poB,
    snapshot: () => db().objective.count(),
  },
  "lib/okrs/actions.ts#updateObjectiveAction": {
    run: asRun(updateObjectiveAction),
    input: async (o) => {
      const { objectiveId } = await fixture(o, "update", false);
      const s = (await db().objective.findUnique({ where: { id: objectiveId } }))!;
      return {
        objectiveId, version: s.version, title: `${s.title} (edited)`, description: s.description, level: s.level, status: "ACTIVE",
        parentId: null, valueStreamId: null, teamId: s.teamId, ownerPersonId: null, periodStart: "2026-01-01", periodEnd: "2026-03-31",
      };
    },
    allowed: leader,
    wrongRole: poA,
    otherTeam: poB,
    snapshot: async (o) => objectiveState((await fixture(o, "update", false)).objectiveId),
  },
  "lib/okrs/actions.ts#createKeyResultAction": {
    run: asRun(createKeyResultAction),
    input: async (o) => ({
      objectiveId: (await fixture(o, "kr-create", false)).objectiveId, title: "Cost per lead", unit: "£", baseline: 110, target: 85, current: 100, direction: "LOWER_IS_BETTER",
    }),
    allowed: leader,
    wrongRole: poA,
    otherTeam: poB,
    snapshot: async (o) => objectiveState((await fixture(o, "kr-create", false)).objectiveId),
  },
  "lib/okrs/actions.ts#updateKeyResultAction": {
    run: asRun(updateKeyResultAction),
    input: async (o) => {
      const { keyResultId } = await fixture(o, "kr-update", false);
      const kr = (await db().keyResult.findUnique({ where: { id: keyResultId } }))!;
      return { keyResultId, version: kr.version, title: kr.title, unit: kr.unit, baseline: kr.baseline, target: kr.target, current: kr.current + 10, direction: kr.direction };
    },
    allowed: leader,
    wrongRole: poA,
    otherTeam: poB,
    snapshot: async (o) => objectiveState((await fixture(o, "kr-update", false)).objectiveId),
  },
  "lib/okrs/actions.ts#linkEpicAction": {
    run: asRun(linkEpicAction),
    input: async (o) => {
      const { objectiveId, epicId } = await fixture(o, "link", false);
      const s = (await db().objective.findUnique({ where: { id: objectiveId } }))!;
      return { objectiveId, version: s.version, itemId: epicId };
    },
    allowed: leader,
    wrongRole: poA,
    otherTeam: poB,
    snapshot: async (o) => objectiveState((await fixture(o, "link", false)).objectiveId),
  },
  "lib/okrs/actions.ts#unlinkEpicAction": {
    run: asRun(unlinkEpicAction),
    input: async (o) => {
      const { objectiveId, epicId } = await fixture(o, "unlink", true);
      const s = (await db().objective.findUnique({ where: { id: objectiveId } }))!;
      return { objectiveId, version: s.version, itemId: epicId };
    },
    allowed: leader,
    wrongRole: poA,
    otherTeam: poB,
    snapshot: async (o) => objectiveState((await fixture(o, "unlink", true)).objectiveId),
  },
};
