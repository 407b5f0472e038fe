"use server";

import { guardedAction } from "@/lib/actions/guarded";
import { createUser, loadUser, setUserActive, updateUser } from "./mutations";
import { CreateUserSchema, SetUserActiveSchema, UpdateUserSchema } from "./schema";

/** Admins create logins, optionally linked to a person. Allowed: ADMIN. */
export const createUserAction = guardedAction({
  name: "users.create",
  schema: CreateUserSchema,
  load: async () => ({}),
  authorize: () => ({ action: "users.admin" }),
  run: (tx, _target, input) => createUser(tx, input),
  revalidate: () => ["/admin/users"],
});

/** Admins set a user's org role and linked person. Allowed: ADMIN. */
export const updateUserAction = guardedAction({
  name: "users.update",
  schema: UpdateUserSchema,
  load: (tx, input) => loadUser(tx, input.userId),
  authorize: () => ({ action: "users.admin" }),
  run: (tx, user, input, principal) => updateUser(tx, user, input, principal.userId),
  revalidate: () => ["/admin/users"],
  notFound: "That user no longer exists.",
});

/** Admins deactivate (access ends on the user's next request) and reactivate users. Allowed: ADMIN. */
export const setUserActiveAction = guardedAction({
  name: "users.setActive",
  schema: SetUserActiveSchema,
  load: (tx, input) => loadUser(tx, input.userId),
  authorize: () => ({ action: "users.admin" }),
  run: (tx, user, input, principal) => setUserActive(tx, user, input, principal.userId),
  revalidate: () => ["/admin/users"],
  notFound: "That user no longer exists.",
});
