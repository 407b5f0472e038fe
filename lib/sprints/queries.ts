import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ItemStatus, MemberRole, SprintStatus } from "@/lib/generated/prisma/enums";
import { missingForReady, type ReadinessField } from "@/lib/backlog/readiness";
import { toIsoDay } from "@/lib/format/dates";
import { countWorkingDays, type WorkingDays } from "./cadence";
import { planLoad, pointsPerDay, sprintCapacity, VELOCITY_WINDOW, type PlanLoad, type SprintCapacity } from "./capacity";

// ───────────────────────────── capacity inputs (shared with mutations) ─────────────────────────────

/** The organisation's working weekdays and holidays (Mon–Fri without holidays when no organisation exists). */
export async function readWorkingDays(db: Tx): Promise<WorkingDays> {
  const org = await db.organization.findFirst({ orderBy: { id: "asc" }, select: { workingDays: true, holidays: { select: { date: true } } } });
  return {
    weekdays: org?.workingDays ?? [1, 2, 3, 4, 5],
    holidays: new Set((org?.holidays ?? []).map((h) => toIsoDay(h.date))),
  };
}

export interface CapacityMember {
  personId: number;
  name: string;
  role: MemberRole;
  allocationPct: number;
  daysOff: number;
  availableDays: number;
}

export interface SprintCapacityDto extends Omit<SprintCapacity, "members"> {
  members: CapacityMember[];
}

/**
 * The sprint's capacity from its team's members (OVERSIGHT left out: no sprint work), their days off in this
 * sprint, and the points per day of the team's last three closed sprints before it (lib/sprints/capacity.ts).
 * Takes the client or a transaction, so actions compute it inside their transaction.
 */
export async function computeSprintCapacity(
  db: Tx,
  sprint: { id: number; teamId: number; number: number; startDate: Date; endDate: Date },
  calendar?: WorkingDays,
): Promise<SprintCapacityDto> {
  const days = calendar ?? (await readWorkingDays(db));
  const [memberships, closed] = await Promise.all([
    db.membership.findMany({
      where: { teamId: sprint.teamId, role: { not: "OVERSIGHT" } },
      select: { personId: true, role: true, allocationPct: true, person: { select: { name: true } } },
      orderBy: [{ person: { name: "asc" } }],
    }),
    db.sprint.findMany({
      where: { teamId: sprint.teamId, status: "CLOSED", number: { lt: sprint.number } },
      orderBy: { number: "desc" },
      take: VELOCITY_WINDOW,
      select: { id: true, startDate: true, endDate: true, completedPoints: true },
    }),
  ]);
  const availability = await db.sprintAvailability.findMany({
    where: { sprintId: { in: [sprint.id, ...closed.map((s) => s.id)] } },
    select: { sprintId: true, personId: true, daysOff: true },
  });
  const daysOff = (sprintId: number, personId: number) =>
    availability.find((a) => a.sprintId === sprintId && a.personId === personId)?.daysOff ?? 0;
  const membersOf = (sprintId: number) =>
    memberships.map((m) => ({ personId: m.personId, allocationPct: m.allocationPct, daysOff: daysOff(sprintId, m.personId) }));

  const history = closed.map((s) => {
    const wd = countWorkingDays(toIsoDay(s.startDate), toIsoDay(s.endDate), days);
    return { completedPoints: s.completedPoints ?? 0, availableDays: sprintCapacity(wd, membersOf(s.id), pointsPerDay([])).availableDays };
  });
  const workingDays = countWorkingDays(toIsoDay(sprint.startDate), toIsoDay(sprint.endDate), days);
  const capacity = sprintCapacity(workingDays, membersOf(sprint.id), pointsPerDay(history));
  return {
    ...capacity,
    members: memberships.map((m, i) => ({
      personId: m.personId,
      name: m.person.name,
      role: m.role,
      allocationPct: m.allocationPct,
      daysOff: daysOff(sprint.id, m.personId),
      availableDays: capacity.members[i]?.availableDays ?? 0,
    })),
  };
}

// ───────────────────────────── team sprints ─────────────────────────────

export interface SprintListRow {
  id: number;
  number: number;
  status: SprintStatus;
  startDate: string;
  endDate: string;
  goal: string;
  capacityPoints: number;
  /** Points of the stories in scope now (not removed). */
  plannedPoints: number;
  /** Points committed at start (points at start of the committed set); null before start. */
  committedPoints: number | null;
  completedPoints: number | null;
  goalMet: boolean | null;
  itemCount: number;
  midSprintCount: number;
  removedCount: number;
  retroOpen: number;
  retroDone: number;
}

/**
 * A team's sprints, newest first, with their scope counted in SQL. A planned sprint's capacity is the live one
 * (members and days off as they are now); a started sprint's is the one fixed at its start.
 */
export async function listTeamSprints(teamId: number): Promise<SprintListRow[]> {
  const db = getDb();
  const rows = await db.$queryRaw<SprintListRow[]>(Prisma.sql`
    SELECT s.id, s.number, s.status::text AS status,
           to_char(s.start_date, 'YYYY-MM-DD') AS "startDate",
           to_char(s.end_date, 'YYYY-MM-DD') AS "endDate",
           s.goal, s.capacity_points AS "capacityPoints",
           COALESCE(SUM(bi.estimate) FILTER (WHERE si.removed_at IS NULL), 0)::int AS "plannedPoints",
           CASE WHEN s.status = 'PLANNED' THEN NULL
                ELSE COALESCE(SUM(si.points_at_start) FILTER (WHERE si.committed), 0)::int END AS "committedPoints",
           s.completed_points AS "completedPoints",
           s.goal_met AS "goalMet",
           COUNT(si.id) FILTER (WHERE si.removed_at IS NULL)::int AS "itemCount",
           COUNT(si.id) FILTER (WHERE si.mid_sprint)::int AS "midSprintCount",
           COUNT(si.id) FILTER (WHERE si.removed_at IS NOT NULL)::int AS "removedCount",
           (SELECT COUNT(*) FROM retro_action_item r WHERE r.sprint_id = s.id AND NOT r.done)::int AS "retroOpen",
           (SELECT COUNT(*) FROM retro_action_item r WHERE r.sprint_id = s.id AND r.done)::int AS "retroDone"
      FROM sprint s
      LEFT JOIN sprint_item si ON si.sprint_id = s.id
      LEFT JOIN backlog_item bi ON bi.id = si.item_id
     WHERE s.team_id = ${teamId}
     GROUP BY s.id
     ORDER BY s.number DESC
  `);
  const planned = rows.filter((r) => r.status === "PLANNED");
  if (planned.length === 0) return rows;
  const calendar = await readWorkingDays(db);
  const live = await Promise.all(
    planned.map((r) =>
      computeSprintCapacity(db, { id: r.id, teamId, number: r.number, startDate: new Date(`${r.startDate}T00:00:00Z`), endDate: new Date(`${r.endDate}T00:00:00Z`) }, calendar),
    ),
  );
  const byId = new Map(planned.map((r, i) => [r.id, live[i]!.capacityPoints]));
  return rows.map((r) => (byId.has(r.id) ? { ...r, capacityPoints: byId.get(r.id)! } : r));
}

export interface SprintTeamDto {
  id: number;
  name: string;
  cadenceDays: number;
  cadenceAnchor: string;
  requiresBriefLink: boolean;
}

export async function getSprintTeam(teamId: number): Promise<SprintTeamDto | null> {
  const team = await getDb().team.findUnique({
    where: { id: teamId },
    select: { id: true, name: true, cadenceDays: true, cadenceAnchor: true, requiresBriefLink: true },
  });
  return team ? { ...team, cadenceAnchor: toIsoDay(team.cadenceAnchor) } : null;
}

// ───────────────────────────── one sprint ─────────────────────────────

export interface SprintItemDto {
  itemId: number;
  key: string;
  title: string;
  status: ItemStatus;
  estimate: number | null;
  owner: string | null;
  parentKey: string | null;
  committed: boolean;
  midSprint: boolean;
  addedAt: string;
  removedAt: string | null;
  pointsAtStart: number | null;
}

export interface CandidateStoryDto {
  itemId: number;
  key: string;
  title: string;
  status: ItemStatus;
  estimate: number | null;
  owner: string | null;
  parentKey: string | null;
  /** Definition of Ready: what is still missing (empty: ready). */
  missing: ReadinessField[];
}

export interface RetroActionDto {
  id: number;
  title: string;
  owner: string | null;
  ownerPersonId: number | null;
  done: boolean;
  doneAt: string | null;
  version: number;
}

export interface SprintDetail {
  id: number;
  number: number;
  status: SprintStatus;
  startDate: string;
  endDate: string;
  goal: string;
  version: number;
  /** Stored capacity (frozen at start); for planned sprints the live figure is in `capacity`. */
  capacityPoints: number;
  goalMet: boolean | null;
  completedPoints: number | null;
  startedAt: string | null;
  closedAt: string | null;
  team: SprintTeamDto;
  capacity: SprintCapacityDto;
  load: PlanLoad;
  committedPoints: number;
  items: SprintItemDto[];
  /** The team's open stories that are in no open sprint, in rank order: what planning picks from. */
  candidates: CandidateStoryDto[];
  retro: RetroActionDto[];
  /** Sprints before and after it, for navigation. */
  previous: { id: number; number: number } | null;
  next: { id: number; number: number; status: SprintStatus } | null;
  /** An active sprint of the team other than this one (a planned sprint cannot start while it runs). */
  activeSprint: { id: number; number: number } | null;
  members: { personId: number; name: string }[];
}

/** A sprint with its scope, capacity breakdown, the stories planning can pick from, and its retrospective. */
export const getSprintDetail = cache(async (teamId: number, sprintId: number): Promise<SprintDetail | null> => {
  const db = getDb();
  const sprint = await db.sprint.findFirst({ where: { id: sprintId, teamId } });
  if (!sprint) return null;
  const team = (await getSprintTeam(teamId))!;
  const [capacity, entries, candidates, retro, previous, next, active, members] = await Promise.all([
    computeSprintCapacity(db, sprint),
    db.sprintItem.findMany({
      where: { sprintId },
      orderBy: [{ item: { rank: "asc" } }],
      select: {
        committed: true,
        midSprint: true,
        addedAt: true,
        removedAt: true,
        pointsAtStart: true,
        item: {
          select: { id: true, key: true, title: true, status: true, estimate: true, owner: { select: { name: true } }, parent: { select: { key: true } } },
        },
      },
    }),
    db.backlogItem.findMany({
      where: {
        teamId,
        level: "STORY",
        status: { notIn: ["DONE", "CANCELLED"] },
        sprintEntries: { none: { removedAt: null, sprint: { status: { in: ["PLANNED", "ACTIVE"] } } } },
      },
      orderBy: { rank: "asc" },
      take: 200,
      select: {
        id: true,
        key: true,
        title: true,
        status: true,
        estimate: true,
        ownerPersonId: true,
        acceptanceCriteria: true,
        briefUrl: true,
        owner: { select: { name: true } },
        parent: { select: { key: true } },
      },
    }),
    db.retroActionItem.findMany({
      where: { sprintId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, title: true, ownerPersonId: true, done: true, doneAt: true, version: true, owner: { select: { name: true } } },
    }),
    db.sprint.findFirst({ where: { teamId, number: { lt: sprint.number } }, orderBy: { number: "desc" }, select: { id: true, number: true } }),
    db.sprint.findFirst({ where: { teamId, number: { gt: sprint.number } }, orderBy: { number: "asc" }, select: { id: true, number: true, status: true } }),
    db.sprint.findFirst({ where: { teamId, status: "ACTIVE", id: { not: sprintId } }, select: { id: true, number: true } }),
    db.membership.findMany({ where: { teamId }, orderBy: { person: { name: "asc" } }, select: { personId: true, person: { select: { name: true } } } }),
  ]);

  const items: SprintItemDto[] = entries.map((e) => ({
    itemId: e.item.id,
    key: e.item.key,
    title: e.item.title,
    status: e.item.status,
    estimate: e.item.estimate,
    owner: e.item.owner?.name ?? null,
    parentKey: e.item.parent?.key ?? null,
    committed: e.committed,
    midSprint: e.midSprint,
    addedAt: e.addedAt.toISOString(),
    removedAt: e.removedAt?.toISOString() ?? null,
    pointsAtStart: e.pointsAtStart,
  }));
  const plannedPoints = items.filter((i) => i.removedAt === null).reduce((sum, i) => sum + (i.estimate ?? 0), 0);
  const committedPoints = items.filter((i) => i.committed).reduce((sum, i) => sum + (i.pointsAtStart ?? 0), 0);
  // A planned sprint is measured against the live capacity; a started one against what was fixed at start.
  const capacityPoints = sprint.status === "PLANNED" ? capacity.capacityPoints : sprint.capacityPoints;

  return {
    id: sprint.id,
    number: sprint.number,
    status: sprint.status,
    startDate: toIsoDay(sprint.startDate),
    endDate: toIsoDay(sprint.endDate),
    goal: sprint.goal,
    version: sprint.version,
    capacityPoints: sprint.capacityPoints,
    goalMet: sprint.goalMet,
    completedPoints: sprint.completedPoints,
    startedAt: sprint.startedAt?.toISOString() ?? null,
    closedAt: sprint.closedAt?.toISOString() ?? null,
    team,
    capacity,
    load: planLoad(plannedPoints, capacityPoints),
    committedPoints,
    items,
    candidates: candidates.map((c) => ({
      itemId: c.id,
      key: c.key,
      title: c.title,
      status: c.status,
      estimate: c.estimate,
      owner: c.owner?.name ?? null,
      parentKey: c.parent?.key ?? null,
      missing: missingForReady(c, team),
    })),
    retro: retro.map((r) => ({
      id: r.id,
      title: r.title,
      owner: r.owner?.name ?? null,
      ownerPersonId: r.ownerPersonId,
      done: r.done,
      doneAt: r.doneAt?.toISOString() ?? null,
      version: r.version,
    })),
    previous,
    next,
    activeSprint: active,
    members: members.map((m) => ({ personId: m.personId, name: m.person.name })),
  };
});
