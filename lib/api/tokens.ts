import { createHash, randomBytes } from "node:crypto";

/**
 * Personal access tokens: `mp_` + 32 random bytes (base64url). Only the SHA-256 is stored; the token itself is
 * shown once. A fast hash is right here (unlike passwords): the token has 256 bits of entropy, so there is
 * nothing to brute-force, and every API call must look it up.
 */
export const TOKEN_PREFIX = "mp_";

export function newToken(): { token: string; hash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), prefix: token.slice(0, 10) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** The bearer token of an Authorization header, when it has the shape of one of ours. */
export function bearerToken(header: string | null): string | null {
  const match = /^Bearer\s+(mp_[A-Za-z0-9_-]{43})\s*$/.exec(header ?? "");
  return match ? match[1]! : null;
}
