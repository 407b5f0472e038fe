import { z } from "zod";

const id = z.coerce.number().int().positive();

/** Generate the next sprints of a team from its cadence. */
export const GenerateSprintsSchema = z.object({
  teamId: id,
  count: z.coerce.number().int().min(1, "Generate at least one sprint").max(6, "Generate at most six sprints at a time"),
});

export const UpdateSprintGoalSchema = z.object({
  sprintId: id,
  version: id,
  goal: z.string().trim().max(500, "Keep the goal under 500 characters"),
});
export type UpdateSprintGoalInput = z.input<typeof UpdateSprintGoalSchema>;

/** Days off of one member in one sprint (half days allowed). */
export const SetAvailabilitySchema = z.object({
  sprintId: id,
  personId: id,
  daysOff: z.coerce
    .number({ message: "Enter a number of days" })
    .min(0, "Days off cannot be negative")
    .max(30, "At most 30 days")
    .refine((v) => Number.isInteger(v * 2), "Use whole or half days"),
});
export type SetAvailabilityInput = z.input<typeof SetAvailabilitySchema>;

/** A story into or out of a sprint's scope. */
export const SprintScopeSchema = z.object({ sprintId: id, itemId: id });
export type SprintScopeInput = z.input<typeof SprintScopeSchema>;

export const StartSprintSchema = z.object({ sprintId: id, version: id });

export const CloseSprintSchema = z.object({
  sprintId: id,
  version: id,
  goalMet: z.boolean({ message: "Say whether the sprint goal was met" }),
});
export type CloseSprintInput = z.input<typeof CloseSprintSchema>;

export const AddRetroActionSchema = z.object({
  sprintId: id,
  title: z.string().trim().min(3, "Describe the action in at least 3 characters").max(200, "Keep it under 200 characters"),
  ownerPersonId: id.nullable().default(null),
});
export type AddRetroActionInput = z.input<typeof AddRetroActionSchema>;

export const SetRetroActionDoneSchema = z.object({ actionId: id, version: id, done: z.boolean() });
