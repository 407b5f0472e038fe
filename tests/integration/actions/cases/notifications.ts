import { getDb } from "@/lib/db/client";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import { type ActionCase, type Org, asRun } from "./types";

const made = new WeakMap<Org, Promise<{ id: number }>>();
/** A notification for A's designer. */
const notice = (o: Org) => {
  let n = made.get(o);
  if (!n) {
    n = getDb().notification.create({ data: { recipientId: o.memberA.person.id, kind: "test", title: "Something happened", link: "/inbox" }, select: { id: true } });
    made.set(o, n);
  }
  return n;
};

export const cases: Record<string, ActionCase> = {
  "lib/notifications/actions.ts#markNotificationsReadAction": {
    run: asRun(markNotificationsReadAction),
    input: async (o) => ({ notificationIds: [(await notice(o)).id] }),
    allowed: (o) => o.memberA.user.id,
    // Nobody else reads someone's inbox: not their product owner, not another team.
    wrongRole: (o) => o.poA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => getDb().notification.findUnique({ where: { id: (await notice(o)).id } }),
  },
};
