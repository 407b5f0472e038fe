import { z } from "zod";
import { idField, intField, numberField, optionalIdField, textField, versionField } from "@/lib/validation/fields";

const id = idField();
const version = versionField();

/** Generate the next sprints of a team from its cadence. */
export const GenerateSprintsSchema = z.object({
  teamId: id,
  count: intField({ label: "The number of sprints", min: 1, max: 6, minMessage: "Generate at least one sprint", maxMessage: "Generate at most six sprints at a time" }),
});

export const UpdateSprintGoalSchema = z.object({
  sprintId: id,
  version,
  goal: textField({ label: "The goal", max: 500, multiline: true, maxMessage: "Keep the goal under 500 characters" }),
});
export type UpdateSprintGoalInput = z.input<typeof UpdateSprintGoalSchema>;

/** Days off of one member in one sprint (half days allowed). */
export const SetAvailabilitySchema = z.object({
  sprintId: id,
  personId: id,
  daysOff: numberField({ label: "Days off", min: 0, max: 30, minMessage: "Days off cannot be negative", maxMessage: "At most 30 days" })
    .refine((v) => Number.isInteger(v * 2), "Use whole or half days"),
});
export type SetAvailabilityInput = z.input<typeof SetAvailabilitySchema>;

/** A story into or out of a sprint's scope. */
export const SprintScopeSchema = z.object({ sprintId: id, itemId: id });
export type SprintScopeInput = z.input<typeof SprintScopeSchema>;

export const StartSprintSchema = z.object({ sprintId: id, version });

export const CloseSprintSchema = z.object({
  sprintId: id,
  version,
  goalMet: z.boolean({ message: "Say whether the sprint goal was met" }),
});
export type CloseSprintInput = z.input<typeof CloseSprintSchema>;

export const AddRetroActionSchema = z.object({
  sprintId: id,
  title: textField({ label: "The action", min: 3, max: 200, minMessage: "Describe the action in at least 3 characters", maxMessage: "Keep it under 200 characters" }),
  ownerPersonId: optionalIdField("Choose a person from the list").default(null),
});
export type AddRetroActionInput = z.input<typeof AddRetroActionSchema>;

export const SetRetroActionDoneSchema = z.object({ actionId: id, version, done: z.boolean() });
