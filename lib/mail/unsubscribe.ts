import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/**
 * One-click unsubscribe links that work without signing in: the link carries the person and the notice kind,
 * signed with HMAC-SHA256 under a key derived from the deployment's secret. Nobody can forge a link for
 * someone else, and a link turns off only what it names.
 */
function key(): Buffer {
  const secret = env().NEXTAUTH_SECRET ?? "development-only-unsubscribe-key-not-for-production";
  return createHmac("sha256", secret).update("unsubscribe-link-v1").digest();
}

function sign(body: string): string {
  return createHmac("sha256", key()).update(body).digest("base64url");
}

export function unsubscribeToken(personId: number, kind: string): string {
  const body = `${personId}.${Buffer.from(kind, "utf8").toString("base64url")}`;
  return `${body}.${sign(body)}`;
}

export function verifyUnsubscribeToken(token: string): { personId: number; kind: string } | null {
  if (token.length > 300) return null;
  const match = /^(\d{1,9})\.([A-Za-z0-9_-]{1,120})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const body = `${match[1]}.${match[2]}`;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(match[3]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { personId: Number(match[1]), kind: Buffer.from(match[2]!, "base64url").toString("utf8") };
}

export function unsubscribeUrl(personId: number, kind: string): string {
  return new URL(`/api/unsubscribe?t=${unsubscribeToken(personId, kind)}`, env().APP_URL).toString();
}
