"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/input";
import { DEPENDENCY_TYPES } from "@/lib/dependencies/flow";
import { enumLabel } from "@/lib/format/enum-label";

/**
 * Team and type filters. The filter lives in the URL (shareable, the back button works); choosing an option
 * navigates at once. Not a form: nothing here writes.
 */
export function BoardFilters({ teams, teamId, type }: { teams: { id: number; name: string }[]; teamId: number | null; type: string | null }) {
  const router = useRouter();
  const go = (next: { team: string; type: string }) => {
    const params = new URLSearchParams();
    if (next.team) params.set("team", next.team);
    if (next.type) params.set("type", next.type);
    const query = params.toString();
    router.push(query ? `/dependencies?${query}` : "/dependencies", { scroll: false });
  };
  const team = teamId ? String(teamId) : "";
  return (
    <div role="search" aria-label="Filter dependencies" className="flex flex-wrap items-end gap-3">
      <Field label="Team" className="w-48">
        <NativeSelect value={team} onChange={(e) => go({ team: e.target.value, type: type ?? "" })}>
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Type" className="w-48">
        <NativeSelect value={type ?? ""} onChange={(e) => go({ team, type: e.target.value })}>
          <option value="">All types</option>
          {DEPENDENCY_TYPES.map((t) => (
            <option key={t} value={t}>
              {enumLabel(t)}
            </option>
          ))}
        </NativeSelect>
      </Field>
      {teamId || type ? (
        <Link href="/dependencies" scroll={false} className="pb-2.5 text-sm font-medium text-link hover:underline">
          Clear filters
        </Link>
      ) : null}
    </div>
  );
}
