import Link from "next/link";
import { TeamKindBadge } from "@/components/teams/team-kind-badge";
import type { BacklogTeamRow } from "@/lib/backlog/queries";

/** Every team's backlog as a card to open it, with its open work at a glance. */
export function TeamPickerGrid({ teams }: { teams: BacklogTeamRow[] }) {
  return (
    <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
      {teams.map((team) => (
        <li key={team.id}>
          <Link
            href={`/backlogs/${team.id}`}
            className="flex h-full flex-col gap-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition hover:border-indigo-300 hover:shadow focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
          >
            <span className="flex items-start justify-between gap-2">
              <span className="font-semibold text-slate-900">{team.name}</span>
              <TeamKindBadge kind={team.kind} />
            </span>
            <span className="grid grid-cols-3 gap-2 text-center">
              <Figure label="open items" value={team.openItems} />
              <Figure label="in progress" value={team.inProgress} />
              <Figure label="blocked" value={team.blocked} alert={team.blocked > 0} />
            </span>
            <span className="text-xs text-slate-500">{team.openPoints} pts still to do</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function Figure({ label, value, alert = false }: { label: string; value: number; alert?: boolean }) {
  return (
    <span className="rounded-lg bg-slate-50 px-2 py-2">
      <span className={`block text-lg font-semibold tabular-nums ${alert ? "text-rose-700" : "text-slate-900"}`}>{value}</span>
      <span className="block text-xs text-slate-500">{label}</span>
    </span>
  );
}

/** A compact row of team links for switching backlogs; the open one is marked current. */
export function TeamPickerBar({ teams, currentId }: { teams: BacklogTeamRow[]; currentId: number }) {
  return (
    <nav aria-label="Team backlogs" className="mb-5">
      <ul className="flex flex-wrap gap-2">
        {teams.map((team) => {
          const current = team.id === currentId;
          return (
            <li key={team.id}>
              <Link
                href={`/backlogs/${team.id}`}
                aria-current={current ? "page" : undefined}
                className={`inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${current ? "border-indigo-600 bg-indigo-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:border-indigo-300 hover:text-indigo-700"}`}
              >
                {team.name}
                <span className={`text-xs tabular-nums ${current ? "text-indigo-100" : "text-slate-500"}`}>
                  {team.openItems}
                  <span className="sr-only"> open items</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
