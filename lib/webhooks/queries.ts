import "server-only";
import { getDb } from "@/lib/db/client";

export interface SubscriptionRow {
  id: number;
  teamName: string | null;
  format: "JSON" | "SLACK" | "TEAMS";
  /** Host only: the path of a chat webhook is its credential. */
  host: string;
  events: string[];
  description: string;
  delivered24h: number;
  failing: number;
}

/** Every webhook with its last day's deliveries (bounded: an organisation has a handful). */
export async function listSubscriptions(): Promise<SubscriptionRow[]> {
  const rows = await getDb().webhookSubscription.findMany({
    orderBy: { id: "asc" },
    take: 200,
    select: { id: true, format: true, url: true, events: true, description: true, team: { select: { name: true } } },
  });
  const stats = await getDb().$queryRaw<{ id: number; delivered: number; failing: number }[]>`
    SELECT subscription_id AS id,
           count(*) FILTER (WHERE status = 'SENT' AND delivered_at > now() - interval '1 day')::int AS delivered,
           count(*) FILTER (WHERE status = 'FAILED' OR (status = 'PENDING' AND attempts > 0))::int AS failing
      FROM webhook_delivery GROUP BY subscription_id`;
  const byId = new Map(stats.map((s) => [s.id, s]));
  return rows.map((r) => ({
    id: r.id,
    teamName: r.team?.name ?? null,
    format: r.format,
    host: new URL(r.url).host,
    events: r.events,
    description: r.description,
    delivered24h: byId.get(r.id)?.delivered ?? 0,
    failing: byId.get(r.id)?.failing ?? 0,
  }));
}

export interface DeliveryRow {
  id: string;
  subscriptionId: number;
  event: string;
  status: string;
  attempts: number;
  responseStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** The delivery log, newest first. */
export async function listDeliveries(limit = 50): Promise<DeliveryRow[]> {
  const rows = await getDb().webhookDelivery.findMany({
    orderBy: { id: "desc" },
    take: Math.min(limit, 200),
    select: { id: true, subscriptionId: true, event: true, status: true, attempts: true, responseStatus: true, lastError: true, createdAt: true, deliveredAt: true },
  });
  return rows.map((r) => ({ ...r, id: r.id.toString(), createdAt: r.createdAt.toISOString(), deliveredAt: r.deliveredAt?.toISOString() ?? null }));
}

/** Teams whose chat channel may be set up (for the form). */
export async function listTeamOptions(): Promise<{ id: number; name: string }[]> {
  return getDb().team.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, take: 500, select: { id: true, name: true } });
}
