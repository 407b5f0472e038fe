import { z } from "zod";
import { dayField, idField, numberField, optionalIdField, textField, versionField } from "@/lib/validation/fields";

export const OBJECTIVE_LEVELS = ["PORTFOLIO", "VALUE_STREAM", "TEAM"] as const;
export const OBJECTIVE_STATUSES = ["DRAFT", "ACTIVE", "ACHIEVED", "MISSED", "ARCHIVED"] as const;
export const DIRECTIONS = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER"] as const;

/** The cascade: each level's parent is the level above (a portfolio objective has none). */
export const PARENT_LEVEL = { PORTFOLIO: null, VALUE_STREAM: "PORTFOLIO", TEAM: "VALUE_STREAM" } as const;

const id = idField();
const version = versionField();
const optionalId = optionalIdField();
const day = (label: string) => dayField({ label });
const title = textField({ label: "The title", min: 3, max: 200, minMessage: "A title needs at least 3 characters", maxMessage: "Keep the title under 200 characters" });
const number = (label: string) =>
  numberField({ label, min: -1e12, max: 1e12, minMessage: `${label} is out of range (±1 trillion)`, maxMessage: `${label} is out of range (±1 trillion)` });

const objectiveFields = {
  title,
  description: textField({ label: "The description", max: 5000, multiline: true, maxMessage: "Keep it under 5,000 characters" }).default(""),
  level: z.enum(OBJECTIVE_LEVELS, { message: "Choose a level" }),
  status: z.enum(OBJECTIVE_STATUSES, { message: "Choose a status" }),
  parentId: optionalId.default(null),
  valueStreamId: optionalId.default(null),
  teamId: optionalId.default(null),
  ownerPersonId: optionalId.default(null),
  periodStart: day("The period start"),
  periodEnd: day("The period end"),
};

type ObjectiveShape = { level: (typeof OBJECTIVE_LEVELS)[number]; parentId: number | null; valueStreamId: number | null; teamId: number | null; periodStart: string; periodEnd: string };

/** What the database's db_rule_objective_scope and db_rule_objective_period hold, as field messages. */
function objectiveRules(v: ObjectiveShape, ctx: z.RefinementCtx) {
  if (v.level === "VALUE_STREAM" && v.valueStreamId === null) ctx.addIssue({ code: "custom", path: ["valueStreamId"], message: "Choose the value stream" });
  if (v.level === "TEAM" && v.teamId === null) ctx.addIssue({ code: "custom", path: ["teamId"], message: "Choose the team" });
  if (v.level === "PORTFOLIO" && v.parentId !== null) ctx.addIssue({ code: "custom", path: ["parentId"], message: "A portfolio objective has no parent" });
  if (v.periodEnd < v.periodStart) ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "The period ends before it starts" });
}

export const CreateObjectiveSchema = z.object(objectiveFields).superRefine(objectiveRules);
export type CreateObjectiveInput = z.input<typeof CreateObjectiveSchema>;

export const UpdateObjectiveSchema = z.object({ objectiveId: id, version, ...objectiveFields }).superRefine(objectiveRules);
export type UpdateObjectiveInput = z.input<typeof UpdateObjectiveSchema>;

const keyResultFields = {
  title,
  unit: textField({ label: "The unit", min: 1, max: 30, minMessage: "Name the unit (%, £, MQLs…)", maxMessage: "Keep the unit short" }),
  baseline: number("The baseline"),
  target: number("The target"),
  current: number("The current value"),
  direction: z.enum(DIRECTIONS, { message: "Choose a direction" }),
};

type KeyResultShape = { baseline: number; target: number; direction: (typeof DIRECTIONS)[number] };

/** A target has to be a move in the key result's direction from the baseline, or progress means nothing. */
function keyResultRules(v: KeyResultShape, ctx: z.RefinementCtx) {
  if (v.direction === "HIGHER_IS_BETTER" && !(v.target > v.baseline)) {
    ctx.addIssue({ code: "custom", path: ["target"], message: "Higher is better: the target must be above the baseline" });
  }
  if (v.direction === "LOWER_IS_BETTER" && !(v.target < v.baseline)) {
    ctx.addIssue({ code: "custom", path: ["target"], message: "Lower is better: the target must be below the baseline" });
  }
}

export const CreateKeyResultSchema = z.object({ objectiveId: id, ...keyResultFields }).superRefine(keyResultRules);
export type CreateKeyResultInput = z.input<typeof CreateKeyResultSchema>;

export const UpdateKeyResultSchema = z.object({ keyResultId: id, version, ...keyResultFields }).superRefine(keyResultRules);
export type UpdateKeyResultInput = z.input<typeof UpdateKeyResultSchema>;

/** Link or unlink an epic (traceability), with the objective's version. */
export const EpicLinkSchema = z.object({ objectiveId: id, version, itemId: id });
export type EpicLinkInput = z.input<typeof EpicLinkSchema>;
