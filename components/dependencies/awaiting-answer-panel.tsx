import Link from "next/link";
import type { DependencyRow } from "@/lib/dependencies/queries";
import { formatShortDay } from "@/lib/format/dates";

/**
 * What the signed-in person should answer: dependencies logged against a team they lead (or that they own on
 * the providing side), and dates proposed back to a team they lead.
 */
export function AwaitingAnswerPanel({ toAnswer, proposals }: { toAnswer: DependencyRow[]; proposals: DependencyRow[] }) {
  return (
    <section aria-labelledby="awaiting-heading" className="mb-6 rounded-xl border border-indigo-200 bg-indigo-50/60 p-4">
      <h2 id="awaiting-heading" className="text-sm font-semibold text-indigo-950">
        Waiting for your answer
      </h2>
      <ul className="mt-2 flex flex-col gap-1.5">
        {toAnswer.map((d) => (
          <li key={`a-${d.id}`} className="flex flex-wrap items-center gap-x-2 text-sm">
            <Link href={`/dependencies/${d.id}`} className="font-medium text-indigo-800 hover:underline">
              {d.key}: {d.fromTeam} needs something from {d.toTeam}
            </Link>
            <span className="text-slate-600">by {formatShortDay(d.neededBy)} — accept, reject or propose another date</span>
          </li>
        ))}
        {proposals.map((d) => (
          <li key={`p-${d.id}`} className="flex flex-wrap items-center gap-x-2 text-sm">
            <Link href={`/dependencies/${d.id}`} className="font-medium text-indigo-800 hover:underline">
              {d.key}: {d.toTeam} proposed {formatShortDay(d.proposedDate)}
            </Link>
            <span className="text-slate-600">instead of {formatShortDay(d.neededBy)} — take it or keep your date</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
