import { z } from "zod";
import { idField, listField } from "@/lib/validation/fields";

export const MarkNotificationsReadSchema = z.object({
  notificationIds: listField(idField("That notification no longer exists"), { min: 1, max: 200, minMessage: "Nothing to mark", maxMessage: "Mark at most 200 at a time" }),
});
