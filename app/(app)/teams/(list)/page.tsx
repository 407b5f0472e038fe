import type { Metadata } from "next";
import { connection } from "next/server";
import { TeamsTable } from "@/components/teams/teams-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePrincipal } from "@/lib/auth/principal";
import { listTeams } from "@/lib/teams/queries";

export const metadata: Metadata = { title: "Teams" };

export default async function TeamsPage() {
  await connection();
  await requirePrincipal();
  const teams = await listTeams();
  return (
    <>
      <PageHeader
        title="Teams"
        description="Delivery pods own campaigns end to end; shared services support them under service-level agreements."
      />
      {teams.length === 0 ? (
        <EmptyState title="No teams yet" description="Teams appear here once they are created." />
      ) : (
        <TeamsTable teams={teams} />
      )}
    </>
  );
}
