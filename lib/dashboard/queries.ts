import "server-only";
import { getDb } from "@/lib/db/client";
import { itemIsBlockedSql } from "@/lib/dependencies/sql-fragments";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ItemStatus, TeamKind } from "@/lib/generated/prisma/enums";
import { orgTodaySql } from "@/lib/organization/sql-fragments";

/*
 * Definitions used across the dashboard.
 * - A *work item* is a feature or story with no child items (a feature split into stories is a container,
 *   so counting it too would count the same work twice).
 * - *In progress*: a work item in IN_PROGRESS or IN_REVIEW.
 * - *Blocked* (rule 6): a work item not done or cancelled whose status is BLOCKED or from which an unresolved
 *   dependency starts (the one definition: itemIsBlockedSql in lib/dependencies/sql-fragments.ts).
 * - *WIP* (compared with a team's WIP limit): the team's work items in IN_PROGRESS, IN_REVIEW or BLOCKED.
 * - *Overdue dependency* (rule 6): not resolved or cancelled and needed before today (organisation's zone).
 * - *Open request*: not delivered; *breached*: open and past its due time.
 */
const WORK_ITEM = Prisma.sql`bi.level IN ('FEATURE', 'STORY')
  AND NOT EXISTS (SELECT 1 FROM backlog_item child WHERE child.parent_id = bi.id)`;

export interface DashboardHeadline {
  deliveryPods: number;
  sharedServices: number;
  itemsInProgress: number;
  blockedItems: number;
  openDependencies: number;
  overdueDependencies: number;
  openRequests: number;
  breachedRequests: number;
  activeSprints: number;
}

interface HeadlineSqlRow {
  itemsInProgress: number;
  blockedItems: number;
  openDependencies: number;
  overdueDependencies: number;
  openRequests: number;
  breachedRequests: number;
  activeSprints: number;
}

/** The headline numbers, each a COUNT in SQL (teams by kind with a GROUP BY). */
export async function getDashboardHeadline(): Promise<DashboardHeadline> {
  const db = getDb();
  const [teamsByKind, counts] = await Promise.all([
    db.team.groupBy({ by: ["kind"], where: { archivedAt: null }, _count: { _all: true } }),
    db.$queryRaw<HeadlineSqlRow[]>(Prisma.sql`
      SELECT
        (SELECT COUNT(*) FROM backlog_item bi
          WHERE ${WORK_ITEM} AND bi.status IN ('IN_PROGRESS', 'IN_REVIEW'))::int AS "itemsInProgress",
        (SELECT COUNT(*) FROM backlog_item bi
          WHERE ${WORK_ITEM} AND bi.status NOT IN ('DONE', 'CANCELLED') AND ${itemIsBlockedSql("bi")})::int AS "blockedItems",
        (SELECT COUNT(*) FROM dependency d
          WHERE d.status NOT IN ('RESOLVED', 'CANCELLED'))::int AS "openDependencies",
        (SELECT COUNT(*) FROM dependency d
          WHERE d.status NOT IN ('RESOLVED', 'CANCELLED') AND d.needed_by < ${orgTodaySql})::int AS "overdueDependencies",
        (SELECT COUNT(*) FROM service_request r WHERE r.status <> 'DELIVERED')::int AS "openRequests",
        (SELECT COUNT(*) FROM service_request r
          WHERE r.status <> 'DELIVERED' AND r.due_at < now())::int AS "breachedRequests",
        (SELECT COUNT(*) FROM sprint s WHERE s.status = 'ACTIVE')::int AS "activeSprints"
    `),
  ]);
  const kindCount = (kind: TeamKind): number => teamsByKind.find((g) => g.kind === kind)?._count._all ?? 0;
  const row = counts[0];
  return {
    deliveryPods: kindCount("DELIVERY_POD"),
    sharedServices: kindCount("SHARED_SERVICE"),
    itemsInProgress: row?.itemsInProgress ?? 0,
    blockedItems: row?.blockedItems ?? 0,
    openDependencies: row?.openDependencies ?? 0,
    overdueDependencies: row?.overdueDependencies ?? 0,
    openRequests: row?.openRequests ?? 0,
    breachedRequests: row?.breachedRequests ?? 0,
    activeSprints: row?.activeSprints ?? 0,
  };
}

export interface StatusCount {
  status: ItemStatus;
  count: number;
}

/** Work items (see above) per status, in the flow's order, counted with GROUP BY. */
export async function getWorkItemsByStatus(): Promise<StatusCount[]> {
  return getDb().$queryRaw<StatusCount[]>(Prisma.sql`
    SELECT bi.status::text AS status, COUNT(*)::int AS count
      FROM backlog_item bi
     WHERE ${WORK_ITEM} AND bi.status <> 'CANCELLED'
     GROUP BY bi.status
     ORDER BY bi.status
  `);
}

export interface TeamSprintSummaryRow {
  teamId: number;
  team: string;
  kind: TeamKind;
  sprintNumber: number | null;
  sprintEnd: string | null;
  capacityPoints: number | null;
  /** Points committed at sprint start (points at commitment, else the current estimate). */
  committedPoints: number;
  /** Points of the sprint's items (not removed) that are done. */
  donePoints: number;
  wip: number;
  wipLimit: number;
}

/** Per team: the active sprint with committed/done points, and WIP against the limit — all summed in SQL. */
export async function getTeamSprintSummary(): Promise<TeamSprintSummaryRow[]> {
  return getDb().$queryRaw<TeamSprintSummaryRow[]>(Prisma.sql`
    SELECT t.id AS "teamId",
           t.name AS team,
           t.kind::text AS kind,
           s.number AS "sprintNumber",
           to_char(s.end_date, 'YYYY-MM-DD') AS "sprintEnd",
           s.capacity_points AS "capacityPoints",
           COALESCE(sp.committed, 0)::int AS "committedPoints",
           COALESCE(sp.done, 0)::int AS "donePoints",
           COALESCE(w.wip, 0)::int AS wip,
           t.wip_limit AS "wipLimit"
      FROM team t
      LEFT JOIN sprint s ON s.team_id = t.id AND s.status = 'ACTIVE'
      LEFT JOIN (
        SELECT si.sprint_id,
               SUM(COALESCE(si.points_at_start, bi.estimate)) FILTER (WHERE si.committed) AS committed,
               SUM(bi.estimate) FILTER (WHERE bi.status = 'DONE' AND si.removed_at IS NULL) AS done
          FROM sprint_item si
          JOIN backlog_item bi ON bi.id = si.item_id
         GROUP BY si.sprint_id
      ) sp ON sp.sprint_id = s.id
      LEFT JOIN (
        SELECT bi.team_id, COUNT(*) AS wip
          FROM backlog_item bi
         WHERE ${WORK_ITEM} AND bi.status IN ('IN_PROGRESS', 'IN_REVIEW', 'BLOCKED')
         GROUP BY bi.team_id
      ) w ON w.team_id = t.id
     WHERE t.archived_at IS NULL
     ORDER BY t.kind, t.name
  `);
}
