import { z } from "zod";
import { idField, listField } from "@/lib/validation/fields";
import { NOTICE_KINDS } from "./preferences";

const KINDS = NOTICE_KINDS.map((k) => k.kind) as [string, ...string[]];

/** A person's e-mail choice per kind of notice (the person is checked against the caller). */
export const SavePreferencesSchema = z.object({
  personId: idField(),
  choices: listField(
    z.object({
      kind: z.enum(KINDS, { message: "Unknown kind of notice" }),
      email: z.enum(["OFF", "IMMEDIATE", "DAILY", "WEEKLY"], { message: "Choose how you want the e-mail" }),
    }),
    { min: 1, max: NOTICE_KINDS.length },
  ),
});
