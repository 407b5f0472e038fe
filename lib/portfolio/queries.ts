import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ItemStatus } from "@/lib/generated/prisma/enums";

export interface PortfolioEpicRow {
  id: number;
  /** 1-based position in the portfolio's epic ranking. */
  position: number;
  key: string;
  title: string;
  status: ItemStatus;
  themeKey: string | null;
  themeTitle: string | null;
  /** (business value + time criticality + risk reduction) ÷ job size, 2 decimals; null while inputs are missing. */
  wsjf: number | null;
  planningInterval: string | null;
  valueTheme: string | null;
  pointsDone: number;
  pointsTotal: number;
}

export interface PortfolioThemeRow {
  id: number;
  key: string;
  title: string;
  status: ItemStatus;
  epicCount: number;
  pointsDone: number;
  pointsTotal: number;
}

export interface PortfolioOverview {
  themes: PortfolioThemeRow[];
  epics: PortfolioEpicRow[];
}

/*
 * Points of a theme or epic are the estimates of its leaf descendants (items with no children), found with a
 * recursive CTE over the backlog tree. Leaves only, so a feature's own estimate is not counted on top of its
 * stories'; cancelled leaves are left out of the total.
 */
const ROLLUP_CTE = Prisma.sql`
  WITH RECURSIVE tree AS (
      SELECT r.id AS root_id, c.id, c.status, c.estimate
        FROM backlog_item r
        JOIN backlog_item c ON c.parent_id = r.id
       WHERE r.level IN ('THEME', 'EPIC')
      UNION ALL
      SELECT tree.root_id, c.id, c.status, c.estimate
        FROM tree
        JOIN backlog_item c ON c.parent_id = tree.id
  ),
  rollup AS (
      SELECT tree.root_id,
             COALESCE(SUM(tree.estimate) FILTER (WHERE tree.status <> 'CANCELLED'), 0)::int AS points_total,
             COALESCE(SUM(tree.estimate) FILTER (WHERE tree.status = 'DONE'), 0)::int AS points_done
        FROM tree
       WHERE NOT EXISTS (SELECT 1 FROM backlog_item k WHERE k.parent_id = tree.id)
       GROUP BY tree.root_id
  )`;

/**
 * Portfolio themes and epics in rank order (ranks compare bytewise: they are fractional indexes), with WSJF
 * computed in SQL and done/total points rolled up from each item's descendants.
 */
export async function getPortfolioOverview(): Promise<PortfolioOverview> {
  const db = getDb();
  const [epics, themes] = await Promise.all([
    db.$queryRaw<PortfolioEpicRow[]>(Prisma.sql`
      ${ROLLUP_CTE}
      SELECT e.id,
             (row_number() OVER (ORDER BY e.rank COLLATE "C", e.id))::int AS position,
             e.key,
             e.title,
             e.status::text AS status,
             th.key AS "themeKey",
             th.title AS "themeTitle",
             CASE
               WHEN e.job_size > 0 AND e.business_value IS NOT NULL AND e.time_criticality IS NOT NULL
                    AND e.risk_reduction IS NOT NULL
               THEN round((e.business_value + e.time_criticality + e.risk_reduction)::numeric / e.job_size, 2)::float8
             END AS wsjf,
             e.planning_interval AS "planningInterval",
             e.value_theme AS "valueTheme",
             COALESCE(r.points_done, 0) AS "pointsDone",
             COALESCE(r.points_total, 0) AS "pointsTotal"
        FROM backlog_item e
        LEFT JOIN backlog_item th ON th.id = e.parent_id AND th.level = 'THEME'
        LEFT JOIN rollup r ON r.root_id = e.id
       WHERE e.level = 'EPIC'
       ORDER BY e.rank COLLATE "C", e.id
    `),
    db.$queryRaw<PortfolioThemeRow[]>(Prisma.sql`
      ${ROLLUP_CTE}
      SELECT th.id,
             th.key,
             th.title,
             th.status::text AS status,
             (SELECT COUNT(*) FROM backlog_item e WHERE e.parent_id = th.id AND e.level = 'EPIC')::int AS "epicCount",
             COALESCE(r.points_done, 0) AS "pointsDone",
             COALESCE(r.points_total, 0) AS "pointsTotal"
        FROM backlog_item th
        LEFT JOIN rollup r ON r.root_id = th.id
       WHERE th.level = 'THEME'
       ORDER BY th.rank COLLATE "C", th.id
    `),
  ]);
  return { themes, epics };
}
