import { z } from "zod";
import { dayField, idField, intField, optionalIdField, textField, versionField } from "@/lib/validation/fields";

/*
 * The planning writes' inputs (shared by the forms and the actions), built on the strict input layer
 * (lib/validation/fields.ts): every id, number, day and text is bounded and hostile text is refused with a message.
 */

const id = idField();
const version = versionField();
const optionalId = optionalIdField();
const description = textField({ label: "The description", max: 4000, multiline: true }).default("");

/** A calendar day `YYYY-MM-DD` that exists, between 2000 and 2100. */
export const planningDay = (message: string) => dayField({ message });

/** Shortest and longest interval, in calendar days (the guidance is 8–12 weeks; 2–26 weeks are accepted). */
export const MIN_INTERVAL_DAYS = 14;
export const MAX_INTERVAL_DAYS = 182;

const DAY_MS = 86_400_000;
const spanDays = (start: string, end: string) => Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS) + 1;

const intervalFields = {
  name: textField({ label: "The name", min: 2, max: 60 }),
  startDate: planningDay("Enter the first day"),
  endDate: planningDay("Enter the last day"),
};

function checkSpan(v: { startDate: string; endDate: string }, ctx: z.RefinementCtx) {
  if (v.endDate < v.startDate) {
    ctx.addIssue({ code: "custom", path: ["endDate"], message: "The last day comes after the first" });
    return;
  }
  const days = spanDays(v.startDate, v.endDate);
  if (days < MIN_INTERVAL_DAYS) ctx.addIssue({ code: "custom", path: ["endDate"], message: `An interval lasts at least ${MIN_INTERVAL_DAYS / 7} weeks` });
  if (days > MAX_INTERVAL_DAYS) ctx.addIssue({ code: "custom", path: ["endDate"], message: `An interval lasts at most ${MAX_INTERVAL_DAYS / 7} weeks` });
}

/** A new planning interval. Leaders. */
export const CreateIntervalSchema = z.object(intervalFields).superRefine(checkSpan);
export type CreateIntervalInput = z.input<typeof CreateIntervalSchema>;

/** Rename or move an interval that is still being planned. Leaders. */
export const UpdateIntervalSchema = z.object({ intervalId: id, version, ...intervalFields }).superRefine(checkSpan);
export type UpdateIntervalInput = z.input<typeof UpdateIntervalSchema>;

export const INTERVAL_STATES = ["PLANNING", "COMMITTED", "RUNNING", "CLOSED"] as const;

/** Move an interval along PLANNING → COMMITTED → RUNNING → CLOSED (lib/planning/states.ts). Leaders. */
export const SetIntervalStateSchema = z.object({
  intervalId: id,
  version,
  state: z.enum(INTERVAL_STATES, { message: "Choose a state" }),
});

/**
 * Plan a feature: into an interval (or out of it with `intervalId` null), onto one of its team's sprints in the
 * interval or none yet, optionally handing it to another team. The feature's version guards concurrent drags.
 */
export const PlanFeatureSchema = z.object({
  featureId: id,
  version,
  intervalId: optionalId,
  sprintId: optionalId.default(null),
  teamId: optionalId.default(null),
});
export type PlanFeatureInput = z.input<typeof PlanFeatureSchema>;

const objectiveFields = {
  title: textField({ label: "The objective", min: 3, max: 200 }),
  description,
  committed: z.boolean({ message: "Say whether the team commits to it" }).default(true),
};

/** A team's objective for an interval. The team's product owner or agile lead, or a leader. */
export const CreateObjectiveSchema = z.object({ intervalId: id, teamId: id, ...objectiveFields });
export type CreateIntervalObjectiveInput = z.input<typeof CreateObjectiveSchema>;

export const UpdateObjectiveSchema = z.object({ objectiveId: id, version, ...objectiveFields });
export type UpdateIntervalObjectiveInput = z.input<typeof UpdateObjectiveSchema>;

export const DeleteObjectiveSchema = z.object({ objectiveId: id, version });

const businessValue = (min: number, label: string) =>
  z.preprocess((v) => (v === "" || v === undefined ? null : v), intField({ label, min, max: 10, message: `${label} is a whole number ${min}–10` }).nullable());

/** Leaders give planned business value (1–10) while planning and actual value (0–10) at the end. */
export const ScoreObjectiveSchema = z.object({
  objectiveId: id,
  version,
  plannedValue: businessValue(1, "Planned value"),
  actualValue: businessValue(0, "Actual value"),
});
export type ScoreObjectiveInput = z.input<typeof ScoreObjectiveSchema>;

export const RISK_STATUSES = ["OPEN", "RESOLVED", "OWNED", "ACCEPTED", "MITIGATED"] as const;

/** A risk raised while planning, with an owner. Anyone delivering in the team, or a leader. */
export const RaiseRiskSchema = z.object({
  intervalId: id,
  teamId: optionalId.default(null),
  itemId: optionalId.default(null),
  title: textField({ label: "The risk", min: 5, max: 200 }),
  description,
  ownerPersonId: idField("Choose who owns it"),
});
export type RaiseRiskInput = z.input<typeof RaiseRiskSchema>;

/** Sort a risk (ROAM) and hand it to an owner. The team's leads, the owner, or a leader. */
export const UpdateRiskSchema = z.object({
  riskId: id,
  version,
  status: z.enum(RISK_STATUSES, { message: "Choose resolved, owned, accepted or mitigated" }),
  ownerPersonId: idField("Choose who owns it"),
  description,
});
export type UpdateRiskInput = z.input<typeof UpdateRiskSchema>;

/** A dated milestone on the board's top lane. Leaders. */
export const AddMilestoneSchema = z.object({ intervalId: id, name: textField({ label: "The name", min: 2, max: 80 }), date: planningDay("Enter the day") });
export const RemoveMilestoneSchema = z.object({ milestoneId: id });
