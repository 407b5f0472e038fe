"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId } from "react";
import { inputClass } from "@/components/admin/form-parts";
import { DEPENDENCY_TYPES } from "@/lib/dependencies/flow";
import { enumLabel } from "@/lib/format/enum-label";

/**
 * Team and type filters. The filter lives in the URL (shareable, the back button works); choosing an option
 * navigates at once. Not a form: nothing here writes.
 */
export function BoardFilters({ teams, teamId, type }: { teams: { id: number; name: string }[]; teamId: number | null; type: string | null }) {
  const router = useRouter();
  const id = useId();
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
      <div>
        <label htmlFor={`${id}-team`} className="block text-xs font-medium text-slate-600">
          Team
        </label>
        <select id={`${id}-team`} value={team} onChange={(e) => go({ team: e.target.value, type: type ?? "" })} className={`${inputClass} min-w-48`}>
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-type`} className="block text-xs font-medium text-slate-600">
          Type
        </label>
        <select id={`${id}-type`} value={type ?? ""} onChange={(e) => go({ team, type: e.target.value })} className={`${inputClass} min-w-48`}>
          <option value="">All types</option>
          {DEPENDENCY_TYPES.map((t) => (
            <option key={t} value={t}>
              {enumLabel(t)}
            </option>
          ))}
        </select>
      </div>
      {teamId || type ? (
        <Link href="/dependencies" scroll={false} className="pb-2.5 text-sm font-medium text-indigo-700 hover:underline">
          Clear filters
        </Link>
      ) : null}
    </div>
  );
}
