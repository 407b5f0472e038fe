import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { loadPrincipal, type SignedInUser } from "./queries";
import { getSessionUserId } from "./session";

/** The signed-in, active user of this request (read once per request), or null. */
export const getPrincipal = cache(async (): Promise<SignedInUser | null> => {
  const userId = await getSessionUserId();
  return userId === null ? null : loadPrincipal(userId);
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requirePrincipal(): Promise<SignedInUser> {
  const principal = await getPrincipal();
  if (!principal) redirect("/sign-in");
  return principal;
}
