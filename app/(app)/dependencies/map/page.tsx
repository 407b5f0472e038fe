import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { buttonStyles } from "@/components/ui/button";
import { DependencyMap } from "@/components/dependencies/dependency-map";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePrincipal } from "@/lib/auth/principal";
import { listDependencies, listMapTeams } from "@/lib/dependencies/queries";
import { getBusinessClock } from "@/lib/services/queries";

export const metadata: Metadata = { title: "Dependency map" };

export default async function DependencyMapPage() {
  await connection();
  await requirePrincipal();
  const { today } = await getBusinessClock();
  const [teams, dependencies] = await Promise.all([listMapTeams(), listDependencies(today)]);
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString();
  const edges = dependencies
    .filter((d) => d.status !== "CANCELLED")
    .map((d) => ({
      id: d.id,
      key: d.key,
      fromTeamId: d.fromTeamId,
      toTeamId: d.toTeamId,
      fromTeam: d.fromTeam,
      toTeam: d.toTeam,
      neededBy: d.neededBy,
      risk: d.risk,
      recentlyResolved: d.status === "RESOLVED" && (d.resolvedAt ?? "") >= since,
    }))
    .filter((e) => e.risk !== "DONE" || e.recentlyResolved);

  return (
    <>
      <PageHeader
        title="Dependency map"
        description="Who waits on whom across the portfolio. Red arrows are overdue, amber at risk."
        actions={
          <Link href="/dependencies" className={buttonStyles({ variant: "secondary" })}>
            Board
          </Link>
        }
      />
      <Card>
        <DependencyMap teams={teams} edges={edges} />
      </Card>
    </>
  );
}
