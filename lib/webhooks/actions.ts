"use server";

import { guardedAction } from "@/lib/actions/guarded";
import { refuse } from "@/lib/actions/result";
import { env } from "@/lib/env";
import { webhookUrlProblem } from "./format";
import { createSubscription, deleteSubscription, loadSubscription, loadWebhookTeam } from "./mutations";
import { CreateWebhookSchema, DeleteWebhookSchema } from "./schema";

/**
 * Adds a webhook: an organisation-wide one (leaders, admins) or a team's chat channel (its product owner or agile
 * lead, leaders). The signing secret is in the result, once.
 */
export const createWebhookAction = guardedAction({
  name: "webhooks.create",
  schema: CreateWebhookSchema,
  load: (tx, input) => loadWebhookTeam(tx, input.teamId),
  authorize: (team) => ({ action: "webhook.manage", scope: { teamId: team.id } }),
  run: (tx, team, input) => {
    const problem = webhookUrlProblem(input.url, env().WEBHOOK_ALLOW_PRIVATE === "1");
    if (problem) throw refuse("INVALID", problem, { fieldErrors: { url: problem } });
    return createSubscription(tx, team, input);
  },
  revalidate: () => ["/admin/webhooks"],
  notFound: "That team no longer exists.",
});

/** Removes a webhook (with its delivery log). Same people as adding one. */
export const deleteWebhookAction = guardedAction({
  name: "webhooks.delete",
  schema: DeleteWebhookSchema,
  load: (tx, input) => loadSubscription(tx, input.subscriptionId),
  authorize: (sub) => ({ action: "webhook.manage", scope: { teamId: sub.teamId } }),
  run: (tx, sub) => deleteSubscription(tx, sub),
  revalidate: () => ["/admin/webhooks"],
  notFound: "That webhook no longer exists.",
});
