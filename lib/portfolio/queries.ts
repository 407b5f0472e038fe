import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ItemLevel, ItemStatus } from "@/lib/generated/prisma/enums";

/**
 * One theme or epic of the portfolio backlog with everything rolled up from its descendants (features and
 * stories, at any depth) in SQL. Plain numbers and strings only: the list is sent to the browser as JSON.
 */
export interface PortfolioRow {
  id: number;
  level: Extract<ItemLevel, "THEME" | "EPIC">;
  key: string;
  title: string;
  status: ItemStatus;
  /** 1-based position in its level's rank order (themes among themes, epics among epics). */
  position: number;
  /** The epic's theme (null for themes and for epics without one). */
  themeId: number | null;
  businessValue: number | null;
  timeCriticality: number | null;
  riskReduction: number | null;
  jobSize: number | null;
  /** (business value + time criticality + risk reduction) ÷ job size, 2 decimals; null while inputs are missing. */
  wsjf: number | null;
  valueTheme: string | null;
  /** The planning interval it is planned into (lib/planning): its name and id. */
  planningInterval: string | null;
  planningIntervalId: number | null;
  /** The delivery owner's name. */
  owner: string | null;
  labels: string[];
  version: number;
  /** Estimates of leaf descendants: done, and all but cancelled. */
  pointsDone: number;
  pointsTotal: number;
  /** Leaf descendants by status: to do (backlog, ready), doing (in progress, in review), blocked, done. */
  todo: number;
  doing: number;
  blocked: number;
  done: number;
  /** Teams owning any descendant (features and stories are team-owned), by id. */
  teamIds: number[];
}

/*
 * Rollups over the backlog tree, from the leaves up: every leaf (a team item with no children) climbs to each of
 * its ancestors with a recursive CTE, and the leaves are then summed per ancestor. Leaves only, so a feature's
 * own estimate is not counted on top of its stories'; cancelled leaves are left out of the point total. A
 * feature's stories belong to its team, so the leaves' teams are the teams owning anything below an item.
 *
 * Walking up from ~leaves × depth rows (rather than down from every root) keeps the work proportional to the
 * backlog, and the MATERIALIZED aggregate is joined by hash; see `withoutJit` for the planner setting.
 */
const ROLLUP_CTE = Prisma.sql`
  WITH RECURSIVE up AS (
      SELECT l.id AS leaf_id, l.parent_id AS ancestor_id
        FROM backlog_item l
       WHERE l.parent_id IS NOT NULL AND l.team_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM backlog_item k WHERE k.parent_id = l.id)
      UNION ALL
      SELECT up.leaf_id, p.parent_id
        FROM up
        JOIN backlog_item p ON p.id = up.ancestor_id
       WHERE p.parent_id IS NOT NULL
  ),
  rollup AS MATERIALIZED (
      SELECT up.ancestor_id AS root_id,
             COALESCE(SUM(l.estimate) FILTER (WHERE l.status <> 'CANCELLED'), 0)::int AS points_total,
             COALESCE(SUM(l.estimate) FILTER (WHERE l.status = 'DONE'), 0)::int AS points_done,
             COUNT(*) FILTER (WHERE l.status IN ('BACKLOG', 'READY'))::int AS todo,
             COUNT(*) FILTER (WHERE l.status IN ('IN_PROGRESS', 'IN_REVIEW'))::int AS doing,
             COUNT(*) FILTER (WHERE l.status = 'BLOCKED')::int AS blocked,
             COUNT(*) FILTER (WHERE l.status = 'DONE')::int AS done,
             array_agg(DISTINCT l.team_id) AS team_ids
        FROM up
        JOIN backlog_item l ON l.id = up.leaf_id
       GROUP BY up.ancestor_id
  )`;

/**
 * Runs a rollup query with JIT compilation off for its transaction. The recursive CTE's row estimate is far too
 * high, which makes PostgreSQL JIT-compile a query that runs in milliseconds: measured at 10,000 items, JIT
 * alone added 0.1–4 s (scripts/bench.ts).
 */
async function withoutJit<T>(query: Prisma.Sql): Promise<T> {
  const db = getDb();
  const [, rows] = await db.$transaction([db.$executeRaw`SET LOCAL jit = off`, db.$queryRaw<T>(query)]);
  return rows;
}

const ROW_COLUMNS = Prisma.sql`
  i.id, i.level::text AS level, i.key, i.title, i.status::text AS status,
  (row_number() OVER (PARTITION BY i.level ORDER BY i.rank COLLATE "C", i.id))::int AS position,
  CASE WHEN i.level = 'EPIC' THEN th.id END AS "themeId",
  i.business_value AS "businessValue", i.time_criticality AS "timeCriticality",
  i.risk_reduction AS "riskReduction", i.job_size AS "jobSize",
  CASE
    WHEN i.job_size > 0 AND i.business_value IS NOT NULL AND i.time_criticality IS NOT NULL AND i.risk_reduction IS NOT NULL
    THEN round((i.business_value + i.time_criticality + i.risk_reduction)::numeric / i.job_size, 2)::float8
  END AS wsjf,
  i.value_theme AS "valueTheme", i.planning_interval_id AS "planningIntervalId",
  (SELECT pi.name FROM planning_interval pi WHERE pi.id = i.planning_interval_id) AS "planningInterval",
  (SELECT p.name FROM person p WHERE p.id = i.owner_person_id) AS owner, COALESCE(i.labels, '{}') AS labels, i.version,
  COALESCE(r.points_done, 0) AS "pointsDone", COALESCE(r.points_total, 0) AS "pointsTotal",
  COALESCE(r.todo, 0) AS todo, COALESCE(r.doing, 0) AS doing, COALESCE(r.blocked, 0) AS blocked, COALESCE(r.done, 0) AS done,
  COALESCE(r.team_ids, '{}') AS "teamIds"`;

export interface PortfolioRows {
  /** Themes then epics, each in rank order. */
  rows: PortfolioRow[];
  /** How many epics exist (the rows may be the first page only). */
  epicCount: number;
  themeCount: number;
}

/**
 * The portfolio's themes and epics with their rollups. With `firstEpics`, only that many epics (the top of the
 * ranking) are rolled up and returned: the page renders those at once and the browser fetches the rest.
 */
export async function getPortfolioRows(options: { firstEpics?: number } = {}): Promise<PortfolioRows> {
  const db = getDb();
  const limit = options.firstEpics;
  const firstEpics =
    limit === undefined
      ? Prisma.empty
      : Prisma.sql`AND (ranked.level = 'THEME' OR ranked.position <= ${limit})`;
  const [rows, counts] = await Promise.all([
    withoutJit<PortfolioRow[]>(Prisma.sql`
      ${ROLLUP_CTE}
      SELECT * FROM (
        SELECT ${ROW_COLUMNS}
          FROM backlog_item i
          LEFT JOIN backlog_item th ON th.id = i.parent_id AND th.level = 'THEME'
          LEFT JOIN rollup r ON r.root_id = i.id
         WHERE i.team_id IS NULL AND i.level IN ('THEME', 'EPIC')
      ) ranked
      WHERE true ${firstEpics}
      ORDER BY CASE ranked.level WHEN 'THEME' THEN 0 ELSE 1 END, ranked.position
    `),
    db.$queryRaw<{ epics: number; themes: number }[]>(Prisma.sql`
      SELECT COUNT(*) FILTER (WHERE level = 'EPIC')::int AS epics, COUNT(*) FILTER (WHERE level = 'THEME')::int AS themes
        FROM backlog_item WHERE team_id IS NULL AND level IN ('THEME', 'EPIC')`),
  ]);
  return { rows, epicCount: counts[0]?.epics ?? 0, themeCount: counts[0]?.themes ?? 0 };
}

export interface PortfolioLookups {
  teams: { id: number; name: string; valueStreamId: number | null }[];
  valueStreams: { id: number; name: string }[];
  themes: { id: number; key: string; title: string }[];
  /** Planning intervals, earliest first (closed ones take no new plans). */
  intervals: { id: number; name: string; closed: boolean }[];
}

/** The filter options of the portfolio views. */
export async function getPortfolioLookups(): Promise<PortfolioLookups> {
  const db = getDb();
  const [teams, valueStreams, themes, intervals] = await Promise.all([
    db.team.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, valueStreamId: true } }),
    db.valueStream.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.backlogItem.findMany({ where: { level: "THEME", teamId: null }, orderBy: { rank: "asc" }, select: { id: true, key: true, title: true } }),
    db.planningInterval.findMany({ orderBy: { startDate: "asc" }, select: { id: true, name: true, state: true } }),
  ]);
  return { teams, valueStreams, themes, intervals: intervals.map((r) => ({ id: r.id, name: r.name, closed: r.state === "CLOSED" })) };
}

export interface KanbanCard {
  id: number;
  key: string;
  title: string;
  status: ItemStatus;
  version: number;
  wsjf: number | null;
  themeTitle: string | null;
  pointsDone: number;
  pointsTotal: number;
  teamIds: number[];
}

export interface KanbanColumnData {
  status: ItemStatus;
  /** Every epic in the column (the WIP count). */
  count: number;
  /** The first cards in rank order (a long funnel is cut; the list view shows all). */
  cards: KanbanCard[];
}

/** Epics per kanban column in rank order, at most `perColumn` cards each, with the full count per column. */
export async function getPortfolioKanban(perColumn = 60): Promise<KanbanColumnData[]> {
  const shown = await withoutJit<(KanbanCard & { total: number })[]>(Prisma.sql`
    ${ROLLUP_CTE},
    epics AS (
      SELECT e.*, row_number() OVER (PARTITION BY e.status ORDER BY e.rank COLLATE "C", e.id) AS n,
             COUNT(*) OVER (PARTITION BY e.status)::int AS total
        FROM backlog_item e
       WHERE e.level = 'EPIC' AND e.team_id IS NULL
    )
    SELECT e.id, e.key, e.title, e.status::text AS status, e.version, e.total,
           CASE
             WHEN e.job_size > 0 AND e.business_value IS NOT NULL AND e.time_criticality IS NOT NULL AND e.risk_reduction IS NOT NULL
             THEN round((e.business_value + e.time_criticality + e.risk_reduction)::numeric / e.job_size, 2)::float8
           END AS wsjf,
           th.title AS "themeTitle",
           COALESCE(r.points_done, 0) AS "pointsDone", COALESCE(r.points_total, 0) AS "pointsTotal",
           COALESCE(r.team_ids, '{}') AS "teamIds"
      FROM epics e
      LEFT JOIN backlog_item th ON th.id = e.parent_id AND th.level = 'THEME'
      LEFT JOIN rollup r ON r.root_id = e.id
     WHERE e.n <= ${perColumn}
     ORDER BY e.status, e.n`);
  const columns = new Map<ItemStatus, KanbanColumnData>();
  for (const row of shown) {
    const { total, ...card } = row;
    const column = columns.get(card.status) ?? { status: card.status, count: total, cards: [] };
    column.cards.push(card);
    columns.set(card.status, column);
  }
  return [...columns.values()];
}
