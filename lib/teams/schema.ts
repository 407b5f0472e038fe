import { z } from "zod";
import { dayField, idField, intField, optionalIdField, textField, utcDay, versionField } from "@/lib/validation/fields";
import { MEMBER_ROLES } from "./rules";

export const TEAM_KINDS = ["DELIVERY_POD", "SHARED_SERVICE"] as const;
export const TEAM_SHAPES = ["CROSS_FUNCTIONAL", "FUNCTIONAL", "HYBRID"] as const;
export const DECISION_MODES = ["TEAM_OWNS", "NEEDS_APPROVAL"] as const;

const id = idField();
const version = versionField();
const optionalId = optionalIdField();

/** A calendar day as `YYYY-MM-DD` within the sane range, read as UTC midnight (how Prisma stores a `@db.Date`). */
const isoDay = dayField({ label: "The first sprint's start" }).transform(utcDay);

const role = z.enum(MEMBER_ROLES, { message: "Choose a role" });
const allocationPct = intField({ label: "The allocation", min: 1, max: 100, minMessage: "At least 1%", maxMessage: "At most 100%" });

const teamFields = {
  name: textField({ label: "The name", min: 2, max: 60, minMessage: "A name needs at least 2 characters", maxMessage: "Keep the name under 60 characters" }),
  kind: z.enum(TEAM_KINDS, { message: "Choose a kind" }),
  shape: z.enum(TEAM_SHAPES, { message: "Choose a shape" }),
  mission: textField({ label: "The mission", max: 1000, multiline: true, maxMessage: "Keep the mission under 1,000 characters" }).default(""),
  valueStreamId: optionalId,
  /** Sprint length in working days (the database allows 1–30). */
  cadenceDays: intField({ label: "The sprint length", min: 1, max: 30, minMessage: "At least 1 working day", maxMessage: "At most 30 working days" }),
  cadenceAnchor: isoDay,
  wipLimit: intField({ label: "The WIP limit", min: 1, max: 99, minMessage: "At least 1", maxMessage: "At most 99" }),
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
  personId: idField("Choose a person"),
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
  toTeamId: idField("Choose a team"),
  role,
  allocationPct,
  replaceProductOwner: z.boolean().default(false),
});
export type MoveMemberInput = z.input<typeof MoveMemberSchema>;

export const RemoveMemberSchema = z.object({ membershipId: id, version });

const decisionShape = {
  decision: textField({ label: "The decision", min: 3, max: 200, minMessage: "Describe the decision in at least 3 characters", maxMessage: "Keep it under 200 characters" }),
  mode: z.enum(DECISION_MODES, { message: "Choose who decides" }),
  approverPersonId: optionalId,
  approverRole: textField({ label: "The approver's role", max: 120, maxMessage: "Keep it under 120 characters" })
    .nullable()
    .transform((v) => v || null),
  responseHours: intField({ label: "The response time", min: 1, max: 2000, minMessage: "At least 1 hour", maxMessage: "At most 2,000 hours" }).nullable(),
  escalationRoute: textField({ label: "The escalation route", max: 300, maxMessage: "Keep it under 300 characters" }).default(""),
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
