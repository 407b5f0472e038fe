import { z } from "zod";

export const ORG_ROLES = ["ADMIN", "LEADER", "MEMBER", "VIEWER"] as const;

const email = z.string().trim().toLowerCase().email("Enter an email address like name@company.com").max(254);
const personId = z.coerce.number().int().positive().nullable();
const id = z.coerce.number().int().positive();
const version = z.coerce.number().int().positive();

export const CreateUserSchema = z.object({
  email,
  password: z.string().min(12, "Use at least 12 characters").max(200),
  orgRole: z.enum(ORG_ROLES, { message: "Choose a role" }),
  personId: personId.default(null),
});

export const UpdateUserSchema = z.object({
  userId: id,
  version,
  orgRole: z.enum(ORG_ROLES, { message: "Choose a role" }),
  personId: personId,
});

export const SetUserActiveSchema = z.object({ userId: id, version, active: z.boolean() });
