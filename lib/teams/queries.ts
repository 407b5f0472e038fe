import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { toIsoDay } from "@/lib/format/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import type {
  DecisionMode,
  Direction,
  KpiFrequency,
  IntakeMethod,
  MemberRole,
  SprintStatus,
  TeamKind,
  TeamShape,
  TurnaroundUnit,
  ValueStreamKind,
} from "@/lib/generated/prisma/enums";
import { teamFindings, type TeamFinding, type TeamShapeFacts } from "./rules";

/** Facts about a team's structure, aggregated in SQL, from which its findings are computed (./rules.ts). */
interface TeamFactsRow {
  teamId: number;
  kind: TeamKind;
  deliveryMemberCount: number;
  roles: MemberRole[];
  doubleBooked: { name: string; otherPods: string[] }[];
}

/**
 * Per team (one team, or every team that is not archived): delivery member count, the roles held, and the
 * delivery members who also deliver in another active pod. One pass with GROUP BY / array_agg; memberships
 * are never loaded into JavaScript to compute these.
 */
async function loadTeamFacts(teamId?: number): Promise<Map<number, TeamShapeFacts>> {
  const only = teamId === undefined ? Prisma.sql`t.archived_at IS NULL` : Prisma.sql`t.id = ${teamId}`;
  const rows = await getDb().$queryRaw<TeamFactsRow[]>(Prisma.sql`
    WITH pod_delivery AS (
      SELECT m.person_id, m.team_id, pt.name AS team_name
        FROM membership m
        JOIN team pt ON pt.id = m.team_id
       WHERE pt.kind = 'DELIVERY_POD' AND pt.archived_at IS NULL AND m.role <> 'OVERSIGHT'
    ),
    double_booked AS (
      SELECT a.team_id,
             jsonb_agg(jsonb_build_object('name', p.name, 'otherPods', b.pods) ORDER BY p.name) AS people
        FROM pod_delivery a
        JOIN person p ON p.id = a.person_id
        JOIN LATERAL (
          SELECT array_agg(o.team_name ORDER BY o.team_name) AS pods
            FROM pod_delivery o
           WHERE o.person_id = a.person_id AND o.team_id <> a.team_id
        ) b ON b.pods IS NOT NULL
       GROUP BY a.team_id
    )
    SELECT t.id AS "teamId",
           t.kind::text AS kind,
           COUNT(m.id) FILTER (WHERE m.role <> 'OVERSIGHT')::int AS "deliveryMemberCount",
           COALESCE(array_agg(m.role::text ORDER BY m.role) FILTER (WHERE m.id IS NOT NULL), '{}') AS roles,
           COALESCE(db.people, '[]'::jsonb) AS "doubleBooked"
      FROM team t
      LEFT JOIN membership m ON m.team_id = t.id
      LEFT JOIN double_booked db ON db.team_id = t.id
     WHERE ${only}
     GROUP BY t.id, db.people
  `);
  return new Map(rows.map((r) => [r.teamId, { kind: r.kind, deliveryMemberCount: r.deliveryMemberCount, roles: r.roles, doubleBooked: r.doubleBooked }]));
}

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
  cadenceDays: number;
  wipLimit: number;
  /** Structural health: no product owner, incomplete team, pod size, double-booked members. */
  findings: TeamFinding[];
}

/**
 * Every team that is not archived, with its product owner, agile lead(s), delivery member count and health
 * findings. Names and counts are aggregated in SQL (GROUP BY over memberships); findings come from the
 * per-team role aggregates (loadTeamFacts) through the pure rules.
 */
export async function listTeams(): Promise<TeamListRow[]> {
  const [rows, facts] = await Promise.all([
    getDb().$queryRaw<Omit<TeamListRow, "findings">[]>(Prisma.sql`
      SELECT t.id,
             t.name,
             t.kind::text AS kind,
             t.shape::text AS shape,
             vs.name AS "valueStream",
             string_agg(p.name, ', ' ORDER BY p.name) FILTER (WHERE m.role = 'PRODUCT_OWNER') AS "productOwner",
             string_agg(p.name, ', ' ORDER BY p.name) FILTER (WHERE m.role = 'AGILE_LEAD') AS "agileLead",
             COUNT(m.id) FILTER (WHERE m.role <> 'OVERSIGHT')::int AS "deliveryMemberCount",
             t.cadence_days AS "cadenceDays",
             t.wip_limit AS "wipLimit"
        FROM team t
        LEFT JOIN value_stream vs ON vs.id = t.value_stream_id
        LEFT JOIN membership m ON m.team_id = t.id
        LEFT JOIN person p ON p.id = m.person_id
       WHERE t.archived_at IS NULL
       GROUP BY t.id, vs.name
       ORDER BY t.kind, t.name
    `),
    loadTeamFacts(),
  ]);
  return rows.map((r) => {
    const f = facts.get(r.id);
    return { ...r, findings: f ? teamFindings(f) : [] };
  });
}

export interface TeamMemberDto {
  membershipId: number;
  /** The membership's version, sent back by edit forms (optimistic concurrency). */
  version: number;
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
  /** Who approves, as shown: the person's name, or else the role. */
  approver: string | null;
  approverPersonId: number | null;
  approverRole: string | null;
  responseHours: number | null;
  escalationRoute: string;
}

export interface TeamKpiDto {
  id: number;
  name: string;
  unit: string;
  direction: Direction;
  target: number;
  frequency: KpiFrequency;
  dataOwner: string;
  latestValue: number | null;
  latestPeriod: string | null;
  onTarget: boolean | null;
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
  version: number;
  name: string;
  kind: TeamKind;
  shape: TeamShape;
  mission: string;
  valueStream: { id: number; name: string; kind: ValueStreamKind } | null;
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
  kpis: TeamKpiDto[];
  findings: TeamFinding[];
}

interface SprintPointsRow {
  committedPoints: number;
  donePoints: number;
  itemCount: number;
}

/**
 * One team with its members, decision rights, KPIs (latest measurement picked in SQL), health findings,
 * current sprint (points summed in SQL) and, for a shared service, its SLAs. Null when no team has this id. Cached per request (metadata and page both ask).
 */
export const getTeamDetail = cache(async (teamId: number): Promise<TeamDetail | null> => {
  const db = getDb();
  const team = await db.team.findUnique({
    where: { id: teamId },
    select: {
      id: true,
      version: true,
      name: true,
      kind: true,
      shape: true,
      mission: true,
      cadenceDays: true,
      cadenceAnchor: true,
      wipLimit: true,
      requiresBriefLink: true,
      archivedAt: true,
      valueStream: { select: { id: true, name: true, kind: true } },
      _count: { select: { memberships: { where: { role: { not: "OVERSIGHT" } } } } },
      memberships: {
        orderBy: [{ role: "asc" }, { person: { name: "asc" } }],
        select: {
          id: true,
          version: true,
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
          approverPersonId: true,
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

  const [kpis, facts] = await Promise.all([listTeamKpis(teamId), loadTeamFacts(teamId)]);
  const teamFacts = facts.get(teamId);

  const members = team.memberships.map((m) => ({
    membershipId: m.id,
    version: m.version,
    personId: m.person.id,
    name: m.person.name,
    title: m.person.title,
    role: m.role,
    allocationPct: m.allocationPct,
  }));

  return {
    id: team.id,
    version: team.version,
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
      approverPersonId: d.approverPersonId,
      approverRole: d.approverRole,
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
    kpis,
    findings: teamFacts ? teamFindings(teamFacts) : [],
  };
});

/** A team's own KPIs with their latest measurement (a LATERAL join picks it in SQL). */
async function listTeamKpis(teamId: number): Promise<TeamKpiDto[]> {
  return getDb().$queryRaw<TeamKpiDto[]>(Prisma.sql`
    SELECT k.id,
           k.name,
           k.unit,
           k.direction::text AS direction,
           k.target,
           k.frequency::text AS frequency,
           p.name AS "dataOwner",
           m.value AS "latestValue",
           to_char(m.period_start, 'YYYY-MM-DD') AS "latestPeriod",
           CASE
             WHEN m.value IS NULL THEN NULL
             WHEN k.direction = 'HIGHER_IS_BETTER' THEN m.value >= k.target
             ELSE m.value <= k.target
           END AS "onTarget"
      FROM kpi k
      JOIN person p ON p.id = k.data_owner_id
      LEFT JOIN LATERAL (
        SELECT km.value, km.period_start FROM kpi_measurement km WHERE km.kpi_id = k.id ORDER BY km.period_start DESC LIMIT 1
      ) m ON true
     WHERE k.team_id = ${teamId}
     ORDER BY k.name
  `);
}

/** Whether a team with this id exists (archived teams included: their pages still resolve). */
export async function teamExists(teamId: number): Promise<boolean> {
  const count = await getDb().team.count({ where: { id: teamId } });
  return count > 0;
}

export interface TeamOption {
  id: number;
  name: string;
  kind: TeamKind;
}

/** Teams a member can be moved to (not archived), pods first. */
export async function listTeamOptions(): Promise<TeamOption[]> {
  return getDb().team.findMany({ where: { archivedAt: null }, orderBy: [{ kind: "asc" }, { name: "asc" }], select: { id: true, name: true, kind: true } });
}

// ───────────────────────────── org chart ─────────────────────────────

export interface OrgPerson {
  personId: number;
  name: string;
  title: string;
  role: MemberRole;
  allocationPct: number;
}

export interface OrgTeam {
  id: number;
  name: string;
  kind: TeamKind;
  shape: TeamShape;
  mission: string;
  /** Members doing sprint work, product owner and agile lead first. */
  members: OrgPerson[];
  findings: TeamFinding[];
}

export interface OrgSlaSummary {
  requestType: string;
  turnaround: number;
  turnaroundUnit: TurnaroundUnit;
  intakeMethod: IntakeMethod;
  requestDays: number[];
}

export interface OrgService extends OrgTeam {
  slas: OrgSlaSummary[];
}

export interface OrgStream {
  id: number;
  name: string;
  kind: ValueStreamKind;
  description: string;
  pods: OrgTeam[];
}

export interface OrgChart {
  streams: OrgStream[];
  /** Delivery pods without a value stream. */
  unalignedPods: OrgTeam[];
  services: OrgService[];
  /** People in an oversight role (governance, no sprint work), with how many teams they oversee. */
  oversight: { personId: number; name: string; title: string; teamCount: number }[];
}

/**
 * The organisation as a picture: value streams → delivery pods → people, shared services with their active
 * SLAs, and the oversight layer. Loads the people it shows; the findings come from the SQL aggregates.
 */
export async function getOrgChart(): Promise<OrgChart> {
  const db = getDb();
  const [streams, teams, facts] = await Promise.all([
    db.valueStream.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, kind: true, description: true } }),
    db.team.findMany({
      where: { archivedAt: null },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        kind: true,
        shape: true,
        mission: true,
        valueStreamId: true,
        memberships: {
          orderBy: [{ role: "asc" }, { person: { name: "asc" } }],
          select: { role: true, allocationPct: true, person: { select: { id: true, name: true, title: true } } },
        },
        slas: {
          where: { active: true },
          orderBy: { requestType: "asc" },
          select: { requestType: true, turnaround: true, turnaroundUnit: true, intakeMethod: true, requestDays: true },
        },
      },
    }),
    loadTeamFacts(),
  ]);

  const oversight = new Map<number, { personId: number; name: string; title: string; teamCount: number }>();
  const toOrgTeam = (t: (typeof teams)[number]): OrgTeam => {
    const members: OrgPerson[] = [];
    for (const m of t.memberships) {
      if (m.role === "OVERSIGHT") {
        const o = oversight.get(m.person.id) ?? { personId: m.person.id, name: m.person.name, title: m.person.title, teamCount: 0 };
        o.teamCount += 1;
        oversight.set(m.person.id, o);
        continue;
      }
      members.push({ personId: m.person.id, name: m.person.name, title: m.person.title, role: m.role, allocationPct: m.allocationPct });
    }
    const f = facts.get(t.id);
    return { id: t.id, name: t.name, kind: t.kind, shape: t.shape, mission: t.mission, members, findings: f ? teamFindings(f) : [] };
  };

  const pods = teams.filter((t) => t.kind === "DELIVERY_POD");
  // toOrgTeam also collects the oversight layer, so it is read only after every team has been mapped.
  const streamRows = streams.map((s) => ({ ...s, pods: pods.filter((t) => t.valueStreamId === s.id).map(toOrgTeam) }));
  const unalignedPods = pods.filter((t) => t.valueStreamId === null).map(toOrgTeam);
  const services = teams.filter((t) => t.kind === "SHARED_SERVICE").map((t) => ({ ...toOrgTeam(t), slas: t.slas }));
  return {
    streams: streamRows,
    unalignedPods,
    services,
    oversight: [...oversight.values()].sort((a, b) => b.teamCount - a.teamCount || a.name.localeCompare(b.name)),
  };
}

/**
 * The sprint cadence most active teams share (length and anchor), so a new team joins the same rhythm
 * ("each pod operates on the same sprint cadence"); null when there are no teams yet.
 */
export async function getCommonCadence(): Promise<{ cadenceDays: number; cadenceAnchor: string } | null> {
  const [row] = await getDb().$queryRaw<{ cadenceDays: number; cadenceAnchor: string }[]>(Prisma.sql`
    SELECT cadence_days AS "cadenceDays", to_char(cadence_anchor, 'YYYY-MM-DD') AS "cadenceAnchor"
      FROM team WHERE archived_at IS NULL
     GROUP BY cadence_days, cadence_anchor
     ORDER BY COUNT(*) DESC, cadence_anchor DESC
     LIMIT 1
  `);
  return row ?? null;
}
