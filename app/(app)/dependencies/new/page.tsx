import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { LogDependencyForm } from "@/components/dependencies/log-dependency-form";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requirePrincipal } from "@/lib/auth/principal";
import { DEPENDENCY_TYPES } from "@/lib/dependencies/flow";
import { getDependencyFormTeams } from "@/lib/dependencies/queries";
import { isoDay } from "@/lib/dependencies/schema";
import { parseIdParam } from "@/lib/routing/id-param";
import { getBusinessClock } from "@/lib/services/queries";

export const metadata: Metadata = { title: "Log a dependency" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/**
 * The log form. Query parameters prefill it (a team page links `?from=<teamId>`; a campaign collision links
 * both items, the type and a description).
 */
export default async function NewDependencyPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const principal = await requirePrincipal();
  const params = await searchParams;
  const [teams, { today }] = await Promise.all([getDependencyFormTeams(), getBusinessClock()]);
  const fromTeams = teams.filter((t) => can(principal, "dependency.log", { teamId: t.id }));
  const from = parseIdParam(one(params.from));
  const to = parseIdParam(one(params.to));
  const typeParam = one(params.type);
  const needed = isoDay("").safeParse(one(params.needed));
  const defaults = {
    fromTeamId: fromTeams.some((t) => t.id === from) ? from : null,
    fromItemId: parseIdParam(one(params.fromItem)),
    toTeamId: teams.some((t) => t.id === to) && to !== from ? to : null,
    toItemId: parseIdParam(one(params.toItem)),
    type: DEPENDENCY_TYPES.find((t) => t === typeParam) ?? null,
    neededBy: needed.success && needed.data >= today ? needed.data : null,
    description: one(params.description).slice(0, 2000),
  };

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm">
        <Link href="/dependencies" className="font-medium text-indigo-700 hover:underline">
          ← Dependencies
        </Link>
      </nav>
      <PageHeader title="Log a dependency" description="What your team needs from another team or shared service, who owns it on each side, and by when." />
      {fromTeams.length === 0 ? (
        <EmptyState
          title="Only agile leads, product owners and leaders log dependencies"
          description="Ask your team's agile lead or product owner to log it; you can follow it on the dependency board."
        />
      ) : (
        <Card>
          <LogDependencyForm teams={teams} fromTeams={fromTeams} defaults={defaults} today={today} myPersonId={principal.personId} />
        </Card>
      )}
    </>
  );
}
