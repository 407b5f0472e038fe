import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { toIsoDay } from "@/lib/format/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type {
  DecisionMode,
  IntakeMethod,
  MemberRole,
  SprintStatus,
  TeamKind,
  TeamShape,
  TurnaroundUnit,
  ValueStreamKind,
} from "@/lib/generated/prisma/enums";

export interface TeamListRow {
  id: number;
  name: string;
  kind: TeamKind;
  shape: TeamShape;
  valueStream: string | null;
  productOwner: string | null;
  agileLead: string | null;
  /** Members in a delivery role (every role except OVERSIGHT). */
  deliveryMemberCount: number;
  wipLimit: number;
}

/**
 * Every team that is not archived, with its product owner, agile lead(s) and delivery member count,
 * aggregated in SQL (one GROUP BY over memberships).
 */
export async function listTeams(): Promise<TeamListRow[]> {
  return getDb().$queryRaw<TeamListRow[]>(Prisma.sql`
    SELECT t.id,
           t.name,
           t.kind::text AS kind,
           t.shape::text AS shape,
           vs.name AS "valueStream",
           string_agg(p.name, ', ' ORDER BY p.name) FILTER (WHERE m.role = 'PRODUCT_OWNER') AS "productOwner",
           string_agg(p.name, ', ' ORDER BY p.name) FILTER (WHERE m.role = 'AGILE_LEAD') AS "agileLead",
           COUNT(m.id) FILTER (WHERE m.role <> 'OVERSIGHT')::int AS "deliveryMemberCount",
           t.wip_limit AS "wipLimit"
      FROM team t
      LEFT JOIN value_stream vs ON vs.id = t.value_stream_id
      LEFT JOIN membership m ON m.team_id = t.id
      LEFT JOIN person p ON p.id = m.person_id
     WHERE t.archived_at IS NULL
     GROUP BY t.id, vs.name
     ORDER BY t.kind, t.name
  `);
}

export interface TeamMemberDto {
  membershipId: number;
  personId: number;
  name: string;
  title: string;
  role: MemberRole;
  allocationPct: number;
}

export interface DecisionRightDto {
  id: number;
  decision: string;
  mode: DecisionMode;
  approver: string | null;
  responseHours: number | null;
  escalationRoute: string;
}

export interface TeamSprintDto {
  id: number;
  number: number;
  status: SprintStatus;
  startDate: string;
  endDate: string;
  goal: string;
  capacityPoints: number;
  committedPoints: number;
  donePoints: number;
  itemCount: number;
}

export interface SlaDto {
  id: number;
  requestType: string;
  requestDays: number[];
  turnaround: number;
  turnaroundUnit: TurnaroundUnit;
  intakeMethod: IntakeMethod;
  active: boolean;
  /** Escalation path in order: a person's name, or the role to route to. */
  escalation: string[];
}

export interface TeamDetail {
  id: number;
  name: string;
  kind: TeamKind;
  shape: TeamShape;
  mission: string;
  valueStream: { name: string; kind: ValueStreamKind } | null;
  cadenceDays: number;
  cadenceAnchor: string;
  wipLimit: number;
  requiresBriefLink: boolean;
  archived: boolean;
  members: TeamMemberDto[];
  deliveryMemberCount: number;
  decisionRights: DecisionRightDto[];
  /** The running sprint, or else the next planned one. */
  currentSprint: TeamSprintDto | null;
  slas: SlaDto[];
}

interface SprintPointsRow {
  committedPoints: number;
  donePoints: number;
  itemCount: number;
}

/**
 * One team with its members, decision rights, current sprint (points summed in SQL) and, for a shared
 * service, its SLAs. Null when no team has this id. Cached per request (metadata and page both ask).
 */
export const getTeamDetail = cache(async (teamId: number): Promise<TeamDetail | null> => {
  const db = getDb();
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      name: true,
      kind: true,
      shape: true,
      mission: true,
      cadenceDays: true,
      cadenceAnchor: true,
      wipLimit: true,
      requiresBriefLink: true,
      archivedAt: true,
      valueStream: { select: { name: true, kind: true } },
      _count: { select: { memberships: { where: { role: { not: "OVERSIGHT" } } } } },
      memberships: {
        orderBy: [{ role: "asc" }, { person: { name: "asc" } }],
        select: {
          id: true,
          role: true,
          allocationPct: true,
          person: { select: { id: true, name: true, title: true } },
        },
      },
      decisionRights: {
        orderBy: [{ mode: "asc" }, { decision: "asc" }],
        select: {
          id: true,
          decision: true,
          mode: true,
          approverRole: true,
          responseHours: true,
          escalationRoute: true,
          approver: { select: { name: true } },
        },
      },
      slas: {
        orderBy: { requestType: "asc" },
        select: {
          id: true,
          requestType: true,
          requestDays: true,
          turnaround: true,
          turnaroundUnit: true,
          intakeMethod: true,
          active: true,
          escalationSteps: {
            orderBy: { position: "asc" },
            select: { role: true, person: { select: { name: true } } },
          },
        },
      },
    },
  });
  if (!team) return null;

  const sprint =
    (await db.sprint.findFirst({ where: { teamId, status: "ACTIVE" } })) ??
    (await db.sprint.findFirst({ where: { teamId, status: "PLANNED" }, orderBy: { startDate: "asc" } }));

  let currentSprint: TeamSprintDto | null = null;
  if (sprint) {
    const [points] = await db.$queryRaw<SprintPointsRow[]>(Prisma.sql`
      SELECT COALESCE(SUM(COALESCE(si.points_at_start, bi.estimate)) FILTER (WHERE si.committed), 0)::int AS "committedPoints",
             COALESCE(SUM(bi.estimate) FILTER (WHERE bi.status = 'DONE' AND si.removed_at IS NULL), 0)::int AS "donePoints",
             COUNT(*) FILTER (WHERE si.removed_at IS NULL)::int AS "itemCount"
        FROM sprint_item si
        JOIN backlog_item bi ON bi.id = si.item_id
       WHERE si.sprint_id = ${sprint.id}
    `);
    currentSprint = {
      id: sprint.id,
      number: sprint.number,
      status: sprint.status,
      startDate: toIsoDay(sprint.startDate),
      endDate: toIsoDay(sprint.endDate),
      goal: sprint.goal,
      capacityPoints: sprint.capacityPoints,
      committedPoints: points?.committedPoints ?? 0,
      donePoints: points?.donePoints ?? 0,
      itemCount: points?.itemCount ?? 0,
    };
  }

  const members = team.memberships.map((m) => ({
    membershipId: m.id,
    personId: m.person.id,
    name: m.person.name,
    title: m.person.title,
    role: m.role,
    allocationPct: m.allocationPct,
  }));

  return {
    id: team.id,
    name: team.name,
    kind: team.kind,
    shape: team.shape,
    mission: team.mission,
    valueStream: team.valueStream,
    cadenceDays: team.cadenceDays,
    cadenceAnchor: toIsoDay(team.cadenceAnchor),
    wipLimit: team.wipLimit,
    requiresBriefLink: team.requiresBriefLink,
    archived: team.archivedAt !== null,
    members,
    deliveryMemberCount: team._count.memberships,
    decisionRights: team.decisionRights.map((d) => ({
      id: d.id,
      decision: d.decision,
      mode: d.mode,
      approver: d.approver?.name ?? d.approverRole ?? null,
      responseHours: d.responseHours,
      escalationRoute: d.escalationRoute,
    })),
    currentSprint,
    slas: team.slas.map((s) => ({
      id: s.id,
      requestType: s.requestType,
      requestDays: s.requestDays,
      turnaround: s.turnaround,
      turnaroundUnit: s.turnaroundUnit,
      intakeMethod: s.intakeMethod,
      active: s.active,
      escalation: s.escalationSteps.map((step) => step.person?.name ?? step.role ?? "—"),
    })),
  };
});

/** Whether a team with this id exists (archived teams included: their pages still resolve). */
export async function teamExists(teamId: number): Promise<boolean> {
  const count = await getDb().team.count({ where: { id: teamId } });
  return count > 0;
}
