"use client";

import Link from "next/link";
import { ActionButton } from "@/components/ui/action-button";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { useActionForm } from "@/components/ui/form";
import { RelativeTime } from "@/components/ui/relative-time";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import type { NotificationDto } from "@/lib/notifications/queries";
import { plural } from "@/lib/format/plural";

const KIND: Record<string, { label: string; tone: BadgeTone }> = {
  "dependency.logged": { label: "New dependency", tone: "sky" },
  "dependency.changed": { label: "Dependency update", tone: "indigo" },
  "dependency.overdue": { label: "Overdue", tone: "rose" },
  "request.filed": { label: "New request", tone: "sky" },
  "request.assigned": { label: "Assigned to you", tone: "violet" },
  "request.at_risk": { label: "SLA at risk", tone: "amber" },
  "sla.breached": { label: "SLA breached", tone: "rose" },
  "request.escalated": { label: "Escalated", tone: "rose" },
  "request.delivered": { label: "Delivered", tone: "emerald" },
};
const kindOf = (kind: string) => KIND[kind] ?? { label: kind.replaceAll(/[._]/g, " "), tone: "slate" as const };

/** The inbox: unread first; opening one marks it read; "Mark all read" clears the list shown. */
export function InboxList({ notifications, timeZone, canMarkRead }: { notifications: NotificationDto[]; timeZone: string; canMarkRead: boolean }) {
  const unread = notifications.filter((n) => n.readAt === null);
  // Opening a notification marks it read in the background (no toast: the page it opens is the feedback).
  const opened = useActionForm(markNotificationsReadAction);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">{unread.length === 0 ? "You are all caught up." : `${plural(unread.length, "unread notification")}`}</p>
        {canMarkRead && unread.length > 0 ? (
          <ActionButton action={markNotificationsReadAction} fields={{ notificationIds: unread.map((n) => n.id) }} success="Marked everything read.">
            Mark all read
          </ActionButton>
        ) : null}
      </div>
      <ul className="divide-y divide-border overflow-hidden rounded-xl border border-border bg-surface">
        {notifications.map((n) => {
          const kind = kindOf(n.kind);
          const isUnread = n.readAt === null;
          return (
            <li key={n.id} className={cn("flex items-start gap-3 px-4 py-3", isUnread && "bg-indigo-50/40")}>
              <span aria-hidden="true" className={cn("mt-1.5 size-2 shrink-0 rounded-full", isUnread ? "bg-indigo-600" : "bg-transparent")} />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={kind.tone}>{kind.label}</Badge>
                  <RelativeTime at={n.createdAt} timeZone={timeZone} className="text-xs text-muted-foreground" />
                  {isUnread ? <span className="sr-only">Unread</span> : null}
                </div>
                <Link
                  href={n.link}
                  onClick={() => {
                    if (!isUnread || !canMarkRead) return;
                    const data = new FormData();
                    data.append("notificationIds", String(n.id));
                    opened.submit(data);
                  }}
                  className={cn(
                    "mt-1 block rounded text-sm break-words hover:text-indigo-800 hover:underline focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
                    isUnread ? "font-semibold text-foreground" : "text-slate-700",
                  )}
                >
                  {n.title}
                </Link>
              </div>
              {isUnread && canMarkRead ? (
                <ActionButton action={markNotificationsReadAction} fields={{ notificationIds: [n.id] }} variant="link" aria-label={`Mark read: ${n.title}`}>
                  Mark read
                </ActionButton>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
