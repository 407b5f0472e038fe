import { getDb } from "@/lib/db/client";
import { createApiTokenAction, revokeApiTokenAction } from "@/lib/api/actions";
import { retryJobRunAction } from "@/lib/jobs/actions";
import { saveNotificationPreferencesAction } from "@/lib/mail/actions";
import { createWebhookAction, deleteWebhookAction } from "@/lib/webhooks/actions";
import { unique } from "@/tests/support/factories";
import { type ActionCase, type Org, asRun } from "./types";

const db = () => getDb();

/** A token of A's designer, a webhook of team A, a failed job run: made once per org. */
const fixtures = new WeakMap<Org, Promise<{ tokenId: number; webhookId: number; runId: string }>>();
const made = (o: Org) => {
  let f = fixtures.get(o);
  if (!f) {
    f = (async () => {
      const token = await db().apiToken.create({ data: { userId: o.memberA.user.id, name: "BI", prefix: "mp_test", tokenHash: unique("hash"), scope: "READ", expiresAt: new Date(Date.now() + 86_400_000) } });
      const hook = await db().webhookSubscription.create({ data: { teamId: o.teamA.id, format: "SLACK", url: "https://hooks.example.com/x", secret: "s", events: ["item"] } });
      const run = await db().jobRun.create({ data: { name: "rank.snapshot", runKey: unique("day"), status: "FAILED", payload: { day: "2026-03-30" } } });
      return { tokenId: token.id, webhookId: hook.id, runId: run.id.toString() };
    })();
    fixtures.set(o, f);
  }
  return f;
};

export const cases: Record<string, ActionCase> = {
  "lib/api/actions.ts#createApiTokenAction": {
    run: asRun(createApiTokenAction),
    input: async (o) => ({ userId: o.memberA.user.id, name: "Looker sync", scope: "READ", expiresInDays: 30 }),
    allowed: (o) => o.memberA.user.id,
    // Nobody creates a token on someone else's account: not their product owner, not another team.
    wrongRole: (o) => o.poA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => db().apiToken.count({ where: { userId: o.memberA.user.id } }),
  },
  "lib/api/actions.ts#revokeApiTokenAction": {
    run: asRun(revokeApiTokenAction),
    input: async (o) => ({ tokenId: (await made(o)).tokenId }),
    allowed: (o) => o.memberA.user.id,
    wrongRole: (o) => o.leader.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => db().apiToken.findUnique({ where: { id: (await made(o)).tokenId } }),
  },
  "lib/mail/actions.ts#saveNotificationPreferencesAction": {
    run: asRun(saveNotificationPreferencesAction),
    input: async (o) => ({ personId: o.memberA.person.id, choices: [{ kind: "sla.breached", email: "DAILY" }] }),
    allowed: (o) => o.memberA.user.id,
    wrongRole: (o) => o.admin.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => db().notificationPreference.findMany({ where: { personId: o.memberA.person.id } }),
  },
  "lib/webhooks/actions.ts#createWebhookAction": {
    run: asRun(createWebhookAction),
    input: async (o) => ({ teamId: o.teamA.id, format: "SLACK", url: "https://hooks.slack.example.com/services/T0/B0/x", events: ["item", "request"], description: "A's channel" }),
    allowed: (o) => o.poA.user.id,
    wrongRole: (o) => o.memberA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => db().webhookSubscription.count({ where: { teamId: o.teamA.id } }),
  },
  "lib/webhooks/actions.ts#deleteWebhookAction": {
    run: asRun(deleteWebhookAction),
    input: async (o) => ({ subscriptionId: (await made(o)).webhookId }),
    allowed: (o) => o.leadA.user.id,
    wrongRole: (o) => o.memberA.user.id,
    otherTeam: (o) => o.leadB.user.id,
    snapshot: async (o) => db().webhookSubscription.findUnique({ where: { id: (await made(o)).webhookId } }),
  },
  "lib/jobs/actions.ts#retryJobRunAction": {
    run: asRun(retryJobRunAction),
    input: async (o) => ({ runId: (await made(o)).runId }),
    allowed: (o) => o.admin.user.id,
    wrongRole: (o) => o.leader.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => db().jobRun.findUnique({ where: { id: BigInt((await made(o)).runId) } }),
  },
};
