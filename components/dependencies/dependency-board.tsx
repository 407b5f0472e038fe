import { DependencyCard } from "@/components/dependencies/dependency-card";
import type { DependencyRow } from "@/lib/dependencies/queries";
import type { DependencyStatus } from "@/lib/generated/prisma/enums";

const COLUMNS: { status: DependencyStatus; title: string; hint: string; dot: string }[] = [
  { status: "OPEN", title: "Open", hint: "Waiting for the providing side to answer", dot: "bg-sky-500" },
  { status: "ACCEPTED", title: "Accepted", hint: "Agreed, not started", dot: "bg-indigo-500" },
  { status: "IN_PROGRESS", title: "In progress", hint: "Being worked on", dot: "bg-violet-500" },
  { status: "BLOCKED", title: "Blocked", hint: "Stuck on the providing side", dot: "bg-rose-500" },
  { status: "RESOLVED", title: "Resolved", hint: "Delivered in the last 30 days", dot: "bg-emerald-500" },
];

const RISK_ORDER = { OVERDUE: 0, AT_RISK: 1, ON_TRACK: 2, DONE: 3 } as const;

/**
 * The board: one column per status, overdue and at-risk cards first in each. Resolved shows the last 30 days;
 * cancelled ones are counted under the board (the table below lists everything).
 */
export function DependencyBoard({ dependencies, today }: { dependencies: DependencyRow[]; today: string }) {
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString();
  const cancelled = dependencies.filter((d) => d.status === "CANCELLED").length;
  return (
    <div>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {COLUMNS.map((column) => {
          const cards = dependencies
            .filter((d) => d.status === column.status && (column.status !== "RESOLVED" || (d.resolvedAt ?? "") >= since))
            .sort((a, b) => RISK_ORDER[a.risk] - RISK_ORDER[b.risk] || a.neededBy.localeCompare(b.neededBy) || a.key.localeCompare(b.key));
          return (
            <section key={column.status} aria-labelledby={`col-${column.status}`} className="flex min-w-0 flex-col rounded-xl bg-slate-100/70 p-2">
              <header className="flex items-center justify-between px-1.5 pt-1 pb-2">
                <h2 id={`col-${column.status}`} className="flex items-center gap-2 text-sm font-semibold text-slate-800">
                  <span aria-hidden="true" className={`size-2 rounded-full ${column.dot}`} />
                  {column.title}
                </h2>
                <span className="rounded-full bg-white px-2 py-0.5 text-xs font-medium text-slate-600 tabular-nums shadow-sm">
                  {cards.length}
                  <span className="sr-only"> dependencies</span>
                </span>
              </header>
              <p className="px-1.5 pb-2 text-xs text-slate-500">{column.hint}</p>
              {cards.length === 0 ? (
                <p className="rounded-lg border border-dashed border-slate-300 px-3 py-6 text-center text-xs text-slate-500">None</p>
              ) : (
                <ul className="flex flex-col gap-2">
                  {cards.map((d) => (
                    <li key={d.id}>
                      <DependencyCard dependency={d} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      {cancelled > 0 ? <p className="mt-2 text-xs text-slate-500">{cancelled} cancelled or rejected — listed in the table below.</p> : null}
    </div>
  );
}
