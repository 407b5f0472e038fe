import "server-only";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";

/** The user id in the caller's session cookie, or null. Tests replace this module to act as a given user. */
export async function getSessionUserId(): Promise<number | null> {
  const session = (await getServerSession(authOptions())) as { uid?: number } | null;
  return typeof session?.uid === "number" ? session.uid : null;
}
