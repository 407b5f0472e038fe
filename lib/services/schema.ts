import { z } from "zod";
import { isoDay } from "@/lib/dependencies/schema";
import { idField, intField, listField, optionalIdField, textField, versionField } from "@/lib/validation/fields";

const id = idField();
const version = versionField();

export const TURNAROUND_UNITS = ["BUSINESS_HOURS", "BUSINESS_DAYS"] as const;
export const INTAKE_METHODS = ["TICKET", "MEETING", "ASYNC_FORM"] as const;

/** One step of an escalation path: a named person, or a role to route to. */
const EscalationStepSchema = z
  .object({
    personId: optionalIdField("Choose a person from the list"),
    role: textField({ label: "The role", max: 80, maxMessage: "Keep the role under 80 characters" }).default(""),
  })
  .refine((s) => s.personId !== null || s.role !== "", { message: "Choose a person or name a role", path: ["role"] })
  .transform((s) => ({ personId: s.personId, role: s.role === "" ? null : s.role }));

const slaFields = {
  requestType: textField({ label: "The request type", min: 2, max: 80, minMessage: "Name the request type", maxMessage: "Keep it under 80 characters" }),
  requestDays: listField(intField({ label: "A weekday", min: 1, max: 7, message: "Pick weekdays from the list" }), { min: 1, max: 7, minMessage: "Pick at least one day requests are taken", maxMessage: "There are only seven days" })
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  turnaround: intField({ label: "The turnaround", min: 1, max: 400, minMessage: "At least 1", maxMessage: "At most 400" }),
  turnaroundUnit: z.enum(TURNAROUND_UNITS, { message: "Choose hours or days" }),
  intakeMethod: z.enum(INTAKE_METHODS, { message: "Choose an intake method" }),
  active: z.boolean().default(true),
  escalation: listField(EscalationStepSchema, { max: 6, maxMessage: "Keep the path to six steps or fewer" }).default([]),
};

export const CreateSlaSchema = z.object({ teamId: id, ...slaFields });
export type CreateSlaInput = z.input<typeof CreateSlaSchema>;

export const UpdateSlaSchema = z.object({ slaId: id, version, ...slaFields });
export type UpdateSlaInput = z.input<typeof UpdateSlaSchema>;

export const AddHolidaySchema = z.object({
  date: isoDay("Enter the date as YYYY-MM-DD"),
  name: textField({ label: "The name", min: 2, max: 80, minMessage: "Name the holiday", maxMessage: "Keep it under 80 characters" }),
});
export const RemoveHolidaySchema = z.object({ holidayId: id });

export const FileRequestSchema = z.object({
  slaId: idField("Choose what you need"),
  requestingTeamId: idField("Choose your team"),
  title: textField({ label: "The title", min: 3, max: 200, minMessage: "A title needs at least 3 characters", maxMessage: "Keep the title under 200 characters" }),
  description: textField({ label: "The description", max: 5000, multiline: true, maxMessage: "Keep it under 5,000 characters" }).default(""),
  itemId: optionalIdField("Choose an item from the list").default(null),
});
export type FileRequestInput = z.input<typeof FileRequestSchema>;

/** Accept a request (and/or assign it): the assignee defaults to whoever accepts. */
export const AcceptRequestSchema = z.object({
  requestId: id,
  version,
  assigneeId: optionalIdField("Choose a person from the list").default(null),
});
export const DeliverRequestSchema = z.object({ requestId: id, version });
export const EscalateRequestSchema = z.object({
  requestId: id,
  version,
  reason: textField({ label: "The reason", min: 3, max: 1000, multiline: true, minMessage: "Say why you are escalating", maxMessage: "Keep it under 1,000 characters" }),
});
