import { z } from "zod";
import { passwordField } from "@/lib/auth/password-policy";
import { emailField, idField, optionalIdField, versionField } from "@/lib/validation/fields";

export const ORG_ROLES = ["ADMIN", "LEADER", "MEMBER", "VIEWER"] as const;

const email = emailField();
const personId = optionalIdField("Choose a person from the list");
const id = idField();
const version = versionField();

export const CreateUserSchema = z.object({
  email,
  password: passwordField(),
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
