import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Direction, ItemLevel, ItemStatus, ObjectiveLevel, ObjectiveStatus } from "@/lib/generated/prisma/enums";

const db = () => getDb();

/**
 * A key result's progress, 0–1, respecting its direction: the share of the way from baseline to target that the
 * current value has moved in the right direction, clamped to [0, 1] (a move the wrong way is 0, beyond the target
 * 1). A target that is no move at all (target = baseline, or the wrong side of it) counts as met (1) when the
 * current value is at or past the target in the KR's direction, else 0.
 *
 *   sign   = +1 when higher is better, −1 when lower is better
 *   gained = sign × (current − baseline);  needed = sign × (target − baseline)
 *   progress = needed > 0 ? clamp(gained ÷ needed, 0, 1) : (sign × (current − target) ≥ 0 ? 1 : 0)
 */
const KR_PROGRESS = (kr: string) => {
  const k = Prisma.raw(kr);
  const sign = Prisma.sql`(CASE WHEN ${k}.direction = 'HIGHER_IS_BETTER' THEN 1 ELSE -1 END)`;
  return Prisma.sql`(CASE
    WHEN ${sign} * (${k}.target - ${k}.baseline) > 0
      THEN LEAST(1.0, GREATEST(0.0, (${sign} * (${k}.current - ${k}.baseline)) / (${sign} * (${k}.target - ${k}.baseline))))
    WHEN ${sign} * (${k}.current - ${k}.target) >= 0 THEN 1.0
    ELSE 0.0 END)::float8`;
};

export interface KeyResultDto {
  id: number;
  title: string;
  unit: string;
  baseline: number;
  target: number;
  current: number;
  direction: Direction;
  progress: number;
  version: number;
}

export interface ObjectiveDto {
  id: number;
  key: string;
  title: string;
  description: string;
  level: ObjectiveLevel;
  status: ObjectiveStatus;
  parentId: number | null;
  valueStreamId: number | null;
  valueStream: string | null;
  teamId: number | null;
  team: string | null;
  ownerPersonId: number | null;
  owner: string | null;
  periodStart: string;
  periodEnd: string;
  version: number;
  /** Depth in the cascade (0 for a root) and the path of keys from the root, for ordering. */
  depth: number;
  /** Mean progress of its key results (null without key results). */
  progress: number | null;
  keyResults: KeyResultDto[];
  epics: { id: number; key: string; title: string; status: ItemStatus }[];
}

interface ObjectiveSqlRow extends Omit<ObjectiveDto, "keyResults" | "epics"> {
  keyResults: KeyResultDto[] | null;
  epics: ObjectiveDto["epics"] | null;
}

/**
 * Objectives in cascade order — each root (usually a portfolio objective), then its value-stream objectives, then
 * their team objectives (recursive CTE over parent_id, ordered by the path of keys) — with their key results,
 * progress and linked epics, aggregated in SQL. `statuses` filters (every status when empty); an objective whose
 * parent is filtered out becomes a root.
 */
export async function getOkrCascade(statuses: readonly ObjectiveStatus[] = []): Promise<ObjectiveDto[]> {
  const filter = statuses.length > 0 ? Prisma.sql`o.status::text IN (${Prisma.join(statuses)})` : Prisma.sql`TRUE`;
  const rows = await db().$queryRaw<ObjectiveSqlRow[]>(Prisma.sql`
    WITH RECURSIVE shown AS (SELECT o.* FROM objective o WHERE ${filter}),
    tree AS (
      SELECT s.id, 0 AS depth, ARRAY[s.level::text || ':' || lpad(s.id::text, 10, '0')] AS path
        FROM shown s WHERE s.parent_id IS NULL OR s.parent_id NOT IN (SELECT id FROM shown)
      UNION ALL
      SELECT c.id, t.depth + 1, t.path || (c.level::text || ':' || lpad(c.id::text, 10, '0'))
        FROM tree t JOIN shown c ON c.parent_id = t.id
       WHERE t.depth < 10
    )
    SELECT o.id, o.key, o.title, o.description, o.level::text AS level, o.status::text AS status, o.parent_id AS "parentId",
           o.value_stream_id AS "valueStreamId", vs.name AS "valueStream", o.team_id AS "teamId", t.name AS team,
           o.owner_person_id AS "ownerPersonId", p.name AS owner,
           to_char(o.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(o.period_end, 'YYYY-MM-DD') AS "periodEnd",
           o.version, tree.depth,
           (SELECT AVG(${KR_PROGRESS("kr")}) FROM key_result kr WHERE kr.objective_id = o.id)::float8 AS progress,
           (SELECT json_agg(json_build_object(
                     'id', kr.id, 'title', kr.title, 'unit', kr.unit, 'baseline', kr.baseline, 'target', kr.target,
                     'current', kr.current, 'direction', kr.direction, 'progress', ${KR_PROGRESS("kr")}, 'version', kr.version)
                   ORDER BY kr.id)
              FROM key_result kr WHERE kr.objective_id = o.id) AS "keyResults",
           (SELECT json_agg(json_build_object('id', e.id, 'key', e.key, 'title', e.title, 'status', e.status) ORDER BY e.rank COLLATE "C", e.id)
              FROM objective_item oi JOIN backlog_item e ON e.id = oi.item_id WHERE oi.objective_id = o.id) AS epics
      FROM tree
      JOIN objective o ON o.id = tree.id
      LEFT JOIN value_stream vs ON vs.id = o.value_stream_id
      LEFT JOIN team t ON t.id = o.team_id
      LEFT JOIN person p ON p.id = o.owner_person_id
     ORDER BY tree.path`);
  return rows.map((r) => ({ ...r, keyResults: r.keyResults ?? [], epics: r.epics ?? [] }));
}

/** One objective with its key results and epics (null when it does not exist). */
export async function getObjective(objectiveId: number): Promise<ObjectiveDto | null> {
  const all = await getOkrCascade();
  return all.find((o) => o.id === objectiveId) ?? null;
}

export interface TraceRow {
  id: number;
  key: string;
  title: string;
  level: ItemLevel;
  status: ItemStatus;
  team: string | null;
  depth: number;
  parentId: number | null;
  /** Points of the node's leaf descendants (itself when a leaf) that are done, and not done nor cancelled. */
  pointsDone: number;
  pointsToDo: number;
  /** Leaves under the node without an estimate (their points are unknown). */
  unestimated: number;
  leaves: number;
}

/**
 * Traceability of an objective: the items linked to it and everything under them (epics → features → stories),
 * in tree order, each with the points done and still to do of its leaf descendants — one recursive CTE down the
 * backlog tree and one GROUP BY over (node, leaf) pairs. Cancelled leaves count in neither.
 */
export async function getTraceability(objectiveId: number): Promise<TraceRow[]> {
  return db().$queryRaw<TraceRow[]>(Prisma.sql`
    WITH RECURSIVE nodes AS (
      SELECT bi.id, bi.parent_id, 0 AS depth, ARRAY[bi.rank || ':' || bi.id] AS path
        FROM objective_item oi JOIN backlog_item bi ON bi.id = oi.item_id
       WHERE oi.objective_id = ${objectiveId}
      UNION ALL
      SELECT c.id, c.parent_id, n.depth + 1, n.path || (c.rank || ':' || c.id)
        FROM nodes n JOIN backlog_item c ON c.parent_id = n.id
       WHERE n.depth < 6
    ),
    -- Every (node, descendant-or-self) pair, so each node can sum its leaves.
    reach AS (
      SELECT n.id AS node_id, n.id AS item_id FROM nodes n
      UNION ALL
      SELECT r.node_id, c.id FROM reach r JOIN backlog_item c ON c.parent_id = r.item_id
    ),
    rollup AS (
      SELECT r.node_id,
             COALESCE(SUM(l.estimate) FILTER (WHERE l.status = 'DONE'), 0)::int AS done,
             COALESCE(SUM(l.estimate) FILTER (WHERE l.status NOT IN ('DONE', 'CANCELLED')), 0)::int AS todo,
             COUNT(*) FILTER (WHERE l.estimate IS NULL AND l.status <> 'CANCELLED')::int AS unestimated,
             COUNT(*) FILTER (WHERE l.status <> 'CANCELLED')::int AS leaves
        FROM reach r JOIN backlog_item l ON l.id = r.item_id
       WHERE NOT EXISTS (SELECT 1 FROM backlog_item k WHERE k.parent_id = l.id)
       GROUP BY r.node_id
    )
    SELECT bi.id, bi.key, bi.title, bi.level::text AS level, bi.status::text AS status, t.name AS team,
           n.depth, n.parent_id AS "parentId",
           COALESCE(r.done, 0) AS "pointsDone", COALESCE(r.todo, 0) AS "pointsToDo",
           COALESCE(r.unestimated, 0) AS unestimated, COALESCE(r.leaves, 0) AS leaves
      FROM nodes n
      JOIN backlog_item bi ON bi.id = n.id
      LEFT JOIN team t ON t.id = bi.team_id
      LEFT JOIN rollup r ON r.node_id = n.id
     ORDER BY n.path COLLATE "C"`);
}

export interface OkrFormOptions {
  valueStreams: { id: number; name: string }[];
  teams: { id: number; name: string; valueStreamId: number | null }[];
  people: { id: number; name: string }[];
  /** Possible parents: portfolio and value-stream objectives that are not archived. */
  parents: { id: number; key: string; title: string; level: ObjectiveLevel; valueStreamId: number | null }[];
  epics: { id: number; key: string; title: string }[];
}

/** Choices for the objective, key result and epic-link forms. */
export async function getOkrFormOptions(): Promise<OkrFormOptions> {
  const [valueStreams, teams, people, parents, epics] = await Promise.all([
    db().valueStream.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().team.findMany({ where: { archivedAt: null, kind: "DELIVERY_POD" }, orderBy: { name: "asc" }, select: { id: true, name: true, valueStreamId: true } }),
    db().person.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().objective.findMany({
      where: { level: { in: ["PORTFOLIO", "VALUE_STREAM"] }, status: { not: "ARCHIVED" } },
      orderBy: { key: "asc" },
      select: { id: true, key: true, title: true, level: true, valueStreamId: true },
    }),
    db().backlogItem.findMany({
      where: { level: "EPIC", status: { not: "CANCELLED" } },
      orderBy: { rank: "asc" },
      select: { id: true, key: true, title: true },
    }),
  ]);
  return { valueStreams, teams, people, parents, epics };
}
