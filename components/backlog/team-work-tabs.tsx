import Link from "next/link";

/** The tabs over a team's working pages: its backlog (grooming) and its sprints, with a way back to the team. */
export function TeamWorkTabs({ teamId, teamName, current }: { teamId: number; teamName: string; current: "backlog" | "sprints" }) {
  const tab = (href: string, label: string, active: boolean) => (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${active ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="mb-5">
      <Link
        href={`/teams/${teamId}`}
        className="mb-3 inline-flex items-center gap-1 rounded text-sm text-slate-500 hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
      >
        <span aria-hidden="true">←</span> {teamName}
      </Link>
      <nav aria-label={`${teamName} work`} className="flex gap-1 border-b border-slate-200">
        {tab(`/teams/${teamId}/backlog`, "Backlog", current === "backlog")}
        {tab(`/teams/${teamId}/sprints`, "Sprints", current === "sprints")}
      </nav>
    </div>
  );
}
