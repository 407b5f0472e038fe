import { z } from "zod";
import { dayField, idField, optionalIdField, textField, versionField } from "@/lib/validation/fields";
import { DEPENDENCY_STATUSES, DEPENDENCY_TYPES } from "./flow";

const id = idField();
const optionalId = optionalIdField();
const version = versionField();

/** A calendar day as `YYYY-MM-DD` that exists (no 31 February), within the sane range of lib/validation/fields. */
export const isoDay = (message: string) => dayField({ message });

export const LogDependencySchema = z
  .object({
    fromTeamId: id,
    fromItemId: optionalId.default(null),
    toTeamId: idField("Choose the team or service you need something from"),
    toItemId: optionalId.default(null),
    type: z.enum(DEPENDENCY_TYPES, { message: "Choose a type" }),
    description: textField({ label: "The description", min: 5, max: 2000, multiline: true, minMessage: "Say what you need in a few words", maxMessage: "Keep it under 2,000 characters" }),
    fromOwnerId: idField("Choose who owns it on your side"),
    toOwnerId: idField("Choose who owns it on their side"),
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
    reason: textField({ label: "The reason", max: 1000, multiline: true, maxMessage: "Keep it under 1,000 characters" }).default(""),
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
  note: textField({ label: "The note", max: 1000, multiline: true, maxMessage: "Keep it under 1,000 characters" }).default(""),
});
export type ChangeDependencyStatusInput = z.input<typeof ChangeDependencyStatusSchema>;
