import { getDb } from "@/lib/db/client";
import { forgetImportMappingAction, importBacklogAction } from "@/lib/import/actions";
import { unique } from "@/tests/support/factories";
import { type ActionCase, asRun } from "./types";

const db = () => getDb();
const ensureMapping = (teamId: number) =>
  db().importMapping.createMany({ data: [{ teamId, mapping: { statuses: { "test in uat": "IN_REVIEW" } } }], skipDuplicates: true });

export const cases: Record<string, ActionCase> = {
  "lib/import/actions.ts#importBacklogAction": {
    run: asRun(importBacklogAction),
    input: async (o) => {
      const key = `IMP-${Number.parseInt(unique("n").split("-")[1]!, 10) * 1000 + Math.floor(Math.random() * 1000)}`;
      const csv = `Issue key,Issue id,Summary,Issue Type,Status,Parent,Custom field (Story Points)\r\n${key},${Math.floor(Math.random() * 1e9)},Imported nurture story,Story,To Do,${o.feature.key},3\r\n`;
      return { teamId: o.teamA.id, csv, mode: "commit" };
    },
    allowed: (o) => o.poA.user.id,
    wrongRole: (o) => o.memberA.user.id, // a team member, but not the backlog owner (rule 7)
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => db().backlogItem.count({ where: { teamId: o.teamA.id } }),
  },
  "lib/import/actions.ts#forgetImportMappingAction": {
    run: asRun(forgetImportMappingAction),
    input: async (o) => {
      await ensureMapping(o.teamA.id);
      return { teamId: o.teamA.id };
    },
    allowed: (o) => o.poA.user.id,
    wrongRole: (o) => o.memberA.user.id,
    otherTeam: (o) => o.poB.user.id,
    // The saved mapping exists before every check (the snapshot makes it when missing, without touching one that exists).
    snapshot: async (o) => {
      await ensureMapping(o.teamA.id);
      return db().importMapping.findUnique({ where: { teamId: o.teamA.id } });
    },
  },
};
