import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ItemLevel, ItemStatus, SprintStatus, TeamKind } from "@/lib/generated/prisma/enums";

export interface BacklogTeamRow {
  id: number;
  name: string;
  kind: TeamKind;
  /** Features and stories not done or cancelled. */
  openItems: number;
  inProgress: number;
  blocked: number;
  /** Estimated points of the open items. */
  openPoints: number;
}

/** Teams with their backlog size, counted in SQL (GROUP BY team). */
export async function listBacklogTeams(): Promise<BacklogTeamRow[]> {
  return getDb().$queryRaw<BacklogTeamRow[]>(Prisma.sql`
    SELECT t.id,
           t.name,
           t.kind::text AS kind,
           COUNT(bi.id) FILTER (WHERE bi.status NOT IN ('DONE', 'CANCELLED'))::int AS "openItems",
           COUNT(bi.id) FILTER (WHERE bi.status IN ('IN_PROGRESS', 'IN_REVIEW'))::int AS "inProgress",
           COUNT(bi.id) FILTER (WHERE bi.status = 'BLOCKED')::int AS blocked,
           COALESCE(SUM(bi.estimate) FILTER (WHERE bi.status NOT IN ('DONE', 'CANCELLED')), 0)::int AS "openPoints"
      FROM team t
      LEFT JOIN backlog_item bi ON bi.team_id = t.id AND bi.level IN ('FEATURE', 'STORY')
     WHERE t.archived_at IS NULL
     GROUP BY t.id
     ORDER BY t.kind, t.name
  `);
}

export interface BacklogItemRow {
  id: number;
  /** 1-based position in the team's rank order. */
  position: number;
  key: string;
  title: string;
  level: ItemLevel;
  isTask: boolean;
  status: ItemStatus;
  estimate: number | null;
  owner: string | null;
  parentKey: string | null;
  /** The sprint the item is (or was last) planned into, if any. */
  sprintNumber: number | null;
  sprintStatus: SprintStatus | null;
  /** An unresolved dependency starts at this item (rule 6: the item is blocked by it). */
  hasOpenDependency: boolean;
}

export interface TeamBacklog {
  team: { id: number; name: string; kind: TeamKind };
  items: BacklogItemRow[];
}

/**
 * A team's features and stories in rank order (ranks compare bytewise: they are fractional indexes), with
 * owner, parent and latest sprint. Null when no team has this id.
 */
export async function getTeamBacklog(teamId: number): Promise<TeamBacklog | null> {
  const db = getDb();
  const team = await db.team.findUnique({ where: { id: teamId }, select: { id: true, name: true, kind: true } });
  if (!team) return null;
  const items = await db.$queryRaw<BacklogItemRow[]>(Prisma.sql`
    SELECT bi.id,
           (row_number() OVER (ORDER BY bi.rank COLLATE "C", bi.id))::int AS position,
           bi.key,
           bi.title,
           bi.level::text AS level,
           bi.is_task AS "isTask",
           bi.status::text AS status,
           bi.estimate,
           p.name AS owner,
           parent.key AS "parentKey",
           s.number AS "sprintNumber",
           s.status::text AS "sprintStatus",
           EXISTS (
             SELECT 1 FROM dependency d
              WHERE d.from_item_id = bi.id AND d.status NOT IN ('RESOLVED', 'CANCELLED')
           ) AS "hasOpenDependency"
      FROM backlog_item bi
      LEFT JOIN person p ON p.id = bi.owner_person_id
      LEFT JOIN backlog_item parent ON parent.id = bi.parent_id
      LEFT JOIN LATERAL (
        SELECT sp.number, sp.status
          FROM sprint_item si
          JOIN sprint sp ON sp.id = si.sprint_id
         WHERE si.item_id = bi.id AND si.removed_at IS NULL
         ORDER BY sp.start_date DESC
         LIMIT 1
      ) s ON true
     WHERE bi.team_id = ${teamId} AND bi.level IN ('FEATURE', 'STORY')
     ORDER BY bi.rank COLLATE "C", bi.id
  `);
  return { team, items };
}
