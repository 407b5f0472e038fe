import "server-only";
import { getDb } from "@/lib/db/client";
import { dependencyRiskSql, itemIsBlockedSql, UNRESOLVED_STATUSES_SQL } from "@/lib/dependencies/sql-fragments";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Direction, ItemStatus, KpiScope } from "@/lib/generated/prisma/enums";
import { DEFAULT_TIME_ZONE } from "@/lib/organization/sql-fragments";
import { getIntervalPredictability, type IntervalPredictabilityResult } from "@/lib/planning/queries";
import { daysBetween, type MetricArgs, type Period, type Scope } from "./period";

/*
 * Every metric of the dashboard (DOMAIN.md, "Metrics"), one typed function each, computed in SQL — aggregates,
 * window functions and recursive CTEs — and, next to each, the rows behind it (the drill-down lists exactly the
 * rows the number is made of: each metric and its rows read the same CTE).
 *
 * Shared definitions
 * - Period: calendar days in the organisation's time zone; an event is "in the period" when its instant lies in
 *   [start 00:00, end + 1 day 00:00) there. Date columns (sprint end, needed-by) compare as dates.
 * - Scope: the teams it covers — every team (portfolio), the teams of a value stream, or one team. Team-owned rows
 *   (items, sprints, retro actions) are in scope when their team is; dependencies and service requests when either
 *   side is; epics (portfolio items, no team) when a feature under them belongs to a team in scope.
 * - Work item: a feature or story with no child items (a feature split into stories is a container; counting it
 *   too would count the same work twice). Points: its estimate (an item without an estimate adds 0 points).
 * - Done at: the instant of the item's last status change into DONE, for items whose status is DONE now.
 * - Blocked (rule 6): a work item whose status is BLOCKED or from which an unresolved dependency starts.
 * - A ratio whose denominator is 0 is null (shown as "—").
 */

// ───────────────────────────── shared SQL ─────────────────────────────

const TZ = Prisma.sql`COALESCE((SELECT o.timezone FROM organization o ORDER BY o.id LIMIT 1), ${DEFAULT_TIME_ZONE})`;
const TODAY = Prisma.sql`(now() AT TIME ZONE ${TZ})::date`;

const from = (p: Period) => Prisma.sql`((${p.start}::date)::timestamp AT TIME ZONE ${TZ})`;
const to = (p: Period) => Prisma.sql`((${p.end}::date + 1)::timestamp AT TIME ZONE ${TZ})`;

/** An instant as an ISO-8601 UTC string. */
const isoInstant = (expr: Prisma.Sql) => Prisma.sql`to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const isoDay = (expr: Prisma.Sql) => Prisma.sql`to_char(${expr}, 'YYYY-MM-DD')`;

/** The ids of the teams a scope covers, as a subquery. */
function scopeTeams(scope: Scope): Prisma.Sql {
  switch (scope.kind) {
    case "PORTFOLIO":
      return Prisma.sql`SELECT st.id FROM team st`;
    case "VALUE_STREAM":
      return Prisma.sql`SELECT st.id FROM team st WHERE st.value_stream_id = ${scope.valueStreamId}`;
    case "TEAM":
      return Prisma.sql`SELECT st.id FROM team st WHERE st.id = ${scope.teamId}`;
  }
}

const WORK_ITEM = Prisma.sql`bi.level IN ('FEATURE', 'STORY')
  AND NOT EXISTS (SELECT 1 FROM backlog_item wi_child WHERE wi_child.parent_id = bi.id)`;

/** Rule 6 for the work item `bi`: the one definition, shared with the boards (lib/dependencies/sql-fragments.ts). */
const BI_BLOCKED = itemIsBlockedSql("bi");

/** An epic `e` is in scope: always for the portfolio, else when a feature under it belongs to a team in scope. */
function epicInScope(scope: Scope): Prisma.Sql {
  if (scope.kind === "PORTFOLIO") return Prisma.sql`TRUE`;
  return Prisma.sql`EXISTS (SELECT 1 FROM backlog_item ef WHERE ef.parent_id = e.id AND ef.team_id IN (${scopeTeams(scope)}))`;
}

const db = () => getDb();

/** A ratio metric: value = numerator ÷ denominator, null when the denominator is 0. */
export interface Ratio {
  value: number | null;
  numerator: number;
  denominator: number;
}

interface RatioSqlRow {
  numerator: number;
  denominator: number;
  value: number | null;
}

const ratioOf = (row: RatioSqlRow | undefined): Ratio => ({
  value: row?.value ?? null,
  numerator: row?.numerator ?? 0,
  denominator: row?.denominator ?? 0,
});

// ───────────────────────────── work items done in the period ─────────────────────────────

/**
 * `done_items`: work items in scope whose status is DONE and whose last change into DONE lies in the period,
 * with their first change into IN_PROGRESS before that (null when they never were in progress).
 *
 * It starts from the period's changes into DONE (status_change by changed_at: what the period holds, not what the
 * database holds) and keeps an item when no later change into DONE exists — its last one is then in the period.
 */
function doneItemsCte({ period, scope }: MetricArgs): Prisma.Sql {
  return Prisma.sql`done_items AS (
    SELECT bi.id, bi.key, bi.title, bi.team_id, bi.estimate, bi.created_at, d.done_at,
           (SELECT min(sc.changed_at) FROM status_change sc
             WHERE sc.item_id = bi.id AND sc.to_status = 'IN_PROGRESS' AND sc.changed_at <= d.done_at) AS started_at
      FROM (SELECT pd.item_id, max(pd.changed_at) AS done_at
              FROM status_change pd
             WHERE pd.to_status = 'DONE' AND pd.changed_at >= ${from(period)} AND pd.changed_at < ${to(period)}
             GROUP BY pd.item_id) d
      JOIN backlog_item bi ON bi.id = d.item_id
     WHERE bi.status = 'DONE' AND ${WORK_ITEM}
       AND bi.team_id IN (${scopeTeams(scope)})
       AND NOT EXISTS (SELECT 1 FROM status_change later
                        WHERE later.item_id = d.item_id AND later.to_status = 'DONE' AND later.changed_at > d.done_at)
  )`;
}

/**
 * `traced`: for each done item, the keys of the ACTIVE objectives it traces to — linked to the item itself or to
 * any ancestor (recursive CTE up the parent chain; UNION stops on a cycle).
 */
const TRACED_CTE = Prisma.sql`ancestry AS (
    SELECT di.id AS item_id, di.id AS node_id FROM done_items di
    UNION
    SELECT a.item_id, n.parent_id FROM ancestry a JOIN backlog_item n ON n.id = a.node_id WHERE n.parent_id IS NOT NULL
  ),
  traced AS (
    SELECT a.item_id, array_agg(DISTINCT o.key ORDER BY o.key) AS objectives
      FROM ancestry a
      JOIN objective_item oi ON oi.item_id = a.node_id
      JOIN objective o ON o.id = oi.objective_id AND o.status = 'ACTIVE'
     GROUP BY a.item_id
  )`;

/**
 * `flow_times`: per done item, hours spent in each flow state, from its status-change intervals (each change
 * opens an interval that the next change closes: LEAD over the item's history). Active = IN_PROGRESS;
 * waiting = READY or IN_REVIEW; blocked = BLOCKED. BACKLOG time is not flow time (the work was not yet ready).
 */
const FLOW_TIMES_CTE = Prisma.sql`intervals AS (
    SELECT sc.item_id, sc.to_status AS status,
           EXTRACT(EPOCH FROM (lead(sc.changed_at) OVER (PARTITION BY sc.item_id ORDER BY sc.changed_at, sc.id) - sc.changed_at)) / 3600.0 AS hours
      FROM status_change sc
     WHERE sc.item_id IN (SELECT id FROM done_items)
  ),
  flow_times AS (
    SELECT i.item_id,
           COALESCE(SUM(i.hours) FILTER (WHERE i.status = 'IN_PROGRESS'), 0)::float8 AS active_hours,
           COALESCE(SUM(i.hours) FILTER (WHERE i.status IN ('READY', 'IN_REVIEW')), 0)::float8 AS waiting_hours,
           COALESCE(SUM(i.hours) FILTER (WHERE i.status = 'BLOCKED'), 0)::float8 AS blocked_hours
      FROM intervals i
     GROUP BY i.item_id
  )`;

/*
 * The aggregates over `done_items`, each one SELECT. Every metric function below runs its own with the CTEs it
 * needs; the dashboard runs all of them in one statement over one `done_items` (getDashboard), so the period's
 * done items are read once per page, not once per metric.
 */
const GOAL_CONTRIBUTION_SQL = Prisma.sql`
    SELECT COALESCE(SUM(di.estimate) FILTER (WHERE t.item_id IS NOT NULL), 0)::int AS numerator,
           COALESCE(SUM(di.estimate), 0)::int AS denominator,
           (COALESCE(SUM(di.estimate) FILTER (WHERE t.item_id IS NOT NULL), 0)::float8 / NULLIF(SUM(di.estimate), 0))::float8 AS value,
           COUNT(*) FILTER (WHERE di.estimate IS NULL)::int AS unestimated
      FROM done_items di
      LEFT JOIN traced t ON t.item_id = di.id`;

const CYCLE_TIME_SQL = Prisma.sql`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::float8 AS median,
           percentile_cont(0.85) WITHIN GROUP (ORDER BY days)::float8 AS p85,
           COUNT(*)::int AS count
      FROM (SELECT EXTRACT(EPOCH FROM (di.done_at - di.started_at)) / 86400.0 AS days
              FROM done_items di WHERE di.started_at IS NOT NULL) x`;

const LEAD_TIME_SQL = Prisma.sql`
    SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::float8 AS median,
           percentile_cont(0.85) WITHIN GROUP (ORDER BY days)::float8 AS p85,
           COUNT(*)::int AS count
      FROM (SELECT EXTRACT(EPOCH FROM (di.done_at - di.created_at)) / 86400.0 AS days FROM done_items di) x`;

const FLOW_VELOCITY_SQL = Prisma.sql`
    SELECT COUNT(*)::int AS items, COALESCE(SUM(di.estimate), 0)::int AS points FROM done_items di`;

const FLOW_EFFICIENCY_SQL = Prisma.sql`
    SELECT (SUM(ft.active_hours) / NULLIF(SUM(ft.active_hours + ft.waiting_hours + ft.blocked_hours), 0))::float8 AS value,
           COALESCE(SUM(ft.active_hours), 0)::float8 AS "activeHours",
           COALESCE(SUM(ft.waiting_hours), 0)::float8 AS "waitingHours",
           COALESCE(SUM(ft.blocked_hours), 0)::float8 AS "blockedHours",
           COUNT(di.id)::int AS items
      FROM done_items di
      LEFT JOIN flow_times ft ON ft.item_id = di.id`;

/**
 * Goal contribution = points done in the period on work items that trace (via parents) to an ACTIVE objective
 * ÷ all points done in the period (in scope).
 */
export async function getGoalContribution(args: MetricArgs): Promise<Ratio & { unestimated: number }> {
  const [row] = await db().$queryRaw<(RatioSqlRow & { unestimated: number })[]>(Prisma.sql`
    WITH RECURSIVE ${doneItemsCte(args)}, ${TRACED_CTE}
    ${GOAL_CONTRIBUTION_SQL}`);
  return goalContributionOf(row);
}

const goalContributionOf = (row: (RatioSqlRow & { unestimated: number }) | undefined) => ({ ...ratioOf(row), unestimated: row?.unestimated ?? 0 });

export interface TimeSummary {
  /** Days (fractional), or null without items. */
  median: number | null;
  p85: number | null;
  count: number;
}

/**
 * Cycle time = done − first in-progress, over work items done in the period that were ever in progress;
 * median and 85th percentile (percentile_cont), in days.
 */
export async function getCycleTime(args: MetricArgs): Promise<TimeSummary> {
  const [row] = await db().$queryRaw<TimeSummary[]>(Prisma.sql`
    WITH ${doneItemsCte(args)}
    ${CYCLE_TIME_SQL}`);
  return row ?? { median: null, p85: null, count: 0 };
}

/** Lead time = done − created, over work items done in the period; median and 85th percentile, in days. */
export async function getLeadTime(args: MetricArgs): Promise<TimeSummary> {
  const [row] = await db().$queryRaw<TimeSummary[]>(Prisma.sql`
    WITH ${doneItemsCte(args)}
    ${LEAD_TIME_SQL}`);
  return row ?? { median: null, p85: null, count: 0 };
}

/** Flow velocity = work items done in the period (and their points). */
export async function getFlowVelocity(args: MetricArgs): Promise<{ items: number; points: number }> {
  const [row] = await db().$queryRaw<{ items: number; points: number }[]>(Prisma.sql`
    WITH ${doneItemsCte(args)}
    ${FLOW_VELOCITY_SQL}`);
  return row ?? { items: 0, points: 0 };
}

export interface FlowEfficiency {
  value: number | null;
  activeHours: number;
  waitingHours: number;
  blockedHours: number;
  items: number;
}

/**
 * Flow efficiency = active time ÷ (active + waiting + blocked time), summed over the work items done in the
 * period, from their status history: active = IN_PROGRESS, waiting = READY or IN_REVIEW, blocked = BLOCKED.
 */
export async function getFlowEfficiency(args: MetricArgs): Promise<FlowEfficiency> {
  const [row] = await db().$queryRaw<FlowEfficiency[]>(Prisma.sql`
    WITH ${doneItemsCte(args)}, ${FLOW_TIMES_CTE}
    ${FLOW_EFFICIENCY_SQL}`);
  return row ?? { value: null, activeHours: 0, waitingHours: 0, blockedHours: 0, items: 0 };
}

export interface DoneItemRow {
  id: number;
  key: string;
  title: string;
  teamId: number;
  team: string;
  points: number | null;
  createdAt: string;
  startedAt: string | null;
  doneAt: string;
  cycleDays: number | null;
  leadDays: number;
  activeHours: number;
  waitingHours: number;
  blockedHours: number;
  /** Keys of the active objectives the item traces to (empty: it counts in the denominator only). */
  objectives: string[];
}

/** The rows behind goal contribution, cycle and lead time, flow velocity and flow efficiency. */
export async function listDoneItems(args: MetricArgs): Promise<DoneItemRow[]> {
  return db().$queryRaw<DoneItemRow[]>(Prisma.sql`
    WITH RECURSIVE ${doneItemsCte(args)}, ${TRACED_CTE}, ${FLOW_TIMES_CTE}
    SELECT di.id, di.key, di.title, di.team_id AS "teamId", t.name AS team, di.estimate AS points,
           ${isoInstant(Prisma.sql`di.created_at`)} AS "createdAt",
           CASE WHEN di.started_at IS NOT NULL THEN ${isoInstant(Prisma.sql`di.started_at`)} END AS "startedAt",
           ${isoInstant(Prisma.sql`di.done_at`)} AS "doneAt",
           (EXTRACT(EPOCH FROM (di.done_at - di.started_at)) / 86400.0)::float8 AS "cycleDays",
           (EXTRACT(EPOCH FROM (di.done_at - di.created_at)) / 86400.0)::float8 AS "leadDays",
           COALESCE(ft.active_hours, 0)::float8 AS "activeHours",
           COALESCE(ft.waiting_hours, 0)::float8 AS "waitingHours",
           COALESCE(ft.blocked_hours, 0)::float8 AS "blockedHours",
           COALESCE(tr.objectives, ARRAY[]::text[]) AS objectives
      FROM done_items di
      JOIN team t ON t.id = di.team_id
      LEFT JOIN traced tr ON tr.item_id = di.id
      LEFT JOIN flow_times ft ON ft.item_id = di.id
     ORDER BY di.done_at DESC, di.key`);
}

// ───────────────────────────── work in flight (now) ─────────────────────────────

/**
 * `active_items`: work items in scope, not done or cancelled, that are in a running (ACTIVE) sprint (not removed
 * from it) or in progress (IN_PROGRESS, IN_REVIEW or BLOCKED), with whether each is blocked.
 *
 * The candidates are read from both ends (items by status through the (level, status) index, and the running
 * sprints' items), never by probing every open item for a sprint.
 */
function activeItemsCte(scope: Scope): Prisma.Sql {
  return Prisma.sql`active_items AS (
    SELECT bi.id, bi.key, bi.title, bi.team_id, bi.status, bi.estimate, bi.owner_person_id,
           ${BI_BLOCKED} AS blocked,
           bi.status IN ('IN_PROGRESS', 'IN_REVIEW', 'BLOCKED') AS in_progress,
           rs.sprint_id
      FROM backlog_item bi
      LEFT JOIN LATERAL (
        SELECT si.sprint_id FROM sprint_item si JOIN sprint s ON s.id = si.sprint_id
         WHERE si.item_id = bi.id AND si.removed_at IS NULL AND s.status = 'ACTIVE' LIMIT 1
      ) rs ON true
     WHERE bi.id IN (
             SELECT c.id FROM backlog_item c
              WHERE c.level IN ('FEATURE', 'STORY') AND c.status IN ('IN_PROGRESS', 'IN_REVIEW', 'BLOCKED')
             UNION
             SELECT csi.item_id FROM sprint cs JOIN sprint_item csi ON csi.sprint_id = cs.id
              WHERE cs.status = 'ACTIVE' AND csi.removed_at IS NULL)
       AND ${WORK_ITEM} AND bi.team_id IN (${scopeTeams(scope)})
       AND bi.status NOT IN ('DONE', 'CANCELLED')
       AND (bi.status IN ('IN_PROGRESS', 'IN_REVIEW', 'BLOCKED') OR rs.sprint_id IS NOT NULL)
  )`;
}

const BLOCKED_WORK_SQL = Prisma.sql`
    SELECT COUNT(*) FILTER (WHERE blocked)::int AS numerator,
           COUNT(*)::int AS denominator,
           (COUNT(*) FILTER (WHERE blocked)::float8 / NULLIF(COUNT(*), 0))::float8 AS value
      FROM active_items`;

/**
 * Blocked work % = active work items (in a running sprint or in progress) that are blocked ÷ active work items.
 * A state: computed for now, whatever the period.
 */
export async function getBlockedWork({ scope }: MetricArgs): Promise<Ratio> {
  const [row] = await db().$queryRaw<RatioSqlRow[]>(Prisma.sql`
    WITH ${activeItemsCte(scope)}
    ${BLOCKED_WORK_SQL}`);
  return ratioOf(row);
}

const FLOW_LOAD_SQL = Prisma.sql`
    SELECT COUNT(*) FILTER (WHERE in_progress)::int AS items FROM active_items`;

/** Flow load = work items in progress now (IN_PROGRESS, IN_REVIEW or BLOCKED), in scope. */
export async function getFlowLoad({ scope }: MetricArgs): Promise<{ items: number }> {
  const [row] = await db().$queryRaw<{ items: number }[]>(Prisma.sql`
    WITH ${activeItemsCte(scope)}
    ${FLOW_LOAD_SQL}`);
  return row ?? { items: 0 };
}

export interface ActiveItemRow {
  id: number;
  key: string;
  title: string;
  teamId: number;
  team: string;
  status: ItemStatus;
  points: number | null;
  owner: string | null;
  inProgress: boolean;
  /** "Sprint 12" when the item is in the team's running sprint. */
  sprint: string | null;
  blocked: boolean;
  /** Keys of the unresolved dependencies that start at the item. */
  blockingDependencies: string[];
}

/** The rows behind blocked work % and flow load (the active items; blocked ones first). */
export async function listActiveItems({ scope }: MetricArgs): Promise<ActiveItemRow[]> {
  return db().$queryRaw<ActiveItemRow[]>(Prisma.sql`
    WITH ${activeItemsCte(scope)}
    SELECT a.id, a.key, a.title, a.team_id AS "teamId", t.name AS team, a.status::text AS status, a.estimate AS points,
           p.name AS owner, a.in_progress AS "inProgress",
           CASE WHEN s.id IS NOT NULL THEN 'Sprint ' || s.number END AS sprint,
           a.blocked,
           COALESCE((SELECT array_agg(d.key ORDER BY d.key) FROM dependency d
                      WHERE d.from_item_id = a.id AND d.status IN ${UNRESOLVED_STATUSES_SQL}), ARRAY[]::text[])
             AS "blockingDependencies"
      FROM active_items a
      JOIN team t ON t.id = a.team_id
      LEFT JOIN person p ON p.id = a.owner_person_id
      LEFT JOIN sprint s ON s.id = a.sprint_id
     ORDER BY a.blocked DESC, t.name, a.key`);
}

// ───────────────────────────── sprints ─────────────────────────────

/**
 * `closed_sprints`: sprints in scope that are CLOSED and whose end date falls in the period, with the points and
 * items committed at start (points at commitment, else the current estimate), mid-sprint insertions and removals.
 */
function closedSprintsCte({ period, scope }: MetricArgs): Prisma.Sql {
  return Prisma.sql`closed_sprints AS (
    SELECT s.id, s.team_id, s.number, s.start_date, s.end_date, s.goal, s.goal_met, s.capacity_points, s.completed_points,
           COALESCE(SUM(COALESCE(si.points_at_start, bi.estimate)) FILTER (WHERE si.committed), 0)::int AS committed_points,
           COUNT(si.id) FILTER (WHERE si.committed)::int AS committed_items,
           COUNT(si.id) FILTER (WHERE si.mid_sprint)::int AS insertions,
           COUNT(si.id) FILTER (WHERE si.removed_at IS NOT NULL)::int AS removals
      FROM sprint s
      LEFT JOIN sprint_item si ON si.sprint_id = s.id
      LEFT JOIN backlog_item bi ON bi.id = si.item_id
     WHERE s.status = 'CLOSED' AND s.team_id IN (${scopeTeams(scope)})
       AND s.end_date >= ${period.start}::date AND s.end_date <= ${period.end}::date
     GROUP BY s.id
  )`;
}

export interface CapacityAccuracy {
  value: number | null;
  /** Closed sprints averaged (those with committed points). */
  sprints: number;
  /** Closed sprints left out because nothing was committed (the ratio would divide by 0). */
  excluded: number;
}

const CAPACITY_ACCURACY_SQL = Prisma.sql`
    SELECT AVG(1 - abs(committed_points - completed_points)::float8 / committed_points) FILTER (WHERE committed_points > 0)::float8 AS value,
           COUNT(*) FILTER (WHERE committed_points > 0)::int AS sprints,
           COUNT(*) FILTER (WHERE committed_points = 0)::int AS excluded
      FROM closed_sprints`;

/**
 * Capacity accuracy = per closed sprint (ended in the period) 1 − |committed − completed| ÷ committed points,
 * averaged over those sprints. A sprint with 0 committed points has no ratio and is left out of the average.
 */
export async function getCapacityAccuracy(args: MetricArgs): Promise<CapacityAccuracy> {
  const [row] = await db().$queryRaw<CapacityAccuracy[]>(Prisma.sql`
    WITH ${closedSprintsCte(args)}
    ${CAPACITY_ACCURACY_SQL}`);
  return row ?? { value: null, sprints: 0, excluded: 0 };
}

const SPRINT_GOAL_SQL = Prisma.sql`
    SELECT COUNT(*) FILTER (WHERE goal_met)::int AS numerator,
           COUNT(*)::int AS denominator,
           (COUNT(*) FILTER (WHERE goal_met)::float8 / NULLIF(COUNT(*), 0))::float8 AS value
      FROM closed_sprints`;

/** Sprint goal attainment = closed sprints (ended in the period) whose goal was met ÷ closed sprints. */
export async function getSprintGoalAttainment(args: MetricArgs): Promise<Ratio> {
  const [row] = await db().$queryRaw<RatioSqlRow[]>(Prisma.sql`
    WITH ${closedSprintsCte(args)}
    ${SPRINT_GOAL_SQL}`);
  return ratioOf(row);
}

export interface BacklogChurn {
  value: number | null;
  insertions: number;
  removals: number;
  committed: number;
}

const BACKLOG_CHURN_SQL = Prisma.sql`
    SELECT ((SUM(insertions) + SUM(removals))::float8 / NULLIF(SUM(committed_items), 0))::float8 AS value,
           COALESCE(SUM(insertions), 0)::int AS insertions,
           COALESCE(SUM(removals), 0)::int AS removals,
           COALESCE(SUM(committed_items), 0)::int AS committed
      FROM closed_sprints`;

/**
 * Backlog churn = (mid-sprint insertions + removals) ÷ items committed at start, summed over the closed sprints
 * that ended in the period.
 */
export async function getBacklogChurn(args: MetricArgs): Promise<BacklogChurn> {
  const [row] = await db().$queryRaw<BacklogChurn[]>(Prisma.sql`
    WITH ${closedSprintsCte(args)}
    ${BACKLOG_CHURN_SQL}`);
  return row ?? { value: null, insertions: 0, removals: 0, committed: 0 };
}

/** `velocity_sprints`: each team's last three closed sprints that ended by the period's end. */
function velocitySprintsCte({ period, scope }: MetricArgs): Prisma.Sql {
  return Prisma.sql`velocity_sprints AS (
    SELECT * FROM (
      SELECT s.id, s.team_id, s.completed_points,
             row_number() OVER (PARTITION BY s.team_id ORDER BY s.end_date DESC, s.number DESC) AS recency
        FROM sprint s
       WHERE s.status = 'CLOSED' AND s.team_id IN (${scopeTeams(scope)}) AND s.end_date <= ${period.end}::date
    ) ranked WHERE recency <= 3
  )`;
}

export interface Velocity {
  /** Sum of the teams' velocities (points per sprint across the scope); null when no team has a closed sprint. */
  value: number | null;
  teams: { teamId: number; team: string; velocity: number; sprints: number }[];
}

/**
 * Velocity = points completed per sprint: per team, the mean completed points of its last 3 closed sprints that
 * ended by the period's end; a value stream's or the portfolio's velocity is the sum over its teams.
 */
export async function getVelocity(args: MetricArgs): Promise<Velocity> {
  const rows = await db().$queryRaw<{ teamId: number; team: string; velocity: number; sprints: number; total: number }[]>(Prisma.sql`
    WITH ${velocitySprintsCte(args)}
    SELECT t.id AS "teamId", t.name AS team, AVG(v.completed_points)::float8 AS velocity, COUNT(*)::int AS sprints,
           SUM(AVG(v.completed_points)) OVER ()::float8 AS total
      FROM velocity_sprints v JOIN team t ON t.id = v.team_id
     GROUP BY t.id, t.name
     ORDER BY t.name`);
  return {
    value: rows[0]?.total ?? null,
    teams: rows.map((r) => ({ teamId: r.teamId, team: r.team, velocity: r.velocity, sprints: r.sprints })),
  };
}

export interface SprintRow {
  id: number;
  teamId: number;
  team: string;
  number: number;
  startDate: string;
  endDate: string;
  goal: string;
  goalMet: boolean | null;
  capacityPoints: number;
  committedPoints: number;
  completedPoints: number | null;
  committedItems: number;
  insertions: number;
  removals: number;
  /** 1 − |committed − completed| ÷ committed; null when nothing was committed. */
  accuracy: number | null;
}

/** The rows behind capacity accuracy, sprint goal attainment and backlog churn (closed sprints ended in the period). */
export async function listClosedSprints(args: MetricArgs): Promise<SprintRow[]> {
  return db().$queryRaw<SprintRow[]>(Prisma.sql`
    WITH ${closedSprintsCte(args)}
    SELECT cs.id, cs.team_id AS "teamId", t.name AS team, cs.number,
           ${isoDay(Prisma.sql`cs.start_date`)} AS "startDate", ${isoDay(Prisma.sql`cs.end_date`)} AS "endDate",
           cs.goal, cs.goal_met AS "goalMet", cs.capacity_points AS "capacityPoints",
           cs.committed_points AS "committedPoints", cs.completed_points AS "completedPoints",
           cs.committed_items AS "committedItems", cs.insertions, cs.removals,
           (1 - abs(cs.committed_points - cs.completed_points)::float8 / NULLIF(cs.committed_points, 0))::float8 AS accuracy
      FROM closed_sprints cs JOIN team t ON t.id = cs.team_id
     ORDER BY cs.end_date DESC, t.name`);
}

/** The rows behind velocity: each team's last three closed sprints by the period's end. */
export async function listVelocitySprints(args: MetricArgs): Promise<SprintRow[]> {
  return db().$queryRaw<SprintRow[]>(Prisma.sql`
    WITH ${velocitySprintsCte(args)}
    SELECT s.id, s.team_id AS "teamId", t.name AS team, s.number,
           ${isoDay(Prisma.sql`s.start_date`)} AS "startDate", ${isoDay(Prisma.sql`s.end_date`)} AS "endDate",
           s.goal, s.goal_met AS "goalMet", s.capacity_points AS "capacityPoints",
           COALESCE(c.committed_points, 0)::int AS "committedPoints", s.completed_points AS "completedPoints",
           COALESCE(c.committed_items, 0)::int AS "committedItems",
           COALESCE(c.insertions, 0)::int AS insertions, COALESCE(c.removals, 0)::int AS removals,
           (1 - abs(c.committed_points - s.completed_points)::float8 / NULLIF(c.committed_points, 0))::float8 AS accuracy
      FROM velocity_sprints v
      JOIN sprint s ON s.id = v.id
      JOIN team t ON t.id = s.team_id
      LEFT JOIN LATERAL (
        SELECT COALESCE(SUM(COALESCE(si.points_at_start, bi.estimate)) FILTER (WHERE si.committed), 0) AS committed_points,
               COUNT(*) FILTER (WHERE si.committed) AS committed_items,
               COUNT(*) FILTER (WHERE si.mid_sprint) AS insertions,
               COUNT(*) FILTER (WHERE si.removed_at IS NOT NULL) AS removals
          FROM sprint_item si JOIN backlog_item bi ON bi.id = si.item_id WHERE si.sprint_id = s.id
      ) c ON true
     ORDER BY t.name, s.end_date DESC`);
}

// ───────────────────────────── improvement ─────────────────────────────

/** `retro_actions`: retrospective action items of sprints in scope, created in the period, and whether done by its end. */
function retroActionsCte({ period, scope }: MetricArgs): Prisma.Sql {
  return Prisma.sql`retro_actions AS (
    SELECT a.id, a.title, a.owner_person_id, a.created_at, a.done_at, s.team_id, s.number AS sprint_number,
           (a.done AND (a.done_at IS NULL OR a.done_at < ${to(period)})) AS done_by_end
      FROM retro_action_item a JOIN sprint s ON s.id = a.sprint_id
     WHERE s.team_id IN (${scopeTeams(scope)})
       AND a.created_at >= ${from(period)} AND a.created_at < ${to(period)}
  )`;
}

/** Improvement completion = retro action items created in the period and done (by its end) ÷ created. */
export async function getImprovementCompletion(args: MetricArgs): Promise<Ratio> {
  const [row] = await db().$queryRaw<RatioSqlRow[]>(Prisma.sql`
    WITH ${retroActionsCte(args)}
    SELECT COUNT(*) FILTER (WHERE done_by_end)::int AS numerator,
           COUNT(*)::int AS denominator,
           (COUNT(*) FILTER (WHERE done_by_end)::float8 / NULLIF(COUNT(*), 0))::float8 AS value
      FROM retro_actions`);
  return ratioOf(row);
}

export interface RetroActionRow {
  id: number;
  title: string;
  teamId: number;
  team: string;
  sprintNumber: number;
  owner: string | null;
  createdAt: string;
  doneAt: string | null;
  done: boolean;
}

/** The rows behind improvement completion. */
export async function listRetroActions(args: MetricArgs): Promise<RetroActionRow[]> {
  return db().$queryRaw<RetroActionRow[]>(Prisma.sql`
    WITH ${retroActionsCte(args)}
    SELECT r.id, r.title, r.team_id AS "teamId", t.name AS team, r.sprint_number AS "sprintNumber", p.name AS owner,
           ${isoInstant(Prisma.sql`r.created_at`)} AS "createdAt",
           CASE WHEN r.done_at IS NOT NULL THEN ${isoInstant(Prisma.sql`r.done_at`)} END AS "doneAt",
           r.done_by_end AS done
      FROM retro_actions r
      JOIN team t ON t.id = r.team_id
      LEFT JOIN person p ON p.id = r.owner_person_id
     ORDER BY r.done_by_end, r.created_at DESC`);
}

// ───────────────────────────── dependencies and services ─────────────────────────────

/**
 * `resolved_deps`: dependencies with either side in scope, RESOLVED with the resolution instant in the period;
 * on time when resolved on or before the needed-by date (the resolution's date in the organisation's zone).
 */
function resolvedDependenciesCte({ period, scope }: MetricArgs): Prisma.Sql {
  return Prisma.sql`resolved_deps AS (
    SELECT d.*, ((d.resolved_at AT TIME ZONE ${TZ})::date <= d.needed_by) AS on_time
      FROM dependency d
     WHERE d.status = 'RESOLVED' AND d.resolved_at >= ${from(period)} AND d.resolved_at < ${to(period)}
       AND (d.from_team_id IN (${scopeTeams(scope)}) OR d.to_team_id IN (${scopeTeams(scope)}))
  )`;
}

/** Dependency resolution rate = dependencies resolved in the period on or before their needed-by date ÷ resolved. */
export async function getDependencyResolutionRate(args: MetricArgs): Promise<Ratio> {
  const [row] = await db().$queryRaw<RatioSqlRow[]>(Prisma.sql`
    WITH ${resolvedDependenciesCte(args)}
    SELECT COUNT(*) FILTER (WHERE on_time)::int AS numerator,
           COUNT(*)::int AS denominator,
           (COUNT(*) FILTER (WHERE on_time)::float8 / NULLIF(COUNT(*), 0))::float8 AS value
      FROM resolved_deps`);
  return ratioOf(row);
}

export interface ResolvedDependencyRow {
  id: number;
  key: string;
  type: string;
  fromTeam: string;
  toTeam: string;
  neededBy: string;
  resolvedAt: string;
  onTime: boolean;
}

/** The rows behind the dependency resolution rate. */
export async function listResolvedDependencies(args: MetricArgs): Promise<ResolvedDependencyRow[]> {
  return db().$queryRaw<ResolvedDependencyRow[]>(Prisma.sql`
    WITH ${resolvedDependenciesCte(args)}
    SELECT d.id, d.key, d.type::text AS type, ft.name AS "fromTeam", tt.name AS "toTeam",
           ${isoDay(Prisma.sql`d.needed_by`)} AS "neededBy", ${isoInstant(Prisma.sql`d.resolved_at`)} AS "resolvedAt",
           d.on_time AS "onTime"
      FROM resolved_deps d
      JOIN team ft ON ft.id = d.from_team_id
      JOIN team tt ON tt.id = d.to_team_id
     ORDER BY d.on_time, d.resolved_at DESC`);
}

/**
 * `delivered_requests`: service requests delivered in the period whose requesting team or serving team is in
 * scope; on time when delivered by the due time.
 */
function deliveredRequestsCte({ period, scope }: MetricArgs): Prisma.Sql {
  return Prisma.sql`delivered_requests AS (
    SELECT r.*, sla.team_id AS service_team_id, sla.request_type, (r.delivered_at <= r.due_at) AS on_time
      FROM service_request r JOIN service_level_agreement sla ON sla.id = r.sla_id
     WHERE r.status = 'DELIVERED' AND r.delivered_at >= ${from(period)} AND r.delivered_at < ${to(period)}
       AND (r.requesting_team_id IN (${scopeTeams(scope)}) OR sla.team_id IN (${scopeTeams(scope)}))
  )`;
}

/** SLA compliance = service requests delivered in the period by their due time ÷ delivered in the period. */
export async function getSlaCompliance(args: MetricArgs): Promise<Ratio> {
  const [row] = await db().$queryRaw<RatioSqlRow[]>(Prisma.sql`
    WITH ${deliveredRequestsCte(args)}
    SELECT COUNT(*) FILTER (WHERE on_time)::int AS numerator,
           COUNT(*)::int AS denominator,
           (COUNT(*) FILTER (WHERE on_time)::float8 / NULLIF(COUNT(*), 0))::float8 AS value
      FROM delivered_requests`);
  return ratioOf(row);
}

export interface DeliveredRequestRow {
  id: number;
  key: string;
  title: string;
  service: string;
  requestType: string;
  requestingTeam: string;
  dueAt: string;
  deliveredAt: string;
  onTime: boolean;
}

/** The rows behind SLA compliance. */
export async function listDeliveredRequests(args: MetricArgs): Promise<DeliveredRequestRow[]> {
  return db().$queryRaw<DeliveredRequestRow[]>(Prisma.sql`
    WITH ${deliveredRequestsCte(args)}
    SELECT r.id, r.key, r.title, st.name AS service, r.request_type AS "requestType", rt.name AS "requestingTeam",
           ${isoInstant(Prisma.sql`r.due_at`)} AS "dueAt", ${isoInstant(Prisma.sql`r.delivered_at`)} AS "deliveredAt",
           r.on_time AS "onTime"
      FROM delivered_requests r
      JOIN team st ON st.id = r.service_team_id
      JOIN team rt ON rt.id = r.requesting_team_id
     ORDER BY r.on_time, r.delivered_at DESC`);
}

// ───────────────────────────── portfolio value ─────────────────────────────

/**
 * `delivered_epics`: epics in scope whose status is DONE and whose last change into DONE was before the period's
 * end — every epic delivered to date as of the period's end (benefits accrue after delivery, so a window of a
 * few weeks would mostly hold none). Missing benefit or investment counts as 0.
 */
function deliveredEpicsCte({ period, scope }: MetricArgs): Prisma.Sql {
  return Prisma.sql`delivered_epics AS (
    SELECT e.id, e.key, e.title, d.done_at,
           COALESCE(e.planned_benefit, 0)::float8 AS planned, COALESCE(e.realised_benefit, 0)::float8 AS realised,
           COALESCE(e.investment, 0)::float8 AS investment,
           e.planned_benefit IS NULL OR e.realised_benefit IS NULL OR e.investment IS NULL AS incomplete
      FROM backlog_item e
      CROSS JOIN LATERAL (
        SELECT max(sc.changed_at) AS done_at FROM status_change sc WHERE sc.item_id = e.id AND sc.to_status = 'DONE'
      ) d
     WHERE e.level = 'EPIC' AND e.status = 'DONE' AND d.done_at < ${to(period)} AND ${epicInScope(scope)}
  )`;
}

export interface PortfolioRoi {
  value: number | null;
  realised: number;
  investment: number;
  epics: number;
}

const PORTFOLIO_ROI_SQL = Prisma.sql`
    SELECT ((SUM(realised) - SUM(investment)) / NULLIF(SUM(investment), 0))::float8 AS value,
           COALESCE(SUM(realised), 0)::float8 AS realised,
           COALESCE(SUM(investment), 0)::float8 AS investment,
           COUNT(*)::int AS epics
      FROM delivered_epics`;

/** Portfolio ROI = (Σ realised benefit − Σ investment) ÷ Σ investment over delivered epics (see delivered_epics). */
export async function getPortfolioRoi(args: MetricArgs): Promise<PortfolioRoi> {
  const [row] = await db().$queryRaw<PortfolioRoi[]>(Prisma.sql`
    WITH ${deliveredEpicsCte(args)}
    ${PORTFOLIO_ROI_SQL}`);
  return row ?? { value: null, realised: 0, investment: 0, epics: 0 };
}

export interface BenefitRealisation {
  value: number | null;
  realised: number;
  planned: number;
  epics: number;
}

const BENEFIT_REALISATION_SQL = Prisma.sql`
    SELECT (SUM(realised) / NULLIF(SUM(planned), 0))::float8 AS value,
           COALESCE(SUM(realised), 0)::float8 AS realised,
           COALESCE(SUM(planned), 0)::float8 AS planned,
           COUNT(*)::int AS epics
      FROM delivered_epics`;

/** Benefit realisation rate = Σ realised ÷ Σ planned benefit of delivered epics (see delivered_epics). */
export async function getBenefitRealisation(args: MetricArgs): Promise<BenefitRealisation> {
  const [row] = await db().$queryRaw<BenefitRealisation[]>(Prisma.sql`
    WITH ${deliveredEpicsCte(args)}
    ${BENEFIT_REALISATION_SQL}`);
  return row ?? { value: null, realised: 0, planned: 0, epics: 0 };
}

export interface DeliveredEpicRow {
  id: number;
  key: string;
  title: string;
  doneAt: string;
  planned: number;
  realised: number;
  investment: number;
  /** (realised − investment) ÷ investment; null without investment. */
  roi: number | null;
  /** Planned, realised or investment is missing (counted as 0). */
  incomplete: boolean;
}

/** The rows behind portfolio ROI and benefit realisation. */
export async function listDeliveredEpics(args: MetricArgs): Promise<DeliveredEpicRow[]> {
  return db().$queryRaw<DeliveredEpicRow[]>(Prisma.sql`
    WITH ${deliveredEpicsCte(args)}
    SELECT e.id, e.key, e.title, ${isoInstant(Prisma.sql`e.done_at`)} AS "doneAt", e.planned, e.realised, e.investment,
           ((e.realised - e.investment) / NULLIF(e.investment, 0))::float8 AS roi, e.incomplete
      FROM delivered_epics e
     ORDER BY e.done_at DESC`);
}

// ───────────────────────────── structure and priorities ─────────────────────────────

/** The value streams a scope covers: all, the one, or the team's (none when the team has no value stream). */
function scopeValueStreams(scope: Scope): Prisma.Sql {
  switch (scope.kind) {
    case "PORTFOLIO":
      return Prisma.sql`TRUE`;
    case "VALUE_STREAM":
      return Prisma.sql`vs.id = ${scope.valueStreamId}`;
    case "TEAM":
      return Prisma.sql`vs.id = (SELECT t.value_stream_id FROM team t WHERE t.id = ${scope.teamId})`;
  }
}

const VS_PODS = Prisma.sql`(SELECT COUNT(*) FROM team t
  WHERE t.value_stream_id = vs.id AND t.kind = 'DELIVERY_POD' AND t.archived_at IS NULL)`;

/**
 * Value stream coverage = value streams with at least one (unarchived) delivery pod ÷ value streams. A state: as
 * it is now, whatever the period (team structure is not historised).
 */
export async function getValueStreamCoverage({ scope }: MetricArgs): Promise<Ratio> {
  const [row] = await db().$queryRaw<RatioSqlRow[]>(Prisma.sql`
    SELECT COUNT(*) FILTER (WHERE ${VS_PODS} > 0)::int AS numerator,
           COUNT(*)::int AS denominator,
           (COUNT(*) FILTER (WHERE ${VS_PODS} > 0)::float8 / NULLIF(COUNT(*), 0))::float8 AS value
      FROM value_stream vs WHERE ${scopeValueStreams(scope)}`);
  return ratioOf(row);
}

export interface ValueStreamCoverageRow {
  id: number;
  name: string;
  kind: string;
  pods: number;
  covered: boolean;
}

/** The rows behind value stream coverage. */
export async function listValueStreamCoverage({ scope }: MetricArgs): Promise<ValueStreamCoverageRow[]> {
  return db().$queryRaw<ValueStreamCoverageRow[]>(Prisma.sql`
    SELECT vs.id, vs.name, vs.kind::text AS kind, ${VS_PODS}::int AS pods, ${VS_PODS} > 0 AS covered
      FROM value_stream vs WHERE ${scopeValueStreams(scope)}
     ORDER BY ${VS_PODS} > 0, vs.name`);
}

export const TOP_N = 10;

/**
 * `rank_start`: the ranking on the latest snapshot taken on or before the period's first day; `rank_end`: the
 * live ranking when the period ends today or later, else the latest snapshot on or before its last day. A
 * ranking is every portfolio epic's position in rank order (as the portfolio page numbers them).
 */
function rankingsCte(period: Period): Prisma.Sql {
  return Prisma.sql`start_day AS (
    SELECT max(taken_on) AS day FROM portfolio_rank_snapshot WHERE taken_on <= ${period.start}::date
  ),
  rank_start AS (
    SELECT s.item_id, s.position FROM portfolio_rank_snapshot s JOIN start_day sd ON s.taken_on = sd.day
  ),
  rank_end AS (
    SELECT e.id AS item_id, (row_number() OVER (ORDER BY e.rank COLLATE "C", e.id))::int AS position
      FROM backlog_item e
     WHERE e.level = 'EPIC' AND e.team_id IS NULL AND ${period.end}::date >= ${TODAY}
    UNION ALL
    SELECT s.item_id, s.position FROM portfolio_rank_snapshot s
     WHERE ${period.end}::date < ${TODAY}
       AND s.taken_on = (SELECT max(taken_on) FROM portfolio_rank_snapshot WHERE taken_on <= ${period.end}::date)
  )`;
}

export interface PriorityStability extends Ratio {
  /** The day of the snapshot the period's start was read from (null: no ranking history that far back). */
  startSnapshot: string | null;
}

/**
 * Priority stability = epics in the top 10 of the portfolio ranking at the period's start that are still in the
 * top 10 at its end ÷ epics in the top 10 at the start (10, or fewer when the portfolio had fewer epics).
 * Portfolio-wide in every scope: the ranking is the portfolio's.
 */
export async function getPriorityStability({ period }: MetricArgs): Promise<PriorityStability> {
  const [row] = await db().$queryRaw<(RatioSqlRow & { startSnapshot: string | null })[]>(Prisma.sql`
    WITH ${rankingsCte(period)}
    SELECT COUNT(*) FILTER (WHERE re.position <= ${TOP_N})::int AS numerator,
           COUNT(*)::int AS denominator,
           (COUNT(*) FILTER (WHERE re.position <= ${TOP_N})::float8 / NULLIF(COUNT(*), 0))::float8 AS value,
           (SELECT ${isoDay(Prisma.sql`day`)} FROM start_day) AS "startSnapshot"
      FROM rank_start rs
      LEFT JOIN rank_end re ON re.item_id = rs.item_id
     WHERE rs.position <= ${TOP_N}`);
  return { ...ratioOf(row), startSnapshot: row?.startSnapshot ?? null };
}

export interface RankRow {
  id: number;
  key: string;
  title: string;
  startPosition: number | null;
  endPosition: number | null;
  /** In the top 10 at the start (counts in the denominator). */
  inStartTop: boolean;
  /** … and still in it at the end (counts in the numerator). */
  stayed: boolean;
}

/** The rows behind priority stability: every epic in the top 10 at the start or at the end. */
export async function listRankChanges({ period }: MetricArgs): Promise<RankRow[]> {
  return db().$queryRaw<RankRow[]>(Prisma.sql`
    WITH ${rankingsCte(period)}
    SELECT e.id, e.key, e.title, rs.position AS "startPosition", re.position AS "endPosition",
           COALESCE(rs.position <= ${TOP_N}, false) AS "inStartTop",
           COALESCE(rs.position <= ${TOP_N} AND re.position <= ${TOP_N}, false) AS stayed
      FROM backlog_item e
      LEFT JOIN rank_start rs ON rs.item_id = e.id
      LEFT JOIN rank_end re ON re.item_id = e.id
     WHERE rs.position <= ${TOP_N} OR re.position <= ${TOP_N}
     ORDER BY COALESCE(rs.position, 1000), re.position`);
}

// ───────────────────────────── KPIs ─────────────────────────────

/** KPIs a scope covers: all; a value stream's own and its teams'; a team's own. */
function kpiInScope(scope: Scope): Prisma.Sql {
  switch (scope.kind) {
    case "PORTFOLIO":
      return Prisma.sql`TRUE`;
    case "VALUE_STREAM":
      return Prisma.sql`(k.value_stream_id = ${scope.valueStreamId} OR k.team_id IN (${scopeTeams(scope)}))`;
    case "TEAM":
      return Prisma.sql`k.team_id = ${scope.teamId}`;
  }
}

/**
 * `kpi_latest`: KPIs in scope with their latest measurement whose period started by the period's end, its
 * attainment (value ÷ target when higher is better, target ÷ value when lower is better) and whether it meets
 * the target in the KPI's direction. Grouped by the team the KPI belongs to (value-stream and portfolio KPIs form
 * groups of their own).
 */
function kpiLatestCte({ period, scope }: MetricArgs): Prisma.Sql {
  return Prisma.sql`kpi_latest AS (
    SELECT k.id, k.key, k.name, k.unit, k.direction, k.target, k.scope,
           COALESCE(t.name, vs.name, 'Portfolio') AS group_name,
           k.team_id, m.value, m.period_start,
           CASE WHEN k.direction = 'HIGHER_IS_BETTER' THEN m.value / NULLIF(k.target, 0)
                ELSE k.target / NULLIF(m.value, 0) END AS attainment,
           CASE WHEN m.value IS NULL THEN NULL
                WHEN k.direction = 'HIGHER_IS_BETTER' THEN m.value >= k.target
                ELSE m.value <= k.target END AS on_target
      FROM kpi k
      LEFT JOIN team t ON t.id = k.team_id
      LEFT JOIN value_stream vs ON vs.id = k.value_stream_id
      LEFT JOIN LATERAL (
        SELECT km.value, km.period_start FROM kpi_measurement km
         WHERE km.kpi_id = k.id AND km.period_start <= ${period.end}::date
         ORDER BY km.period_start DESC LIMIT 1
      ) m ON true
     WHERE ${kpiInScope(scope)}
  )`;
}

export interface KpiGroupProgress {
  group: string;
  /** TEAM for a team's KPIs; VALUE_STREAM or PORTFOLIO for the KPIs held at those levels. */
  level: KpiScope;
  /** The team's id for team KPIs; null for value-stream and portfolio groups. */
  teamId: number | null;
  kpis: number;
  measured: number;
  onTarget: number;
  /** Mean attainment (value against target in the KPI's direction) of the measured KPIs. */
  meanAttainment: number | null;
}

export interface KpiProgress extends Ratio {
  groups: KpiGroupProgress[];
}

/**
 * KPI progress against target = KPIs whose latest value (period started by the period's end) meets the target in
 * their direction ÷ KPIs with a value; per team (and per value stream / portfolio for KPIs at those levels) with
 * the mean attainment (value ÷ target, or target ÷ value when lower is better).
 */
export async function getKpiProgress(args: MetricArgs): Promise<KpiProgress> {
  const rows = await db().$queryRaw<(KpiGroupProgress & RatioSqlRow)[]>(Prisma.sql`
    WITH ${kpiLatestCte(args)}
    SELECT group_name AS "group", scope::text AS level, max(team_id) AS "teamId", COUNT(*)::int AS kpis,
           COUNT(value)::int AS measured, COUNT(*) FILTER (WHERE on_target)::int AS "onTarget",
           AVG(attainment)::float8 AS "meanAttainment",
           SUM(COUNT(*) FILTER (WHERE on_target)) OVER ()::int AS numerator,
           SUM(COUNT(value)) OVER ()::int AS denominator,
           (SUM(COUNT(*) FILTER (WHERE on_target)) OVER ()::float8 / NULLIF(SUM(COUNT(value)) OVER (), 0))::float8 AS value
      FROM kpi_latest
     GROUP BY group_name, scope
     ORDER BY scope, group_name`);
  return {
    ...ratioOf(rows[0]),
    groups: rows.map((r) => ({
      group: r.group, level: r.level, teamId: r.teamId, kpis: r.kpis, measured: r.measured, onTarget: r.onTarget, meanAttainment: r.meanAttainment,
    })),
  };
}

export interface KpiProgressRow {
  id: number;
  key: string;
  name: string;
  group: string;
  scope: KpiScope;
  unit: string;
  direction: Direction;
  target: number;
  value: number | null;
  periodStart: string | null;
  attainment: number | null;
  onTarget: boolean | null;
}

/** The rows behind KPI progress against target. */
export async function listKpiProgress(args: MetricArgs): Promise<KpiProgressRow[]> {
  return db().$queryRaw<KpiProgressRow[]>(Prisma.sql`
    WITH ${kpiLatestCte(args)}
    SELECT id, key, name, group_name AS "group", scope::text AS scope, unit, direction::text AS direction, target, value,
           CASE WHEN period_start IS NOT NULL THEN ${isoDay(Prisma.sql`period_start`)} END AS "periodStart",
           attainment::float8 AS attainment, on_target AS "onTarget"
      FROM kpi_latest
     ORDER BY scope, group_name, name`);
}

// ───────────────────────────── all at once ─────────────────────────────

export interface DashboardMetrics {
  goalContribution: Awaited<ReturnType<typeof getGoalContribution>>;
  valueStreamCoverage: Ratio;
  priorityStability: PriorityStability;
  blockedWork: Ratio;
  capacityAccuracy: CapacityAccuracy;
  portfolioRoi: PortfolioRoi;
  benefitRealisation: BenefitRealisation;
  velocity: Velocity;
  sprintGoalAttainment: Ratio;
  cycleTime: TimeSummary;
  leadTime: TimeSummary;
  flowVelocity: { items: number; points: number };
  flowLoad: { items: number };
  flowEfficiency: FlowEfficiency;
  dependencyResolution: Ratio;
  slaCompliance: Ratio;
  backlogChurn: BacklogChurn;
  improvementCompletion: Ratio;
  kpiProgress: KpiProgress;
  intervalPredictability: IntervalPredictabilityResult;
}

/** Several aggregates over the same CTEs in one statement: each SELECT becomes one JSON column. */
function family(ctes: Prisma.Sql, selects: Record<string, Prisma.Sql>): Prisma.Sql {
  const columns = Object.entries(selects).map(([name, select]) => Prisma.sql`(SELECT row_to_json(x) FROM (${select}) x) AS ${Prisma.raw(`"${name}"`)}`);
  return Prisma.sql`${ctes} SELECT ${Prisma.join(columns, ", ")}`;
}

interface DoneFamily {
  goalContribution: RatioSqlRow & { unestimated: number };
  cycleTime: TimeSummary;
  leadTime: TimeSummary;
  flowVelocity: { items: number; points: number };
  flowEfficiency: FlowEfficiency;
  trends?: WeekTrend[] | null;
  cycleTimes?: CycleTimeBin[] | null;
  longest?: LongestCycle[] | null;
}

/**
 * The five metrics over the period's done items (and, with `series`, the weekly trends and the binned cycle times
 * of the charts) from ONE `done_items`: a CTE referenced several times is computed once by PostgreSQL.
 */
async function getDoneFamily(args: MetricArgs, series: boolean): Promise<DoneFamily> {
  const selects: Record<string, Prisma.Sql> = {
    goalContribution: GOAL_CONTRIBUTION_SQL,
    cycleTime: CYCLE_TIME_SQL,
    leadTime: LEAD_TIME_SQL,
    flowVelocity: FLOW_VELOCITY_SQL,
    flowEfficiency: FLOW_EFFICIENCY_SQL,
  };
  const ctes = series
    ? Prisma.sql`WITH RECURSIVE ${doneItemsCte(args)}, ${TRACED_CTE}, ${FLOW_TIMES_CTE}, ${weeklyTrendCtes(args)}, ${cycleBinsCte(args.period)}`
    : Prisma.sql`WITH RECURSIVE ${doneItemsCte(args)}, ${TRACED_CTE}, ${FLOW_TIMES_CTE}`;
  const seriesColumns = series
    ? Prisma.sql`,
      (SELECT json_agg(t ORDER BY t.week) FROM (${WEEKLY_TRENDS_SQL}) t) AS trends,
      (SELECT json_agg(b ORDER BY b.x, b.bucket) FROM (${CYCLE_BINS_SQL}) b) AS "cycleTimes",
      (SELECT json_agg(l ORDER BY l.days DESC, l.key) FROM (${LONGEST_CYCLES_SQL}) l) AS longest`
    : Prisma.empty;
  const [row] = await db().$queryRaw<DoneFamily[]>(Prisma.sql`${family(ctes, selects)} ${seriesColumns}`);
  return row!;
}

/** The closed-sprint metrics (capacity accuracy, goal attainment, churn) over one `closed_sprints`. */
async function getSprintFamily(args: MetricArgs) {
  const [row] = await db().$queryRaw<{ capacityAccuracy: CapacityAccuracy; sprintGoalAttainment: RatioSqlRow; backlogChurn: BacklogChurn }[]>(
    family(Prisma.sql`WITH ${closedSprintsCte(args)}`, {
      capacityAccuracy: CAPACITY_ACCURACY_SQL,
      sprintGoalAttainment: SPRINT_GOAL_SQL,
      backlogChurn: BACKLOG_CHURN_SQL,
    }),
  );
  return row!;
}

/** Blocked work and flow load over one `active_items`. */
async function getActiveFamily({ scope }: MetricArgs) {
  const [row] = await db().$queryRaw<{ blockedWork: RatioSqlRow; flowLoad: { items: number } }[]>(
    family(Prisma.sql`WITH ${activeItemsCte(scope)}`, { blockedWork: BLOCKED_WORK_SQL, flowLoad: FLOW_LOAD_SQL }),
  );
  return row!;
}

/** Portfolio ROI and benefit realisation over one `delivered_epics`. */
async function getDeliveredEpicFamily(args: MetricArgs) {
  const [row] = await db().$queryRaw<{ portfolioRoi: PortfolioRoi; benefitRealisation: BenefitRealisation }[]>(
    family(Prisma.sql`WITH ${deliveredEpicsCte(args)}`, { portfolioRoi: PORTFOLIO_ROI_SQL, benefitRealisation: BENEFIT_REALISATION_SQL }),
  );
  return row!;
}

export interface DashboardSeries {
  trends: WeekTrend[];
  cycleTimes: CycleTimeSeries;
}

async function loadDashboard(args: MetricArgs, series: boolean): Promise<{ metrics: DashboardMetrics; series: DashboardSeries | null }> {
  const [done, sprints, active, epics, valueStreamCoverage, priorityStability, velocity, dependencyResolution, slaCompliance, improvementCompletion, kpiProgress, intervalPredictability] =
    await Promise.all([
      getDoneFamily(args, series), getSprintFamily(args), getActiveFamily(args), getDeliveredEpicFamily(args),
      getValueStreamCoverage(args), getPriorityStability(args), getVelocity(args), getDependencyResolutionRate(args),
      getSlaCompliance(args), getImprovementCompletion(args), getKpiProgress(args), getIntervalPredictability(args),
    ]);
  const metrics: DashboardMetrics = {
    goalContribution: goalContributionOf(done.goalContribution),
    valueStreamCoverage,
    priorityStability,
    blockedWork: ratioOf(active.blockedWork),
    capacityAccuracy: sprints.capacityAccuracy,
    portfolioRoi: epics.portfolioRoi,
    benefitRealisation: epics.benefitRealisation,
    velocity,
    sprintGoalAttainment: ratioOf(sprints.sprintGoalAttainment),
    cycleTime: done.cycleTime,
    leadTime: done.leadTime,
    flowVelocity: done.flowVelocity,
    flowLoad: active.flowLoad,
    flowEfficiency: done.flowEfficiency,
    dependencyResolution,
    slaCompliance,
    backlogChurn: sprints.backlogChurn,
    improvementCompletion,
    kpiProgress,
    intervalPredictability,
  };
  if (!series) return { metrics, series: null };
  return {
    metrics,
    series: {
      trends: done.trends ?? [],
      cycleTimes: { bins: done.cycleTimes ?? [], longest: done.longest ?? [], binDays: cycleBinDays(args.period) },
    },
  };
}

/**
 * Every metric for one period and scope. Metrics that share their rows are computed together (one statement per
 * family: the period's done items, closed sprints, active items, delivered epics); the families and the other
 * metrics run concurrently on the pool.
 */
export async function getDashboardMetrics(args: MetricArgs): Promise<DashboardMetrics> {
  return (await loadDashboard(args, false)).metrics;
}

/** getDashboardMetrics and the series of the dashboard's charts that come from the same done items, at once. */
export async function getDashboard(args: MetricArgs): Promise<{ metrics: DashboardMetrics; series: DashboardSeries }> {
  const { metrics, series } = await loadDashboard(args, true);
  return { metrics, series: series! };
}

// ───────────────────────────── series for the charts ─────────────────────────────

export interface WeekTrend {
  /** Monday of the week (`YYYY-MM-DD`); the first and last weeks may be cut by the period. */
  week: string;
  itemsDone: number;
  pointsDone: number;
  /** Goal contribution of the week's done points (null: no points done). */
  goalContribution: number | null;
  /** Median cycle time (days) of the week's done items. */
  cycleMedian: number | null;
  /** SLA compliance of the week's deliveries. */
  slaCompliance: number | null;
  /** Dependency resolution rate of the week's resolutions. */
  dependencyResolution: number | null;
}

const weekOf = (instant: Prisma.Sql) => Prisma.sql`date_trunc('week', (${instant}) AT TIME ZONE ${TZ})::date`;

/** The weekly groupings (needs done_items and traced before it). */
function weeklyTrendCtes(args: MetricArgs): Prisma.Sql {
  return Prisma.sql`${deliveredRequestsCte(args)}, ${resolvedDependenciesCte(args)},
    weeks AS (
      SELECT generate_series(date_trunc('week', ${args.period.start}::date::timestamp), ${args.period.end}::date::timestamp, interval '7 days')::date AS week
    ),
    done_weeks AS (
      SELECT ${weekOf(Prisma.sql`di.done_at`)} AS week, COUNT(*) AS items, COALESCE(SUM(di.estimate), 0) AS points,
             SUM(di.estimate) FILTER (WHERE t.item_id IS NOT NULL) AS traced,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (di.done_at - di.started_at)) / 86400.0)
               FILTER (WHERE di.started_at IS NOT NULL) AS cycle_median
        FROM done_items di LEFT JOIN traced t ON t.item_id = di.id
       GROUP BY 1
    ),
    sla_weeks AS (
      SELECT ${weekOf(Prisma.sql`r.delivered_at`)} AS week, COUNT(*) FILTER (WHERE r.on_time)::float8 / COUNT(*) AS compliance
        FROM delivered_requests r GROUP BY 1
    ),
    dep_weeks AS (
      SELECT ${weekOf(Prisma.sql`d.resolved_at`)} AS week, COUNT(*) FILTER (WHERE d.on_time)::float8 / COUNT(*) AS rate
        FROM resolved_deps d GROUP BY 1
    )`;
}

const WEEKLY_TRENDS_SQL = Prisma.sql`
    SELECT ${isoDay(Prisma.sql`w.week`)} AS week,
           COALESCE(dw.items, 0)::int AS "itemsDone", COALESCE(dw.points, 0)::int AS "pointsDone",
           (COALESCE(dw.traced, 0)::float8 / NULLIF(dw.points, 0))::float8 AS "goalContribution",
           dw.cycle_median::float8 AS "cycleMedian",
           sw.compliance::float8 AS "slaCompliance",
           dpw.rate::float8 AS "dependencyResolution"
      FROM weeks w
      LEFT JOIN done_weeks dw ON dw.week = w.week
      LEFT JOIN sla_weeks sw ON sw.week = w.week
      LEFT JOIN dep_weeks dpw ON dpw.week = w.week`;

/**
 * The period's metrics week by week (weeks start on Monday in the organisation's zone): flow velocity (items and
 * points), goal contribution, median cycle time, SLA compliance and dependency resolution rate — each with the
 * same definition as above, grouped by the week of the event.
 */
export async function getWeeklyTrends(args: MetricArgs): Promise<WeekTrend[]> {
  return db().$queryRaw<WeekTrend[]>(Prisma.sql`
    WITH RECURSIVE ${doneItemsCte(args)}, ${TRACED_CTE}, ${weeklyTrendCtes(args)}
    ${WEEKLY_TRENDS_SQL}
     ORDER BY week`);
}

/** Upper bounds (days) of the cycle-time bands the chart bins items into; the last band is open. */
export const CYCLE_BANDS = [0.5, 1, 2, 3, 5, 8, 13, 21, 34, 55] as const;

export interface CycleTimeBin {
  /** First day of the bin (`YYYY-MM-DD`): a day, or a week's Monday for periods longer than 120 days. */
  x: string;
  /** Index into CYCLE_BANDS: items with cycle time below CYCLE_BANDS[bucket] (and at least the band before). */
  bucket: number;
  items: number;
  /** Mean cycle time of the bin's items, in days. */
  meanDays: number;
}

export interface LongestCycle {
  key: string;
  days: number;
}

export interface CycleTimeSeries {
  bins: CycleTimeBin[];
  /** The three longest cycle times (for the chart's text alternative). */
  longest: LongestCycle[];
  /** Days per bin on the x axis (1 or 7). */
  binDays: 1 | 7;
}

const cycleBinDays = (period: Period): 1 | 7 => (daysBetween(period.start, period.end) > 120 ? 7 : 1);

/** Done items that were in progress, with their cycle time and the day they were done (needs done_items). */
function cycleBinsCte(period: Period): Prisma.Sql {
  const x =
    cycleBinDays(period) === 7
      ? Prisma.sql`date_trunc('week', di.done_at AT TIME ZONE ${TZ})::date`
      : Prisma.sql`(di.done_at AT TIME ZONE ${TZ})::date`;
  return Prisma.sql`cycles AS (
    SELECT di.key, ${x} AS x, (EXTRACT(EPOCH FROM (di.done_at - di.started_at)) / 86400.0)::float8 AS days
      FROM done_items di WHERE di.started_at IS NOT NULL
  )`;
}

const CYCLE_BINS_SQL = Prisma.sql`
    SELECT ${isoDay(Prisma.sql`c.x`)} AS x, width_bucket(c.days, ${CYCLE_BANDS.map(Number)}::float8[]) AS bucket,
           COUNT(*)::int AS items, AVG(c.days)::float8 AS "meanDays"
      FROM cycles c
     GROUP BY c.x, 2`;

const LONGEST_CYCLES_SQL = Prisma.sql`SELECT c.key, c.days FROM cycles c ORDER BY c.days DESC, c.key LIMIT 3`;

/**
 * Cycle time of the items done in the period, binned for the chart: per day (per week past 120 days) and per
 * cycle-time band (CYCLE_BANDS), the number of items and their mean cycle time — a chart's worth of points
 * whatever the number of items.
 */
export async function getCycleTimeSeries(args: MetricArgs): Promise<CycleTimeSeries> {
  const [row] = await db().$queryRaw<{ bins: CycleTimeBin[] | null; longest: LongestCycle[] | null }[]>(Prisma.sql`
    WITH ${doneItemsCte(args)}, ${cycleBinsCte(args.period)}
    SELECT (SELECT json_agg(b ORDER BY b.x, b.bucket) FROM (${CYCLE_BINS_SQL}) b) AS bins,
           (SELECT json_agg(l ORDER BY l.days DESC, l.key) FROM (${LONGEST_CYCLES_SQL}) l) AS longest`);
  return { bins: row?.bins ?? [], longest: row?.longest ?? [], binDays: cycleBinDays(args.period) };
}

export interface FlowDay {
  day: string;
  backlog: number;
  ready: number;
  inProgress: number;
  blocked: number;
  inReview: number;
  done: number;
}

/**
 * Cumulative flow: for each day of the period (each week's last day when the period is longer than 120 days),
 * the work items in scope per status at the end of that day, from the status history (an item is in the status
 * of its last change before the day ends; cancelled items are left out).
 *
 * An event sweep backwards from now: each item's latest change is kept on the item (last_change_status, by a
 * trigger on status_change), so the count per status now is one pass over the scope's items; a day's count is
 * that minus the changes after the day ended (each change +1 to its status, −1 to the one before it). Only the
 * changes since the period's first day are read, whatever the length of the history.
 */
export async function getCumulativeFlow({ period, scope }: MetricArgs): Promise<FlowDay[]> {
  return db().$queryRaw<FlowDay[]>(Prisma.sql`
    WITH scope_items AS MATERIALIZED (
      SELECT bi.id, bi.last_change_status AS status
        FROM backlog_item bi
       WHERE ${WORK_ITEM} AND bi.team_id IN (${scopeTeams(scope)})
    ),
    days AS MATERIALIZED (
      SELECT d::date AS day
        FROM generate_series(${period.end}::date, ${period.start}::date,
               CASE WHEN ${period.end}::date - ${period.start}::date > 120 THEN interval '-7 days' ELSE interval '-1 day' END) AS d
    ),
    later AS (
      SELECT sc.id, sc.item_id, sc.changed_at, sc.to_status,
             lag(sc.to_status) OVER w AS prev, row_number() OVER w AS n
        FROM status_change sc
       WHERE sc.changed_at >= (((SELECT min(day) FROM days) + 1)::timestamp AT TIME ZONE ${TZ})
         AND sc.item_id IN (SELECT id FROM scope_items)
      WINDOW w AS (PARTITION BY sc.item_id ORDER BY sc.changed_at, sc.id)
    ),
    events AS (
      SELECT (l.changed_at AT TIME ZONE ${TZ})::date AS day, l.to_status,
             CASE WHEN l.n > 1 THEN l.prev
                  ELSE (SELECT p.to_status FROM status_change p
                         WHERE p.item_id = l.item_id AND (p.changed_at < l.changed_at OR (p.changed_at = l.changed_at AND p.id < l.id))
                         ORDER BY p.changed_at DESC, p.id DESC LIMIT 1) END AS prev
        FROM later l
    ),
    deltas AS (
      SELECT day, status, SUM(delta) AS delta
        FROM (SELECT day, to_status AS status, 1 AS delta FROM events
              UNION ALL
              SELECT day, prev, -1 FROM events WHERE prev IS NOT NULL) e
       GROUP BY day, status
    ),
    now_counts AS (
      SELECT status, COUNT(*) AS n FROM scope_items WHERE status IS NOT NULL GROUP BY status
    ),
    counts AS (
      SELECT d.day, st.status,
             COALESCE(nc.n, 0) - COALESCE((SELECT SUM(x.delta) FROM deltas x WHERE x.status = st.status AND x.day > d.day), 0) AS n
        FROM days d
        CROSS JOIN unnest(ARRAY['BACKLOG', 'READY', 'IN_PROGRESS', 'BLOCKED', 'IN_REVIEW', 'DONE']::"ItemStatus"[]) AS st(status)
        LEFT JOIN now_counts nc ON nc.status = st.status
    )
    SELECT ${isoDay(Prisma.sql`d.day`)} AS day,
           COALESCE(SUM(c.n) FILTER (WHERE c.status = 'BACKLOG'), 0)::int AS backlog,
           COALESCE(SUM(c.n) FILTER (WHERE c.status = 'READY'), 0)::int AS ready,
           COALESCE(SUM(c.n) FILTER (WHERE c.status = 'IN_PROGRESS'), 0)::int AS "inProgress",
           COALESCE(SUM(c.n) FILTER (WHERE c.status = 'BLOCKED'), 0)::int AS blocked,
           COALESCE(SUM(c.n) FILTER (WHERE c.status = 'IN_REVIEW'), 0)::int AS "inReview",
           COALESCE(SUM(c.n) FILTER (WHERE c.status = 'DONE'), 0)::int AS done
      FROM days d
      LEFT JOIN counts c ON c.day = d.day
     GROUP BY d.day
     ORDER BY d.day`);
}

export interface SprintCapacityPoint {
  /** The sprint window's first day (teams share a cadence; each window sums its teams' sprints). */
  startDate: string;
  endDate: string;
  /** "Sprint 5" for one team's sprint, else the number of teams. */
  label: string;
  sprints: number;
  capacity: number;
  committed: number;
  /** Closed: completed points recorded at close; active: points of its items done so far. */
  completed: number;
  active: boolean;
}

/**
 * Capacity vs committed vs completed per sprint: the closed and active sprints in scope that overlap the period,
 * summed per sprint window (start date).
 */
export async function getSprintCapacitySeries({ period, scope }: MetricArgs): Promise<SprintCapacityPoint[]> {
  return db().$queryRaw<SprintCapacityPoint[]>(Prisma.sql`
    WITH sprints AS (
      SELECT s.id, s.number, s.start_date, s.end_date, s.status, s.capacity_points,
             COALESCE(SUM(COALESCE(si.points_at_start, bi.estimate)) FILTER (WHERE si.committed), 0) AS committed,
             CASE WHEN s.status = 'CLOSED' THEN s.completed_points
                  ELSE COALESCE(SUM(bi.estimate) FILTER (WHERE bi.status = 'DONE' AND si.removed_at IS NULL), 0) END AS completed
        FROM sprint s
        LEFT JOIN sprint_item si ON si.sprint_id = s.id
        LEFT JOIN backlog_item bi ON bi.id = si.item_id
       WHERE s.status IN ('CLOSED', 'ACTIVE') AND s.team_id IN (${scopeTeams(scope)})
         AND s.start_date <= ${period.end}::date AND s.end_date >= ${period.start}::date
       GROUP BY s.id
    )
    SELECT ${isoDay(Prisma.sql`start_date`)} AS "startDate", ${isoDay(Prisma.sql`max(end_date)`)} AS "endDate",
           CASE WHEN COUNT(*) = 1 THEN 'Sprint ' || max(number) ELSE COUNT(*) || ' teams' END AS label,
           COUNT(*)::int AS sprints,
           SUM(capacity_points)::int AS capacity, SUM(committed)::int AS committed, SUM(completed)::int AS completed,
           bool_or(status = 'ACTIVE') AS active
      FROM sprints
     GROUP BY start_date
     ORDER BY start_date`);
}

export interface ServiceCompliance {
  teamId: number;
  service: string;
  delivered: number;
  onTime: number;
  compliance: number | null;
}

/** SLA compliance per shared service (the serving team) over the requests delivered in the period in scope. */
export async function getSlaComplianceByService(args: MetricArgs): Promise<ServiceCompliance[]> {
  return db().$queryRaw<ServiceCompliance[]>(Prisma.sql`
    WITH ${deliveredRequestsCte(args)}
    SELECT t.id AS "teamId", t.name AS service, COUNT(*)::int AS delivered,
           COUNT(*) FILTER (WHERE r.on_time)::int AS "onTime",
           (COUNT(*) FILTER (WHERE r.on_time)::float8 / NULLIF(COUNT(*), 0))::float8 AS compliance
      FROM delivered_requests r JOIN team t ON t.id = r.service_team_id
     GROUP BY t.id, t.name
     ORDER BY t.name`);
}

export interface DependencyPairRisk {
  fromTeamId: number;
  fromTeam: string;
  toTeamId: number;
  toTeam: string;
  open: number;
  atRisk: number;
  overdue: number;
}

/**
 * Dependency risk by team pair (needing team → providing team): unresolved dependencies with either side in scope,
 * counted by the dependency board's risk (dependencyRiskSql, lib/dependencies): OVERDUE, AT_RISK, the rest open.
 */
export async function getDependencyRiskByPair({ scope }: MetricArgs): Promise<DependencyPairRisk[]> {
  const today = await getOrgToday();
  return db().$queryRaw<DependencyPairRisk[]>(Prisma.sql`
    SELECT d.from_team_id AS "fromTeamId", ft.name AS "fromTeam", d.to_team_id AS "toTeamId", tt.name AS "toTeam",
           COUNT(*)::int AS open,
           COUNT(*) FILTER (WHERE ${dependencyRiskSql("d", today)} = 'AT_RISK')::int AS "atRisk",
           COUNT(*) FILTER (WHERE ${dependencyRiskSql("d", today)} = 'OVERDUE')::int AS overdue
      FROM dependency d
      JOIN team ft ON ft.id = d.from_team_id
      JOIN team tt ON tt.id = d.to_team_id
     WHERE d.status IN ${UNRESOLVED_STATUSES_SQL}
       AND (d.from_team_id IN (${scopeTeams(scope)}) OR d.to_team_id IN (${scopeTeams(scope)}))
     GROUP BY d.from_team_id, ft.name, d.to_team_id, tt.name
     ORDER BY ft.name, tt.name`);
}

// ───────────────────────────── the selection ─────────────────────────────

/** Today's date in the organisation's time zone (`YYYY-MM-DD`): "last 4 weeks" ends on it. */
export async function getOrgToday(): Promise<string> {
  const [row] = await db().$queryRaw<{ today: string }[]>(Prisma.sql`SELECT ${isoDay(TODAY)} AS today`);
  return row!.today;
}

export interface ScopeOptions {
  valueStreams: { id: number; name: string; teams: { id: number; name: string; kind: string }[] }[];
  /** Teams outside any value stream (shared services, usually). */
  otherTeams: { id: number; name: string; kind: string }[];
}

/** The value streams and their (unarchived) teams, for the scope picker. */
export async function getScopeOptions(): Promise<ScopeOptions> {
  const [streams, teams] = await Promise.all([
    db().valueStream.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().team.findMany({
      where: { archivedAt: null },
      orderBy: [{ kind: "asc" }, { name: "asc" }],
      select: { id: true, name: true, kind: true, valueStreamId: true },
    }),
  ]);
  return {
    valueStreams: streams.map((vs) => ({
      ...vs,
      teams: teams.filter((t) => t.valueStreamId === vs.id).map((t) => ({ id: t.id, name: t.name, kind: t.kind })),
    })),
    otherTeams: teams.filter((t) => t.valueStreamId === null).map((t) => ({ id: t.id, name: t.name, kind: t.kind })),
  };
}

/** The scope's display name, or null when its value stream or team does not exist. */
export async function getScopeName(scope: Scope): Promise<string | null> {
  switch (scope.kind) {
    case "PORTFOLIO":
      return "Whole portfolio";
    case "VALUE_STREAM":
      return (await db().valueStream.findUnique({ where: { id: scope.valueStreamId }, select: { name: true } }))?.name ?? null;
    case "TEAM":
      return (await db().team.findUnique({ where: { id: scope.teamId }, select: { name: true } }))?.name ?? null;
  }
}
