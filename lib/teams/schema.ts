import { z } from "zod";
import { MEMBER_ROLES } from "./rules";

export const TEAM_KINDS = ["DELIVERY_POD", "SHARED_SERVICE"] as const;
export const TEAM_SHAPES = ["CROSS_FUNCTIONAL", "FUNCTIONAL", "HYBRID"] as const;
export const DECISION_MODES = ["TEAM_OWNS", "NEEDS_APPROVAL"] as const;

const id = z.coerce.number().int().positive();
const version = z.coerce.number().int().positive();
const optionalId = z.coerce.number().int().positive().nullable();

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day as `YYYY-MM-DD`, read as UTC midnight (how Prisma stores a `@db.Date`). */
const isoDay = z
  .string()
  .trim()
  .regex(ISO_DAY, "Enter a date like 2026-01-05")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "That date does not exist")
  .transform((s) => new Date(`${s}T00:00:00Z`));

const role = z.enum(MEMBER_ROLES, { message: "Choose a role" });
const allocationPct = z.coerce
  .number({ message: "Enter a percentage" })
  .int("Use a whole percentage")
  .min(1, "At least 1%")
  .max(100, "At most 100%");

const teamFields = {
  name: z.string().trim().min(2, "A name needs at least 2 characters").max(60, "Keep the name under 60 characters"),
  kind: z.enum(TEAM_KINDS, { message: "Choose a kind" }),
  shape: z.enum(TEAM_SHAPES, { message: "Choose a shape" }),
  mission: z.string().trim().max(1000, "Keep the mission under 1,000 characters").default(""),
  valueStreamId: optionalId,
  /** Sprint length in working days (the database allows 1–30). */
  cadenceDays: z.coerce.number({ message: "Enter a number of days" }).int("Use whole days").min(1, "At least 1 working day").max(30, "At most 30 working days"),
  cadenceAnchor: isoDay,
  wipLimit: z.coerce.number({ message: "Enter a number" }).int("Use a whole number").min(1, "At least 1").max(99, "At most 99"),
  requiresBriefLink: z.boolean(),
};

export const CreateTeamSchema = z.object(teamFields);
export type CreateTeamInput = z.input<typeof CreateTeamSchema>;

export const UpdateTeamSchema = z.object({ teamId: id, version, ...teamFields });
export type UpdateTeamInput = z.input<typeof UpdateTeamSchema>;

/**
 * `replaceProductOwner`: when the role is PRODUCT_OWNER and the team has another one, the action asks first
 * (CONFLICT with fieldErrors.replaceProductOwner); sent again with true, the current owner leaves the team.
 */
export const AddMemberSchema = z.object({
  teamId: id,
  personId: z.coerce.number({ message: "Choose a person" }).int().positive("Choose a person"),
  role,
  allocationPct,
  replaceProductOwner: z.boolean().default(false),
});
export type AddMemberInput = z.input<typeof AddMemberSchema>;

export const UpdateMemberSchema = z.object({
  membershipId: id,
  version,
  role,
  allocationPct,
  replaceProductOwner: z.boolean().default(false),
});
export type UpdateMemberInput = z.input<typeof UpdateMemberSchema>;

/** Moves a membership to another team, with the role and allocation it will have there. */
export const MoveMemberSchema = z.object({
  membershipId: id,
  version,
  toTeamId: z.coerce.number({ message: "Choose a team" }).int().positive("Choose a team"),
  role,
  allocationPct,
  replaceProductOwner: z.boolean().default(false),
});
export type MoveMemberInput = z.input<typeof MoveMemberSchema>;

export const RemoveMemberSchema = z.object({ membershipId: id, version });

const decisionShape = {
  decision: z.string().trim().min(3, "Describe the decision in at least 3 characters").max(200, "Keep it under 200 characters"),
  mode: z.enum(DECISION_MODES, { message: "Choose who decides" }),
  approverPersonId: optionalId,
  approverRole: z
    .string()
    .trim()
    .max(120, "Keep it under 120 characters")
    .nullable()
    .transform((v) => v || null),
  responseHours: z.coerce.number({ message: "Enter hours" }).int("Use whole hours").min(1, "At least 1 hour").max(2000, "At most 2,000 hours").nullable(),
  escalationRoute: z.string().trim().max(300, "Keep it under 300 characters").default(""),
};

interface DecisionValues {
  mode: (typeof DECISION_MODES)[number];
  approverPersonId: number | null;
  approverRole: string | null;
  responseHours: number | null;
}

/** A decision that needs approval names who approves (a person or a role) and within how many hours. */
function checkApproval(v: DecisionValues, ctx: z.RefinementCtx): void {
  if (v.mode !== "NEEDS_APPROVAL") return;
  if (v.approverPersonId === null && v.approverRole === null) {
    ctx.addIssue({ code: "custom", path: ["approverPersonId"], message: "Name who approves: a person or a role" });
  }
  if (v.responseHours === null) {
    ctx.addIssue({ code: "custom", path: ["responseHours"], message: "Say within how many hours they answer" });
  }
}

/** A decision the team owns has no approver and no response time. */
function clearApproval<V extends DecisionValues>(v: V): V {
  return v.mode === "TEAM_OWNS" ? { ...v, approverPersonId: null, approverRole: null, responseHours: null } : v;
}

/**
 * Decision rights have no version of their own: they are part of the team's set-up, so their edits are
 * checked against (and bump) the team's version.
 */
export const CreateDecisionRightSchema = z
  .object({ teamId: id, teamVersion: version, ...decisionShape })
  .superRefine(checkApproval)
  .transform(clearApproval);
export type CreateDecisionRightInput = z.input<typeof CreateDecisionRightSchema>;

export const UpdateDecisionRightSchema = z
  .object({ decisionRightId: id, teamVersion: version, ...decisionShape })
  .superRefine(checkApproval)
  .transform(clearApproval);
export type UpdateDecisionRightInput = z.input<typeof UpdateDecisionRightSchema>;

export const DeleteDecisionRightSchema = z.object({ decisionRightId: id, teamVersion: version });
