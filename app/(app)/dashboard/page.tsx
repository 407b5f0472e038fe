import type { Metadata } from "next";
import { connection } from "next/server";
import { ItemsByStatusChart } from "@/components/dashboard/items-by-status-chart";
import { TeamSprintTable } from "@/components/dashboard/team-sprint-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { requirePrincipal } from "@/lib/auth/principal";
import { getDashboardHeadline, getTeamSprintSummary, getWorkItemsByStatus } from "@/lib/dashboard/queries";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  await connection();
  await requirePrincipal();
  const [headline, byStatus, teams] = await Promise.all([
    getDashboardHeadline(),
    getWorkItemsByStatus(),
    getTeamSprintSummary(),
  ]);
  const teamCount = headline.deliveryPods + headline.sharedServices;

  return (
    <>
      <PageHeader
        title="Portfolio dashboard"
        description="Where work stands across every pod and shared service right now."
      />
      {teamCount === 0 ? (
        <EmptyState
          title="No teams yet"
          description="Once teams are set up, this page shows their work in progress, blocked items, dependencies and service levels."
        />
      ) : (
        <div className="flex flex-col gap-6">
          <section aria-labelledby="headline-heading">
            <h2 id="headline-heading" className="sr-only">
              Headline figures
            </h2>
            <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
              <StatCard
                label="Teams"
                value={teamCount}
                hint={`${headline.deliveryPods} delivery ${headline.deliveryPods === 1 ? "pod" : "pods"} · ${headline.sharedServices} shared ${headline.sharedServices === 1 ? "service" : "services"}`}
                href="/teams"
              />
              <StatCard
                label="Items in progress"
                value={headline.itemsInProgress}
                hint="Stories and unsplit features in progress or in review"
                href="/backlogs"
              />
              <StatCard
                label="Blocked items"
                value={headline.blockedItems}
                tone={headline.blockedItems > 0 ? "danger" : "good"}
                hint="Marked blocked, or waiting on an unresolved dependency"
                href="/backlogs"
              />
              <StatCard
                label="Overdue dependencies"
                value={headline.overdueDependencies}
                tone={headline.overdueDependencies > 0 ? "danger" : "good"}
                hint={`${headline.openDependencies} unresolved in total`}
                href="/dependencies"
              />
              <StatCard
                label="Open service requests"
                value={headline.openRequests}
                tone={headline.breachedRequests > 0 ? "warning" : "default"}
                hint={
                  headline.breachedRequests > 0
                    ? `${headline.breachedRequests} past due (SLA breached)`
                    : "None past due"
                }
                href="/services"
              />
              <StatCard
                label="Active sprints"
                value={headline.activeSprints}
                hint={
                  teamCount - headline.activeSprints > 0
                    ? `${teamCount - headline.activeSprints} of ${teamCount} teams without a running sprint`
                    : "Every team has a running sprint"
                }
              />
            </div>
          </section>

          <Card title="Teams this sprint" description="Active sprint points, and work in progress against each team’s WIP limit">
            <TeamSprintTable rows={teams} />
          </Card>
          <Card title="Work items by status" description="Stories and unsplit features across all teams, cancelled excluded">
            {byStatus.length === 0 ? (
              <p className="text-sm text-slate-500">No work items yet.</p>
            ) : (
              <ItemsByStatusChart data={byStatus} />
            )}
          </Card>
        </div>
      )}
    </>
  );
}
