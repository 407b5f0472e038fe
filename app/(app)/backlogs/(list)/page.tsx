import type { Metadata } from "next";
import { connection } from "next/server";
import { TeamPickerGrid } from "@/components/backlog/team-picker";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePrincipal } from "@/lib/auth/principal";
import { listBacklogTeams } from "@/lib/backlog/queries";

export const metadata: Metadata = { title: "Backlogs" };

export default async function BacklogsPage() {
  await connection();
  await requirePrincipal();
  const teams = await listBacklogTeams();
  return (
    <>
      <PageHeader
        title="Team backlogs"
        description="Each team’s features and stories, in the order its product owner ranked them. Pick a team."
      />
      {teams.length === 0 ? (
        <EmptyState title="No teams yet" description="Backlogs belong to teams; create a team first." />
      ) : (
        <TeamPickerGrid teams={teams} />
      )}
    </>
  );
}
