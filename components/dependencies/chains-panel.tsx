import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { Chain, ChainAnalysis, Cycle } from "@/lib/dependencies/chains";
import { formatDay, formatShortDay } from "@/lib/format/dates";

/** The longest chain of waiting (with its earliest finish) and any cycle, with every link clickable. */
export function ChainsPanel({ analysis }: { analysis: ChainAnalysis }) {
  const { longest, chains, cycles } = analysis;
  const others = chains.slice(1, 4);
  return (
    <Card title="Chains of waiting" description="A waits on B, which waits on C: the whole chain sets the earliest date A can get what it needs.">
      {!longest && cycles.length === 0 ? (
        <p className="text-sm text-slate-500">No unresolved dependency is waiting on another one right now.</p>
      ) : null}
      {cycles.length > 0 ? (
        <div className="mb-4 rounded-lg border border-rose-200 bg-rose-50 p-3">
          <p className="text-sm font-semibold text-rose-800">
            {cycles.length === 1 ? "A cycle" : `${cycles.length} cycles`}: these teams wait on each other, so none can finish first
          </p>
          <ul className="mt-2 flex flex-col gap-2">
            {cycles.map((cycle) => (
              <li key={cycle.links.map((l) => l.id).join("-")}>
                <CyclePath cycle={cycle} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {longest ? (
        <div>
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">Longest chain · {longest.links.length} links</p>
          <ChainPath chain={longest} />
          <p className="mt-2 text-sm text-slate-700">
            Earliest finish: <strong>{formatDay(longest.earliestFinish)}</strong>
            {longest.late ? (
              <>
                {" "}
                <Badge tone="rose">Late</Badge>
                <span className="ml-1 text-slate-600">
                  — {longest.teams[0]} needs it by {formatDay(longest.links[0]!.neededBy)}
                </span>
              </>
            ) : (
              <span className="text-slate-500"> — in time for {formatDay(longest.links[0]!.neededBy)}</span>
            )}
          </p>
        </div>
      ) : null}
      {others.length > 0 ? (
        <details className="mt-4 text-sm">
          <summary className="cursor-pointer font-medium text-indigo-700">
            {others.length} other chain{others.length === 1 ? "" : "s"}
          </summary>
          <ul className="mt-2 flex flex-col gap-3">
            {others.map((chain) => (
              <li key={chain.links[0]!.id}>
                <ChainPath chain={chain} />
                <p className="mt-1 text-xs text-slate-500">
                  Earliest finish {formatDay(chain.earliestFinish)}
                  {chain.late ? <span className="font-semibold text-rose-700"> · late</span> : null}
                </p>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </Card>
  );
}

function ChainPath({ chain }: { chain: Chain }) {
  return (
    <ol className="mt-2 flex flex-wrap items-center gap-1.5 text-sm" aria-label={`${chain.teams.join(" waits on ")}`}>
      <li className="rounded-md bg-slate-900 px-2 py-1 font-medium text-white">{chain.teams[0]}</li>
      {chain.links.map((link) => (
        <li key={link.id} className="flex items-center gap-1.5">
          <Link
            href={`/dependencies/${link.id}`}
            className="flex flex-col items-center rounded px-1 text-[11px] leading-tight text-slate-500 hover:text-indigo-700 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
          >
            <span className="font-mono">{link.key}</span>
            <span aria-hidden="true" className="text-base leading-none text-slate-500">⟶</span>
            <span>{formatShortDay(link.proposedDate ?? link.neededBy)}</span>
          </Link>
          <span className="rounded-md border border-slate-300 bg-white px-2 py-1 font-medium text-slate-800">{link.toTeam}</span>
        </li>
      ))}
    </ol>
  );
}

function CyclePath({ cycle }: { cycle: Cycle }) {
  return (
    <ol className="flex flex-wrap items-center gap-1.5 text-sm" aria-label={`Cycle: ${cycle.teams.join(" waits on ")}`}>
      {cycle.links.map((link) => (
        <li key={link.id} className="flex items-center gap-1.5">
          <span className="rounded-md bg-white px-2 py-1 font-medium text-rose-900 ring-1 ring-rose-200">{link.fromTeam}</span>
          <Link href={`/dependencies/${link.id}`} className="font-mono text-xs text-rose-700 hover:underline">
            {link.key} ⟶
          </Link>
        </li>
      ))}
      <li className="rounded-md bg-white px-2 py-1 font-medium text-rose-900 ring-1 ring-rose-200">{cycle.teams.at(-1)}</li>
    </ol>
  );
}
