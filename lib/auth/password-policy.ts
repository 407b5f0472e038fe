import { z } from "zod";
import { unsafeTextReason } from "@/lib/validation/fields";

/**
 * The one password policy (ASVS 5.0 V6.2): at least 12 characters, at most 128, any characters (spaces and
 * emoji welcome; NFC-normalised so the same password typed on two keyboards matches; never trimmed or
 * truncated), and not a common password (./common-passwords.ts, checked on the server where the list lives).
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const length = (s: string) => [...s].length;

/** The shape part of the policy, usable in forms and schemas (client-safe: no list). */
export function passwordField() {
  return z
    .string({ message: "Enter a password" })
    .superRefine((s, ctx) => {
      const reason = unsafeTextReason(s);
      if (reason) ctx.addIssue({ code: "custom", message: `The password ${reason}` });
    })
    .transform((s) => s.normalize("NFC"))
    .refine((s) => length(s) >= PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
    .refine((s) => length(s) <= PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`);
}
