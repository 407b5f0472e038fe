"use server";

import { guardedAction } from "@/lib/actions/guarded";
import { loadPreferenceOwner, savePreferences } from "./mutations";
import { SavePreferencesSchema } from "./schema";

/** Saves which notices a person gets by e-mail, and how (right away, daily or weekly digest, none). Their own only. */
export const saveNotificationPreferencesAction = guardedAction({
  name: "mail.savePreferences",
  schema: SavePreferencesSchema,
  load: (tx, input) => loadPreferenceOwner(tx, input.personId),
  authorize: (person) => ({ action: "account.self", scope: { ownerPersonId: person.id } }),
  run: (tx, person, input) => savePreferences(tx, person.id, input.choices),
  revalidate: () => ["/account"],
  notFound: "That person no longer exists.",
});
