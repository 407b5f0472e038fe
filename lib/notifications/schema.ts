import { z } from "zod";

export const MarkNotificationsReadSchema = z.object({
  notificationIds: z.array(z.coerce.number().int().positive().max(2_147_483_647)).min(1, "Nothing to mark").max(200),
});
