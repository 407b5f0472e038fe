import "server-only";
import { z } from "zod";
import { recordSignInAttempt } from "./mutations";
import { verifyPassword } from "./password";
import { countRecentFailures, findUserForSignIn } from "./queries";
import { accountKey, addressKey, isLimited } from "./rate-limit";

/** Errors the sign-in form turns into messages (next-auth passes a thrown message through). */
export const SIGN_IN_ERRORS = {
  invalid: "CredentialsSignin",
  limited: "RateLimited",
} as const;

const CredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/**
 * Checks an email and password from `address`. Returns the user for next-auth, or null for bad credentials
 * or an inactive account; throws RateLimited when the account (5 failures) or the address (20 failures) is
 * locked for the window. Every attempt is recorded under both keys, in the database, so the limits hold
 * across app instances.
 */
export async function authenticate(
  credentials: Record<string, unknown>,
  address: string,
): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = CredentialsSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const keys = [accountKey(email), addressKey(address)];
  const [account, byAddress] = await Promise.all(keys.map(countRecentFailures));
  if (isLimited({ account: account ?? 0, address: byAddress ?? 0 })) {
    await recordSignInAttempt(keys, false);
    throw new Error(SIGN_IN_ERRORS.limited);
  }
  const user = await findUserForSignIn(email);
  const { ok } = await verifyPassword(password, user?.passwordHash ?? null);
  if (!user || !ok || !user.active) {
    await recordSignInAttempt(keys, false);
    return null;
  }
  await recordSignInAttempt(keys, true, user.id);
  return { id: String(user.id), email: user.email, name: user.person?.name ?? user.email };
}
