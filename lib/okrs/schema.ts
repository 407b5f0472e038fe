import { z } from "zod";

export const OBJECTIVE_LEVELS = ["PORTFOLIO", "VALUE_STREAM", "TEAM"] as const;
export const OBJECTIVE_STATUSES = ["DRAFT", "ACTIVE", "ACHIEVED", "MISSED", "ARCHIVED"] as const;
export const DIRECTIONS = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER"] as const;

/** The cascade: each level's parent is the level above (a portfolio objective has none). */
export const PARENT_LEVEL = { PORTFOLIO: null, VALUE_STREAM: "PORTFOLIO", TEAM: "VALUE_STREAM" } as const;

const id = z.coerce.number().int().positive().max(2_147_483_647);
const optionalId = z.preprocess((v) => (v === "" || v === undefined ? null : v), id.nullable());
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Not a real date");
const title = z.string().trim().min(3, "A title needs at least 3 characters").max(200, "Keep the title under 200 characters");
const number = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z.number({ message: `${label} is a number` }).finite(`${label} is a number`).min(-1e12).max(1e12),
  );

const objectiveFields = {
  title,
  description: z.string().trim().max(5000, "Keep it under 5,000 characters").default(""),
  level: z.enum(OBJECTIVE_LEVELS, { message: "Choose a level" }),
  status: z.enum(OBJECTIVE_STATUSES, { message: "Choose a status" }),
  parentId: optionalId.default(null),
  valueStreamId: optionalId.default(null),
  teamId: optionalId.default(null),
  ownerPersonId: optionalId.default(null),
  periodStart: day,
  periodEnd: day,
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

export const UpdateObjectiveSchema = z.object({ objectiveId: id, version: id, ...objectiveFields }).superRefine(objectiveRules);
export type UpdateObjectiveInput = z.input<typeof UpdateObjectiveSchema>;

const keyResultFields = {
  title,
  unit: z.string().trim().min(1, "Name the unit (%, £, MQLs…)").max(30, "Keep the unit short"),
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

export const UpdateKeyResultSchema = z.object({ keyResultId: id, version: id, ...keyResultFields }).superRefine(keyResultRules);
export type UpdateKeyResultInput = z.input<typeof UpdateKeyResultSchema>;

/** Link or unlink an epic (traceability), with the objective's version. */
export const EpicLinkSchema = z.object({ objectiveId: id, version: id, itemId: id });
export type EpicLinkInput = z.input<typeof EpicLinkSchema>;
