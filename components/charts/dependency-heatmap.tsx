import Link from "next/link";
import type { DependencyPairRisk } from "@/lib/metrics/queries";

/** A cell's colour: by overdue count first, then at-risk count, then just open. */
function cellClass(cell: DependencyPairRisk | undefined): string {
  if (!cell) return "bg-white";
  if (cell.overdue >= 2) return "bg-rose-500 text-white";
  if (cell.overdue === 1) return "bg-rose-300 text-rose-950";
  if (cell.atRisk > 0) return "bg-amber-200 text-amber-950";
  return "bg-indigo-100 text-indigo-900";
}

function cellText(cell: DependencyPairRisk): string {
  const parts = [`${cell.open} open`];
  if (cell.overdue > 0) parts.push(`${cell.overdue} overdue`);
  if (cell.atRisk > 0) parts.push(`${cell.atRisk} at risk`);
  return parts.join(", ");
}

/**
 * Dependency risk by team pair: rows are the teams that need something, columns the teams (or services) that
 * provide it; each cell counts the unresolved dependencies between them, coloured by how many are overdue or at
 * risk. A real table, so it reads the same with a screen reader; each cell links to the dependency board.
 */
export function DependencyHeatmap({ pairs }: { pairs: DependencyPairRisk[] }) {
  if (pairs.length === 0) return <p className="text-sm text-slate-500">No unresolved dependencies in this scope.</p>;
  const needing = [...new Map(pairs.map((p) => [p.fromTeamId, p.fromTeam])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const providing = [...new Map(pairs.map((p) => [p.toTeamId, p.toTeam])).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  const cell = new Map(pairs.map((p) => [`${p.fromTeamId}:${p.toTeamId}`, p]));
  return (
    <div className="relative overflow-x-auto">
      <table className="border-separate border-spacing-1 text-xs">
        <caption className="sr-only">Unresolved dependencies by needing team (rows) and providing team (columns)</caption>
        <thead>
          <tr>
            <th scope="col" className="px-2 text-left font-medium text-slate-500">
              Needs → from
            </th>
            {providing.map(([id, name]) => (
              <th key={id} scope="col" className="max-w-20 px-1 pb-1 text-center align-bottom font-medium text-slate-600">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {needing.map(([fromId, fromName]) => (
            <tr key={fromId}>
              <th scope="row" className="pr-2 text-left font-medium whitespace-nowrap text-slate-700">
                {fromName}
              </th>
              {providing.map(([toId, toName]) => {
                const c = cell.get(`${fromId}:${toId}`);
                return (
                  <td key={toId} className={`h-9 min-w-14 rounded-md text-center tabular-nums ${cellClass(c)} ${c ? "" : "ring-1 ring-slate-100 ring-inset"}`}>
                    {c ? (
                      <Link
                        href="/dependencies"
                        title={`${fromName} → ${toName}: ${cellText(c)}`}
                        className="block px-2 py-2 font-semibold focus-visible:ring-2 focus-visible:ring-indigo-600 focus-visible:outline-none"
                      >
                        {c.open}
                        <span className="sr-only"> ({cellText(c)})</span>
                      </Link>
                    ) : (
                      <span className="sr-only">none</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 flex flex-wrap gap-3 text-xs text-slate-500">
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="size-3 rounded bg-indigo-100" /> open
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="size-3 rounded bg-amber-200" /> at risk
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="size-3 rounded bg-rose-300" /> 1 overdue
        </span>
        <span className="inline-flex items-center gap-1">
          <span aria-hidden="true" className="size-3 rounded bg-rose-500" /> 2+ overdue
        </span>
      </p>
    </div>
  );
}
