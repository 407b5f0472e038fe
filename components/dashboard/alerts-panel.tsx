import Link from "next/link";
import { ALERT_LABELS, groupAlerts, type Alert } from "@/lib/dashboard/alerts/kinds";

const SHOWN = 4;

/**
 * "Needs attention": the alerts for the scope, grouped by kind, each linking to where it is fixed. Groups open by
 * default when they hold something critical; the rest are one click (or Enter) away.
 */
export function AlertsPanel({ alerts }: { alerts: Alert[] }) {
  const groups = groupAlerts(alerts);
  const critical = alerts.filter((a) => a.severity === "critical").length;
  return (
    <section aria-labelledby="alerts-heading" className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-100 px-5 py-3">
        <div className="flex items-center gap-2">
          <span aria-hidden="true" className={`size-2.5 rounded-full ${critical > 0 ? "bg-rose-500" : alerts.length > 0 ? "bg-amber-400" : "bg-emerald-500"}`} />
          <h2 id="alerts-heading" className="text-base font-semibold text-slate-900">
            Needs attention
          </h2>
        </div>
        <p className="text-sm text-slate-500">
          {alerts.length === 0 ? "Nothing right now" : `${alerts.length} alerts · ${critical} critical`}
        </p>
      </header>
      {groups.length === 0 ? (
        <p className="px-5 py-4 text-sm text-slate-600">No overdue dependencies, breached SLAs, overloaded teams or collisions in this scope.</p>
      ) : (
        <ul className="grid grid-cols-1 divide-y divide-slate-100 lg:grid-cols-2 lg:divide-y-0">
          {groups.map(({ kind, alerts: list }) => {
            const severe = list.some((a) => a.severity === "critical");
            return (
              <li key={kind} className="px-5 py-3 lg:border-b lg:border-slate-100 lg:odd:border-r">
                <details open={severe} className="group">
                  <summary className="flex cursor-pointer list-none items-center gap-2 rounded text-sm font-medium text-slate-800 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none [&::-webkit-details-marker]:hidden">
                    <span
                      className={`inline-flex min-w-6 justify-center rounded-full px-1.5 py-0.5 text-xs font-semibold tabular-nums ${
                        severe ? "bg-rose-100 text-rose-800" : "bg-amber-100 text-amber-900"
                      }`}
                    >
                      {list.length}
                    </span>
                    {ALERT_LABELS[kind].label}
                    <svg aria-hidden="true" viewBox="0 0 20 20" className="ml-auto size-4 text-slate-500 transition group-open:rotate-180" fill="currentColor">
                      <path fillRule="evenodd" d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" clipRule="evenodd" />
                    </svg>
                  </summary>
                  <p className="mt-1 text-xs text-slate-500">{ALERT_LABELS[kind].fix}</p>
                  <ul className="mt-2 flex flex-col gap-1.5">
                    {list.slice(0, SHOWN).map((a) => (
                      <li key={`${a.href}:${a.title}`}>
                        <Link
                          href={a.href}
                          className="block rounded-md px-2 py-1 -mx-2 hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
                        >
                          <span className="block truncate text-sm text-indigo-700">{a.title}</span>
                          <span className="block truncate text-xs text-slate-500">{a.detail}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                  {list.length > SHOWN ? (
                    <details className="mt-1">
                      <summary className="cursor-pointer text-xs font-medium text-indigo-700 hover:underline">
                        {list.length - SHOWN} more
                      </summary>
                      <ul className="mt-1 flex flex-col gap-1.5">
                        {list.slice(SHOWN).map((a) => (
                          <li key={`${a.href}:${a.title}`}>
                            <Link href={a.href} className="block rounded-md px-2 py-1 -mx-2 hover:bg-slate-50">
                              <span className="block truncate text-sm text-indigo-700">{a.title}</span>
                              <span className="block truncate text-xs text-slate-500">{a.detail}</span>
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </details>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
