import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { TeamWorkTabs } from "@/components/backlog/team-work-tabs";
import { SprintDependenciesPanel } from "@/components/dependencies/sprint-dependencies-panel";
import { RetroPanel } from "@/components/sprints/retro-panel";
import { SprintPlanner } from "@/components/sprints/sprint-planner";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { getPrincipal, requirePrincipal } from "@/lib/auth/principal";
import { getSprintDependencies } from "@/lib/dependencies/queries";
import { formatDay } from "@/lib/format/dates";
import { parseIdParam } from "@/lib/routing/id-param";
import { getBusinessClock } from "@/lib/services/queries";
import { getSprintDetail } from "@/lib/sprints/queries";

type Params = Promise<{ id: string; sprintId: string }>;

async function load(params: Params) {
  const p = await params;
  const teamId = parseIdParam(p.id);
  const sprintId = parseIdParam(p.sprintId);
  return teamId === null || sprintId === null ? null : getSprintDetail(teamId, sprintId);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  if (!(await getPrincipal())) return { title: "Sprint" };
  const sprint = await load(params);
  return { title: sprint ? `${sprint.team.name} · Sprint ${sprint.number}` : "Sprint" };
}

const nav = "inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-700 shadow-sm hover:bg-slate-50";

export default async function SprintPage({ params }: { params: Params }) {
  await connection();
  const principal = await requirePrincipal();
  const sprint = await load(params);
  if (!sprint) notFound();
  const scope = { teamId: sprint.team.id };
  // Before planning (and while it runs): what the sprint waits on, and who waits on it (issue 6).
  const dependencies =
    sprint.status === "CLOSED" ? null : await getSprintDependencies(sprint.team.id, (await getBusinessClock()).today, sprint.id);
  const status = sprint.status === "ACTIVE" ? { label: "Running", tone: "indigo" as const } : sprint.status === "PLANNED" ? { label: "Planned", tone: "sky" as const } : { label: "Closed", tone: "slate" as const };

  return (
    <>
      <TeamWorkTabs teamId={sprint.team.id} teamName={sprint.team.name} current="sprints" />
      <PageHeader
        title={`Sprint ${sprint.number}`}
        description={`${formatDay(sprint.startDate)} – ${formatDay(sprint.endDate)} · ${sprint.capacity.workingDays} working days`}
        meta={
          <>
            <Badge tone={status.tone} dot>
              {status.label}
            </Badge>
            {sprint.status === "CLOSED" ? <Badge tone="slate">{sprint.completedPoints} points completed</Badge> : null}
          </>
        }
        actions={
          <>
            {sprint.previous ? (
              <Link href={`/teams/${sprint.team.id}/sprints/${sprint.previous.id}`} className={nav}>
                <span aria-hidden="true">←</span> Sprint {sprint.previous.number}
              </Link>
            ) : null}
            {sprint.next ? (
              <Link href={`/teams/${sprint.team.id}/sprints/${sprint.next.id}`} className={nav}>
                Sprint {sprint.next.number} <span aria-hidden="true">→</span>
              </Link>
            ) : null}
          </>
        }
      />
      <div className="flex flex-col gap-6">
        {dependencies ? (
          <SprintDependenciesPanel data={dependencies} teamId={sprint.team.id} teamName={sprint.team.name} canLog={can(principal, "dependency.log", scope)} className="" />
        ) : null}
        <SprintPlanner sprint={sprint} canScope={can(principal, "sprint.scope", scope)} canManage={can(principal, "sprint.manage", scope)} />
        {sprint.status !== "PLANNED" ? <RetroPanel sprint={sprint} editable={can(principal, "retro.edit", scope)} /> : null}
      </div>
    </>
  );
}
