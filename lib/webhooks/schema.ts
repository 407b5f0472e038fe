import { z } from "zod";
import { idField, listField, optionalIdField, textField } from "@/lib/validation/fields";

/** A webhook: organisation-wide (`teamId` null, JSON signed) or a team's chat channel (Slack or Teams). */
export const CreateWebhookSchema = z
  .object({
    teamId: optionalIdField("Choose a team").default(null),
    format: z.enum(["JSON", "SLACK", "TEAMS"], { message: "Choose the kind of receiver" }),
    url: textField({ label: "The URL", min: 10, max: 2000 }),
    events: listField(z.enum(["item", "dependency", "request"], { message: "Unknown event family" }), { min: 1, max: 3, minMessage: "Choose at least one kind of event" }),
    description: textField({ label: "The description", max: 200 }).default(""),
  });

export const DeleteWebhookSchema = z.object({ subscriptionId: idField() });
