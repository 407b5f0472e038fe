import "server-only";
import { getDb } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";

export interface AuditEventDto {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  entityType: string;
  entityId: string;
  teamId: number | null;
  teamName: string | null;
  before: unknown;
  after: unknown;
}

const select = {
  id: true,
  at: true,
  action: true,
  entityType: true,
  entityId: true,
  teamId: true,
  before: true,
  after: true,
  actor: { select: { email: true, person: { select: { name: true } } } },
  team: { select: { name: true } },
} as const;

type Row = {
  id: bigint;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  teamId: number | null;
  before: unknown;
  after: unknown;
  actor: { email: string; person: { name: string } | null } | null;
  team: { name: string } | null;
};

function toDto(r: Row): AuditEventDto {
  return {
    id: r.id.toString(),
    at: r.at.toISOString(),
    actor: r.actor ? (r.actor.person?.name ?? r.actor.email) : null,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    teamId: r.teamId,
    teamName: r.team?.name ?? null,
    before: r.before,
    after: r.after,
  };
}

/** One entity's history, newest first. */
export async function getEntityHistory(entityType: string, entityId: string | number, limit = 50): Promise<AuditEventDto[]> {
  const rows = await getDb().auditEvent.findMany({
    where: { entityType, entityId: String(entityId) },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select,
  });
  return rows.map(toDto);
}

/**
 * Activity across teams (or one team), newest first by time. `before` is the id of the last event already
 * shown: the page continues strictly after it in (time, id) order, so events recorded out of order (imports,
 * the demo seed) still page without gaps or repeats.
 */
export async function getActivityFeed(options: { teamId?: number; before?: bigint; limit?: number } = {}): Promise<AuditEventDto[]> {
  const db = getDb();
  const cursor = options.before ? await db.auditEvent.findUnique({ where: { id: options.before }, select: { id: true, at: true } }) : null;
  const rows = await db.auditEvent.findMany({
    where: {
      ...(options.teamId ? { teamId: options.teamId } : {}),
      ...(cursor ? { OR: [{ at: { lt: cursor.at } }, { at: cursor.at, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: options.limit ?? 50,
    select,
  });
  return rows.map(toDto);
}

/** The last change of an entity: who and when, for a conflict message. */
export async function getLastChange(tx: Tx, entityType: string, entityId: string | number): Promise<{ by: string | null; at: string | null }> {
  const last = await tx.auditEvent.findFirst({
    where: { entityType, entityId: String(entityId) },
    orderBy: { id: "desc" },
    select: { at: true, actor: { select: { email: true, person: { select: { name: true } } } } },
  });
  return {
    by: last?.actor ? (last.actor.person?.name ?? last.actor.email) : null,
    at: last?.at.toISOString() ?? null,
  };
}
