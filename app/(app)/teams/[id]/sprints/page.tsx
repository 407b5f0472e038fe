import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { TeamWorkTabs } from "@/components/backlog/team-work-tabs";
import { CapacityBar } from "@/components/sprints/capacity-bar";
import { GenerateSprints } from "@/components/sprints/generate-sprints";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { getPrincipal, requirePrincipal } from "@/lib/auth/principal";
import { formatDay, formatShortDay } from "@/lib/format/dates";
import type { SprintStatus } from "@/lib/generated/prisma/enums";
import { parseIdParam } from "@/lib/routing/id-param";
import { planLoad } from "@/lib/sprints/capacity";
import { getSprintTeam, listTeamSprints } from "@/lib/sprints/queries";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  if (!(await getPrincipal())) return { title: "Sprints" };
  const teamId = parseIdParam((await params).id);
  const team = teamId === null ? null : await getSprintTeam(teamId);
  return { title: team ? `${team.name} sprints` : "Sprints" };
}

const STATUS_TONE: Record<SprintStatus, BadgeTone> = { PLANNED: "sky", ACTIVE: "indigo", CLOSED: "slate" };
const STATUS_LABEL: Record<SprintStatus, string> = { PLANNED: "Planned", ACTIVE: "Running", CLOSED: "Closed" };

export default async function TeamSprintsPage({ params }: { params: Params }) {
  await connection();
  const principal = await requirePrincipal();
  const teamId = parseIdParam((await params).id);
  if (teamId === null) notFound();
  const [team, sprints] = await Promise.all([getSprintTeam(teamId), listTeamSprints(teamId)]);
  if (!team) notFound();
  const active = sprints.find((s) => s.status === "ACTIVE");
  const next = [...sprints].reverse().find((s) => s.status === "PLANNED");
  const closed = sprints.filter((s) => s.status === "CLOSED");
  const lastThree = closed.slice(0, 3);
  const velocity = lastThree.length ? Math.round(lastThree.reduce((sum, s) => sum + (s.completedPoints ?? 0), 0) / lastThree.length) : null;

  return (
    <>
      <TeamWorkTabs teamId={team.id} teamName={team.name} current="sprints" />
      <PageHeader
        title={`${team.name} sprints`}
        description={`Sprints of ${team.cadenceDays} working days, back to back from ${formatDay(team.cadenceAnchor)} (weekends and holidays skipped).`}
        actions={can(principal, "sprint.manage", { teamId: team.id }) ? <GenerateSprints teamId={team.id} /> : null}
      />

      <div className="mb-6 grid grid-cols-1 gap-4 lg:grid-cols-3">
        <SummaryCard title="Running" sprint={active} teamId={team.id} empty="No sprint is running." />
        <SummaryCard title="Next up" sprint={next} teamId={team.id} empty="No sprint planned: generate one from the cadence." />
        <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
          <p className="text-xs font-medium text-slate-500">Velocity (last 3 closed sprints)</p>
          <p className="mt-1 text-2xl font-semibold text-slate-900 tabular-nums">{velocity === null ? "—" : `${velocity} pts`}</p>
          <p className="mt-1 text-xs text-slate-500">
            {closed.length ? `Goals met in ${closed.filter((s) => s.goalMet).length} of ${closed.length} closed sprints.` : "No closed sprints yet."}
          </p>
        </div>
      </div>

      <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{team.name} sprints, newest first</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">Sprint</th>
              <th scope="col" className="px-3 py-2">Dates</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">Goal</th>
              <th scope="col" className="px-3 py-2 text-right">Capacity</th>
              <th scope="col" className="px-3 py-2 text-right">Planned</th>
              <th scope="col" className="px-3 py-2 text-right">Committed</th>
              <th scope="col" className="px-3 py-2 text-right">Completed</th>
              <th scope="col" className="px-3 py-2 text-right">Churn</th>
              <th scope="col" className="px-3 py-2 text-right">Retro</th>
            </tr>
          </thead>
          <tbody>
            {sprints.length === 0 ? (
              <tr>
                <td colSpan={10} className="px-3 py-8 text-center text-slate-500">
                  No sprints yet.
                </td>
              </tr>
            ) : null}
            {sprints.map((s) => (
              <tr key={s.id} className="border-t border-slate-100 align-top hover:bg-slate-50">
                <td className="px-3 py-2 whitespace-nowrap">
                  <Link href={`/teams/${team.id}/sprints/${s.id}`} className="font-medium text-indigo-700 hover:underline">
                    Sprint {s.number}
                  </Link>
                </td>
                <td className="px-3 py-2 whitespace-nowrap text-slate-600">
                  {formatShortDay(s.startDate)} – {formatDay(s.endDate)}
                </td>
                <td className="px-3 py-2">
                  <Badge tone={STATUS_TONE[s.status]} dot>
                    {STATUS_LABEL[s.status]}
                  </Badge>
                  {s.status === "CLOSED" ? (
                    <span className={`ml-1 text-xs ${s.goalMet ? "text-emerald-700" : "text-rose-700"}`}>{s.goalMet ? "goal met" : "goal missed"}</span>
                  ) : null}
                </td>
                <td className="max-w-sm px-3 py-2 text-slate-700">{s.goal || <span className="text-slate-500">—</span>}</td>
                <td className="px-3 py-2 text-right tabular-nums">{s.capacityPoints}</td>
                <td className={`px-3 py-2 text-right tabular-nums ${s.status !== "CLOSED" && s.plannedPoints > s.capacityPoints ? "font-semibold text-rose-700" : ""}`}>
                  {s.plannedPoints}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{s.committedPoints ?? "—"}</td>
                <td className="px-3 py-2 text-right tabular-nums">{s.completedPoints ?? "—"}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums" title="Mid-sprint insertions + removals">
                  {s.midSprintCount + s.removedCount === 0 ? "—" : `+${s.midSprintCount} / −${s.removedCount}`}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{s.retroOpen + s.retroDone === 0 ? "—" : `${s.retroDone}/${s.retroOpen + s.retroDone}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function SummaryCard({ title, sprint, teamId, empty }: { title: string; sprint: Awaited<ReturnType<typeof listTeamSprints>>[number] | undefined; teamId: number; empty: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <p className="text-xs font-medium text-slate-500">{title}</p>
      {sprint ? (
        <>
          <p className="mt-1 flex items-baseline justify-between gap-2">
            <Link href={`/teams/${teamId}/sprints/${sprint.id}`} className="text-lg font-semibold text-indigo-700 hover:underline">
              Sprint {sprint.number}
            </Link>
            <span className="text-xs text-slate-500">
              {formatShortDay(sprint.startDate)} – {formatShortDay(sprint.endDate)}
            </span>
          </p>
          <p className="mb-2 line-clamp-1 text-xs text-slate-600">{sprint.goal || "No goal yet"}</p>
          <CapacityBar load={planLoad(sprint.plannedPoints, sprint.capacityPoints)} label={sprint.status === "ACTIVE" ? "In scope" : "Planned"} />
        </>
      ) : (
        <p className="mt-2 text-sm text-slate-500">{empty}</p>
      )}
    </div>
  );
}
