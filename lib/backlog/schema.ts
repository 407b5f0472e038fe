import { z } from "zod";

export const ITEM_STATUSES = [
  "FUNNEL", "REVIEWING", "ANALYZING", "PORTFOLIO_BACKLOG", "IMPLEMENTING",
  "BACKLOG", "READY", "IN_PROGRESS", "BLOCKED", "IN_REVIEW", "DONE", "CANCELLED",
] as const;
export const PORTFOLIO_STATUSES = ["FUNNEL", "REVIEWING", "ANALYZING", "PORTFOLIO_BACKLOG", "IMPLEMENTING", "DONE", "CANCELLED"] as const;
export const TEAM_ITEM_STATUSES = ["BACKLOG", "READY", "IN_PROGRESS", "BLOCKED", "IN_REVIEW", "DONE", "CANCELLED"] as const;

const optionalText = (max: number) => z.string().trim().max(max, `Keep it under ${max} characters`);

export const UpdateItemSchema = z.object({
  itemId: z.coerce.number().int().positive(),
  version: z.coerce.number().int().positive(),
  title: z.string().trim().min(3, "A title needs at least 3 characters").max(200, "Keep the title under 200 characters"),
  description: optionalText(10_000).default(""),
  status: z.enum(ITEM_STATUSES, { message: "Choose a status" }),
  estimate: z.coerce.number().int().min(0, "Points cannot be negative").max(100, "Split anything over 100 points").nullable(),
  acceptanceCriteria: optionalText(10_000).default(""),
  briefUrl: z
    .union([z.literal(""), z.string().trim().url("Enter a full link, e.g. https://…").regex(/^https?:\/\//i, "Use an http:// or https:// link")])
    .nullable()
    .transform((v) => v || null),
  ownerPersonId: z.coerce.number().int().positive().nullable(),
});
export type UpdateItemInput = z.input<typeof UpdateItemSchema>;

/** Place an item directly after another in its rank space (null: at the top). */
export const MoveItemSchema = z.object({
  itemId: z.coerce.number().int().positive(),
  afterId: z.coerce.number().int().positive().nullable(),
});
