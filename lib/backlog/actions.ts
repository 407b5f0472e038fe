"use server";

import { guardedAction } from "@/lib/actions/guarded";
import { refuse } from "@/lib/actions/result";
import { can } from "@/lib/auth/permissions";
import { changesOwnerOnlyFields, loadItem, moveItem, updateItem } from "./mutations";
import { MoveItemSchema, UpdateItemSchema } from "./schema";

/**
 * Edits an item (with a version check). Allowed: the item's owner, the team's product owner, leaders; only
 * the product owner or a leader may change the estimate or the owner.
 */
export const updateItemAction = guardedAction({
  name: "backlog.updateItem",
  schema: UpdateItemSchema,
  load: (tx, input) => loadItem(tx, input.itemId),
  authorize: (item) => ({ action: "item.edit", scope: { teamId: item.teamId, ownerPersonId: item.ownerPersonId } }),
  run: (tx, item, input, principal) => {
    if (changesOwnerOnlyFields(item, input) && !can(principal, "backlog.rerank", { teamId: item.teamId })) {
      throw refuse("NOT_ALLOWED", "Only the team's product owner or a leader can change the estimate or the owner.");
    }
    return updateItem(tx, item, input, principal.userId);
  },
  revalidate: (_d, input) => ["/backlogs", "/portfolio", `/items/${input.itemId}`],
  notFound: "That item no longer exists.",
});

/**
 * Re-ranks an item within its backlog. Allowed: the team's product owner or a leader (team items); leaders
 * (portfolio themes and epics).
 */
export const moveItemAction = guardedAction({
  name: "backlog.moveItem",
  schema: MoveItemSchema,
  load: (tx, input) => loadItem(tx, input.itemId),
  authorize: (item) =>
    item.teamId === null ? { action: "portfolio.rerank" } : { action: "backlog.rerank", scope: { teamId: item.teamId } },
  run: (tx, item, input) => moveItem(tx, item, input.afterId),
  revalidate: () => ["/backlogs", "/portfolio"],
  notFound: "That item no longer exists.",
});
