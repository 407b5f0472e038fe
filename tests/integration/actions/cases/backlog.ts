import { moveItemAction, updateItemAction } from "@/lib/backlog/actions";
import { getDb } from "@/lib/db/client";
import { type ActionCase, type Org, asRun } from "./types";

const itemState = (id: number) => getDb().backlogItem.findUnique({ where: { id } });

const itemInput = async (org: Org) => {
  const s = (await itemState(org.story.id))!;
  return {
    itemId: s.id, version: s.version, title: `${s.title} (edited)`, description: s.description, status: "IN_PROGRESS",
    estimate: s.estimate, acceptanceCriteria: s.acceptanceCriteria, briefUrl: s.briefUrl, ownerPersonId: s.ownerPersonId,
  };
};

export const cases: Record<string, ActionCase> = {
  "lib/backlog/actions.ts#updateItemAction": {
    run: asRun(updateItemAction),
    input: itemInput,
    allowed: (o) => o.memberA.user.id, // the story's owner
    wrongRole: (o) => o.leadA.user.id, // in team A, but neither owner nor product owner
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => itemState(o.story.id),
  },
  "lib/backlog/actions.ts#moveItemAction": {
    run: asRun(moveItemAction),
    input: async (o) => ({ itemId: o.story2.id, afterId: null }),
    allowed: (o) => o.poA.user.id,
    wrongRole: (o) => o.memberA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => itemState(o.story2.id),
  },
};
