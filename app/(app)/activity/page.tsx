import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { z } from "zod";
import { RestrictedPanel } from "@/components/admin/restricted-panel";
import { ActivityFilter } from "@/components/audit/activity-filter";
import { AuditEventList } from "@/components/audit/audit-event-list";
import { loadAuditLabels } from "@/components/audit/load-audit-labels";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getActivityFeed } from "@/lib/audit/queries";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { getOrganizationTimeZone } from "@/lib/organization/queries";
import { parseIdParam } from "@/lib/routing/id-param";
import { listTeams } from "@/lib/teams/queries";
import { buttonStyles } from "@/components/ui/button";

export const metadata: Metadata = { title: "Activity" };

const PAGE_SIZE = 30;

/** `?team=<id>&before=<event id>`; anything malformed is ignored (the feed starts from the newest). */
const SearchSchema = z.object({
  team: z.string().optional().catch(undefined),
  before: z
    .string()
    .regex(/^[1-9][0-9]{0,18}$/)
    .optional()
    .catch(undefined),
});

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ActivityPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const principal = await requirePrincipal();
  if (!can(principal, "activity.feed")) {
    return (
      <RestrictedPanel
        title="The activity feed is for leaders and administrators"
        description="Each item and team page shows its own history, which everyone can read."
      />
    );
  }

  const search = SearchSchema.parse(await searchParams);
  const before = search.before ? BigInt(search.before) : undefined;
  const teams = await listTeams();
  const requestedTeamId = search.team ? parseIdParam(search.team) : null;
  // Only the teams the filter offers; an unknown id shows every team rather than an empty feed.
  const team = requestedTeamId === null ? undefined : teams.find((t) => t.id === requestedTeamId);
  const teamId = team ? team.id : null;

  const [rows, timeZone] = await Promise.all([
    getActivityFeed({ teamId: teamId ?? undefined, before, limit: PAGE_SIZE + 1 }),
    getOrganizationTimeZone(),
  ]);
  const events = rows.slice(0, PAGE_SIZE);
  const olderCursor = rows.length > PAGE_SIZE ? events.at(-1)?.id : undefined;
  const labels = await loadAuditLabels(events);
  const nowMs = readClock();

  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams({ ...(teamId !== null ? { team: String(teamId) } : {}), ...extra });
    const text = params.toString();
    return text ? `/activity?${text}` : "/activity";
  };

  return (
    <>
      <PageHeader
        title="Activity"
        description={`Changes across the teams, newest first. Hover a time for the exact moment (${timeZone}).`}
      />
      <Card
        title={team ? `${team.name} activity` : "All teams"}
        description={before ? "Older changes" : "Latest changes"}
        actions={<ActivityFilter teams={teams.map((t) => ({ id: t.id, name: t.name }))} currentTeamId={teamId} />}
      >
        {events.length === 0 ? (
          <EmptyState
            title={before ? "No older changes" : "No changes recorded yet"}
            description={team ? `Nothing has been recorded for ${team.name}${before ? " before these" : ""}.` : "Edits, moves and user changes appear here as people make them."}
          />
        ) : (
          <AuditEventList
            events={events}
            labels={labels}
            timeZone={timeZone}
            nowMs={nowMs}
            showTeam={teamId === null}
            canAdminUsers={can(principal, "users.admin")}
          />
        )}
        <nav aria-label="Activity pages" className="mt-5 flex items-center justify-between gap-3 border-t border-slate-100 pt-4">
          {before ? <PageLink href={query({})}>
              <span aria-hidden="true">←</span> Newest
            </PageLink> : <span />}
          {olderCursor ? <PageLink href={query({ before: olderCursor })}>
              Older <span aria-hidden="true">→</span>
            </PageLink> : null}
        </nav>
      </Card>
    </>
  );
}

function PageLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      className={buttonStyles({ variant: "secondary", size: "sm" })}
    >
      {children}
    </Link>
  );
}

/**
 * The request's "now" for relative times. A server component renders once per request, so reading the clock
 * is safe here (the purity lint rule guards client re-renders, where it would not be).
 */
function readClock(): number {
  return Date.now();
}
