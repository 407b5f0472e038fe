import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { GroomingBoard } from "@/components/backlog/grooming-board";
import { TeamWorkTabs } from "@/components/backlog/team-work-tabs";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { getPrincipal, requirePrincipal } from "@/lib/auth/principal";
import { getGroomingBacklog } from "@/lib/backlog/queries";
import { parseBacklogFilter } from "@/lib/backlog/view-filter";
import { parseIdParam } from "@/lib/routing/id-param";
import { getSprintTeam } from "@/lib/sprints/queries";
import { buttonStyles } from "@/components/ui/button";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  if (!(await getPrincipal())) return { title: "Backlog" };
  const teamId = parseIdParam((await params).id);
  const team = teamId === null ? null : await getSprintTeam(teamId);
  return { title: team ? `${team.name} backlog` : "Backlog" };
}

const buttonClass  = buttonStyles({ variant: "secondary", size: "sm" });

export default async function TeamGroomingPage({ params, searchParams }: { params: Params; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const principal = await requirePrincipal();
  const teamId = parseIdParam((await params).id);
  if (teamId === null) notFound();
  const [backlog, query] = await Promise.all([getGroomingBacklog(teamId), searchParams]);
  if (!backlog) notFound();
  const canGroom = can(principal, "backlog.create", { teamId });
  // Per item, as the actions decide it: owners may edit their own items (updateItemAction checks again).
  const editableIds = backlog.items.filter((i) => can(principal, "item.edit", { teamId, ownerPersonId: i.ownerPersonId })).map((i) => i.id);

  return (
    <>
      <TeamWorkTabs teamId={teamId} teamName={backlog.team.name} current="backlog" />
      <PageHeader
        title={`${backlog.team.name} backlog`}
        description="Features and stories in rank order. Groom them here: split features into stories, estimate, give each story an owner and acceptance criteria until it is ready."
        meta={backlog.team.archived ? <Badge tone="amber">Archived</Badge> : null}
        actions={
          <>
            {canGroom ? (
              <Link href={`/teams/${teamId}/backlog/import`} className={buttonClass}>
                Import CSV
              </Link>
            ) : null}
            {backlog.plannedSprint ? (
              <Link href={`/teams/${teamId}/sprints/${backlog.plannedSprint.id}`} className={buttonClass}>
                Plan sprint {backlog.plannedSprint.number}
              </Link>
            ) : (
              <Link href={`/teams/${teamId}/sprints`} className={buttonClass}>
                Sprints
              </Link>
            )}
          </>
        }
      />
      <GroomingBoard backlog={backlog} initialFilter={parseBacklogFilter(query)} canGroom={canGroom} editableIds={editableIds} />
    </>
  );
}
