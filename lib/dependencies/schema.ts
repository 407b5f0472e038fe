import { z } from "zod";
import { DEPENDENCY_STATUSES, DEPENDENCY_TYPES } from "./flow";

const id = z.coerce.number().int().positive().max(2_147_483_647);
const optionalId = z
  .union([z.literal(""), z.null(), id])
  .transform((v) => (v === "" || v === null ? null : v));
const version = z.coerce.number().int().positive();

/** A calendar day as `YYYY-MM-DD` that exists (no 31 February). */
export const isoDay = (message: string) =>
  z
    .string({ message })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((text) => {
      const date = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
    }, message);

export const LogDependencySchema = z
  .object({
    fromTeamId: id,
    fromItemId: optionalId.default(null),
    toTeamId: z.coerce.number({ message: "Choose the team or service you need something from" }).int().positive("Choose the team or service you need something from"),
    toItemId: optionalId.default(null),
    type: z.enum(DEPENDENCY_TYPES, { message: "Choose a type" }),
    description: z.string().trim().min(5, "Say what you need in a few words").max(2000, "Keep it under 2,000 characters"),
    fromOwnerId: z.coerce.number({ message: "Choose who owns it on your side" }).int().positive("Choose who owns it on your side"),
    toOwnerId: z.coerce.number({ message: "Choose who owns it on their side" }).int().positive("Choose who owns it on their side"),
    neededBy: isoDay("Enter the date you need it by"),
  })
  .refine((v) => v.fromTeamId !== v.toTeamId, { path: ["toTeamId"], message: "A team cannot depend on itself" });
export type LogDependencyInput = z.input<typeof LogDependencySchema>;

export const RESPONSES = ["ACCEPT", "REJECT", "PROPOSE_DATE"] as const;

/** The providing side's answer: accept, reject with a reason, or propose another date (with an optional note). */
export const RespondToDependencySchema = z
  .object({
    dependencyId: id,
    version,
    response: z.enum(RESPONSES, { message: "Choose an answer" }),
    reason: z.string().trim().max(1000, "Keep it under 1,000 characters").default(""),
    proposedDate: z.union([z.literal(""), z.null(), isoDay("Enter the date you can deliver by")]).default(null),
  })
  .superRefine((v, ctx) => {
    if (v.response === "REJECT" && v.reason.length < 5) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Give the requesting team a reason (at least 5 characters)" });
    }
    if (v.response === "PROPOSE_DATE" && !v.proposedDate) {
      ctx.addIssue({ code: "custom", path: ["proposedDate"], message: "Enter the date you can deliver by" });
    }
  })
  .transform((v) => ({ ...v, proposedDate: v.proposedDate || null }));
export type RespondToDependencyInput = z.input<typeof RespondToDependencySchema>;

/** The waiting side's answer to a proposed date: take it (it becomes the needed-by date) or keep theirs. */
export const AnswerProposalSchema = z.object({ dependencyId: id, version, accept: z.boolean() });

export const ChangeDependencyStatusSchema = z.object({
  dependencyId: id,
  version,
  status: z.enum(DEPENDENCY_STATUSES, { message: "Choose a status" }),
  note: z.string().trim().max(1000, "Keep it under 1,000 characters").default(""),
});
export type ChangeDependencyStatusInput = z.input<typeof ChangeDependencyStatusSchema>;
