import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { BacklogTable } from "@/components/backlog/backlog-table";
import { TeamPickerBar } from "@/components/backlog/team-picker";
import { CollisionsPanel } from "@/components/dependencies/collisions-panel";
import { SprintDependenciesPanel } from "@/components/dependencies/sprint-dependencies-panel";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { getPrincipal, requirePrincipal } from "@/lib/auth/principal";
import { getTeamBacklog, listBacklogTeams } from "@/lib/backlog/queries";
import { getSprintDependencies, listCampaignCollisions } from "@/lib/dependencies/queries";
import { parseIdParam } from "@/lib/routing/id-param";
import { getBusinessClock } from "@/lib/services/queries";
import { getTeamDetail } from "@/lib/teams/queries";
import { buttonStyles } from "@/components/ui/button";

type Params = Promise<{ teamId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  // Names are shown to signed-in users only.
  if (!(await getPrincipal())) return { title: "Backlog" };
  const teamId = parseIdParam((await params).teamId);
  const team = teamId === null ? null : await getTeamDetail(teamId);
  return { title: team ? `${team.name} backlog` : "Backlog" };
}

export default async function TeamBacklogPage({ params }: { params: Params }) {
  await connection();
  const principal = await requirePrincipal();
  const teamId = parseIdParam((await params).teamId);
  if (teamId === null) notFound();
  const [backlog, teams, [sprintDependencies, collisions]] = await Promise.all([
    getTeamBacklog(teamId),
    listBacklogTeams(),
    getBusinessClock().then(({ today }) => Promise.all([getSprintDependencies(teamId, today), listCampaignCollisions(today, teamId)])),
  ]);
  if (!backlog) notFound();
  const canLogDependency = can(principal, "dependency.log", { teamId: backlog.team.id });

  return (
    <>
      <TeamPickerBar teams={teams} currentId={backlog.team.id} />
      <PageHeader
        title={`${backlog.team.name} backlog`}
        description="Features and stories in rank order. Sort by any column; choose Rank to return to the ranked order."
        actions={
          <>
            <Link
              href={`/teams/${backlog.team.id}`}
              className={buttonStyles({ variant: "secondary", size: "sm" })}
            >
              About the team
            </Link>
            <Link
              href={`/teams/${backlog.team.id}/sprints`}
              className={buttonStyles({ variant: "secondary", size: "sm" })}
            >
              Sprints
            </Link>
            {/* Grooming (inline create, decompose, Definition of Ready, import) lives on the team's backlog page. */}
            <Link
              href={`/teams/${backlog.team.id}/backlog`}
              className={buttonStyles({ size: "sm" })}
            >
              Groom backlog
            </Link>
          </>
        }
      />
      {/* Issue 6: what the team waits on (and who waits on it) before it plans its next sprint. */}
      <SprintDependenciesPanel data={sprintDependencies} teamId={backlog.team.id} teamName={backlog.team.name} canLog={canLogDependency} />
      {collisions.length > 0 ? (
        <div className="mb-6">
          <CollisionsPanel collisions={collisions} canLog={canLogDependency} teamId={backlog.team.id} title={`Campaign collisions involving ${backlog.team.name}`} />
        </div>
      ) : null}
      {backlog.items.length === 0 ? (
        <EmptyState
          title="This backlog is empty"
          description="Features and stories appear here once the product owner adds them."
        />
      ) : (
        <BacklogTable
          items={backlog.items}
          teamName={backlog.team.name}
          // Re-rank controls for the team's product owner or a leader; moveItemAction checks again.
          canRerank={can(principal, "backlog.rerank", { teamId: backlog.team.id })}
        />
      )}
    </>
  );
}
