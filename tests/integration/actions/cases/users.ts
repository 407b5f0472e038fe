import { getDb } from "@/lib/db/client";
import { createUserAction, setUserActiveAction, updateUserAction } from "@/lib/users/actions";
import { type ActionCase, asRun } from "./types";

const userState = (id: number) => getDb().user.findUnique({ where: { id } });

export const cases: Record<string, ActionCase> = {
  "lib/users/actions.ts#createUserAction": {
    run: asRun(createUserAction),
    input: async () => ({ email: `new-${Date.now()}-${Math.random().toString(36).slice(2)}@test.example`, password: "correct horse battery", orgRole: "MEMBER", personId: null }),
    allowed: (o) => o.admin.user.id,
    wrongRole: (o) => o.leader.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: () => getDb().user.count(),
  },
  "lib/users/actions.ts#updateUserAction": {
    run: asRun(updateUserAction),
    input: async (o) => ({ userId: o.target.user.id, version: (await userState(o.target.user.id))!.version, orgRole: "LEADER", personId: o.target.person.id }),
    allowed: (o) => o.admin.user.id,
    wrongRole: (o) => o.leader.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => userState(o.target.user.id),
  },
  "lib/users/actions.ts#setUserActiveAction": {
    run: asRun(setUserActiveAction),
    input: async (o) => ({ userId: o.target.user.id, version: (await userState(o.target.user.id))!.version, active: false }),
    allowed: (o) => o.admin.user.id,
    wrongRole: (o) => o.poA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => userState(o.target.user.id),
  },
};
