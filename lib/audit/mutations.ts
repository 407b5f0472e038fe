import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db/transaction";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | number;
  teamId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** Plain JSON for an audit snapshot: dates as ISO strings, decimals and bigints as strings, no password hashes. */
export function auditJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => {
      if (key === "passwordHash") return undefined;
      if (typeof v === "bigint") return v.toString();
      if (v && typeof v === "object" && "toFixed" in v && "d" in v) return String(v); // Prisma Decimal
      return v;
    }),
  ) as Prisma.InputJsonValue;
}

/** Writes audit events in the caller's transaction, so an event exists exactly when its change does. */
export async function recordAudit(tx: Tx, actorId: number | null, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditEvent.createMany({
    data: entries.map((e) => ({
      actorId,
      action: e.action,
      entityType: e.entityType,
      entityId: String(e.entityId),
      teamId: e.teamId ?? null,
      before: auditJson(e.before),
      after: auditJson(e.after),
    })),
  });
}
