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

export const ITEM_LEVELS = ["THEME", "EPIC", "FEATURE", "STORY"] as const;

/** Which level a parent must be, per level (null: no parent allowed). */
export const PARENT_LEVEL = { THEME: null, EPIC: "THEME", FEATURE: "EPIC", STORY: "FEATURE" } as const;

const id = z.coerce.number().int().positive();
const title = z.string().trim().min(3, "A title needs at least 3 characters").max(200, "Keep the title under 200 characters");
const estimate = z.coerce.number().int().min(0, "Points cannot be negative").max(100, "Split anything over 100 points");
const briefUrl = z
  .union([z.literal(""), z.string().trim().url("Enter a full link, e.g. https://…").regex(/^https?:\/\//i, "Use an http:// or https:// link")])
  .nullable()
  .optional()
  .transform((v) => v || null);

/**
 * A new backlog item. Features and stories go into a team's backlog (`teamId`); themes and epics into the
 * portfolio (`teamId` null). The parent is optional and must be one level up (epic → feature → story).
 */
export const CreateItemSchema = z
  .object({
    teamId: id.nullable(),
    level: z.enum(ITEM_LEVELS, { message: "Choose a level" }),
    parentId: id.nullable().default(null),
    title,
    isTask: z.boolean().default(false),
    estimate: estimate.nullable().default(null),
    ownerPersonId: id.nullable().default(null),
    acceptanceCriteria: optionalText(10_000).default(""),
    briefUrl,
  })
  .superRefine((v, ctx) => {
    const portfolio = v.level === "THEME" || v.level === "EPIC";
    if (portfolio && v.teamId !== null) ctx.addIssue({ code: "custom", path: ["teamId"], message: "Themes and epics belong to the portfolio, not a team" });
    if (!portfolio && v.teamId === null) ctx.addIssue({ code: "custom", path: ["teamId"], message: "Choose the team whose backlog it goes into" });
    if (v.isTask && v.level !== "STORY") ctx.addIssue({ code: "custom", path: ["isTask"], message: "Only a story can be a task" });
    if (v.level === "THEME" && v.parentId !== null) ctx.addIssue({ code: "custom", path: ["parentId"], message: "A theme has no parent" });
  });
export type CreateItemInput = z.input<typeof CreateItemSchema>;

/** A status change on its own (kanban moves, quick status edits), with the version the caller saw. */
export const SetItemStatusSchema = z.object({
  itemId: id,
  version: id,
  status: z.enum(ITEM_STATUSES, { message: "Choose a status" }),
});

const score = (label: string) =>
  z.coerce.number().int(`${label} is a whole number`).min(0, `${label} is 0–100`).max(100, `${label} is 0–100`).nullable();

/** A theme's or epic's portfolio fields: WSJF inputs, value theme, planning interval, status. Leaders only. */
export const UpdatePortfolioItemSchema = z.object({
  itemId: id,
  version: id,
  title,
  status: z.enum(PORTFOLIO_STATUSES, { message: "Choose a portfolio status" }),
  businessValue: score("Business value"),
  timeCriticality: score("Time criticality"),
  riskReduction: score("Risk reduction"),
  jobSize: z.coerce.number().int("Job size is a whole number").min(1, "Job size is at least 1").max(100, "Job size is at most 100").nullable(),
  valueTheme: optionalText(80).nullable().transform((v) => v || null),
  /** The planning interval it is planned into (lib/planning), or none. */
  planningIntervalId: id.nullable(),
});
export type UpdatePortfolioItemInput = z.input<typeof UpdatePortfolioItemSchema>;

/** "a story", "an epic": a level with its article, for messages. */
export function aLevel(level: (typeof ITEM_LEVELS)[number]): string {
  return level === "EPIC" ? "an epic" : `a ${level.toLowerCase()}`;
}
