"use server";

import { guardedAction } from "@/lib/actions/guarded";
import { loadNotifications, markNotificationsRead } from "./mutations";
import { MarkNotificationsReadSchema } from "./schema";

/**
 * Marks notifications read (one, or every one shown in the inbox). Allowed: their recipient only — a batch
 * with anyone else's notification in it is refused whole.
 */
export const markNotificationsReadAction = guardedAction({
  name: "notifications.markRead",
  schema: MarkNotificationsReadSchema,
  load: async (tx, input) => {
    const ids = [...new Set(input.notificationIds)];
    const rows = await loadNotifications(tx, ids);
    return rows.length === ids.length ? rows : null;
  },
  authorize: (rows) => {
    const recipients = new Set(rows.map((r) => r.recipientId));
    return { action: "notification.read", scope: { ownerPersonId: recipients.size === 1 ? rows[0]!.recipientId : null } };
  },
  run: (tx, rows) => markNotificationsRead(tx, rows),
  revalidate: () => ["/inbox"],
  notFound: "That notification no longer exists.",
});
