import "server-only";
import { getDb } from "@/lib/db/client";
import { listCampaignCollisions } from "@/lib/dependencies/queries";
import { dependencyRiskSql } from "@/lib/dependencies/sql-fragments";
import { formatShortDay } from "@/lib/format/dates";
import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_TIME_ZONE } from "@/lib/organization/sql-fragments";
import type { Scope } from "@/lib/metrics/period";
import { getBusinessClock, listServiceRequests } from "@/lib/services/queries";
import { overCapacityWarning, planLoad } from "@/lib/sprints/capacity";
import { computeSprintCapacity, readWorkingDays } from "@/lib/sprints/queries";
import { listRiskAlerts } from "@/lib/planning/queries";
import { RISK_LABELS } from "@/lib/planning/states";
import { listTeams } from "@/lib/teams/queries";
import { STALL_WORKING_DAYS, type Alert, type AlertKind } from "./kinds";

/*
 * The signals nobody has to ask for (DOMAIN.md, "alerts on the dashboard"), for the teams of a scope, each
 * pointing at the page where it is fixed. Severity: "critical" when something is already late or broken
 * (overdue, breached, over a limit), "warning" when it is a risk.
 *
 * Where another part of the app owns a definition, it is reused, not restated: overdue dependencies are
 * dependencyRiskSql's OVERDUE (lib/dependencies), SLA health is slaHealth in business time (lib/services),
 * campaign collisions are findCollisions (lib/dependencies), a sprint's plan against capacity is planLoad with the
 * live capacity of a planned sprint (lib/sprints), incomplete pods are the team findings (lib/teams). The rest
 * (WIP, stalled items, double-booking per person) are aggregates in SQL below.
 */

const TZ = Prisma.sql`COALESCE((SELECT o.timezone FROM organization o ORDER BY o.id LIMIT 1), ${DEFAULT_TIME_ZONE})`;
const WORKING_DAYS = Prisma.sql`COALESCE((SELECT o.working_days FROM organization o ORDER BY o.id LIMIT 1), ARRAY[1, 2, 3, 4, 5])`;

function scopeTeams(scope: Scope): Prisma.Sql {
  switch (scope.kind) {
    case "PORTFOLIO":
      return Prisma.sql`SELECT st.id FROM team st WHERE st.archived_at IS NULL`;
    case "VALUE_STREAM":
      return Prisma.sql`SELECT st.id FROM team st WHERE st.archived_at IS NULL AND st.value_stream_id = ${scope.valueStreamId}`;
    case "TEAM":
      return Prisma.sql`SELECT st.id FROM team st WHERE st.archived_at IS NULL AND st.id = ${scope.teamId}`;
  }
}

const WORK_ITEM = Prisma.sql`bi.level IN ('FEATURE', 'STORY')
  AND NOT EXISTS (SELECT 1 FROM backlog_item wi_child WHERE wi_child.parent_id = bi.id)`;

const db = () => getDb();

interface AlertRow {
  kind: AlertKind;
  severity: Alert["severity"];
  title: string;
  detail: string;
  href: string;
  /** Sorts within a kind (most urgent first). */
  weight: number;
}

/** WIP over limit: a team's work items in progress, blocked or in review exceed its WIP limit. */
function wipOverLimit(scope: Scope): Prisma.Sql {
  return Prisma.sql`
    SELECT 'WIP_OVER_LIMIT' AS kind, 'critical' AS severity,
           t.name || ': ' || w.wip || ' in progress, limit ' || t.wip_limit AS title,
           (w.wip - t.wip_limit) || ' over the team''s WIP limit: finish or stop something before starting more' AS detail,
           '/backlogs/' || t.id AS href, (w.wip - t.wip_limit)::int AS weight
      FROM team t
      JOIN (SELECT bi.team_id, COUNT(*) AS wip FROM backlog_item bi
             WHERE ${WORK_ITEM} AND bi.status IN ('IN_PROGRESS', 'IN_REVIEW', 'BLOCKED') GROUP BY bi.team_id) w ON w.team_id = t.id
     WHERE t.id IN (${scopeTeams(scope)}) AND w.wip > t.wip_limit`;
}

/**
 * Stalled: a work item in progress, blocked or in review whose last status change is STALL_WORKING_DAYS or more
 * working days ago (the organisation's working weekdays, holidays excluded), counted up to today.
 */
function stalledItems(scope: Scope, today: string): Prisma.Sql {
  return Prisma.sql`
    SELECT 'STALLED_ITEM' AS kind, 'warning' AS severity,
           bi.key || ' ' || bi.title AS title,
           t.name || ' · ' || lower(replace(bi.status::text, '_', ' ')) || ', no change for ' || s.idle || ' working days' AS detail,
           '/items/' || bi.id AS href, s.idle::int AS weight
      FROM backlog_item bi
      JOIN team t ON t.id = bi.team_id
      CROSS JOIN LATERAL (
        SELECT (COALESCE((SELECT max(sc.changed_at) FROM status_change sc WHERE sc.item_id = bi.id), bi.created_at) AT TIME ZONE ${TZ})::date AS last_day
      ) lc
      CROSS JOIN LATERAL (
        SELECT COUNT(*) AS idle FROM generate_series(lc.last_day + 1, ${today}::date, interval '1 day') d
         WHERE EXTRACT(ISODOW FROM d)::int = ANY(${WORKING_DAYS})
           AND NOT EXISTS (SELECT 1 FROM holiday h WHERE h.date = d::date)
      ) s
     WHERE ${WORK_ITEM} AND bi.team_id IN (${scopeTeams(scope)})
       AND bi.status IN ('IN_PROGRESS', 'IN_REVIEW', 'BLOCKED') AND s.idle >= ${STALL_WORKING_DAYS}`;
}

/** Overdue dependency (rule 6): the dependency board's OVERDUE (dependencyRiskSql), either side in scope. */
function overdueDependencies(scope: Scope, today: string): Prisma.Sql {
  return Prisma.sql`
    SELECT 'OVERDUE_DEPENDENCY' AS kind, 'critical' AS severity,
           d.key || ' ' || ft.name || ' → ' || tt.name AS title,
           'Needed by ' || to_char(d.needed_by, 'FMDD Mon') || ', ' || (${today}::date - d.needed_by) || CASE WHEN ${today}::date - d.needed_by = 1 THEN ' day' ELSE ' days' END || ' overdue · ' || lower(replace(d.status::text, '_', ' ')) AS detail,
           '/dependencies/' || d.id AS href, (${today}::date - d.needed_by)::int AS weight
      FROM dependency d
      JOIN team ft ON ft.id = d.from_team_id
      JOIN team tt ON tt.id = d.to_team_id
     WHERE ${dependencyRiskSql("d", today)} = 'OVERDUE'
       AND (d.from_team_id IN (${scopeTeams(scope)}) OR d.to_team_id IN (${scopeTeams(scope)}))`;
}

/**
 * Double-booked (rule 1): a person holding delivery (non-oversight) roles in more than one active delivery pod —
 * the same condition as the DOUBLE_BOOKED finding of lib/teams, aggregated per person here (one alert each).
 */
function doubleBooked(scope: Scope): Prisma.Sql {
  return Prisma.sql`
    SELECT 'DOUBLE_BOOKED' AS kind, 'critical' AS severity,
           p.name || ' is in ' || COUNT(*) || ' delivery pods' AS title,
           string_agg(t.name || ' (' || m.allocation_pct || '%)', ', ' ORDER BY t.name) AS detail,
           '/people/' || p.id AS href, COUNT(*)::int AS weight
      FROM membership m
      JOIN team t ON t.id = m.team_id AND t.kind = 'DELIVERY_POD' AND t.archived_at IS NULL
      JOIN person p ON p.id = m.person_id
     WHERE m.role <> 'OVERSIGHT'
     GROUP BY p.id, p.name
    HAVING COUNT(*) > 1 AND bool_or(t.id IN (${scopeTeams(scope)}))`;
}

/**
 * Incomplete pods: the structure findings of lib/teams (rules 2–4: no product owner, a capability a campaign needs
 * that nobody in the pod covers, delivery members outside 5–9), one alert per delivery pod in scope.
 */
async function incompletePods(teams: Set<number>): Promise<(Alert & { weight: number })[]> {
  const rows = await listTeams();
  return rows.flatMap((t) => {
    const findings = t.findings.filter((f) => f.kind !== "DOUBLE_BOOKED");
    if (t.kind !== "DELIVERY_POD" || !teams.has(t.id) || findings.length === 0) return [];
    return [
      {
        kind: "INCOMPLETE_POD" as const,
        severity: "warning" as const,
        title: `${t.name}: ${findings.map((f) => f.title.toLowerCase()).join(", ")}`,
        detail: findings.map((f) => f.detail).join(" "),
        href: `/teams/${t.id}`,
        weight: findings.length,
      },
    ];
  });
}

/**
 * Sprints planned above capacity (rule 5), as the sprint pages measure them (lib/sprints): the points of the items
 * in scope now (not removed) against the capacity — the live one (members and days off now) for a planned sprint,
 * the one fixed at start for a running one. The points are summed here; the comparison is planLoad.
 */
async function sprintsOverCapacity(scope: Scope): Promise<(Alert & { weight: number })[]> {
  const sprints = await db().$queryRaw<
    { id: number; teamId: number; team: string; number: number; status: string; startDate: Date; endDate: Date; capacity: number; planned: number }[]
  >(Prisma.sql`
    SELECT s.id, s.team_id AS "teamId", t.name AS team, s.number, s.status::text AS status, s.start_date AS "startDate",
           s.end_date AS "endDate", s.capacity_points AS capacity,
           COALESCE(SUM(bi.estimate) FILTER (WHERE si.removed_at IS NULL), 0)::int AS planned
      FROM sprint s
      JOIN team t ON t.id = s.team_id
      LEFT JOIN sprint_item si ON si.sprint_id = s.id
      LEFT JOIN backlog_item bi ON bi.id = si.item_id
     WHERE s.status IN ('PLANNED', 'ACTIVE') AND s.team_id IN (${scopeTeams(scope)})
     GROUP BY s.id, t.name`);
  const planned = sprints.filter((s) => s.status === "PLANNED" && s.planned > 0);
  const calendar = planned.length > 0 ? await readWorkingDays(db()) : null;
  const live = new Map(
    await Promise.all(
      planned.map(async (s) => [s.id, (await computeSprintCapacity(db(), s, calendar ?? undefined)).capacityPoints] as const),
    ),
  );
  return sprints.flatMap((s) => {
    const load = planLoad(s.planned, live.get(s.id) ?? s.capacity);
    const warning = overCapacityWarning(load);
    if (!warning) return [];
    return [
      {
        kind: "SPRINT_OVER_CAPACITY" as const,
        severity: "warning" as const,
        title: `${s.team} sprint ${s.number}: ${load.plannedPoints} of ${load.capacityPoints} points`,
        detail: `${warning} (${s.status === "ACTIVE" ? "running" : "planned"})`,
        href: `/teams/${s.teamId}/sprints/${s.id}`,
        weight: load.overBy,
      },
    ];
  });
}

/**
 * Planning risks (lib/planning) still asking something of someone — not yet sorted (ROAM), or owned and not yet
 * dealt with — in intervals not closed, linking to the interval's board.
 */
async function planningRiskAlerts(scope: Scope): Promise<(Alert & { weight: number })[]> {
  const risks = await listRiskAlerts(scope);
  return risks.map((r) => ({
    kind: "PLANNING_RISK" as const,
    severity: "warning" as const,
    title: `${r.key} ${r.title}`,
    detail: `${r.interval}${r.team ? ` · ${r.team}` : ""} · ${RISK_LABELS[r.status].label.toLowerCase()}, owner ${r.owner}`,
    href: `/planning/${r.intervalId}#risks`,
    weight: r.status === "OPEN" ? 1 : 0,
  }));
}

/** The scope's team ids. */
async function teamIdsOf(scope: Scope): Promise<Set<number>> {
  const rows = await db().$queryRaw<{ id: number }[]>(Prisma.sql`${scopeTeams(scope)}`);
  return new Set(rows.map((r) => r.id));
}

/** SLAs breached or at risk (less than 25 % of the turnaround left, in business time): slaHealth of lib/services. */
async function slaAlerts(teams: Set<number>, cal: Awaited<ReturnType<typeof getBusinessClock>>): Promise<(Alert & { weight: number })[]> {
  const requests = await listServiceRequests(cal.cal, cal.now);
  return requests
    .filter((r) => (r.health === "BREACHED" || r.health === "AT_RISK") && (teams.has(r.requestingTeamId) || teams.has(r.serviceTeamId)))
    .map((r) => ({
      kind: r.health === "BREACHED" ? ("SLA_BREACHED" as const) : ("SLA_AT_RISK" as const),
      severity: r.health === "BREACHED" ? ("critical" as const) : ("warning" as const),
      title: `${r.key} ${r.title}`,
      detail: `${r.service} for ${r.requestingTeam} · ${r.health === "BREACHED" ? "past due" : `${Math.max(0, Math.round((r.minutesLeft ?? 0) / 60))} business hours left`}`,
      href: `/services/requests/${r.id}`,
      weight: -(r.minutesLeft ?? 0),
    }));
}

/** Campaign collisions (lib/dependencies' findCollisions) not yet logged as a dependency, either team in scope. */
async function collisionAlerts(teams: Set<number>, today: string): Promise<(Alert & { weight: number })[]> {
  const collisions = await listCampaignCollisions(today);
  return collisions
    .filter((c) => c.logged === null && (teams.has(c.a.teamId) || teams.has(c.b.teamId)))
    .map((c) => ({
      kind: "CAMPAIGN_COLLISION" as const,
      severity: "warning" as const,
      title: `${c.a.key} and ${c.b.key} collide`,
      detail: `${c.a.team} and ${c.b.team} both launch ${formatShortDay(c.overlapStart)} – ${formatShortDay(c.overlapEnd)} to ${[...c.sharedSegments, ...(c.sharedChannel ? [c.sharedChannel] : [])].join(", ")}`,
      // Opens the log form prefilled with both items and the type (app/(app)/dependencies/new).
      href: `/dependencies/new?type=CAMPAIGN_COLLISION&from=${c.a.teamId}&fromItem=${c.a.id}&to=${c.b.teamId}&toItem=${c.b.id}&needed=${c.overlapStart}`,
      weight: 0,
    }));
}

/** Every alert for the teams of a scope, most urgent first within each kind (the panel groups them by kind). */
export async function getDashboardAlerts(scope: Scope): Promise<Alert[]> {
  const clock = await getBusinessClock();
  const teams = await teamIdsOf(scope);
  const parts = [wipOverLimit(scope), stalledItems(scope, clock.today), overdueDependencies(scope, clock.today), doubleBooked(scope)];
  const [sqlRows, sla, collisions, sprints, pods, risks] = await Promise.all([
    db().$queryRaw<AlertRow[]>(Prisma.sql`SELECT kind, severity, title, detail, href, weight FROM (${Prisma.join(parts, " UNION ALL ")}) alerts`),
    slaAlerts(teams, clock),
    collisionAlerts(teams, clock.today),
    sprintsOverCapacity(scope),
    incompletePods(teams),
    planningRiskAlerts(scope),
  ]);
  return [...sqlRows, ...sla, ...collisions, ...sprints, ...pods, ...risks]
    .sort((x, y) => y.weight - x.weight || x.title.localeCompare(y.title))
    .map(({ kind, severity, title, detail, href }) => ({ kind, severity, title, detail, href }));
}
