import Link from "next/link";
import type { AuditEventDto } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format/dates";
import { ChangeList } from "./change-list";
import { actionLabel, changedFields, entityRef, formatRelative, type AuditLabels } from "./describe-event";

const linkClass =
  "rounded font-medium text-indigo-700 hover:text-indigo-900 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none";

/**
 * Audit events as a feed, newest first: who did what to which record, when (relative, with the exact time
 * in the org's time zone) and what changed. Server-rendered, so the relative times never differ on hydration.
 */
export function AuditEventList({
  events,
  labels,
  timeZone,
  nowMs,
  showEntity = true,
  showTeam = true,
  canAdminUsers = false,
}: {
  events: readonly AuditEventDto[];
  labels: AuditLabels;
  timeZone: string;
  nowMs: number;
  /** Off on a record's own history, where the record is the page. */
  showEntity?: boolean;
  showTeam?: boolean;
  canAdminUsers?: boolean;
}) {
  return (
    <ol className="divide-y divide-slate-100">
      {events.map((event) => {
        const entity = entityRef(event, labels, { canAdminUsers });
        const changes = changedFields(event, labels);
        const absolute = formatDateTime(event.at, timeZone);
        return (
          <li key={event.id} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0 sm:flex-row sm:gap-4">
            <div className="min-w-0 flex-1">
              <p className="text-sm [overflow-wrap:anywhere] text-slate-700">
                <span className="font-medium text-slate-900">{event.actor ?? "System"}</span> {actionLabel(event.action)}
                {showEntity ? (
                  <>
                    {" "}
                    {entity.href ? (
                      <Link href={entity.href} className={linkClass}>
                        {entity.label}
                      </Link>
                    ) : (
                      <span className="font-medium text-slate-900">{entity.label}</span>
                    )}
                    {entity.detail ? <span className="text-slate-500"> {entity.detail}</span> : null}
                  </>
                ) : null}
                {showTeam && event.teamId !== null && event.teamName ? (
                  <>
                    <span className="text-slate-500" aria-hidden="true">
                      {" "}
                      ·{" "}
                    </span>
                    <span className="sr-only">, team </span>
                    <Link href={`/teams/${event.teamId}`} className="rounded text-slate-500 hover:text-slate-900 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none">
                      {event.teamName}
                    </Link>
                  </>
                ) : null}
              </p>
              <ChangeList changes={changes} />
            </div>
            <p className="shrink-0 text-xs whitespace-nowrap text-slate-500 sm:text-right">
              <time dateTime={event.at} title={`${absolute} (${timeZone})`}>
                {formatRelative(event.at, nowMs)}
              </time>
              <span className="sr-only">, {absolute}</span>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
