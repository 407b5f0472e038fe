import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { RestrictedPanel } from "@/components/admin/restricted-panel";
import { TeamWorkTabs } from "@/components/backlog/team-work-tabs";
import { ImportWizard } from "@/components/import/import-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { getImportSetup } from "@/lib/import/queries";
import { parseIdParam } from "@/lib/routing/id-param";
import { getSprintTeam } from "@/lib/sprints/queries";

export const metadata: Metadata = { title: "Import from Jira" };

export default async function ImportBacklogPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const principal = await requirePrincipal();
  const teamId = parseIdParam((await params).id);
  const team = teamId === null ? null : await getSprintTeam(teamId);
  if (!team) notFound();
  const allowed = can(principal, "backlog.create", { teamId: team.id });
  const setup = allowed ? await getImportSetup(team.id) : null;
  return (
    <>
      <TeamWorkTabs teamId={team.id} teamName={team.name} current="backlog" />
      <PageHeader
        title={`Import into ${team.name}’s backlog`}
        description="Bring a Jira project as it is: map its columns and values, preview every row, then import all of it or every valid row. Nothing changes until you import."
      />
      {setup ? (
        <ImportWizard
          teamId={team.id}
          teamName={team.name}
          saved={setup.mapping}
          savedAt={setup.savedAt}
          people={setup.people}
          sprintNumbers={setup.sprintNumbers}
          canEditPortfolio={can(principal, "portfolio.edit")}
        />
      ) : (
        <RestrictedPanel title="Only the backlog owner imports" description="Work enters a team’s backlog through its product owner (or a leader). Ask them to import the file." />
      )}
    </>
  );
}
