import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ImportPanel } from "@/components/backlog/import-panel";
import { TeamWorkTabs } from "@/components/backlog/team-work-tabs";
import { RestrictedPanel } from "@/components/admin/restricted-panel";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { parseIdParam } from "@/lib/routing/id-param";
import { getSprintTeam } from "@/lib/sprints/queries";

export const metadata: Metadata = { title: "Import backlog" };

export default async function ImportBacklogPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const principal = await requirePrincipal();
  const teamId = parseIdParam((await params).id);
  const team = teamId === null ? null : await getSprintTeam(teamId);
  if (!team) notFound();
  return (
    <>
      <TeamWorkTabs teamId={team.id} teamName={team.name} current="backlog" />
      <PageHeader title={`Import into ${team.name}’s backlog`} description="Preview first: nothing changes until you import, and then all of the file goes in or none of it." />
      {can(principal, "backlog.create", { teamId: team.id }) ? (
        <ImportPanel teamId={team.id} teamName={team.name} />
      ) : (
        <RestrictedPanel title="Only the backlog owner imports" description="Work enters a team’s backlog through its product owner (or a leader). Ask them to import the file." />
      )}
    </>
  );
}
