import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { buttonStyles } from "@/components/ui/button";
import { AwaitingAnswerPanel } from "@/components/dependencies/awaiting-answer-panel";
import { BoardFilters } from "@/components/dependencies/board-filters";
import { ChainsPanel } from "@/components/dependencies/chains-panel";
import { CollisionsPanel } from "@/components/dependencies/collisions-panel";
import { DependenciesTable } from "@/components/dependencies/dependencies-table";
import { DependencyBoard } from "@/components/dependencies/dependency-board";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { analyseChains } from "@/lib/dependencies/chains";
import { DEPENDENCY_TYPES } from "@/lib/dependencies/flow";
import {
  findDependencyIdByKey,
  getDependencyStats,
  listCampaignCollisions,
  listDependencies,
  listMapTeams,
  listWaitLinks,
} from "@/lib/dependencies/queries";
import type { DependencyType } from "@/lib/generated/prisma/enums";
import { runNotificationSweep } from "@/lib/notifications/mutations";
import { parseIdParam } from "@/lib/routing/id-param";
import { getBusinessClock } from "@/lib/services/queries";

export const metadata: Metadata = { title: "Dependencies" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? null;

export default async function DependenciesPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const principal = await requirePrincipal();
  const params = await searchParams;
  // Old links (notifications from before these pages existed) name a dependency by key.
  const key = one(params.key);
  if (key) {
    const id = await findDependencyIdByKey(key);
    if (id !== null) redirect(`/dependencies/${id}`);
  }
  const teamId = parseIdParam(one(params.team) ?? "");
  const typeParam = one(params.type);
  const type = DEPENDENCY_TYPES.find((t) => t === typeParam) ?? null;

  const { now, today } = await getBusinessClock();
  // Overdue notices are raised here and on /inbox (see runNotificationSweep for why there is no scheduler).
  await runNotificationSweep(now);
  const filter = { teamId, type: type as DependencyType | null };
  const [dependencies, all, stats, links, collisions, teams] = await Promise.all([
    listDependencies(today, filter),
    teamId || type ? listDependencies(today) : null,
    getDependencyStats(today, filter),
    listWaitLinks(),
    listCampaignCollisions(today, teamId),
    listMapTeams(),
  ]);
  const everything = all ?? dependencies;
  const analysis = analyseChains(links, today);
  const canLogAny = teams.some((t) => can(principal, "dependency.log", { teamId: t.id }));
  const myLeadTeams = new Set([...principal.teamRoles].filter(([, role]) => role === "AGILE_LEAD" || role === "PRODUCT_OWNER").map(([id]) => id));
  const toAnswer = everything.filter((d) => d.status === "OPEN" && (d.toOwnerId === principal.personId || myLeadTeams.has(d.toTeamId)));
  const proposals = everything.filter((d) => d.proposedDate !== null && d.status !== "CANCELLED" && d.status !== "RESOLVED" && myLeadTeams.has(d.fromTeamId));
  const rate = stats.resolutionRate;

  return (
    <>
      <PageHeader
        title="Cross-team dependencies"
        description="What one team needs from another, who owns each side, and by when. Overdue and at-risk work stands out; chains of waiting and campaign collisions are worked out for you."
        actions={
          <>
            <Link href="/dependencies/map" className={buttonStyles({ variant: "secondary" })}>
              Dependency map
            </Link>
            {canLogAny ? (
              <Link href={teamId ? `/dependencies/new?from=${teamId}` : "/dependencies/new"} className={buttonStyles()}>
                Log a dependency
              </Link>
            ) : null}
          </>
        }
      />

      <div className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-5">
        <StatCard label="Open" value={stats.open} hint="Not resolved or cancelled" />
        <StatCard label="Overdue" value={stats.overdue} tone={stats.overdue > 0 ? "danger" : "good"} hint="Past their needed-by date" />
        <StatCard label="At risk" value={stats.atRisk} tone={stats.atRisk > 0 ? "warning" : "default"} hint="Blocked, unanswered near the date, or a later date proposed" />
        <StatCard label="Blocked items" value={stats.blockedItems} tone={stats.blockedItems > 0 ? "warning" : "default"} hint="Stories and features waiting on an unresolved dependency" />
        <StatCard
          label="Resolved on time"
          value={rate === null ? "—" : `${Math.round(rate * 100)}%`}
          tone={rate === null ? "default" : rate >= 0.8 ? "good" : "warning"}
          hint={`Of ${stats.resolved} resolved, by their needed-by date`}
        />
      </div>

      {toAnswer.length > 0 || proposals.length > 0 ? <AwaitingAnswerPanel toAnswer={toAnswer} proposals={proposals} /> : null}

      <section aria-labelledby="board-heading" className="mb-8">
        <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
          <h2 id="board-heading" className="text-lg font-semibold text-slate-900">
            Board
          </h2>
          <BoardFilters teams={teams} teamId={teamId} type={type} />
        </div>
        {dependencies.length === 0 ? (
          <EmptyState
            title={teamId || type ? "No dependencies match these filters" : "No dependencies logged"}
            description="When a team needs something from another team by a date, it is logged here with an owner on both sides."
          />
        ) : (
          <DependencyBoard dependencies={dependencies} today={today} />
        )}
      </section>

      <div className="mb-8 grid grid-cols-1 gap-6 xl:grid-cols-2">
        <ChainsPanel analysis={analysis} />
        <CollisionsPanel collisions={collisions} canLog={canLogAny} />
      </div>

      <Card title="All dependencies" description="Every dependency matching the filters, overdue first. Sort by any column.">
        {dependencies.length === 0 ? <p className="text-sm text-slate-500">Nothing to list.</p> : <DependenciesTable dependencies={dependencies} />}
      </Card>
    </>
  );
}
