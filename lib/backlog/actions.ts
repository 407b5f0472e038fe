"use server";

import { guardedAction } from "@/lib/actions/guarded";
import { refuse } from "@/lib/actions/result";
import { can } from "@/lib/auth/permissions";
import {
  changesOwnerOnlyFields,
  createItem,
  loadCreateTarget,
  loadItem,
  loadPortfolioItem,
  moveItem,
  setItemStatus,
  updateItem,
  updatePortfolioItem,
} from "./mutations";
import { CreateItemSchema, MoveItemSchema, SetItemStatusSchema, UpdateItemSchema, UpdatePortfolioItemSchema } from "./schema";

const BACKLOG_PATHS = ["/backlogs", "/portfolio", "/teams"];

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

/**
 * Creates a backlog item: a feature or story in a team's backlog (the team's product owner or a leader: rule 7,
 * stakeholder work enters through the backlog owner), or a theme or epic in the portfolio (leaders). Items are
 * never created in a sprint; planning moves ready stories in. Decomposing is creating with a parent one level up.
 */
export const createItemAction = guardedAction({
  name: "backlog.createItem",
  schema: CreateItemSchema,
  load: (tx, input) => loadCreateTarget(tx, input.teamId),
  authorize: (target) =>
    target.teamId === null ? { action: "portfolio.edit" } : { action: "backlog.create", scope: { teamId: target.teamId } },
  run: (tx, target, input, principal) => createItem(tx, target, input, principal.userId),
  revalidate: (data, input) => [...BACKLOG_PATHS, ...(input.parentId ? [`/items/${input.parentId}`] : []), `/items/${data.id}`],
  notFound: "That team no longer exists.",
});

/**
 * Changes an item's status alone (kanban moves, quick edits), version-checked, recorded in the status history.
 * Epics and themes: leaders; team items: the item's owner, the team's product owner or a leader. Moving an epic
 * into a kanban column above its WIP limit succeeds with a warning.
 */
export const setItemStatusAction = guardedAction({
  name: "backlog.setItemStatus",
  schema: SetItemStatusSchema,
  load: (tx, input) => loadItem(tx, input.itemId),
  authorize: (item) =>
    item.teamId === null
      ? { action: "portfolio.edit" }
      : { action: "item.edit", scope: { teamId: item.teamId, ownerPersonId: item.ownerPersonId } },
  run: (tx, item, input, principal) => setItemStatus(tx, item, input, principal.userId),
  revalidate: (_d, input) => [...BACKLOG_PATHS, `/items/${input.itemId}`],
  notFound: "That item no longer exists.",
});

/** Edits a theme's or epic's WSJF inputs, value theme, planning interval and status. Leaders only. */
export const updatePortfolioItemAction = guardedAction({
  name: "backlog.updatePortfolioItem",
  schema: UpdatePortfolioItemSchema,
  load: (tx, input) => loadPortfolioItem(tx, input.itemId),
  authorize: () => ({ action: "portfolio.edit" }),
  run: (tx, item, input, principal) => updatePortfolioItem(tx, item, input, principal.userId),
  revalidate: (_d, input) => ["/portfolio", `/items/${input.itemId}`],
  notFound: "That theme or epic no longer exists.",
});
