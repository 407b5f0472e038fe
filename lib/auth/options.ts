import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "@/lib/env";
import { clientAddress } from "./rate-limit";
import { authenticate } from "./sign-in";

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
        authorize: (credentials, req) => authenticate(credentials ?? {}, clientAddress(req?.headers)),
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
