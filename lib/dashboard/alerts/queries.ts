import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Scope } from "@/lib/metrics/period";
import { DEFAULT_TIME_ZONE } from "@/lib/organization/sql-fragments";
import { POD_SIZE_MAX, POD_SIZE_MIN } from "@/lib/teams/pod-size";
import { STALL_WORKING_DAYS, type Alert, type AlertKind } from "./kinds";

/*
 * The signals nobody has to ask for (DOMAIN.md, "alerts on the dashboard"), each found in SQL for the teams of a
 * scope and each pointing at the page where it is fixed. Severity: "critical" when something is already late or
 * broken (overdue, breached, over a limit), "warning" when it is a risk.
 */

const TZ = Prisma.sql`COALESCE((SELECT o.timezone FROM organization o ORDER BY o.id LIMIT 1), ${DEFAULT_TIME_ZONE})`;
const TODAY = Prisma.sql`(now() AT TIME ZONE ${TZ})::date`;
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
function stalledItems(scope: Scope): Prisma.Sql {
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
        SELECT COUNT(*) AS idle FROM generate_series(lc.last_day + 1, ${TODAY}, interval '1 day') d
         WHERE EXTRACT(ISODOW FROM d)::int = ANY(${WORKING_DAYS})
           AND NOT EXISTS (SELECT 1 FROM holiday h WHERE h.date = d::date)
      ) s
     WHERE ${WORK_ITEM} AND bi.team_id IN (${scopeTeams(scope)})
       AND bi.status IN ('IN_PROGRESS', 'IN_REVIEW', 'BLOCKED') AND s.idle >= ${STALL_WORKING_DAYS}`;
}

/** Overdue dependency (rule 6): not resolved or cancelled and needed before today, either side in scope. */
function overdueDependencies(scope: Scope): Prisma.Sql {
  return Prisma.sql`
    SELECT 'OVERDUE_DEPENDENCY' AS kind, 'critical' AS severity,
           d.key || ' ' || ft.name || ' → ' || tt.name AS title,
           'Needed by ' || to_char(d.needed_by, 'FMDD Mon') || ', ' || (${TODAY} - d.needed_by) || ' days overdue · ' || lower(replace(d.status::text, '_', ' ')) AS detail,
           '/dependencies/' || d.id AS href, (${TODAY} - d.needed_by)::int AS weight
      FROM dependency d
      JOIN team ft ON ft.id = d.from_team_id
      JOIN team tt ON tt.id = d.to_team_id
     WHERE d.status NOT IN ('RESOLVED', 'CANCELLED') AND d.needed_by < ${TODAY}
       AND (d.from_team_id IN (${scopeTeams(scope)}) OR d.to_team_id IN (${scopeTeams(scope)}))`;
}

/**
 * SLA breached: an open (undelivered) request past its due time. At risk: open, not yet due, with less than 25 % of
 * its turnaround (clock start → due) left. NOTE: wall-clock time here; the services module (issue 6) measures the
 * 25 % in business time and replaces this once it is on main.
 */
function slaAlerts(scope: Scope): Prisma.Sql {
  return Prisma.sql`
    SELECT CASE WHEN r.due_at < now() THEN 'SLA_BREACHED' ELSE 'SLA_AT_RISK' END AS kind,
           CASE WHEN r.due_at < now() THEN 'critical' ELSE 'warning' END AS severity,
           r.key || ' ' || r.title AS title,
           st.name || ' for ' || rt.name || CASE WHEN r.due_at < now() THEN ' · past due' ELSE ' · due soon' END AS detail,
           '/services/requests/' || r.id AS href, (EXTRACT(EPOCH FROM (now() - r.due_at)) / 3600)::int AS weight
      FROM service_request r
      JOIN service_level_agreement sla ON sla.id = r.sla_id
      JOIN team st ON st.id = sla.team_id
      JOIN team rt ON rt.id = r.requesting_team_id
     WHERE r.status <> 'DELIVERED'
       AND (r.due_at < now() OR (r.due_at - now()) < (r.due_at - r.clock_starts_at) * 0.25)
       AND (r.requesting_team_id IN (${scopeTeams(scope)}) OR sla.team_id IN (${scopeTeams(scope)}))`;
}

/**
 * Campaign collision: two teams' open items whose launch windows overlap (and have not ended) and that target a
 * common audience segment or the same channel.
 */
function campaignCollisions(scope: Scope): Prisma.Sql {
  return Prisma.sql`
    SELECT 'CAMPAIGN_COLLISION' AS kind, 'warning' AS severity,
           a.key || ' and ' || b.key || ' collide' AS title,
           ta.name || ' and ' || tb.name || ' launch ' || to_char(GREATEST(a.launch_start, b.launch_start), 'FMDD Mon') || '–' ||
             to_char(LEAST(a.launch_end, b.launch_end), 'FMDD Mon') || ' to ' ||
             COALESCE(NULLIF(array_to_string(ARRAY(SELECT unnest(a.audience_segments) INTERSECT SELECT unnest(b.audience_segments)), ', '), ''), a.channel) AS detail,
           '/items/' || a.id AS href, (LEAST(a.launch_end, b.launch_end) - GREATEST(a.launch_start, b.launch_start))::int AS weight
      FROM backlog_item a
      JOIN backlog_item b ON b.id > a.id AND b.team_id <> a.team_id
      JOIN team ta ON ta.id = a.team_id
      JOIN team tb ON tb.id = b.team_id
     WHERE a.launch_start IS NOT NULL AND a.launch_end IS NOT NULL AND b.launch_start IS NOT NULL AND b.launch_end IS NOT NULL
       AND a.status NOT IN ('DONE', 'CANCELLED') AND b.status NOT IN ('DONE', 'CANCELLED')
       AND a.launch_start <= b.launch_end AND b.launch_start <= a.launch_end
       AND LEAST(a.launch_end, b.launch_end) >= ${TODAY}
       AND (a.audience_segments && b.audience_segments OR (a.channel IS NOT NULL AND a.channel = b.channel))
       AND (a.team_id IN (${scopeTeams(scope)}) OR b.team_id IN (${scopeTeams(scope)}))`;
}

/** Double-booked (rule 1): a person holding delivery (non-oversight) roles in more than one delivery pod. */
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
 * Incomplete pod (rules 2–4): a delivery pod without a product owner, without the roles that cover a capability a
 * campaign needs (messaging: content strategist; visual assets: designer or video; channels: paid media, CRM or
 * SEO; performance: SEO/analytics or RevOps), or with delivery members outside 5–9.
 */
function incompletePods(scope: Scope): Prisma.Sql {
  return Prisma.sql`
    SELECT 'INCOMPLETE_POD' AS kind, 'warning' AS severity, x.name || ' is incomplete' AS title,
           array_to_string(ARRAY[
             CASE WHEN NOT x.roles && ARRAY['PRODUCT_OWNER']::"MemberRole"[] THEN 'no product owner' END,
             CASE WHEN NOT x.roles && ARRAY['CONTENT_STRATEGIST']::"MemberRole"[] THEN 'nobody defines messaging' END,
             CASE WHEN NOT x.roles && ARRAY['DESIGNER', 'VIDEO_CREATIVE']::"MemberRole"[] THEN 'nobody produces visual assets' END,
             CASE WHEN NOT x.roles && ARRAY['PAID_MEDIA', 'CRM_LIFECYCLE', 'SEO_ANALYTICS']::"MemberRole"[] THEN 'nobody manages channels' END,
             CASE WHEN NOT x.roles && ARRAY['SEO_ANALYTICS', 'REVOPS_ATTRIBUTION']::"MemberRole"[] THEN 'nobody monitors performance' END,
             CASE WHEN x.delivery < ${POD_SIZE_MIN} OR x.delivery > ${POD_SIZE_MAX}
                  THEN x.delivery || ' delivery members (aim for ' || ${POD_SIZE_MIN} || '–' || ${POD_SIZE_MAX} || ')' END
           ], '; ') AS detail,
           '/teams/' || x.id AS href, 0 AS weight
      FROM (
        SELECT t.id, t.name,
               COALESCE(array_agg(m.role) FILTER (WHERE m.role IS NOT NULL), ARRAY[]::"MemberRole"[]) AS roles,
               COUNT(m.id) FILTER (WHERE m.role <> 'OVERSIGHT') AS delivery
          FROM team t LEFT JOIN membership m ON m.team_id = t.id
         WHERE t.kind = 'DELIVERY_POD' AND t.id IN (${scopeTeams(scope)})
         GROUP BY t.id, t.name
      ) x
     WHERE NOT x.roles && ARRAY['PRODUCT_OWNER']::"MemberRole"[]
        OR NOT x.roles && ARRAY['CONTENT_STRATEGIST']::"MemberRole"[]
        OR NOT x.roles && ARRAY['DESIGNER', 'VIDEO_CREATIVE']::"MemberRole"[]
        OR NOT x.roles && ARRAY['PAID_MEDIA', 'CRM_LIFECYCLE', 'SEO_ANALYTICS']::"MemberRole"[]
        OR NOT x.roles && ARRAY['SEO_ANALYTICS', 'REVOPS_ATTRIBUTION']::"MemberRole"[]
        OR x.delivery < ${POD_SIZE_MIN} OR x.delivery > ${POD_SIZE_MAX}`;
}

/** Planned above capacity (rule 5): a planned or running sprint whose items in scope (not removed) exceed its capacity. */
function sprintsOverCapacity(scope: Scope): Prisma.Sql {
  return Prisma.sql`
    SELECT 'SPRINT_OVER_CAPACITY' AS kind, 'warning' AS severity,
           t.name || ' sprint ' || s.number || ': ' || p.points || ' of ' || s.capacity_points || ' points' AS title,
           (p.points - s.capacity_points) || ' points over capacity · ' || lower(s.status::text) || ', ' ||
             to_char(s.start_date, 'FMDD Mon') || '–' || to_char(s.end_date, 'FMDD Mon') AS detail,
           '/teams/' || t.id || '/sprints/' || s.id AS href, (p.points - s.capacity_points)::int AS weight
      FROM sprint s
      JOIN team t ON t.id = s.team_id
      JOIN LATERAL (
        SELECT COALESCE(SUM(COALESCE(si.points_at_start, bi.estimate)), 0) AS points
          FROM sprint_item si JOIN backlog_item bi ON bi.id = si.item_id
         WHERE si.sprint_id = s.id AND si.removed_at IS NULL
      ) p ON true
     WHERE s.status IN ('PLANNED', 'ACTIVE') AND s.team_id IN (${scopeTeams(scope)}) AND p.points > s.capacity_points`;
}

/** Every alert for the teams of a scope, most severe kinds first, most urgent first within a kind. */
export async function getDashboardAlerts(scope: Scope): Promise<Alert[]> {
  const parts = [
    wipOverLimit(scope),
    stalledItems(scope),
    overdueDependencies(scope),
    slaAlerts(scope),
    campaignCollisions(scope),
    doubleBooked(scope),
    incompletePods(scope),
    sprintsOverCapacity(scope),
  ];
  const rows = await db().$queryRaw<AlertRow[]>(Prisma.sql`
    SELECT kind, severity, title, detail, href, weight FROM (${Prisma.join(parts, " UNION ALL ")}) alerts
     ORDER BY weight DESC, title`);
  return rows.map(({ kind, severity, title, detail, href }) => ({ kind, severity, title, detail, href }));
}
