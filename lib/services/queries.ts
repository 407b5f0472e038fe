import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IntakeMethod, RequestStatus, TurnaroundUnit } from "@/lib/generated/prisma/enums";

export interface ServiceSlaDto {
  id: number;
  requestType: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday). */
  requestDays: number[];
  turnaround: number;
  turnaroundUnit: TurnaroundUnit;
  intakeMethod: IntakeMethod;
  active: boolean;
  escalation: string[];
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
    slas: t.slas.map((s) => ({
      id: s.id,
      requestType: s.requestType,
      requestDays: s.requestDays,
      turnaround: s.turnaround,
      turnaroundUnit: s.turnaroundUnit,
      intakeMethod: s.intakeMethod,
      active: s.active,
      escalation: s.escalationSteps.map((step) => step.person?.name ?? step.role ?? "—"),
      openRequests: openCount.get(s.id) ?? 0,
    })),
  }));
}

/**
 * Where a request stands against its SLA:
 * BREACHED — open and past due; AT_RISK — open with less than 25 % of its time left; ON_TRACK — open otherwise;
 * MET / LATE — delivered by / after the due time.
 * The 25 % is measured on the wall-clock span from clock start to due, an approximation of business time
 * (the due time itself was computed in business time when the request was filed).
 */
export type SlaHealth = "BREACHED" | "AT_RISK" | "ON_TRACK" | "MET" | "LATE";

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
  dueAt: Date;
  deliveredAt: Date | null;
  escalationLevel: number;
  health: SlaHealth;
}

export interface ServiceRequestRow extends Omit<ServiceRequestSqlRow, "submittedAt" | "dueAt" | "deliveredAt"> {
  /** ISO instants. */
  submittedAt: string;
  dueAt: string;
  deliveredAt: string | null;
}

/** All service requests, open ones first by due time, with SLA health decided in SQL. */
export async function listServiceRequests(): Promise<ServiceRequestRow[]> {
  const rows = await getDb().$queryRaw<ServiceRequestSqlRow[]>(Prisma.sql`
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
           r.due_at AS "dueAt",
           r.delivered_at AS "deliveredAt",
           r.escalation_level AS "escalationLevel",
           CASE
             WHEN r.status = 'DELIVERED' AND r.delivered_at <= r.due_at THEN 'MET'
             WHEN r.status = 'DELIVERED' THEN 'LATE'
             WHEN r.due_at < now() THEN 'BREACHED'
             WHEN (r.due_at - now()) < (r.due_at - r.clock_starts_at) * 0.25 THEN 'AT_RISK'
             ELSE 'ON_TRACK'
           END AS health
      FROM service_request r
      JOIN service_level_agreement s ON s.id = r.sla_id
      JOIN team st ON st.id = s.team_id
      JOIN team rt ON rt.id = r.requesting_team_id
      JOIN person rq ON rq.id = r.requester_id
      LEFT JOIN person a ON a.id = r.assignee_id
     ORDER BY (r.status = 'DELIVERED'), r.due_at, r.key
  `);
  return rows.map((r) => ({
    ...r,
    submittedAt: r.submittedAt.toISOString(),
    dueAt: r.dueAt.toISOString(),
    deliveredAt: r.deliveredAt?.toISOString() ?? null,
  }));
}
