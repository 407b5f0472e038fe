import Form from "next/form";
import { buttonStyles } from "@/components/ui/button";

/**
 * The team filter of the activity feed: a GET form (it works before hydration and keeps the URL shareable);
 * choosing a team starts the feed again from the newest change.
 */
export function ActivityFilter({ teams, currentTeamId }: { teams: { id: number; name: string }[]; currentTeamId: number | null }) {
  return (
    <Form action="/activity" className="flex items-end gap-2">
      <div>
        <label htmlFor="activity-team" className="block text-xs font-medium text-slate-600">
          Team
        </label>
        <select
          id="activity-team"
          name="team"
          defaultValue={currentTeamId === null ? "" : String(currentTeamId)}
          className="mt-1 block rounded-md border border-slate-300 bg-white py-1.5 pr-8 pl-3 text-sm text-slate-900 shadow-sm focus:border-indigo-500 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500/40"
        >
          <option value="">All teams</option>
          {teams.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className={buttonStyles({ variant: "secondary", size: "sm" })}
      >
        Show
      </button>
    </Form>
  );
}
