import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IntakeMethod, RequestStatus, TurnaroundUnit } from "@/lib/generated/prisma/enums";
import { DEFAULT_TIME_ZONE } from "@/lib/organization/sql-fragments";
import { now as clockNow } from "@/lib/clock";
import { businessMinutesBetween, localDay, slaHealth, type SlaHealth, type WorkingCalendar } from "@/lib/calendar/business-time";
import { loadWorkingCalendar } from "@/lib/calendar/queries";

/** The organisation's business-time calendar (zone, hours, working days, holidays). */
export async function getWorkingCalendar(): Promise<WorkingCalendar> {
  return loadWorkingCalendar(getDb());
}

/** The calendar, "now" by the app clock (lib/clock.ts), and today's date in the organisation's zone. */
export async function getBusinessClock(): Promise<{ cal: WorkingCalendar; now: Date; today: string }> {
  const cal = await getWorkingCalendar();
  const now = clockNow();
  return { cal, now, today: localDay(cal.timeZone, now) };
}

export interface EscalationStepDto {
  personId: number | null;
  role: string | null;
  /** The person's name, or the role. */
  label: string;
}

export interface ServiceSlaDto {
  id: number;
  version: number;
  requestType: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday). */
  requestDays: number[];
  turnaround: number;
  turnaroundUnit: TurnaroundUnit;
  intakeMethod: IntakeMethod;
  active: boolean;
  escalation: string[];
  escalationSteps: EscalationStepDto[];
  openRequests: number;
}

export interface SharedServiceDto {
  id: number;
  name: string;
  mission: string;
  lead: string | null;
  slas: ServiceSlaDto[];
}

/**
 * Shared-service teams with their SLAs and escalation paths; open requests per SLA are counted with a
 * GROUP BY (Prisma groupBy), not by loading requests.
 */
export async function listSharedServices(): Promise<SharedServiceDto[]> {
  const db = getDb();
  const [teams, openBySla] = await Promise.all([
    db.team.findMany({
      where: { kind: "SHARED_SERVICE", archivedAt: null },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        mission: true,
        memberships: { where: { role: "PRODUCT_OWNER" }, select: { person: { select: { name: true } } } },
        slas: {
          orderBy: { requestType: "asc" },
          select: {
            id: true,
            version: true,
            requestType: true,
            requestDays: true,
            turnaround: true,
            turnaroundUnit: true,
            intakeMethod: true,
            active: true,
            escalationSteps: {
              orderBy: { position: "asc" },
              select: { role: true, personId: true, person: { select: { name: true } } },
            },
          },
        },
      },
    }),
    db.serviceRequest.groupBy({
      by: ["slaId"],
      where: { status: { not: "DELIVERED" } },
      _count: { _all: true },
    }),
  ]);
  const openCount = new Map(openBySla.map((g) => [g.slaId, g._count._all]));
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    mission: t.mission,
    lead: t.memberships[0]?.person.name ?? null,
    slas: t.slas.map((s) => {
      const steps = s.escalationSteps.map((step) => ({ personId: step.personId, role: step.role, label: step.person?.name ?? step.role ?? "—" }));
      return {
        id: s.id,
        version: s.version,
        requestType: s.requestType,
        requestDays: s.requestDays,
        turnaround: s.turnaround,
        turnaroundUnit: s.turnaroundUnit,
        intakeMethod: s.intakeMethod,
        active: s.active,
        escalation: steps.map((step) => step.label),
        escalationSteps: steps,
        openRequests: openCount.get(s.id) ?? 0,
      };
    }),
  }));
}

export interface SlaEditorDto {
  id: number;
  version: number;
  teamId: number;
  team: string;
  requestType: string;
  requestDays: number[];
  turnaround: number;
  turnaroundUnit: TurnaroundUnit;
  intakeMethod: IntakeMethod;
  active: boolean;
  escalation: { personId: number | null; role: string | null }[];
}

/** One SLA as its edit form needs it; null when there is no such SLA. */
export async function getSlaForEdit(slaId: number): Promise<SlaEditorDto | null> {
  const sla = await getDb().serviceLevelAgreement.findUnique({
    where: { id: slaId },
    select: {
      id: true,
      version: true,
      teamId: true,
      team: { select: { name: true } },
      requestType: true,
      requestDays: true,
      turnaround: true,
      turnaroundUnit: true,
      intakeMethod: true,
      active: true,
      escalationSteps: { orderBy: { position: "asc" }, select: { personId: true, role: true } },
    },
  });
  if (!sla) return null;
  const { team, escalationSteps, ...rest } = sla;
  return { ...rest, team: team.name, escalation: escalationSteps };
}

/** The shared service's name and kind, for the new-SLA page; null when no such team. */
export async function getServiceTeam(teamId: number): Promise<{ id: number; name: string; isService: boolean } | null> {
  const team = await getDb().team.findFirst({ where: { id: teamId, archivedAt: null }, select: { id: true, name: true, kind: true } });
  return team ? { id: team.id, name: team.name, isService: team.kind === "SHARED_SERVICE" } : null;
}

/** Everyone, for escalation paths (a path may name people outside the service: a VP, a general counsel). */
export async function listPeopleOptions(): Promise<{ id: number; name: string; title: string }[]> {
  return getDb().person.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, title: true } });
}

// ───────────────────────────── requests ─────────────────────────────

interface ServiceRequestSqlRow {
  id: number;
  key: string;
  title: string;
  status: RequestStatus;
  serviceTeamId: number;
  service: string;
  requestType: string;
  requestingTeamId: number;
  requestingTeam: string;
  requester: string;
  assignee: string | null;
  submittedAt: Date;
  clockStartsAt: Date;
  dueAt: Date;
  deliveredAt: Date | null;
  escalationLevel: number;
}

export interface ServiceRequestRow extends Omit<ServiceRequestSqlRow, "submittedAt" | "clockStartsAt" | "dueAt" | "deliveredAt"> {
  /** ISO instants. */
  submittedAt: string;
  clockStartsAt: string;
  dueAt: string;
  deliveredAt: string | null;
  /** See SlaHealth in lib/calendar/business-time.ts: at risk is measured in business time. */
  health: SlaHealth;
  /** Business minutes left before the due time (negative once breached); null when delivered. */
  minutesLeft: number | null;
}

const requestSelectSql = Prisma.sql`
  SELECT r.id,
         r.key,
         r.title,
         r.status::text AS status,
         st.id AS "serviceTeamId",
         st.name AS service,
         s.request_type AS "requestType",
         rt.id AS "requestingTeamId",
         rt.name AS "requestingTeam",
         rq.name AS requester,
         a.name AS assignee,
         r.submitted_at AS "submittedAt",
         r.clock_starts_at AS "clockStartsAt",
         r.due_at AS "dueAt",
         r.delivered_at AS "deliveredAt",
         r.escalation_level AS "escalationLevel"
    FROM service_request r
    JOIN service_level_agreement s ON s.id = r.sla_id
    JOIN team st ON st.id = s.team_id
    JOIN team rt ON rt.id = r.requesting_team_id
    JOIN person rq ON rq.id = r.requester_id
    LEFT JOIN person a ON a.id = r.assignee_id`;

function withHealth(r: ServiceRequestSqlRow, cal: WorkingCalendar, now: Date): ServiceRequestRow {
  return {
    ...r,
    submittedAt: r.submittedAt.toISOString(),
    clockStartsAt: r.clockStartsAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
    health: slaHealth(cal, r, now),
    minutesLeft: r.deliveredAt ? null : Math.round(businessMinutesBetween(cal, now, r.dueAt)),
  };
}

/** All service requests, open ones first by due time, with SLA health in business time as of `now`. */
export async function listServiceRequests(cal: WorkingCalendar, now: Date): Promise<ServiceRequestRow[]> {
  const rows = await getDb().$queryRaw<ServiceRequestSqlRow[]>(Prisma.sql`
    ${requestSelectSql}
     ORDER BY (r.status = 'DELIVERED'), r.due_at, r.key`);
  return rows.map((r) => withHealth(r, cal, now));
}

export interface ServiceRequestDetail extends ServiceRequestRow {
  version: number;
  description: string;
  requesterId: number;
  assigneeId: number | null;
  acceptedAt: string | null;
  escalatedAt: string | null;
  turnaround: number;
  turnaroundUnit: TurnaroundUnit;
  requestDays: number[];
  intakeMethod: IntakeMethod;
  item: { id: number; key: string; title: string } | null;
  escalationPath: { label: string; reached: boolean }[];
  serviceMembers: { id: number; name: string }[];
}

/** One request with its SLA terms, escalation path and the service's members (assignees); null if none. */
export async function getServiceRequest(id: number, cal: WorkingCalendar, now: Date): Promise<ServiceRequestDetail | null> {
  const db = getDb();
  const [rows, extra] = await Promise.all([
    db.$queryRaw<ServiceRequestSqlRow[]>(Prisma.sql`${requestSelectSql} WHERE r.id = ${id}`),
    db.serviceRequest.findUnique({
      where: { id },
      select: {
        version: true,
        description: true,
        requesterId: true,
        assigneeId: true,
        acceptedAt: true,
        escalatedAt: true,
        escalationLevel: true,
        item: { select: { id: true, key: true, title: true } },
        sla: {
          select: {
            turnaround: true,
            turnaroundUnit: true,
            requestDays: true,
            intakeMethod: true,
            escalationSteps: { orderBy: { position: "asc" }, select: { role: true, person: { select: { name: true } } } },
            team: { select: { memberships: { orderBy: { person: { name: "asc" } }, select: { person: { select: { id: true, name: true } } } } } },
          },
        },
      },
    }),
  ]);
  const row = rows[0];
  if (!row || !extra) return null;
  return {
    ...withHealth(row, cal, now),
    version: extra.version,
    description: extra.description,
    requesterId: extra.requesterId,
    assigneeId: extra.assigneeId,
    acceptedAt: extra.acceptedAt?.toISOString() ?? null,
    escalatedAt: extra.escalatedAt?.toISOString() ?? null,
    turnaround: extra.sla.turnaround,
    turnaroundUnit: extra.sla.turnaroundUnit,
    requestDays: extra.sla.requestDays,
    intakeMethod: extra.sla.intakeMethod,
    item: extra.item,
    escalationPath: extra.sla.escalationSteps.map((s, i) => ({ label: s.person?.name ?? s.role ?? "—", reached: i < extra.escalationLevel })),
    serviceMembers: extra.sla.team.memberships.map((m) => m.person),
  };
}

/** Whether a request with this id exists (route layouts answer 404 before streaming). */
export async function serviceRequestExists(id: number): Promise<boolean> {
  return (await getDb().serviceRequest.count({ where: { id } })) > 0;
}

/** The request's id for a human key (`REQ-12`), for old links of the form ?key=REQ-12. */
export async function findRequestIdByKey(key: string): Promise<number | null> {
  const row = await getDb().serviceRequest.findUnique({ where: { key }, select: { id: true } });
  return row?.id ?? null;
}

export interface RequestableSla {
  id: number;
  serviceId: number;
  service: string;
  requestType: string;
  requestDays: number[];
  turnaround: number;
  turnaroundUnit: TurnaroundUnit;
  intakeMethod: IntakeMethod;
}

/** Active SLAs of active shared services, for the file-a-request form. */
export async function listRequestableSlas(): Promise<RequestableSla[]> {
  const rows = await getDb().serviceLevelAgreement.findMany({
    where: { active: true, team: { kind: "SHARED_SERVICE", archivedAt: null } },
    orderBy: [{ team: { name: "asc" } }, { requestType: "asc" }],
    select: { id: true, teamId: true, requestType: true, requestDays: true, turnaround: true, turnaroundUnit: true, intakeMethod: true, team: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    serviceId: r.teamId,
    service: r.team.name,
    requestType: r.requestType,
    requestDays: r.requestDays,
    turnaround: r.turnaround,
    turnaroundUnit: r.turnaroundUnit,
    intakeMethod: r.intakeMethod,
  }));
}

/** Delivery pods (and their open items) a request may be filed for. */
export async function listRequestingTeams(): Promise<{ id: number; name: string; items: { id: number; key: string; title: string }[] }[]> {
  const teams = await getDb().team.findMany({
    where: { archivedAt: null, kind: "DELIVERY_POD" },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      items: { where: { level: { in: ["FEATURE", "STORY"] }, status: { notIn: ["DONE", "CANCELLED"] } }, orderBy: { key: "asc" }, select: { id: true, key: true, title: true } },
    },
  });
  return teams;
}

// ───────────────────────────── compliance ─────────────────────────────

export interface SlaComplianceRow {
  serviceId: number;
  service: string;
  /** First day of the month (`YYYY-MM-01`, organisation's zone). */
  period: string;
  delivered: number;
  onTime: number;
  /** onTime ÷ delivered, null when nothing was delivered. */
  compliance: number | null;
}

/**
 * SLA compliance per shared service and calendar month (in the organisation's zone): requests delivered by
 * their due time ÷ requests delivered, for the last `months` months up to the month of `now`. One GROUP BY.
 */
export async function getSlaCompliance(now: Date, months = 3): Promise<SlaComplianceRow[]> {
  const tz = Prisma.sql`COALESCE((SELECT o.timezone FROM organization o ORDER BY o.id LIMIT 1), ${DEFAULT_TIME_ZONE})`;
  const rows = await getDb().$queryRaw<{ serviceId: number; service: string; period: string; delivered: number; onTime: number }[]>(Prisma.sql`
    WITH months AS (
      SELECT generate_series(
               date_trunc('month', (${now}::timestamptz AT TIME ZONE ${tz})) - make_interval(months => ${months - 1}::int),
               date_trunc('month', (${now}::timestamptz AT TIME ZONE ${tz})),
               interval '1 month')::date AS period
    )
    SELECT st.id AS "serviceId",
           st.name AS service,
           to_char(m.period, 'YYYY-MM-DD') AS period,
           COUNT(r.id)::int AS delivered,
           COUNT(r.id) FILTER (WHERE r.delivered_at <= r.due_at)::int AS "onTime"
      FROM team st
      CROSS JOIN months m
      LEFT JOIN service_level_agreement s ON s.team_id = st.id
      LEFT JOIN service_request r
             ON r.sla_id = s.id AND r.status = 'DELIVERED'
            AND date_trunc('month', r.delivered_at AT TIME ZONE ${tz})::date = m.period
     WHERE st.kind = 'SHARED_SERVICE' AND st.archived_at IS NULL
     GROUP BY st.id, st.name, m.period
     ORDER BY st.name, m.period`);
  return rows.map((r) => ({ ...r, compliance: r.delivered === 0 ? null : r.onTime / r.delivered }));
}

// ───────────────────────────── holidays ─────────────────────────────

export interface HolidayDto {
  id: number;
  /** `YYYY-MM-DD`. */
  date: string;
  name: string;
}

/** The organisation's holidays from `fromDay` on (all when omitted), in date order. */
export async function listHolidays(fromDay?: string): Promise<HolidayDto[]> {
  const rows = await getDb().holiday.findMany({
    where: fromDay ? { date: { gte: new Date(`${fromDay}T00:00:00Z`) } } : {},
    orderBy: { date: "asc" },
    select: { id: true, date: true, name: true },
  });
  return rows.map((h) => ({ id: h.id, date: h.date.toISOString().slice(0, 10), name: h.name }));
}
