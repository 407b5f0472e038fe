import "server-only";
import { getDb } from "@/lib/db/client";
import { itemHasUnresolvedDependencySql } from "@/lib/dependencies/sql-fragments";
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
           ${itemHasUnresolvedDependencySql("bi")} AS "hasOpenDependency"
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

// ───────────────────────────── grooming (/teams/[id]/backlog) ─────────────────────────────

export interface GroomingItem {
  id: number;
  /** 1-based position in the team's rank order. */
  position: number;
  key: string;
  level: Extract<ItemLevel, "FEATURE" | "STORY">;
  isTask: boolean;
  title: string;
  description: string;
  status: ItemStatus;
  estimate: number | null;
  ownerPersonId: number | null;
  owner: string | null;
  acceptanceCriteria: string;
  briefUrl: string | null;
  labels: string[];
  parentId: number | null;
  parentKey: string | null;
  parentTitle: string | null;
  version: number;
  /** The open sprint (planned or running) the story is in, if any. */
  sprintId: number | null;
  sprintNumber: number | null;
  sprintStatus: SprintStatus | null;
  /** Stories under a feature (0 for stories). */
  childCount: number;
  hasOpenDependency: boolean;
}

export interface GroomingBacklog {
  team: { id: number; name: string; requiresBriefLink: boolean; archived: boolean };
  items: GroomingItem[];
  /** Open portfolio epics, in rank order: what features are decomposed from. */
  epics: { id: number; key: string; title: string }[];
  /** Who may own the team's items. */
  members: { personId: number; name: string; role: string }[];
  /** The team's next planned sprint and its running one, for links to planning. */
  plannedSprint: { id: number; number: number } | null;
  activeSprint: { id: number; number: number } | null;
}

/** A team's features and stories in rank order, with what grooming needs (Definition of Ready fields, parents). */
export async function getGroomingBacklog(teamId: number): Promise<GroomingBacklog | null> {
  const db = getDb();
  const team = await db.team.findUnique({ where: { id: teamId }, select: { id: true, name: true, requiresBriefLink: true, archivedAt: true } });
  if (!team) return null;
  const [items, epics, members, plannedSprint, activeSprint] = await Promise.all([
    db.$queryRaw<GroomingItem[]>(Prisma.sql`
      SELECT bi.id,
             (row_number() OVER (ORDER BY bi.rank COLLATE "C", bi.id))::int AS position,
             bi.key, bi.level::text AS level, bi.is_task AS "isTask", bi.title, bi.description,
             bi.status::text AS status, bi.estimate, bi.owner_person_id AS "ownerPersonId", p.name AS owner,
             bi.acceptance_criteria AS "acceptanceCriteria", bi.brief_url AS "briefUrl", COALESCE(bi.labels, '{}') AS labels,
             bi.parent_id AS "parentId", parent.key AS "parentKey", parent.title AS "parentTitle", bi.version,
             s.id AS "sprintId", s.number AS "sprintNumber", s.status::text AS "sprintStatus",
             (SELECT COUNT(*) FROM backlog_item c WHERE c.parent_id = bi.id)::int AS "childCount",
             EXISTS (
               SELECT 1 FROM dependency d WHERE d.from_item_id = bi.id AND d.status NOT IN ('RESOLVED', 'CANCELLED')
             ) AS "hasOpenDependency"
        FROM backlog_item bi
        LEFT JOIN person p ON p.id = bi.owner_person_id
        LEFT JOIN backlog_item parent ON parent.id = bi.parent_id
        LEFT JOIN LATERAL (
          SELECT sp.id, sp.number, sp.status
            FROM sprint_item si JOIN sprint sp ON sp.id = si.sprint_id
           WHERE si.item_id = bi.id AND si.removed_at IS NULL AND sp.status IN ('PLANNED', 'ACTIVE')
           ORDER BY sp.number DESC LIMIT 1
        ) s ON true
       WHERE bi.team_id = ${teamId} AND bi.level IN ('FEATURE', 'STORY')
       ORDER BY bi.rank COLLATE "C", bi.id
    `),
    db.backlogItem.findMany({
      where: { level: "EPIC", teamId: null, status: { notIn: ["DONE", "CANCELLED"] } },
      orderBy: { rank: "asc" },
      take: 500,
      select: { id: true, key: true, title: true },
    }),
    db.membership.findMany({
      where: { teamId, role: { not: "OVERSIGHT" } },
      orderBy: { person: { name: "asc" } },
      select: { personId: true, role: true, person: { select: { name: true } } },
    }),
    db.sprint.findFirst({ where: { teamId, status: "PLANNED" }, orderBy: { number: "asc" }, select: { id: true, number: true } }),
    db.sprint.findFirst({ where: { teamId, status: "ACTIVE" }, select: { id: true, number: true } }),
  ]);
  return {
    team: { id: team.id, name: team.name, requiresBriefLink: team.requiresBriefLink, archived: team.archivedAt !== null },
    items,
    epics,
    members: members.map((m) => ({ personId: m.personId, name: m.person.name, role: m.role })),
    plannedSprint,
    activeSprint,
  };
}
