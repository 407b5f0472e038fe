import "server-only";
import { now as clockNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IntervalState, ItemStatus, RiskStatus, SprintStatus } from "@/lib/generated/prisma/enums";
import { DEFAULT_TIME_ZONE } from "@/lib/organization/sql-fragments";
import { localDay } from "@/lib/calendar/business-time";
import { pointsPerDay, sprintCapacity, VELOCITY_WINDOW, type MemberAvailability } from "@/lib/sprints/capacity";
import { countWorkingDays, type WorkingDays } from "@/lib/sprints/cadence";
import { readWorkingDays } from "@/lib/sprints/queries";
import { lineState, type BoardSprint, type LineState } from "./board";
import {
  epicRemainders,
  overCommitment,
  sprintInInterval,
  teamLoads,
  type EpicRemainder,
  type OverCommitment,
  type SprintCapacityLine,
  type TeamLoad,
} from "./capacity";
import { RISK_ORDER } from "./states";

/*
 * Reads for planning intervals, sized for 100,000 items and 50 teams: every list is bounded (cards per cell, risks,
 * launch windows, pickers), every sum over items is an aggregate in SQL, and what runs per team or per sprint is
 * a handful of set-based queries, never a query per row. Dates travel as `YYYY-MM-DD` strings.
 */

const db = () => getDb();
const isoDay = (expr: Prisma.Sql) => Prisma.sql`to_char(${expr}, 'YYYY-MM-DD')`;

/**
 * A feature's points for planning (lib/planning/capacity.ts, featurePoints): when any of its non-cancelled stories
 * is estimated, the estimates of those stories still to do when the interval starts (a story done before the
 * interval's first day was delivered by an earlier one: a feature carried over counts what is left); else the
 * feature's own estimate (null: unestimated). `agg` is the lateral row storyAgg(start) makes for the feature `f`.
 */
const FEATURE_POINTS = Prisma.sql`CASE WHEN agg.estimated_stories > 0 THEN agg.story_points ELSE f.estimate END`;

/** Per feature `f`: points of its stories still to do when the interval starts, its estimated stories, its done points. */
function storyAgg(start: string | number): Prisma.Sql {
  // A day, or the id of the interval whose first day it is.
  const day = typeof start === "string" ? Prisma.sql`${start}::date` : Prisma.sql`(SELECT sp.start_date FROM planning_interval sp WHERE sp.id = ${start})`;
  const doneBefore = Prisma.sql`(s.status = 'DONE' AND (SELECT max(sc.changed_at) FROM status_change sc WHERE sc.item_id = s.id AND sc.to_status = 'DONE')
                    < (${day})::timestamp AT TIME ZONE ${TZ})`;
  return Prisma.sql`
  LEFT JOIN LATERAL (
    SELECT COALESCE(SUM(s.estimate) FILTER (WHERE s.status <> 'CANCELLED' AND NOT ${doneBefore}), 0)::int AS story_points,
           COUNT(s.estimate) FILTER (WHERE s.status <> 'CANCELLED')::int AS estimated_stories,
           COALESCE(SUM(s.estimate) FILTER (WHERE s.status = 'DONE'), 0)::int AS done_points
      FROM backlog_item s WHERE s.parent_id = f.id
  ) agg ON TRUE`;
}

const TZ = Prisma.sql`COALESCE((SELECT o.timezone FROM organization o ORDER BY o.id LIMIT 1), ${DEFAULT_TIME_ZONE})`;

/** Today in the organisation's time zone (the test clock included). */
export async function getPlanningToday(tx?: Tx): Promise<string> {
  const org = await (tx ?? db()).organization.findFirst({ orderBy: { id: "asc" }, select: { timezone: true } });
  return localDay(org?.timezone ?? DEFAULT_TIME_ZONE, clockNow());
}

// ───────────────────────────── intervals ─────────────────────────────

export interface IntervalDto {
  id: number;
  name: string;
  startDate: string;
  endDate: string;
  state: IntervalState;
  version: number;
}

const INTERVAL_COLUMNS = Prisma.sql`pi.id, pi.name, ${isoDay(Prisma.sql`pi.start_date`)} AS "startDate", ${isoDay(Prisma.sql`pi.end_date`)} AS "endDate",
  pi.state::text AS state, pi.version`;

export async function getInterval(intervalId: number): Promise<IntervalDto | null> {
  const [row] = await db().$queryRaw<IntervalDto[]>(Prisma.sql`SELECT ${INTERVAL_COLUMNS} FROM planning_interval pi WHERE pi.id = ${intervalId}`);
  return row ?? null;
}

export interface IntervalSummary extends IntervalDto {
  teams: number;
  features: number;
  featuresDone: number;
  epics: number;
  objectives: number;
  openRisks: number;
  /** Predictability of a closed interval (Σ actual ÷ Σ planned committed), else null. */
  predictability: number | null;
}

/** The most recent intervals first (at most `limit`), with their counts in SQL. */
export async function listIntervals(limit = 40): Promise<IntervalSummary[]> {
  return db().$queryRaw<IntervalSummary[]>(Prisma.sql`
    SELECT ${INTERVAL_COLUMNS},
           COALESCE(f.teams, 0)::int AS teams, COALESCE(f.features, 0)::int AS features, COALESCE(f.done, 0)::int AS "featuresDone",
           (SELECT COUNT(*) FROM backlog_item e WHERE e.planning_interval_id = pi.id AND e.level = 'EPIC')::int AS epics,
           (SELECT COUNT(*) FROM interval_objective o WHERE o.interval_id = pi.id)::int AS objectives,
           (SELECT COUNT(*) FROM interval_risk r WHERE r.interval_id = pi.id AND r.status IN ('OPEN', 'OWNED'))::int AS "openRisks",
           CASE WHEN pi.state = 'CLOSED' THEN (
             SELECT SUM(COALESCE(o.actual_value, 0))::float8 / NULLIF(SUM(o.planned_value) FILTER (WHERE o.committed), 0)
               FROM interval_objective o WHERE o.interval_id = pi.id) END AS predictability
      FROM planning_interval pi
      LEFT JOIN LATERAL (
        SELECT COUNT(DISTINCT b.team_id) AS teams, COUNT(*) AS features, COUNT(*) FILTER (WHERE b.status = 'DONE') AS done
          FROM backlog_item b WHERE b.planning_interval_id = pi.id AND b.level = 'FEATURE' AND b.status <> 'CANCELLED'
      ) f ON TRUE
     ORDER BY pi.start_date DESC
     LIMIT ${limit}`);
}

/** Every interval, oldest first, for pickers (names and states only; intervals are a handful a year). */
export async function listIntervalOptions(): Promise<{ id: number; name: string; state: IntervalState; startDate: string; endDate: string }[]> {
  return db().$queryRaw(Prisma.sql`
    SELECT pi.id, pi.name, pi.state::text AS state, ${isoDay(Prisma.sql`pi.start_date`)} AS "startDate", ${isoDay(Prisma.sql`pi.end_date`)} AS "endDate"
      FROM planning_interval pi ORDER BY pi.start_date DESC LIMIT 200`);
}

/** The interval running today (or, failing that, the next one still being planned), for the nav's default. */
export async function getCurrentIntervalId(): Promise<number | null> {
  const today = await getPlanningToday();
  const [row] = await db().$queryRaw<{ id: number }[]>(Prisma.sql`
    SELECT id FROM planning_interval
     ORDER BY CASE WHEN start_date <= ${today}::date AND end_date >= ${today}::date THEN 0 WHEN start_date > ${today}::date THEN 1 ELSE 2 END,
              abs(start_date - ${today}::date)
     LIMIT 1`);
  return row?.id ?? null;
}

// ───────────────────────────── capacity and load ─────────────────────────────

interface SprintRow {
  id: number;
  teamId: number;
  number: number;
  status: SprintStatus;
  startDate: string;
  endDate: string;
  capacityPoints: number;
}

/** Teams of a selection: every active team, or the listed ones. */
const teamFilter = (column: Prisma.Sql, teamIds: readonly number[] | null) =>
  teamIds === null ? Prisma.empty : teamIds.length === 0 ? Prisma.sql`AND FALSE` : Prisma.sql`AND ${column} = ANY(${[...teamIds]}::int[])`;

/**
 * The capacity lines of the teams' sprints overlapping the interval (lib/planning/capacity.ts): a running or closed
 * sprint counts the capacity fixed at its start; a planned one its live capacity, from the team's members now (no
 * oversight roles), their days off in that sprint and the points per day of the team's last three closed sprints —
 * the same inputs lib/sprints' computeSprintCapacity reads for one sprint, read here for all in four queries.
 */
export async function readIntervalCapacity(
  tx: Tx,
  interval: { startDate: string; endDate: string },
  teamIds: readonly number[] | null,
  calendar?: WorkingDays,
): Promise<SprintCapacityLine[]> {
  const cal = calendar ?? (await readWorkingDays(tx));
  const sprints = await tx.$queryRaw<SprintRow[]>(Prisma.sql`
    SELECT s.id, s.team_id AS "teamId", s.number, s.status::text AS status,
           ${isoDay(Prisma.sql`s.start_date`)} AS "startDate", ${isoDay(Prisma.sql`s.end_date`)} AS "endDate", s.capacity_points AS "capacityPoints"
      FROM sprint s JOIN team t ON t.id = s.team_id AND t.archived_at IS NULL
     WHERE s.start_date <= ${interval.endDate}::date AND s.end_date >= ${interval.startDate}::date
       ${teamFilter(Prisma.sql`s.team_id`, teamIds)}
     ORDER BY s.team_id, s.start_date`);
  const plannedTeams = [...new Set(sprints.filter((s) => s.status === "PLANNED").map((s) => s.teamId))];
  const live = new Map<number, { members: { personId: number; allocationPct: number }[]; rate: ReturnType<typeof pointsPerDay> }>();
  let daysOff = new Map<string, number>();
  if (plannedTeams.length > 0) {
    const [members, closed, availability] = await Promise.all([
      tx.$queryRaw<{ teamId: number; personId: number; allocationPct: number }[]>(Prisma.sql`
        SELECT m.team_id AS "teamId", m.person_id AS "personId", m.allocation_pct AS "allocationPct"
          FROM membership m WHERE m.role <> 'OVERSIGHT' AND m.team_id = ANY(${plannedTeams}::int[])`),
      tx.$queryRaw<{ id: number; teamId: number; startDate: string; endDate: string; completedPoints: number }[]>(Prisma.sql`
        SELECT id, team_id AS "teamId", ${isoDay(Prisma.sql`start_date`)} AS "startDate", ${isoDay(Prisma.sql`end_date`)} AS "endDate",
               COALESCE(completed_points, 0) AS "completedPoints"
          FROM (SELECT s.*, row_number() OVER (PARTITION BY s.team_id ORDER BY s.number DESC) AS n
                  FROM sprint s WHERE s.status = 'CLOSED' AND s.team_id = ANY(${plannedTeams}::int[])) c
         WHERE c.n <= ${VELOCITY_WINDOW}
         ORDER BY team_id, number DESC`),
      tx.$queryRaw<{ sprintId: number; personId: number; daysOff: number }[]>(Prisma.sql`
        SELECT a.sprint_id AS "sprintId", a.person_id AS "personId", a.days_off AS "daysOff"
          FROM sprint_availability a JOIN sprint s ON s.id = a.sprint_id
         WHERE s.team_id = ANY(${plannedTeams}::int[])
           AND ((s.start_date <= ${interval.endDate}::date AND s.end_date >= ${interval.startDate}::date) OR s.status = 'CLOSED')`),
    ]);
    daysOff = new Map(availability.map((a) => [`${a.sprintId}:${a.personId}`, a.daysOff]));
    const off = (sprintId: number, personId: number) => daysOff.get(`${sprintId}:${personId}`) ?? 0;
    for (const teamId of plannedTeams) {
      const own = members.filter((m) => m.teamId === teamId);
      const history = closed
        .filter((c) => c.teamId === teamId)
        .map((c) => {
          const wd = countWorkingDays(c.startDate, c.endDate, cal);
          const available = sprintCapacity(wd, own.map((m) => ({ ...m, daysOff: off(c.id, m.personId) })), pointsPerDay([])).availableDays;
          return { completedPoints: c.completedPoints, availableDays: available };
        });
      live.set(teamId, { members: own, rate: pointsPerDay(history) });
    }
  }
  return sprints.map((s) => {
    const team = s.status === "PLANNED" ? live.get(s.teamId) : undefined;
    const members: MemberAvailability[] | undefined = team?.members.map((m) => ({ ...m, daysOff: daysOff.get(`${s.id}:${m.personId}`) ?? 0 }));
    return sprintInInterval(s, interval, cal, team && members ? { members, rate: team.rate } : null);
  });
}

/**
 * Each team's capacity and load for an interval (lib/planning/capacity.ts for the arithmetic): features planned into
 * it grouped by team and planned sprint, and loose stories (in the interval's sprints, their feature not planned
 * into it) grouped by team and sprint — both aggregated in SQL.
 */
export async function readIntervalLoads(
  tx: Tx,
  interval: { id: number; startDate: string; endDate: string },
  teamIds: readonly number[] | null,
): Promise<{ lines: SprintCapacityLine[]; loads: Map<number, TeamLoad> }> {
  const [lines, groups, loose] = await Promise.all([
    readIntervalCapacity(tx, interval, teamIds),
    tx.$queryRaw<{ teamId: number; plannedSprintId: number | null; points: number; features: number; unestimatedFeatures: number }[]>(Prisma.sql`
      SELECT f.team_id AS "teamId", f.planned_sprint_id AS "plannedSprintId",
             COALESCE(SUM(${FEATURE_POINTS}), 0)::int AS points, COUNT(*)::int AS features,
             COUNT(*) FILTER (WHERE ${FEATURE_POINTS} IS NULL)::int AS "unestimatedFeatures"
        FROM backlog_item f ${storyAgg(interval.startDate)}
       WHERE f.planning_interval_id = ${interval.id} AND f.level = 'FEATURE' AND f.status <> 'CANCELLED'
         ${teamFilter(Prisma.sql`f.team_id`, teamIds)}
       GROUP BY f.team_id, f.planned_sprint_id`),
    tx.$queryRaw<{ teamId: number; sprintId: number; points: number; stories: number }[]>(Prisma.sql`
      SELECT st.team_id AS "teamId", si.sprint_id AS "sprintId", COALESCE(SUM(st.estimate), 0)::int AS points, COUNT(*)::int AS stories
        FROM sprint_item si
        JOIN sprint sp ON sp.id = si.sprint_id
        JOIN backlog_item st ON st.id = si.item_id
        LEFT JOIN backlog_item f ON f.id = st.parent_id
       WHERE si.removed_at IS NULL AND st.status <> 'CANCELLED'
         AND sp.start_date <= ${interval.endDate}::date AND sp.end_date >= ${interval.startDate}::date
         AND (f.id IS NULL OR f.planning_interval_id IS DISTINCT FROM ${interval.id})
         ${teamFilter(Prisma.sql`sp.team_id`, teamIds)}
       GROUP BY st.team_id, si.sprint_id`),
  ]);
  return { lines, loads: teamLoads(lines, groups, loose) };
}

// ───────────────────────────── the program board ─────────────────────────────

/** Cards shown per cell; the rest are counted ("+4 more") and listed on the cell's own page. */
export const CARDS_PER_CELL = 8;
/** Teams per board page (a value stream's teams usually fit on one). */
export const TEAMS_PER_PAGE = 12;
const MAX_LAUNCHES = 40;
const MAX_LINES = 400;
const MAX_RISKS = 100;

export interface BoardCard {
  id: number;
  key: string;
  title: string;
  status: ItemStatus;
  version: number;
  teamId: number;
  sprintId: number | null;
  /** featurePoints (null: unestimated). */
  points: number | null;
  donePoints: number;
  epicKey: string | null;
  launchStart: string | null;
  launchEnd: string | null;
}

export interface BoardTeam {
  id: number;
  name: string;
  kind: string;
  capacity: number;
  load: number;
  unscheduled: number;
  unestimatedFeatures: number;
  looseStories: number;
  gap: number;
  /** Capacity and load per sprint id. */
  cells: Record<number, { capacity: number; load: number }>;
  /** Cards hidden per cell key (sprint id, or "none"). */
  hidden: Record<string, number>;
}

export interface BoardLine {
  dependencyId: number;
  key: string;
  fromFeatureId: number;
  toFeatureId: number;
  status: string;
  neededBy: string;
  state: LineState;
}

export interface ProgramBoard {
  interval: IntervalDto;
  teams: BoardTeam[];
  /** All teams on the board (every page), for the page picker and the totals. */
  teamCount: number;
  page: number;
  pages: number;
  sprints: (BoardSprint & { number: number; status: SprintStatus; partial: boolean; insideDays: number; workingDays: number })[];
  cards: BoardCard[];
  lines: BoardLine[];
  /** Lines beyond the bound (not drawn). */
  moreLines: number;
  milestones: { id: number; name: string; date: string }[];
  launches: { id: number; key: string; title: string; team: string; launchStart: string; launchEnd: string; channel: string | null }[];
  moreLaunches: number;
  findings: OverCommitment[];
  remainders: EpicRemainder[];
  moreRemainders: number;
  totals: { capacity: number; load: number; features: number; unestimated: number };
}

/** Teams on an interval's board: those with a sprint in it or a feature planned into it, optionally one value stream's. */
async function boardTeams(interval: { id: number; startDate: string; endDate: string }, valueStreamId: number | null) {
  return db().$queryRaw<{ id: number; name: string; kind: string }[]>(Prisma.sql`
    SELECT t.id, t.name, t.kind::text AS kind FROM team t
     WHERE t.archived_at IS NULL
       ${valueStreamId === null ? Prisma.empty : Prisma.sql`AND t.value_stream_id = ${valueStreamId}`}
       AND (EXISTS (SELECT 1 FROM sprint s WHERE s.team_id = t.id AND s.start_date <= ${interval.endDate}::date AND s.end_date >= ${interval.startDate}::date)
            OR EXISTS (SELECT 1 FROM backlog_item f WHERE f.planning_interval_id = ${interval.id} AND f.team_id = t.id AND f.level = 'FEATURE'))
     ORDER BY t.kind, t.name`);
}

/**
 * The program board of an interval: a page of teams (rows) with their sprints in the interval (columns), the
 * features planned into it as cards (at most CARDS_PER_CELL per cell, by rank, the rest counted), dependency lines
 * between the cards, milestones and launch windows for the top lane, each team's capacity and load, the
 * over-commitment findings and the epics' unestimated remainder.
 */
export async function getProgramBoard(intervalId: number, options: { valueStreamId?: number | null; page?: number } = {}): Promise<ProgramBoard | null> {
  const interval = await getInterval(intervalId);
  if (!interval) return null;
  const allTeams = await boardTeams(interval, options.valueStreamId ?? null);
  const pages = Math.max(1, Math.ceil(allTeams.length / TEAMS_PER_PAGE));
  const page = Math.min(Math.max(1, options.page ?? 1), pages);
  const teams = allTeams.slice((page - 1) * TEAMS_PER_PAGE, page * TEAMS_PER_PAGE);
  const teamIds = teams.map((t) => t.id);

  const [{ lines: capacityLines, loads }, cards, cellCounts, lines, milestones, launches, remainderRows] = await Promise.all([
    readIntervalLoads(db(), interval, teamIds),
    db().$queryRaw<BoardCard[]>(Prisma.sql`
      SELECT id, key, title, status, version, "teamId", "sprintId", points, "donePoints", "epicKey", "launchStart", "launchEnd" FROM (
        SELECT f.id, f.key, f.title, f.status::text AS status, f.version, f.team_id AS "teamId", f.planned_sprint_id AS "sprintId",
               ${FEATURE_POINTS} AS points, agg.done_points AS "donePoints",
               (SELECT e.key FROM backlog_item e WHERE e.id = f.parent_id) AS "epicKey",
               ${isoDay(Prisma.sql`f.launch_start`)} AS "launchStart", ${isoDay(Prisma.sql`f.launch_end`)} AS "launchEnd",
               row_number() OVER (PARTITION BY f.team_id, f.planned_sprint_id ORDER BY f.rank COLLATE "C", f.id) AS n
          FROM backlog_item f ${storyAgg(interval.startDate)}
         WHERE f.planning_interval_id = ${interval.id} AND f.level = 'FEATURE' AND f.status <> 'CANCELLED'
           AND f.team_id = ANY(${teamIds}::int[])
      ) c WHERE c.n <= ${CARDS_PER_CELL}`),
    db().$queryRaw<{ teamId: number; sprintId: number | null; count: number }[]>(Prisma.sql`
      SELECT f.team_id AS "teamId", f.planned_sprint_id AS "sprintId", COUNT(*)::int AS count
        FROM backlog_item f
       WHERE f.planning_interval_id = ${interval.id} AND f.level = 'FEATURE' AND f.status <> 'CANCELLED' AND f.team_id = ANY(${teamIds}::int[])
       GROUP BY f.team_id, f.planned_sprint_id`),
    intervalLines(interval.id),
    db().$queryRaw<{ id: number; name: string; date: string }[]>(Prisma.sql`
      SELECT id, name, ${isoDay(Prisma.sql`date`)} AS date FROM interval_milestone WHERE interval_id = ${interval.id} ORDER BY date, id LIMIT 50`),
    db().$queryRaw<(ProgramBoard["launches"][number] & { total: number })[]>(Prisma.sql`
      SELECT f.id, f.key, f.title, t.name AS team, ${isoDay(Prisma.sql`f.launch_start`)} AS "launchStart", ${isoDay(Prisma.sql`f.launch_end`)} AS "launchEnd",
             f.channel, COUNT(*) OVER ()::int AS total
        FROM backlog_item f JOIN team t ON t.id = f.team_id
       WHERE f.planning_interval_id = ${interval.id} AND f.level = 'FEATURE' AND f.status <> 'CANCELLED'
         AND f.launch_start IS NOT NULL AND f.launch_start <= ${interval.endDate}::date AND f.launch_end >= ${interval.startDate}::date
       ORDER BY f.launch_start, f.id
       LIMIT ${MAX_LAUNCHES}`),
    db().$queryRaw<{ epicId: number; key: string; title: string; features: number; unestimated: number; points: number; total: number }[]>(Prisma.sql`
      SELECT e.id AS "epicId", e.key, e.title, COUNT(fp.id)::int AS features,
             COUNT(fp.id) FILTER (WHERE fp.points IS NULL)::int AS unestimated, COALESCE(SUM(fp.points), 0)::int AS points,
             COUNT(*) OVER ()::int AS total
        FROM backlog_item e
        LEFT JOIN LATERAL (
          SELECT f.id, ${FEATURE_POINTS} AS points FROM backlog_item f ${storyAgg(interval.startDate)}
           WHERE f.parent_id = e.id AND f.planning_interval_id = ${interval.id} AND f.status <> 'CANCELLED'
        ) fp ON TRUE
       WHERE e.planning_interval_id = ${interval.id} AND e.level = 'EPIC' AND e.status <> 'CANCELLED'
       GROUP BY e.id
      HAVING COUNT(fp.id) = 0 OR COUNT(fp.id) FILTER (WHERE fp.points IS NULL) > 0
       ORDER BY e.rank COLLATE "C", e.id
       LIMIT 30`),
  ]);

  const hiddenFor = (teamId: number) => {
    const out: Record<string, number> = {};
    for (const c of cellCounts.filter((r) => r.teamId === teamId)) {
      const extra = c.count - CARDS_PER_CELL;
      if (extra > 0) out[c.sprintId === null ? "none" : String(c.sprintId)] = extra;
    }
    return out;
  };
  const boardTeamsOut: BoardTeam[] = teams.map((t) => {
    const load = loads.get(t.id);
    return {
      ...t,
      capacity: load?.capacity ?? 0,
      load: load?.load ?? 0,
      unscheduled: load?.unscheduled ?? 0,
      unestimatedFeatures: load?.unestimatedFeatures ?? 0,
      looseStories: load?.looseStories ?? 0,
      gap: load?.gap ?? 0,
      cells: Object.fromEntries([...(load?.bySprint ?? new Map())].map(([id, c]) => [id, { capacity: c.capacity, load: c.load }])),
      hidden: hiddenFor(t.id),
    };
  });
  const findings = boardTeamsOut.flatMap((t) => {
    const f = overCommitment(t.name, { teamId: t.id, load: t.load, capacity: t.capacity, gap: t.gap });
    return f ? [f] : [];
  });
  const remainders = epicRemainders(
    remainderRows.map((r) => ({ epicId: r.epicId, key: r.key, title: r.title, plannedFeatures: r.features, unestimatedFeatures: r.unestimated, points: r.points })),
  );
  const moreRemainders = Math.max(0, (remainderRows[0]?.total ?? 0) - remainderRows.length);

  const sprintOut = capacityLines.map((l) => ({
    id: l.sprintId,
    teamId: l.teamId,
    number: l.number,
    status: l.status,
    startDate: l.startDate,
    endDate: l.endDate,
    partial: l.partial,
    insideDays: l.insideDays,
    workingDays: l.workingDays,
  }));
  const visibleLines = lines.slice(0, MAX_LINES);
  return {
    interval,
    teams: boardTeamsOut,
    teamCount: allTeams.length,
    page,
    pages,
    sprints: sprintOut,
    cards,
    lines: visibleLines,
    moreLines: lines.length - visibleLines.length,
    milestones,
    launches: launches.map((l) => ({ id: l.id, key: l.key, title: l.title, team: l.team, launchStart: l.launchStart, launchEnd: l.launchEnd, channel: l.channel })),
    moreLaunches: Math.max(0, (launches[0]?.total ?? 0) - launches.length),
    findings,
    remainders,
    moreRemainders,
    totals: {
      capacity: boardTeamsOut.reduce((s, t) => s + t.capacity, 0),
      load: boardTeamsOut.reduce((s, t) => s + t.load, 0),
      features: cellCounts.reduce((s, c) => s + c.count, 0),
      unestimated: boardTeamsOut.reduce((s, t) => s + t.unestimatedFeatures, 0),
    },
  };
}

/**
 * Dependencies between two features planned into the interval (a dependency logged on a story stands for its
 * feature), with their state on the board: red when the providing feature finishes after the needing one's sprint.
 */
async function intervalLines(intervalId: number): Promise<BoardLine[]> {
  const rows = await db().$queryRaw<(Omit<BoardLine, "state"> & {
    fromTeamId: number; fromSprintId: number | null; fromStart: string | null; fromEnd: string | null;
    toTeamId: number; toSprintId: number | null; toStart: string | null; toEnd: string | null;
  })[]>(Prisma.sql`
    WITH feat AS MATERIALIZED (
      SELECT f.id, f.team_id, f.planned_sprint_id FROM backlog_item f
       WHERE f.planning_interval_id = ${intervalId} AND f.level = 'FEATURE' AND f.status <> 'CANCELLED'
    ),
    ends AS (
      SELECT d.id, d.key, d.status::text AS status, d.needed_by,
             (SELECT feat.id FROM feat WHERE feat.id IN (fi.id, fi.parent_id) LIMIT 1) AS from_feature,
             (SELECT feat.id FROM feat WHERE feat.id IN (ti.id, ti.parent_id) LIMIT 1) AS to_feature
        FROM dependency d
        JOIN backlog_item fi ON fi.id = d.from_item_id
        JOIN backlog_item ti ON ti.id = d.to_item_id
       WHERE d.status <> 'CANCELLED'
    )
    SELECT e.id AS "dependencyId", e.key, e.from_feature AS "fromFeatureId", e.to_feature AS "toFeatureId", e.status,
           ${isoDay(Prisma.sql`e.needed_by`)} AS "neededBy",
           ff.team_id AS "fromTeamId", ff.planned_sprint_id AS "fromSprintId",
           ${isoDay(Prisma.sql`fs.start_date`)} AS "fromStart", ${isoDay(Prisma.sql`fs.end_date`)} AS "fromEnd",
           tf.team_id AS "toTeamId", tf.planned_sprint_id AS "toSprintId",
           ${isoDay(Prisma.sql`ts.start_date`)} AS "toStart", ${isoDay(Prisma.sql`ts.end_date`)} AS "toEnd"
      FROM ends e
      JOIN feat ff ON ff.id = e.from_feature
      JOIN feat tf ON tf.id = e.to_feature
      LEFT JOIN sprint fs ON fs.id = ff.planned_sprint_id
      LEFT JOIN sprint ts ON ts.id = tf.planned_sprint_id
     WHERE e.from_feature <> e.to_feature
     ORDER BY e.id`);
  return rows.map((r) => {
    const sprints = new Map<number, BoardSprint>();
    if (r.fromSprintId !== null && r.fromStart && r.fromEnd) sprints.set(r.fromSprintId, { id: r.fromSprintId, teamId: r.fromTeamId, startDate: r.fromStart, endDate: r.fromEnd });
    if (r.toSprintId !== null && r.toStart && r.toEnd) sprints.set(r.toSprintId, { id: r.toSprintId, teamId: r.toTeamId, startDate: r.toStart, endDate: r.toEnd });
    return {
      dependencyId: r.dependencyId,
      key: r.key,
      fromFeatureId: r.fromFeatureId,
      toFeatureId: r.toFeatureId,
      status: r.status,
      neededBy: r.neededBy,
      state: lineState({ teamId: r.fromTeamId, sprintId: r.fromSprintId }, { teamId: r.toTeamId, sprintId: r.toSprintId }, sprints),
    };
  });
}

/** A cell's features beyond the board's bound (a team's sprint, or its features with no sprint yet), paged. */
export async function listCellFeatures(intervalId: number, teamId: number, sprintId: number | null, offset = 0, limit = 50): Promise<BoardCard[]> {
  return db().$queryRaw<BoardCard[]>(Prisma.sql`
    SELECT f.id, f.key, f.title, f.status::text AS status, f.version, f.team_id AS "teamId", f.planned_sprint_id AS "sprintId",
           ${FEATURE_POINTS} AS points, agg.done_points AS "donePoints",
           (SELECT e.key FROM backlog_item e WHERE e.id = f.parent_id) AS "epicKey",
           ${isoDay(Prisma.sql`f.launch_start`)} AS "launchStart", ${isoDay(Prisma.sql`f.launch_end`)} AS "launchEnd"
      FROM backlog_item f ${storyAgg(intervalId)}
     WHERE f.planning_interval_id = ${intervalId} AND f.level = 'FEATURE' AND f.status <> 'CANCELLED' AND f.team_id = ${teamId}
       AND ${sprintId === null ? Prisma.sql`f.planned_sprint_id IS NULL` : Prisma.sql`f.planned_sprint_id = ${sprintId}`}
     ORDER BY f.rank COLLATE "C", f.id
     OFFSET ${offset} LIMIT ${Math.min(limit, 100)}`);
}

export interface PlannableFeature {
  id: number;
  key: string;
  title: string;
  status: ItemStatus;
  version: number;
  points: number | null;
  /** The interval it is in now (another one), if any. */
  interval: string | null;
}

/**
 * A team's features that can be planned into the interval (not in it, not done or cancelled), best ranked first,
 * optionally matching a key or words of the title. At most 20.
 */
export async function listPlannableFeatures(intervalId: number, teamId: number, query = ""): Promise<PlannableFeature[]> {
  const q = query.trim().slice(0, 80);
  const match = q === "" ? Prisma.empty : Prisma.sql`AND (f.key ILIKE ${`${q}%`} OR f.title ILIKE ${`%${q.replace(/[%_\\]/g, "\\$&")}%`})`;
  return db().$queryRaw<PlannableFeature[]>(Prisma.sql`
    SELECT f.id, f.key, f.title, f.status::text AS status, f.version, ${FEATURE_POINTS} AS points,
           (SELECT pi.name FROM planning_interval pi WHERE pi.id = f.planning_interval_id) AS interval
      FROM backlog_item f ${storyAgg(intervalId)}
     WHERE f.team_id = ${teamId} AND f.level = 'FEATURE' AND f.status NOT IN ('DONE', 'CANCELLED')
       AND f.planning_interval_id IS DISTINCT FROM ${intervalId} ${match}
     ORDER BY f.rank COLLATE "C", f.id
     LIMIT 20`);
}

// ───────────────────────────── objectives and risks ─────────────────────────────

export interface IntervalObjectiveDto {
  id: number;
  teamId: number;
  team: string;
  title: string;
  description: string;
  committed: boolean;
  plannedValue: number | null;
  actualValue: number | null;
  version: number;
}

/** The interval's team objectives, team by team, committed first (bounded: a few per team). */
export async function listIntervalObjectives(intervalId: number, teamIds: readonly number[] | null = null): Promise<IntervalObjectiveDto[]> {
  return db().$queryRaw<IntervalObjectiveDto[]>(Prisma.sql`
    SELECT o.id, o.team_id AS "teamId", t.name AS team, o.title, o.description, o.committed,
           o.planned_value AS "plannedValue", o.actual_value AS "actualValue", o.version
      FROM interval_objective o JOIN team t ON t.id = o.team_id
     WHERE o.interval_id = ${intervalId} ${teamFilter(Prisma.sql`o.team_id`, teamIds)}
     ORDER BY t.name, o.committed DESC, o.id
     LIMIT 500`);
}

export interface IntervalRiskDto {
  id: number;
  key: string;
  title: string;
  description: string;
  status: RiskStatus;
  teamId: number | null;
  team: string | null;
  itemId: number | null;
  itemKey: string | null;
  ownerPersonId: number;
  owner: string;
  raisedBy: string | null;
  version: number;
}

/** The interval's risks sorted ROAM (not yet sorted, owned, mitigated, accepted, resolved), at most 100, and how many. */
export async function listIntervalRisks(intervalId: number): Promise<{ risks: IntervalRiskDto[]; total: number }> {
  const order = Prisma.join(RISK_ORDER.map((s, i) => Prisma.sql`WHEN ${s} THEN ${i}`), " ");
  const rows = await db().$queryRaw<(IntervalRiskDto & { total: number })[]>(Prisma.sql`
    SELECT r.id, r.key, r.title, r.description, r.status::text AS status, r.team_id AS "teamId", t.name AS team,
           r.item_id AS "itemId", b.key AS "itemKey", r.owner_person_id AS "ownerPersonId", p.name AS owner,
           rb.name AS "raisedBy", r.version, COUNT(*) OVER ()::int AS total
      FROM interval_risk r
      JOIN person p ON p.id = r.owner_person_id
      LEFT JOIN person rb ON rb.id = r.raised_by_id
      LEFT JOIN team t ON t.id = r.team_id
      LEFT JOIN backlog_item b ON b.id = r.item_id
     WHERE r.interval_id = ${intervalId}
     ORDER BY CASE r.status::text ${order} END, r.id
     LIMIT ${MAX_RISKS}`);
  const total = rows[0]?.total ?? 0;
  for (const row of rows) delete (row as Partial<typeof row>).total;
  return { risks: rows, total };
}

/** People who can own a risk or an objective: members of the given teams and every leader (bounded). */
export async function listPlanningPeople(teamIds: readonly number[]): Promise<{ id: number; name: string }[]> {
  return db().$queryRaw(Prisma.sql`
    SELECT DISTINCT p.id, p.name FROM person p
     WHERE EXISTS (SELECT 1 FROM membership m WHERE m.person_id = p.id AND m.team_id = ANY(${[...teamIds]}::int[]))
        OR EXISTS (SELECT 1 FROM app_user u WHERE u.person_id = p.id AND u.active AND u.org_role = 'LEADER')
     ORDER BY p.name
     LIMIT 400`);
}

// ───────────────────────────── for other pages ─────────────────────────────

export interface ItemPlanning {
  /** The interval the item is planned into — its own, or (for a story) its feature's. */
  interval: { id: number; name: string; state: IntervalState; startDate: string; endDate: string } | null;
  /** Where the interval comes from: the item itself or its parent feature. */
  via: "item" | "feature" | null;
  /** The sprint the feature is planned to finish in. */
  plannedSprint: { id: number; teamId: number; number: number; startDate: string; endDate: string } | null;
}

/**
 * An item's planning interval and planned sprint, for item pages: epics and features carry their own; a story
 * reads its feature's. One query.
 */
export async function getItemPlanning(itemId: number): Promise<ItemPlanning> {
  const [row] = await db().$queryRaw<{
    id: number | null; name: string | null; state: IntervalState | null; startDate: string | null; endDate: string | null; via: "item" | "feature" | null;
    sprintId: number | null; sprintTeamId: number | null; sprintNumber: number | null; sprintStart: string | null; sprintEnd: string | null;
  }[]>(Prisma.sql`
    SELECT pi.id, pi.name, pi.state::text AS state, ${isoDay(Prisma.sql`pi.start_date`)} AS "startDate", ${isoDay(Prisma.sql`pi.end_date`)} AS "endDate",
           CASE WHEN i.planning_interval_id IS NOT NULL THEN 'item' WHEN p.planning_interval_id IS NOT NULL THEN 'feature' END AS via,
           s.id AS "sprintId", s.team_id AS "sprintTeamId", s.number AS "sprintNumber",
           ${isoDay(Prisma.sql`s.start_date`)} AS "sprintStart", ${isoDay(Prisma.sql`s.end_date`)} AS "sprintEnd"
      FROM backlog_item i
      LEFT JOIN backlog_item p ON p.id = i.parent_id AND i.level = 'STORY'
      LEFT JOIN planning_interval pi ON pi.id = COALESCE(i.planning_interval_id, p.planning_interval_id)
      LEFT JOIN sprint s ON s.id = COALESCE(i.planned_sprint_id, p.planned_sprint_id)
     WHERE i.id = ${itemId}`);
  if (!row || row.id === null) return { interval: null, via: null, plannedSprint: null };
  return {
    interval: { id: row.id, name: row.name!, state: row.state!, startDate: row.startDate!, endDate: row.endDate! },
    via: row.via,
    plannedSprint:
      row.sprintId === null ? null : { id: row.sprintId, teamId: row.sprintTeamId!, number: row.sprintNumber!, startDate: row.sprintStart!, endDate: row.sprintEnd! },
  };
}

/** The teams a dashboard scope covers (structurally lib/metrics' Scope, kept here so the folders do not import each other). */
export type PlanningScope = { kind: "PORTFOLIO" } | { kind: "VALUE_STREAM"; valueStreamId: number } | { kind: "TEAM"; teamId: number };

function scopeTeams(scope: PlanningScope): Prisma.Sql {
  switch (scope.kind) {
    case "PORTFOLIO":
      return Prisma.sql`SELECT st.id FROM team st`;
    case "VALUE_STREAM":
      return Prisma.sql`SELECT st.id FROM team st WHERE st.value_stream_id = ${scope.valueStreamId}`;
    case "TEAM":
      return Prisma.sql`SELECT st.id FROM team st WHERE st.id = ${scope.teamId}`;
  }
}

export interface PredictabilityTeamRow {
  teamId: number;
  team: string;
  planned: number;
  actual: number;
  objectives: number;
  value: number | null;
}

export interface IntervalPredictabilityResult {
  /** The interval measured: the last one closed with its end on or before the period's end. */
  interval: { id: number; name: string; startDate: string; endDate: string } | null;
  value: number | null;
  planned: number;
  actual: number;
  objectives: number;
  teams: PredictabilityTeamRow[];
}

/**
 * Interval predictability (lib/planning/predictability.ts, in SQL): for the last interval closed with its end on or
 * before the period's end, Σ actual value of the objectives of the teams in scope ÷ Σ planned value of their
 * committed objectives, overall and per team.
 */
export async function getIntervalPredictability(args: { period: { start: string; end: string }; scope: PlanningScope }): Promise<IntervalPredictabilityResult> {
  const rows = await db().$queryRaw<(PredictabilityTeamRow & { intervalId: number; name: string; startDate: string; endDate: string })[]>(Prisma.sql`
    WITH pi AS (
      SELECT id, name, start_date, end_date FROM planning_interval
       WHERE state = 'CLOSED' AND end_date <= ${args.period.end}::date
       ORDER BY end_date DESC LIMIT 1
    )
    SELECT pi.id AS "intervalId", pi.name, ${isoDay(Prisma.sql`pi.start_date`)} AS "startDate", ${isoDay(Prisma.sql`pi.end_date`)} AS "endDate",
           t.id AS "teamId", t.name AS team,
           COALESCE(SUM(o.planned_value) FILTER (WHERE o.committed), 0)::int AS planned,
           COALESCE(SUM(o.actual_value), 0)::int AS actual,
           COUNT(o.id)::int AS objectives,
           (SUM(o.actual_value)::float8 / NULLIF(SUM(o.planned_value) FILTER (WHERE o.committed), 0))::float8 AS value
      FROM pi
      LEFT JOIN interval_objective o ON o.interval_id = pi.id AND o.team_id IN (${scopeTeams(args.scope)})
      LEFT JOIN team t ON t.id = o.team_id
     GROUP BY pi.id, pi.name, pi.start_date, pi.end_date, t.id, t.name
     ORDER BY t.name`);
  const first = rows[0];
  if (!first) return { interval: null, value: null, planned: 0, actual: 0, objectives: 0, teams: [] };
  const teams = rows.filter((r) => r.teamId !== null).map((r) => ({ teamId: r.teamId, team: r.team, planned: r.planned, actual: r.actual, objectives: r.objectives, value: r.value }));
  const planned = teams.reduce((s, t) => s + t.planned, 0);
  const actual = teams.reduce((s, t) => s + t.actual, 0);
  return {
    interval: { id: first.intervalId, name: first.name, startDate: first.startDate, endDate: first.endDate },
    value: planned > 0 ? actual / planned : null,
    planned,
    actual,
    objectives: teams.reduce((s, t) => s + t.objectives, 0),
    teams,
  };
}

/** The objectives behind the predictability figure (the drill-down), team by team. */
export async function listPredictabilityObjectives(args: { period: { start: string; end: string }; scope: PlanningScope }): Promise<IntervalObjectiveDto[]> {
  return db().$queryRaw<IntervalObjectiveDto[]>(Prisma.sql`
    WITH pi AS (
      SELECT id FROM planning_interval WHERE state = 'CLOSED' AND end_date <= ${args.period.end}::date ORDER BY end_date DESC LIMIT 1
    )
    SELECT o.id, o.team_id AS "teamId", t.name AS team, o.title, o.description, o.committed,
           o.planned_value AS "plannedValue", o.actual_value AS "actualValue", o.version
      FROM interval_objective o JOIN pi ON pi.id = o.interval_id JOIN team t ON t.id = o.team_id
     WHERE o.team_id IN (${scopeTeams(args.scope)})
     ORDER BY t.name, o.committed DESC, o.id
     LIMIT 500`);
}

export interface RiskAlertRow {
  id: number;
  key: string;
  title: string;
  status: RiskStatus;
  interval: string;
  intervalId: number;
  team: string | null;
  owner: string;
}

/**
 * Risks that still ask something of someone (not yet sorted, or owned) in intervals not closed, for the dashboard's
 * alerts: of the scope's teams (or of the whole interval, with no team, in the portfolio scope). At most 50.
 */
export async function listRiskAlerts(scope: PlanningScope): Promise<RiskAlertRow[]> {
  return db().$queryRaw<RiskAlertRow[]>(Prisma.sql`
    SELECT r.id, r.key, r.title, r.status::text AS status, pi.name AS interval, pi.id AS "intervalId", t.name AS team, p.name AS owner
      FROM interval_risk r
      JOIN planning_interval pi ON pi.id = r.interval_id AND pi.state <> 'CLOSED'
      JOIN person p ON p.id = r.owner_person_id
      LEFT JOIN team t ON t.id = r.team_id
     WHERE r.status IN ('OPEN', 'OWNED')
       AND (r.team_id IN (${scopeTeams(scope)}) ${scope.kind === "PORTFOLIO" ? Prisma.sql`OR r.team_id IS NULL` : Prisma.empty})
     ORDER BY CASE r.status WHEN 'OPEN' THEN 0 ELSE 1 END, pi.start_date, r.id
     LIMIT 50`);
}
