"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ActionMessage, secondaryButtonClass, UNREACHABLE, type FormOutcome } from "@/components/admin/form-parts";
import { formatDateTime } from "@/lib/format/dates";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import type { NotificationDto } from "@/lib/notifications/queries";

const KIND: Record<string, { label: string; tone: string }> = {
  "dependency.logged": { label: "New dependency", tone: "bg-sky-100 text-sky-800" },
  "dependency.changed": { label: "Dependency update", tone: "bg-indigo-100 text-indigo-800" },
  "dependency.overdue": { label: "Overdue", tone: "bg-rose-100 text-rose-800" },
  "request.filed": { label: "New request", tone: "bg-sky-100 text-sky-800" },
  "request.assigned": { label: "Assigned to you", tone: "bg-violet-100 text-violet-800" },
  "request.at_risk": { label: "SLA at risk", tone: "bg-amber-100 text-amber-900" },
  "sla.breached": { label: "SLA breached", tone: "bg-rose-100 text-rose-800" },
  "request.escalated": { label: "Escalated", tone: "bg-rose-100 text-rose-800" },
  "request.delivered": { label: "Delivered", tone: "bg-emerald-100 text-emerald-800" },
};
const kindOf = (kind: string) => KIND[kind] ?? { label: kind.replaceAll(/[._]/g, " "), tone: "bg-slate-100 text-slate-700" };

/** The inbox: unread first; opening one marks it read; "Mark all read" clears the list shown. */
export function InboxList({ notifications, timeZone, canMarkRead }: { notifications: NotificationDto[]; timeZone: string; canMarkRead: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<FormOutcome>(null);
  const unread = notifications.filter((n) => n.readAt === null);

  const markRead = (ids: number[], success: string, then?: () => void) =>
    startTransition(async () => {
      try {
        const result = await markNotificationsReadAction({ notificationIds: ids });
        if (result.ok) {
          setOutcome(success ? { kind: "success", text: success } : null);
          then?.();
          router.refresh();
        } else setOutcome({ kind: "failure", result });
      } catch {
        setOutcome({ kind: "failure", result: UNREACHABLE });
      }
    });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">{unread.length === 0 ? "You are all caught up." : `${unread.length} unread`}</p>
        {canMarkRead && unread.length > 0 ? (
          <button type="button" disabled={pending} className={secondaryButtonClass} onClick={() => markRead(unread.map((n) => n.id), "Marked everything read.")}>
            Mark all read
          </button>
        ) : null}
      </div>
      <ActionMessage outcome={outcome} onReload={() => router.refresh()} />
      <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white">
        {notifications.map((n) => {
          const kind = kindOf(n.kind);
          const isUnread = n.readAt === null;
          return (
            <li key={n.id} className={`flex items-start gap-3 px-4 py-3 ${isUnread ? "bg-indigo-50/40" : ""}`}>
              <span aria-hidden="true" className={`mt-1.5 size-2 shrink-0 rounded-full ${isUnread ? "bg-indigo-600" : "bg-transparent"}`} />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <span className={`rounded px-1.5 py-0.5 text-[11px] font-semibold ${kind.tone}`}>{kind.label}</span>
                  <span className="text-xs text-slate-500">{formatDateTime(n.createdAt, timeZone)}</span>
                  {isUnread ? <span className="sr-only">Unread</span> : null}
                </div>
                <Link
                  href={n.link}
                  onClick={() => {
                    if (isUnread && canMarkRead) markRead([n.id], "");
                  }}
                  className={`mt-1 block text-sm hover:text-indigo-800 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${isUnread ? "font-semibold text-slate-900" : "text-slate-700"}`}
                >
                  {n.title}
                </Link>
              </div>
              {isUnread && canMarkRead ? (
                <button type="button" disabled={pending} onClick={() => markRead([n.id], "Marked read.")} className="shrink-0 text-xs font-medium text-indigo-700 hover:underline disabled:opacity-60">
                  Mark read<span className="sr-only">: {n.title}</span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
