import { z } from "zod";
import { idField, intField, textField } from "@/lib/validation/fields";

/** A new personal access token for the caller's own account (`userId` is checked against the caller). */
export const CreateApiTokenSchema = z.object({
  userId: idField(),
  name: textField({ label: "The name", min: 3, max: 80, minMessage: "Name the token (what uses it), at least 3 characters" }),
  scope: z.enum(["READ", "READ_WRITE"], { message: "Choose read only or read and write" }),
  expiresInDays: intField({ label: "The lifetime", min: 1, max: 365, message: "Choose a lifetime from 1 to 365 days" }),
});

export const RevokeApiTokenSchema = z.object({ tokenId: idField() });
