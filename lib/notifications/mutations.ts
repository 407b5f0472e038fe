import "server-only";
import type { AuditEntry } from "@/lib/audit/mutations";
import { now as clockNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { UNRESOLVED_STATUSES_SQL } from "@/lib/dependencies/sql-fragments";
import { localDay, slaHealth } from "@/lib/calendar/business-time";
import { loadWorkingCalendar } from "@/lib/calendar/queries";

/** What a notification says and where it leads. */
export interface Notice {
  kind: string;
  title: string;
  link: string;
  /** Set for generated notices so they are raised once per person (see Notification.dedupeKey). */
  dedupeKey?: string;
}

/**
 * Notifies people in the caller's transaction (so a notice exists exactly when its change does). The actor is
 * never notified of their own change; duplicates of a deduplicated notice are skipped.
 */
export async function notify(tx: Tx, recipients: Iterable<number | null | undefined>, notice: Notice, actorPersonId?: number | null): Promise<number> {
  const ids = [...new Set([...recipients].filter((id): id is number => typeof id === "number" && id !== actorPersonId))];
  if (ids.length === 0) return 0;
  const { count } = await tx.notification.createMany({
    data: ids.map((recipientId) => ({ recipientId, kind: notice.kind, title: notice.title.slice(0, 300), link: notice.link, dedupeKey: notice.dedupeKey ?? null })),
    skipDuplicates: true,
  });
  return count;
}

/** People holding one of `roles` in a team (a side's agile lead and product owner, a service's members). */
export async function teamPeople(tx: Tx, teamId: number, roles?: readonly MemberRole[]): Promise<number[]> {
  const rows = await tx.membership.findMany({
    where: { teamId, ...(roles ? { role: { in: [...roles] } } : {}) },
    select: { personId: true },
  });
  return rows.map((r) => r.personId);
}

export const LEADS: readonly MemberRole[] = ["AGILE_LEAD", "PRODUCT_OWNER"];

// ───────────────────────────── marking read ─────────────────────────────

export function loadNotifications(tx: Tx, ids: number[]) {
  return tx.notification.findMany({ where: { id: { in: ids } }, select: { id: true, recipientId: true, readAt: true } });
}
type NotificationRows = Awaited<ReturnType<typeof loadNotifications>>;

export async function markNotificationsRead(tx: Tx, rows: NotificationRows): Promise<{ data: { marked: number }; audit: AuditEntry[] }> {
  const unread = rows.filter((r) => r.readAt === null).map((r) => r.id);
  const at = clockNow();
  const { count } = unread.length === 0 ? { count: 0 } : await tx.notification.updateMany({ where: { id: { in: unread }, readAt: null }, data: { readAt: at } });
  return {
    data: { marked: count },
    audit: [{ action: "notification.read", entityType: "Notification", entityId: rows.map((r) => r.id).join(","), after: { marked: count } }],
  };
}

// ───────────────────────────── the sweep ─────────────────────────────

/**
 * Raises the notices nobody's action triggers: a dependency going overdue, a service request falling at
 * risk or breaching its SLA.
 *
 * Why a sweep on page load and not a scheduler: the app runs as plain `next start` with no worker or cron,
 * and these notices only matter to someone looking at the app. So /inbox, /dependencies and /services run the
 * sweep before they render (the top bar's unread count picks the result up on the next navigation). It is
 * idempotent: every notice carries a dedupe key (what happened, to what, against which date), the unique
 * index on (recipient, dedupe key) drops repeats, and an advisory lock keeps two page loads from doing the
 * same work at once. A changed needed-by or due date gives a new key, so a dependency that is overdue again
 * after being re-planned is announced again.
 */
export async function sweepNotifications(tx: Tx, at: Date): Promise<{ raised: number }> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('notification-sweep'))`;
  const cal = await loadWorkingCalendar(tx);
  const today = localDay(cal.timeZone, at);
  let raised = 0;

  // Overdue dependencies: both owners. The demo seed wrote some overdue notices before dedupe keys existed,
  // with links of the form /dependencies?key=DEP-1; those count as already sent.
  raised += await tx.$executeRaw(Prisma.sql`
    INSERT INTO notification (recipient_id, kind, title, link, dedupe_key)
    SELECT r.person_id, 'dependency.overdue',
           d.key || ' is past its needed-by date (' || tt.name || ' for ' || ft.name || ')',
           '/dependencies/' || d.id,
           'dependency.overdue:' || d.key || ':' || to_char(d.needed_by, 'YYYY-MM-DD')
      FROM dependency d
      JOIN team ft ON ft.id = d.from_team_id
      JOIN team tt ON tt.id = d.to_team_id
      CROSS JOIN LATERAL (VALUES (d.from_owner_id), (d.to_owner_id)) AS r(person_id)
     WHERE d.status IN ${UNRESOLVED_STATUSES_SQL}
       AND d.needed_by < ${today}::date
       AND NOT EXISTS (
         SELECT 1 FROM notification old
          WHERE old.recipient_id = r.person_id AND old.kind = 'dependency.overdue'
            AND old.link = '/dependencies?key=' || d.key)
    ON CONFLICT (recipient_id, dedupe_key) DO NOTHING
  `);

  // Open service requests: health in business time (see lib/calendar/business-time.ts), per request.
  const open = await tx.serviceRequest.findMany({
    where: { status: { not: "DELIVERED" } },
    select: {
      id: true,
      key: true,
      title: true,
      requesterId: true,
      assigneeId: true,
      clockStartsAt: true,
      dueAt: true,
      sla: { select: { teamId: true, team: { select: { name: true } } } },
    },
  });
  const serviceLeads = new Map<number, number[]>();
  for (const request of open) {
    const health = slaHealth(cal, { clockStartsAt: request.clockStartsAt, dueAt: request.dueAt, deliveredAt: null }, at);
    if (health !== "AT_RISK" && health !== "BREACHED") continue;
    // The assignee answers for it; before anyone is assigned, the service's leads do.
    let handlers = request.assigneeId === null ? [] : [request.assigneeId];
    if (handlers.length === 0) {
      if (!serviceLeads.has(request.sla.teamId)) serviceLeads.set(request.sla.teamId, await teamPeople(tx, request.sla.teamId, LEADS));
      handlers = serviceLeads.get(request.sla.teamId) ?? [];
    }
    const due = request.dueAt.toISOString();
    const notice: Notice =
      health === "BREACHED"
        ? {
            kind: "sla.breached",
            title: `${request.key} “${request.title}” is past its SLA due time (${request.sla.team.name})`,
            link: `/services/requests/${request.id}`,
            dedupeKey: `sla.breached:${request.key}:${due}`,
          }
        : {
            kind: "request.at_risk",
            title: `${request.key} “${request.title}” has less than a quarter of its turnaround left (${request.sla.team.name})`,
            link: `/services/requests/${request.id}`,
            dedupeKey: `request.at_risk:${request.key}:${due}`,
          };
    // Same as for dependencies: seeded breach notices used /service-requests?key=….
    const legacy = await tx.notification.findMany({
      where: { kind: notice.kind, link: `/service-requests?key=${request.key}` },
      select: { recipientId: true },
    });
    const alreadyTold = new Set(legacy.map((n) => n.recipientId));
    raised += await notify(
      tx,
      [...handlers, request.requesterId].filter((id) => !alreadyTold.has(id)),
      notice,
    );
  }
  return { raised };
}

/**
 * Runs the sweep in a transaction of its own (pages call this before rendering). A failure is logged and
 * swallowed: a missed notice must not take a page down; the next page load tries again.
 */
export async function runNotificationSweep(at: Date = clockNow()): Promise<void> {
  try {
    await getDb().$transaction((tx) => sweepNotifications(tx, at), { maxWait: 10_000, timeout: 20_000 });
  } catch (error) {
    console.error("[notification sweep] failed", error);
  }
}
