import "server-only";
import { getDb } from "@/lib/db/client";

export interface NotificationDto {
  id: number;
  kind: string;
  title: string;
  link: string;
  /** ISO instants. */
  createdAt: string;
  readAt: string | null;
}

/**
 * Links written before these pages existed (the demo seed's) point at list pages with a `key` query; both
 * forms are answered by redirects, but the inbox links straight to the record where it can.
 */
function canonicalLink(link: string): string {
  return link.replace(/^\/service-requests\?key=/, "/services/requests?key=");
}

/** A person's notifications, unread first, newest first. */
export async function listNotifications(personId: number, limit = 100): Promise<NotificationDto[]> {
  const rows = await getDb().notification.findMany({
    where: { recipientId: personId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, title: true, link: true, createdAt: true, readAt: true },
  });
  // Unread first; the sort is stable, so each group stays newest first.
  const ordered = [...rows].sort((a, b) => Number(a.readAt !== null) - Number(b.readAt !== null));
  return ordered.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    link: canonicalLink(r.link),
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
  }));
}

/** How many unread notifications a person has (the top bar's badge). */
export async function countUnreadNotifications(personId: number): Promise<number> {
  return getDb().notification.count({ where: { recipientId: personId, readAt: null } });
}
