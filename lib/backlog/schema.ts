import { z } from "zod";
import { idField, intField, optionalIdField, optionalUrlField, textField, versionField } from "@/lib/validation/fields";

export const ITEM_STATUSES = [
  "FUNNEL", "REVIEWING", "ANALYZING", "PORTFOLIO_BACKLOG", "IMPLEMENTING",
  "BACKLOG", "READY", "IN_PROGRESS", "BLOCKED", "IN_REVIEW", "DONE", "CANCELLED",
] as const;
export const PORTFOLIO_STATUSES = ["FUNNEL", "REVIEWING", "ANALYZING", "PORTFOLIO_BACKLOG", "IMPLEMENTING", "DONE", "CANCELLED"] as const;
export const TEAM_ITEM_STATUSES = ["BACKLOG", "READY", "IN_PROGRESS", "BLOCKED", "IN_REVIEW", "DONE", "CANCELLED"] as const;

const optionalText = (max: number, label = "This text") =>
  textField({ label, max, multiline: true, maxMessage: `Keep it under ${max.toLocaleString("en-GB")} characters` });

export const UpdateItemSchema = z.object({
  itemId: idField(),
  version: versionField(),
  title: textField({ label: "The title", min: 3, max: 200, minMessage: "A title needs at least 3 characters", maxMessage: "Keep the title under 200 characters" }),
  description: optionalText(10_000, "The description").default(""),
  status: z.enum(ITEM_STATUSES, { message: "Choose a status" }),
  estimate: intField({ label: "The estimate", min: 0, max: 100, minMessage: "Points cannot be negative", maxMessage: "Split anything over 100 points" }).nullable(),
  acceptanceCriteria: optionalText(10_000, "The acceptance criteria").default(""),
  briefUrl: optionalUrlField({ label: "The brief link" }),
  ownerPersonId: optionalIdField("Choose a person from the list"),
});
export type UpdateItemInput = z.input<typeof UpdateItemSchema>;

/** Place an item directly after another in its rank space (null: at the top). */
export const MoveItemSchema = z.object({
  itemId: idField(),
  afterId: optionalIdField(),
});

export const ITEM_LEVELS = ["THEME", "EPIC", "FEATURE", "STORY"] as const;

/** Which level a parent must be, per level (null: no parent allowed). */
export const PARENT_LEVEL = { THEME: null, EPIC: "THEME", FEATURE: "EPIC", STORY: "FEATURE" } as const;

const id = idField();
const title = textField({ label: "The title", min: 3, max: 200, minMessage: "A title needs at least 3 characters", maxMessage: "Keep the title under 200 characters" });
const estimate = intField({ label: "The estimate", min: 0, max: 100, minMessage: "Points cannot be negative", maxMessage: "Split anything over 100 points" });
const briefUrl = optionalUrlField({ label: "The brief link" }).optional().transform((v) => v ?? null);

/**
 * A new backlog item. Features and stories go into a team's backlog (`teamId`); themes and epics into the
 * portfolio (`teamId` null). The parent is optional and must be one level up (epic → feature → story).
 */
export const CreateItemSchema = z
  .object({
    teamId: optionalIdField("Choose a team"),
    level: z.enum(ITEM_LEVELS, { message: "Choose a level" }),
    parentId: optionalIdField("Choose a parent from the list").default(null),
    title,
    isTask: z.boolean().default(false),
    estimate: estimate.nullable().default(null),
    ownerPersonId: optionalIdField("Choose a person from the list").default(null),
    acceptanceCriteria: optionalText(10_000, "The acceptance criteria").default(""),
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
  version: versionField(),
  status: z.enum(ITEM_STATUSES, { message: "Choose a status" }),
});

const score = (label: string) =>
  intField({ label, min: 0, max: 100, minMessage: `${label} is 0–100`, maxMessage: `${label} is 0–100` }).nullable();

/** A theme's or epic's portfolio fields: WSJF inputs, value theme, planning interval, status. Leaders only. */
export const UpdatePortfolioItemSchema = z.object({
  itemId: id,
  version: versionField(),
  title,
  status: z.enum(PORTFOLIO_STATUSES, { message: "Choose a portfolio status" }),
  businessValue: score("Business value"),
  timeCriticality: score("Time criticality"),
  riskReduction: score("Risk reduction"),
  jobSize: intField({ label: "Job size", min: 1, max: 100, minMessage: "Job size is at least 1", maxMessage: "Job size is at most 100" }).nullable(),
  valueTheme: textField({ label: "The value theme", max: 80 }).nullable().transform((v) => v || null),
  /** The planning interval it is planned into (lib/planning), or none. */
  planningIntervalId: optionalIdField("Choose a planning interval from the list"),
});
export type UpdatePortfolioItemInput = z.input<typeof UpdatePortfolioItemSchema>;

/** "a story", "an epic": a level with its article, for messages. */
export function aLevel(level: (typeof ITEM_LEVELS)[number]): string {
  return level === "EPIC" ? "an epic" : `a ${level.toLowerCase()}`;
}
