import { z } from "zod";
import { isoDay } from "@/lib/dependencies/schema";

const id = z.coerce.number().int().positive().max(2_147_483_647);
const version = z.coerce.number().int().positive();

export const TURNAROUND_UNITS = ["BUSINESS_HOURS", "BUSINESS_DAYS"] as const;
export const INTAKE_METHODS = ["TICKET", "MEETING", "ASYNC_FORM"] as const;

/** One step of an escalation path: a named person, or a role to route to. */
const EscalationStepSchema = z
  .object({
    personId: z.union([z.literal(""), z.null(), id]).transform((v) => (v === "" || v === null ? null : v)),
    role: z.string().trim().max(80, "Keep the role under 80 characters").default(""),
  })
  .refine((s) => s.personId !== null || s.role !== "", { message: "Choose a person or name a role", path: ["role"] })
  .transform((s) => ({ personId: s.personId, role: s.role === "" ? null : s.role }));

const slaFields = {
  requestType: z.string().trim().min(2, "Name the request type").max(80, "Keep it under 80 characters"),
  requestDays: z
    .array(z.coerce.number().int().min(1).max(7))
    .min(1, "Pick at least one day requests are taken")
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  turnaround: z.coerce.number({ message: "Enter a number" }).int("Use a whole number").min(1, "At least 1").max(400, "At most 400"),
  turnaroundUnit: z.enum(TURNAROUND_UNITS, { message: "Choose hours or days" }),
  intakeMethod: z.enum(INTAKE_METHODS, { message: "Choose an intake method" }),
  active: z.boolean().default(true),
  escalation: z.array(EscalationStepSchema).max(6, "Keep the path to six steps or fewer").default([]),
};

export const CreateSlaSchema = z.object({ teamId: id, ...slaFields });
export type CreateSlaInput = z.input<typeof CreateSlaSchema>;

export const UpdateSlaSchema = z.object({ slaId: id, version, ...slaFields });
export type UpdateSlaInput = z.input<typeof UpdateSlaSchema>;

export const AddHolidaySchema = z.object({
  date: isoDay("Enter the date as YYYY-MM-DD"),
  name: z.string().trim().min(2, "Name the holiday").max(80, "Keep it under 80 characters"),
});
export const RemoveHolidaySchema = z.object({ holidayId: id });

export const FileRequestSchema = z.object({
  slaId: z.coerce.number({ message: "Choose what you need" }).int().positive("Choose what you need"),
  requestingTeamId: z.coerce.number({ message: "Choose your team" }).int().positive("Choose your team"),
  title: z.string().trim().min(3, "A title needs at least 3 characters").max(200, "Keep the title under 200 characters"),
  description: z.string().trim().max(5000, "Keep it under 5,000 characters").default(""),
  itemId: z.union([z.literal(""), z.null(), id]).transform((v) => (v === "" || v === null ? null : v)).default(null),
});
export type FileRequestInput = z.input<typeof FileRequestSchema>;

/** Accept a request (and/or assign it): the assignee defaults to whoever accepts. */
export const AcceptRequestSchema = z.object({
  requestId: id,
  version,
  assigneeId: z.union([z.literal(""), z.null(), id]).transform((v) => (v === "" || v === null ? null : v)).default(null),
});
export const DeliverRequestSchema = z.object({ requestId: id, version });
export const EscalateRequestSchema = z.object({
  requestId: id,
  version,
  reason: z.string().trim().min(3, "Say why you are escalating").max(1000, "Keep it under 1,000 characters"),
});
