import { createItemAction, setItemStatusAction, updatePortfolioItemAction } from "@/lib/backlog/actions";
import { getDb } from "@/lib/db/client";
import { type ActionCase, asRun } from "./types";
import { makeInterval } from "@/tests/support/planning";

const db = () => getDb();
const itemState = (id: number) => db().backlogItem.findUnique({ where: { id } });

export const cases: Record<string, ActionCase> = {
  "lib/backlog/actions.ts#createItemAction": {
    run: asRun(createItemAction),
    input: async (o) => ({ teamId: o.teamA.id, level: "STORY", parentId: o.feature.id, title: "Write the nurture email copy" }),
    allowed: (o) => o.poA.user.id,
    wrongRole: (o) => o.memberA.user.id, // a team member, but not the backlog owner (rule 7)
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => db().backlogItem.count({ where: { teamId: o.teamA.id } }),
  },
  "lib/backlog/actions.ts#setItemStatusAction": {
    run: asRun(setItemStatusAction),
    input: async (o) => {
      const s = (await itemState(o.story.id))!;
      return { itemId: s.id, version: s.version, status: s.status === "IN_REVIEW" ? "IN_PROGRESS" : "IN_REVIEW" };
    },
    allowed: (o) => o.memberA.user.id, // the story's owner
    wrongRole: (o) => o.leadA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => itemState(o.story.id),
  },
  "lib/backlog/actions.ts#updatePortfolioItemAction": {
    run: asRun(updatePortfolioItemAction),
    input: async (o) => {
      const e = (await itemState(o.epic.id))!;
      const interval = await makeInterval();
      return {
        itemId: e.id, version: e.version, title: e.title, status: "REVIEWING",
        businessValue: 8, timeCriticality: 5, riskReduction: 3, jobSize: 5, valueTheme: "Pipeline", planningIntervalId: interval.id,
      };
    },
    allowed: (o) => o.leader.user.id,
    wrongRole: (o) => o.poA.user.id, // product owners groom team backlogs; the portfolio is leadership's
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => itemState(o.epic.id),
  },
};
