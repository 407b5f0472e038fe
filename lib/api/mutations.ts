import "server-only";
import type { AuditEntry } from "@/lib/audit/mutations";
import { getDb } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import { newToken } from "./tokens";

/**
 * Counts a request against its token's per-minute window (in the database, so the limit holds across app
 * instances); returns the count so far in this window and when it resets.
 */
export async function hitRateLimit(tokenId: number, at: Date = new Date()): Promise<{ count: number; resetAt: Date }> {
  const windowStart = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  const rows = await getDb().$queryRaw<{ count: number }[]>`
    INSERT INTO api_rate_window (token_id, window_start, count) VALUES (${tokenId}, ${windowStart}, 1)
    ON CONFLICT (token_id, window_start) DO UPDATE SET count = api_rate_window.count + 1
    RETURNING count`;
  // Old windows are dropped now and then (one in a hundred requests) so the table stays small.
  if (Math.random() < 0.01) await getDb().$executeRaw`DELETE FROM api_rate_window WHERE window_start < now() - interval '10 minutes'`;
  return { count: rows[0]?.count ?? 1, resetAt: new Date(windowStart.getTime() + 60_000) };
}

/** Records that a token was used (at most once a minute per token, to keep writes down). */
export async function touchToken(tokenId: number): Promise<void> {
  await getDb().$executeRaw`UPDATE api_token SET last_used_at = now() WHERE id = ${tokenId} AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`;
}

// ───────────────────────────── the account's own tokens (guarded actions) ─────────────────────────────

export function loadTokenOwner(tx: Tx, userId: number) {
  return tx.user.findUnique({ where: { id: userId }, select: { id: true, personId: true, active: true } });
}

export async function createApiToken(
  tx: Tx,
  owner: { id: number },
  input: { name: string; scope: "READ" | "READ_WRITE"; expiresInDays: number },
  now: Date,
): Promise<{ data: { id: number; token: string; prefix: string; expiresAt: string }; audit: AuditEntry[] }> {
  const { token, hash, prefix } = newToken();
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
  const row = await tx.apiToken.create({ data: { userId: owner.id, name: input.name, prefix, tokenHash: hash, scope: input.scope, expiresAt }, select: { id: true } });
  return {
    data: { id: row.id, token, prefix, expiresAt: expiresAt.toISOString() },
    // The token itself is never recorded; its name, scope and expiry are.
    audit: [{ action: "api_token.create", entityType: "ApiToken", entityId: row.id, after: { name: input.name, scope: input.scope, expiresAt, prefix } }],
  };
}

export function loadApiToken(tx: Tx, id: number) {
  return tx.apiToken.findUnique({ where: { id }, select: { id: true, name: true, revokedAt: true, user: { select: { id: true, personId: true } } } });
}

export async function revokeApiToken(tx: Tx, token: NonNullable<Awaited<ReturnType<typeof loadApiToken>>>, now: Date) {
  if (token.revokedAt === null) await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: now } });
  return {
    data: { revoked: true },
    audit: [{ action: "api_token.revoke", entityType: "ApiToken", entityId: token.id, before: { name: token.name, revokedAt: token.revokedAt }, after: { revokedAt: token.revokedAt ?? now } }],
  };
}
