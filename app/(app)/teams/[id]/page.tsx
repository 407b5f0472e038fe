import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { HistoryPanel } from "@/components/audit/history-panel";
import { SlaTable } from "@/components/services/sla-table";
import { DecisionRightsPanel } from "@/components/teams/decision-rights-panel";
import { MembersPanel } from "@/components/teams/members-panel";
import { TeamEditor } from "@/components/teams/team-editor";
import { TeamFindingsPanel } from "@/components/teams/team-findings";
import { TeamKpis } from "@/components/teams/team-kpis";
import { shapeLabel, SprintStatusBadge, TeamKindBadge } from "@/components/teams/team-kind-badge";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { ProgressBar } from "@/components/ui/progress-bar";
import { can } from "@/lib/auth/permissions";
import { getPrincipal, requirePrincipal } from "@/lib/auth/principal";
import { formatDay } from "@/lib/format/dates";
import { enumLabel } from "@/lib/format/enum-label";
import { listStaffingOptions } from "@/lib/people/queries";
import { parseIdParam } from "@/lib/routing/id-param";
import { getTeamDetail, listTeamOptions, type TeamDetail } from "@/lib/teams/queries";
import { listValueStreamOptions } from "@/lib/value-streams/queries";
import { buttonStyles } from "@/components/ui/button";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  // Names are shown to signed-in users only.
  if (!(await getPrincipal())) return { title: "Team" };
  const teamId = parseIdParam((await params).id);
  const team = teamId === null ? null : await getTeamDetail(teamId);
  return { title: team?.name ?? "Team" };
}

const linkButtonClass  = buttonStyles({ variant: "secondary", size: "sm" });

export default async function TeamPage({ params }: { params: Params }) {
  await connection();
  const principal = await requirePrincipal();
  const teamId = parseIdParam((await params).id);
  const team = teamId === null ? null : await getTeamDetail(teamId);
  if (!team) notFound();

  // Edit controls exist only for those the matrix allows (leaders and admins); the actions check again.
  const canEditTeam = can(principal, "team.edit", { teamId: team.id }) && !team.archived;
  const canEditMembers = can(principal, "team.members.edit", { teamId: team.id }) && !team.archived;
  const [valueStreams, staffing, teamOptions] = await Promise.all([
    canEditTeam ? listValueStreamOptions() : Promise.resolve([]),
    canEditMembers || canEditTeam ? listStaffingOptions() : Promise.resolve([]),
    canEditMembers ? listTeamOptions() : Promise.resolve([]),
  ]);

  const about = <AboutFacts team={team} />;

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
            <Badge>{shapeLabel(team.shape)}</Badge>
            {team.valueStream ? <Badge tone="sky">{team.valueStream.name}</Badge> : null}
            {team.archived ? <Badge tone="amber">Archived</Badge> : null}
            {team.findings.length === 0 ? (
              <Badge tone="emerald" dot>
                Healthy structure
              </Badge>
            ) : null}
          </>
        }
        actions={
          <>
            <Link href="/org" className={linkButtonClass}>
              Org chart
            </Link>
            <Link href={`/backlogs/${team.id}`} className={linkButtonClass}>
              View backlog
            </Link>
          </>
        }
      />

      <div className="flex flex-col gap-6">
        <TeamFindingsPanel findings={team.findings} teamKind={team.kind} />

        <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
          {canEditTeam ? (
            <TeamEditor
              className="lg:col-span-2"
              team={{ id: team.id, name: team.name, version: team.version }}
              valueStreams={valueStreams}
              values={{
                name: team.name,
                kind: team.kind,
                shape: team.shape,
                mission: team.mission,
                valueStreamId: team.valueStream?.id ?? null,
                cadenceDays: team.cadenceDays,
                cadenceAnchor: team.cadenceAnchor,
                wipLimit: team.wipLimit,
                requiresBriefLink: team.requiresBriefLink,
              }}
            >
              {about}
            </TeamEditor>
          ) : (
            <Card title="About the team" className="lg:col-span-2">
              {about}
            </Card>
          )}
          <CurrentSprint team={team} />
        </div>

        <MembersPanel
          team={{ id: team.id, name: team.name, kind: team.kind }}
          members={team.members}
          canEdit={canEditMembers}
          staffing={canEditMembers ? staffing : []}
          teams={teamOptions}
        />

        <DecisionRightsPanel
          team={{ id: team.id, name: team.name, version: team.version }}
          rights={team.decisionRights}
          canEdit={canEditTeam}
          people={canEditTeam ? staffing.map((p) => ({ id: p.id, name: p.name, title: p.title })) : []}
        />

        {team.kind === "SHARED_SERVICE" ? (
          <Card title="Service-level agreements" description="Request types this service takes, when, and how fast">
            {team.slas.length === 0 ? <p className="text-sm text-slate-500">No SLAs defined yet.</p> : <SlaTable slas={team.slas} label={`${team.name} SLAs`} />}
          </Card>
        ) : null}

        <Card title="KPIs" description="What the team is measured on, with the latest value against target">
          <TeamKpis kpis={team.kpis} />
        </Card>

        <HistoryPanel entityType="Team" entityId={team.id} description="Changes to the team’s set-up, members and decision rights, newest first" />
      </div>
    </>
  );
}

function AboutFacts({ team }: { team: TeamDetail }) {
  return (
    <FactList
      facts={[
        {
          label: "Value stream",
          value: team.valueStream ? (
            <>
              {team.valueStream.name} <span className="text-slate-500">({enumLabel(team.valueStream.kind)})</span>
            </>
          ) : (
            <span className="text-slate-500">None</span>
          ),
        },
        { label: "Sprint cadence", value: `${team.cadenceDays} working days, first sprint ${formatDay(team.cadenceAnchor)}` },
        { label: "WIP limit", value: `${team.wipLimit} items in progress` },
        { label: "Delivery members", value: team.deliveryMemberCount },
        {
          label: "Definition of Ready",
          value: team.requiresBriefLink ? "Owner, acceptance criteria, estimate and a brief link" : "Owner, acceptance criteria and estimate",
        },
        { label: "Shape", value: shapeLabel(team.shape) },
      ]}
    />
  );
}

function CurrentSprint({ team }: { team: TeamDetail }) {
  const sprint = team.currentSprint;
  return (
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
  );
}
