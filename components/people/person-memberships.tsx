import Link from "next/link";
import { FAMILY_STYLE, ROLE_FAMILY } from "@/components/org/role-style";
import { TeamKindBadge } from "@/components/teams/team-kind-badge";
import type { PersonMembershipDto } from "@/lib/people/queries";
import { roleLabel } from "@/lib/teams/rules";

/** The person's time as one bar: a segment per membership (coloured by role), the rest free. */
export function AllocationStrip({ memberships, allocatedPct }: { memberships: readonly PersonMembershipDto[]; allocatedPct: number }) {
  const scale = Math.max(100, allocatedPct);
  const free = Math.max(0, 100 - allocatedPct);
  return (
    <div>
      <div
        role="img"
        aria-label={`${allocatedPct}% allocated${free > 0 ? `, ${free}% free` : ""}: ${memberships.map((m) => `${m.teamName} ${m.allocationPct}%`).join(", ") || "no teams"}`}
        className="flex h-3 w-full overflow-hidden rounded-full bg-slate-100 ring-1 ring-slate-200 ring-inset"
      >
        {memberships.map((m) => (
          <span key={m.membershipId} className={`h-full border-r border-white last:border-r-0 ${FAMILY_STYLE[ROLE_FAMILY[m.role]].dot}`} style={{ width: `${(m.allocationPct / scale) * 100}%` }} />
        ))}
      </div>
      <p className={`mt-1.5 text-sm ${allocatedPct > 100 ? "font-semibold text-rose-700" : "text-slate-600"}`}>
        {allocatedPct}% allocated{free > 0 ? ` · ${free}% free` : allocatedPct === 100 ? " · fully allocated" : " · over 100%"}
      </p>
    </div>
  );
}

/** Every membership the person holds, as cards linking to the teams. */
export function PersonMemberships({ memberships }: { memberships: readonly PersonMembershipDto[] }) {
  if (memberships.length === 0) return <p className="text-sm text-slate-500">Not in any team.</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {memberships.map((m) => {
        const style = FAMILY_STYLE[ROLE_FAMILY[m.role]];
        return (
          <li key={m.membershipId} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <div className="flex items-start justify-between gap-2">
              <Link
                href={`/teams/${m.teamId}`}
                className="rounded text-base font-semibold text-indigo-700 hover:text-indigo-900 hover:underline focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
              >
                {m.teamName}
              </Link>
              <TeamKindBadge kind={m.teamKind} />
            </div>
            <p className="flex items-center gap-2 text-sm text-slate-800">
              <span aria-hidden="true" className={`size-2.5 rounded-full ${style.dot}`} />
              {roleLabel(m.role)}
              {m.role === "OVERSIGHT" ? <span className="text-xs text-slate-500">(no sprint work)</span> : null}
            </p>
            <p className="text-xs text-slate-500">
              {m.allocationPct}% of their time{m.valueStream ? ` · ${m.valueStream} stream` : ""}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
