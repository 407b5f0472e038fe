import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { HistoryPanel } from "@/components/audit/history-panel";
import { SlaTable } from "@/components/services/sla-table";
import { DecisionRightsTable } from "@/components/teams/decision-rights-table";
import { SprintStatusBadge, TeamKindBadge } from "@/components/teams/team-kind-badge";
import { TeamMembersTable } from "@/components/teams/team-members-table";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { ProgressBar } from "@/components/ui/progress-bar";
import { getPrincipal, requirePrincipal } from "@/lib/auth/principal";
import { formatDay } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";
import { parseIdParam } from "@/lib/routing/id-param";
import { isPodSizeOutOfRange, POD_SIZE_MAX, POD_SIZE_MIN } from "@/lib/teams/pod-size";
import { getTeamDetail } from "@/lib/teams/queries";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  // Names are shown to signed-in users only.
  if (!(await getPrincipal())) return { title: "Team" };
  const teamId = parseIdParam((await params).id);
  const team = teamId === null ? null : await getTeamDetail(teamId);
  return { title: team?.name ?? "Team" };
}

export default async function TeamPage({ params }: { params: Params }) {
  await connection();
  await requirePrincipal();
  const teamId = parseIdParam((await params).id);
  const team = teamId === null ? null : await getTeamDetail(teamId);
  if (!team) notFound();

  const sprint = team.currentSprint;
  const podSizeWarning = isPodSizeOutOfRange(team.kind, team.deliveryMemberCount);

  return (
    <>
      <Link
        href="/teams"
        className="mb-3 inline-flex items-center gap-1 rounded text-sm text-slate-500 hover:text-slate-900 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
      >
        <span aria-hidden="true">←</span> All teams
      </Link>
      <PageHeader
        title={team.name}
        description={team.mission || undefined}
        meta={
          <>
            <TeamKindBadge kind={team.kind} />
            <Badge>{enumLabel(team.shape)}</Badge>
            {team.archived ? <Badge tone="amber">Archived</Badge> : null}
            {podSizeWarning ? (
              <Badge tone="amber">
                {team.deliveryMemberCount} delivery members (pods work best with {POD_SIZE_MIN}–{POD_SIZE_MAX})
              </Badge>
            ) : null}
          </>
        }
        actions={
          <Link
            href={`/backlogs/${team.id}`}
            className="inline-flex items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none"
          >
            View backlog
          </Link>
        }
      />

      <div className="flex flex-col gap-6">
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          <Card title="About the team" className="lg:col-span-2">
            <FactList
              facts={[
                {
                  label: "Value stream",
                  value: team.valueStream ? (
                    <>
                      {team.valueStream.name}{" "}
                      <span className="text-slate-500">({enumLabel(team.valueStream.kind)})</span>
                    </>
                  ) : (
                    <span className="text-slate-500">None</span>
                  ),
                },
                {
                  label: "Sprint cadence",
                  value: `${team.cadenceDays} working days, first sprint ${formatDay(team.cadenceAnchor)}`,
                },
                { label: "WIP limit", value: `${team.wipLimit} items` },
                { label: "Delivery members", value: team.deliveryMemberCount },
                {
                  label: "Definition of Ready",
                  value: team.requiresBriefLink
                    ? "Owner, acceptance criteria, estimate and a brief link"
                    : "Owner, acceptance criteria and estimate",
                },
              ]}
            />
          </Card>

          <Card title="Current sprint">
            {sprint ? (
              <div className="flex flex-col gap-3 text-sm">
                <div className="flex items-center justify-between gap-2">
                  <span className="font-semibold text-slate-900">Sprint {sprint.number}</span>
                  <SprintStatusBadge status={sprint.status} />
                </div>
                <p className="text-slate-600">
                  {formatDay(sprint.startDate)} – {formatDay(sprint.endDate)}
                </p>
                {sprint.goal ? (
                  <p className="text-slate-700">
                    <span className="font-medium">Goal:</span> {sprint.goal}
                  </p>
                ) : null}
                <div>
                  <p className="mb-1 text-xs font-medium tracking-wide text-slate-500 uppercase">Done of committed</p>
                  <ProgressBar value={sprint.donePoints} max={sprint.committedPoints} />
                </div>
                <p className={sprint.committedPoints > sprint.capacityPoints ? "font-medium text-amber-700" : "text-slate-600"}>
                  {sprint.committedPoints} pts committed against {sprint.capacityPoints} pts capacity
                  {sprint.committedPoints > sprint.capacityPoints ? " (planned above capacity)" : ""}
                </p>
                <p className="text-slate-600">
                  {sprint.itemCount} {sprint.itemCount === 1 ? "item" : "items"} in the sprint
                </p>
              </div>
            ) : (
              <p className="text-sm text-slate-500">No sprint is running or planned.</p>
            )}
          </Card>
        </div>

        <Card title="Members" description="Roles and how much of each person’s time the team has">
          {team.members.length === 0 ? (
            <p className="text-sm text-slate-500">No members yet.</p>
          ) : (
            <TeamMembersTable members={team.members} teamName={team.name} />
          )}
        </Card>

        <Card title="Decision rights" description="What the team decides alone, and what needs approval from whom">
          {team.decisionRights.length === 0 ? (
            <p className="text-sm text-slate-500">No decision rights recorded.</p>
          ) : (
            <DecisionRightsTable rights={team.decisionRights} teamName={team.name} />
          )}
        </Card>

        {team.kind === "SHARED_SERVICE" ? (
          <Card title="Service-level agreements" description="Request types this service takes, when, and how fast">
            {team.slas.length === 0 ? (
              <p className="text-sm text-slate-500">No SLAs defined yet.</p>
            ) : (
              <SlaTable slas={team.slas} label={`${team.name} SLAs`} />
            )}
          </Card>
        ) : null}

        <HistoryPanel entityType="Team" entityId={team.id} description="Changes to the team’s set-up made in the app, newest first" />
      </div>
    </>
  );
}
