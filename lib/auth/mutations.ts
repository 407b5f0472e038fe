import "server-only";
import { getDb } from "@/lib/db/client";

/** Records sign-in attempts (one per key) and, on success, the user's last sign-in time. */
export async function recordSignInAttempt(keys: string[], succeeded: boolean, userId?: number): Promise<void> {
  const db = getDb();
  await db.$transaction([
    db.signInAttempt.createMany({ data: keys.map((key) => ({ key, succeeded })) }),
    ...(succeeded && userId ? [db.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } })] : []),
  ]);
}
