import Link from "next/link";
import { RiskBadge } from "@/components/dependencies/risk-badge";
import { DependencyStatusBadge } from "@/components/dependencies/dependency-status-badge";
import { Card } from "@/components/ui/card";
import type { SprintDependencies, SprintDependencyRow } from "@/lib/dependencies/queries";
import { formatShortDay } from "@/lib/format/dates";

/**
 * Before sprint planning: for the team's next sprint, the unresolved dependencies it waits on and those others
 * wait on it for, the ones due by the sprint's end (or tied to an item planned into it) first, and the items
 * an unresolved dependency blocks.
 */
export function SprintDependenciesPanel({
  data,
  teamId,
  teamName,
  canLog,
  className = "mb-6",
}: {
  data: SprintDependencies;
  teamId: number;
  teamName: string;
  canLog: boolean;
  className?: string;
}) {
  const { sprint, outgoing, incoming, blockedItems } = data;
  const window =
    sprint.status === "NOT_PLANNED"
      ? `No sprint planned yet: the next two weeks (${formatShortDay(sprint.startDate)} – ${formatShortDay(sprint.endDate)})`
      : `Sprint ${sprint.number} (${sprint.status === "ACTIVE" ? "running" : sprint.status === "CLOSED" ? "closed" : "planned"}), ${formatShortDay(sprint.startDate)} – ${formatShortDay(sprint.endDate)}`;
  const total = outgoing.length + incoming.length;
  return (
    <Card
      title="Before sprint planning: dependencies"
      description={window}
      actions={
        canLog ? (
          <Link href={`/dependencies/new?from=${teamId}`} className="text-sm font-medium text-indigo-700 hover:underline">
            Log a dependency
          </Link>
        ) : null
      }
      className={className}
    >
      {total === 0 ? (
        <p className="text-sm text-slate-500">{teamName} has no unresolved dependencies in or out.</p>
      ) : (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <DependencyList title={`${teamName} waits on`} empty="Nothing: the team is not waiting on anyone." rows={outgoing} side="out" />
          <DependencyList title={`Waiting on ${teamName}`} empty="Nobody is waiting on the team." rows={incoming} side="in" />
        </div>
      )}
      {blockedItems.length > 0 ? (
        <div className="mt-5 rounded-lg border border-amber-200 bg-amber-50 p-3">
          <p className="text-sm font-semibold text-amber-900">
            {blockedItems.length} item{blockedItems.length === 1 ? " is" : "s are"} blocked by an unresolved dependency
          </p>
          <ul className="mt-1.5 flex flex-col gap-1 text-sm">
            {blockedItems.map((item) => (
              <li key={item.id} className="flex flex-wrap items-center gap-x-2">
                <Link href={`/items/${item.id}`} className="font-mono text-xs text-indigo-700 hover:underline">
                  {item.key}
                </Link>
                <span className="text-slate-800">{item.title}</span>
                <span className="text-xs text-amber-800">waits on {item.dependencyKeys.join(", ")}</span>
                {item.inSprint ? <span className="rounded bg-amber-200/70 px-1.5 text-[11px] font-semibold text-amber-950">in this sprint</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </Card>
  );
}

function DependencyList({ title, empty, rows, side }: { title: string; empty: string; rows: SprintDependencyRow[]; side: "in" | "out" }) {
  const relevant = rows.filter((r) => r.dueBySprintEnd || r.itemInSprint);
  const later = rows.filter((r) => !r.dueBySprintEnd && !r.itemInSprint);
  return (
    <section>
      <h3 className="mb-2 text-sm font-semibold text-slate-900">
        {title} <span className="font-normal text-slate-500">({rows.length})</span>
      </h3>
      {rows.length === 0 ? <p className="text-sm text-slate-500">{empty}</p> : null}
      <ul className="flex flex-col gap-2">
        {relevant.map((r) => (
          <Row key={r.id} row={r} side={side} />
        ))}
      </ul>
      {later.length > 0 ? (
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-slate-600">{later.length} due after this sprint</summary>
          <ul className="mt-2 flex flex-col gap-2">
            {later.map((r) => (
              <Row key={r.id} row={r} side={side} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function Row({ row, side }: { row: SprintDependencyRow; side: "in" | "out" }) {
  const other = side === "out" ? row.toTeam : row.fromTeam;
  const item = side === "out" ? row.fromItemKey : row.toItemKey;
  return (
    <li className="rounded-lg border border-slate-200 px-3 py-2">
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <Link href={`/dependencies/${row.id}`} className="font-mono text-xs font-semibold text-indigo-700 hover:underline">
          {row.key}
        </Link>
        <span className="font-medium text-slate-900">{other}</span>
        <DependencyStatusBadge status={row.status} />
        <RiskBadge risk={row.risk} />
        <span className={`ml-auto text-xs ${row.risk === "OVERDUE" ? "font-semibold text-rose-700" : "text-slate-600"}`}>by {formatShortDay(row.neededBy)}</span>
      </div>
      <p className="mt-1 line-clamp-1 text-xs text-slate-600">{row.description}</p>
      {item || row.itemInSprint ? (
        <p className="mt-0.5 text-xs text-slate-500">
          {item ? <>Item {item}</> : null}
          {row.itemInSprint ? <span className="ml-1 font-semibold text-amber-800">· planned into this sprint</span> : null}
        </p>
      ) : null}
    </li>
  );
}
