import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "@/lib/env";
import { recordSignInAttempt } from "./mutations";
import { verifyPassword } from "./password";
import { countRecentFailures, findUserForSignIn } from "./queries";
import { accountKey, addressKey, clientAddress, isLimited } from "./rate-limit";

/** Errors the sign-in form turns into messages (next-auth passes the thrown message through). */
export const SIGN_IN_ERRORS = {
  invalid: "CredentialsSignin",
  limited: "RateLimited",
} as const;

const CredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

/**
 * next-auth configuration: email + password (bcrypt) checked against the database, JWT sessions (the only
 * kind the credentials provider supports). The session only carries the user id; every request re-reads the
 * user (lib/auth/principal.ts), so deactivation and role changes take effect at once.
 */
export function authOptions(): AuthOptions {
  const e = env();
  if (e.NODE_ENV === "production" && !e.NEXTAUTH_SECRET) {
    throw new Error("NEXTAUTH_SECRET is not set: every production instance needs the same secret.");
  }
  return {
    secret: e.NEXTAUTH_SECRET ?? "development-only-secret-change-me-0123456789",
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    useSecureCookies: e.NODE_ENV === "production" && e.AUTH_INSECURE_COOKIES !== "1",
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = CredentialsSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const keys = [accountKey(email), addressKey(clientAddress(req?.headers))];
          const [account, address] = await Promise.all(keys.map(countRecentFailures));
          if (isLimited({ account: account ?? 0, address: address ?? 0 })) {
            await recordSignInAttempt(keys, false);
            throw new Error(SIGN_IN_ERRORS.limited);
          }
          const user = await findUserForSignIn(email);
          const ok = await verifyPassword(password, user?.passwordHash ?? null);
          if (!user || !ok || !user.active) {
            await recordSignInAttempt(keys, false);
            return null;
          }
          await recordSignInAttempt(keys, true, user.id);
          return { id: String(user.id), email: user.email, name: user.person?.name ?? user.email };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.uid = Number(user.id);
        return token;
      },
      session({ session, token }) {
        return { ...session, uid: typeof token.uid === "number" ? token.uid : undefined };
      },
    },
  };
}
