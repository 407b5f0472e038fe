import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_TIME_ZONE } from "@/lib/organization/sql-fragments";
import type { DependencyStatus, DependencyType, ItemStatus, SprintStatus, TeamKind } from "@/lib/generated/prisma/enums";
import type { WaitLink } from "./chains";
import { findCollisions, type CampaignItem, type Collision } from "./collisions";
import type { DependencyRisk } from "./flow";
import { dependencyRiskSql, itemHasUnresolvedDependencySql, UNRESOLVED_STATUSES_SQL } from "./sql-fragments";

/*
 * Every read here takes `today` — the organisation's calendar day by the app clock (lib/clock.ts), which the
 * page works out — so "overdue" and "at risk" follow the same clock as the rest of the app, browser tests
 * included.
 */

export interface DependencyRow {
  id: number;
  key: string;
  type: DependencyType;
  status: DependencyStatus;
  description: string;
  fromTeamId: number;
  fromTeam: string;
  fromItemKey: string | null;
  fromOwnerId: number;
  fromOwner: string;
  toTeamId: number;
  toTeam: string;
  toTeamKind: TeamKind;
  toItemKey: string | null;
  toOwnerId: number;
  toOwner: string;
  /** `YYYY-MM-DD`. */
  neededBy: string;
  proposedDate: string | null;
  /** ISO instant, when resolved. */
  resolvedAt: string | null;
  risk: DependencyRisk;
  /** Not resolved or cancelled, and its needed-by date is before today (rule 6). */
  overdue: boolean;
}

interface DependencySqlRow extends Omit<DependencyRow, "resolvedAt"> {
  resolvedAt: Date | null;
}

/** The row query; `extra` adds columns (each starting with a comma) computed from `d`. */
function dependencySelectSql(today: string, extra: Prisma.Sql = Prisma.empty): Prisma.Sql {
  return Prisma.sql`
    SELECT d.id,
           d.key,
           d.type::text AS type,
           d.status::text AS status,
           d.description,
           ft.id AS "fromTeamId",
           ft.name AS "fromTeam",
           fi.key AS "fromItemKey",
           fo.id AS "fromOwnerId",
           fo.name AS "fromOwner",
           tt.id AS "toTeamId",
           tt.name AS "toTeam",
           tt.kind::text AS "toTeamKind",
           ti.key AS "toItemKey",
           tow.id AS "toOwnerId",
           tow.name AS "toOwner",
           to_char(d.needed_by, 'YYYY-MM-DD') AS "neededBy",
           to_char(d.proposed_date, 'YYYY-MM-DD') AS "proposedDate",
           d.resolved_at AS "resolvedAt",
           ${dependencyRiskSql("d", today)} AS risk,
           (d.status IN ${UNRESOLVED_STATUSES_SQL} AND d.needed_by < ${today}::date) AS overdue
           ${extra}
      FROM dependency d
      JOIN team ft ON ft.id = d.from_team_id
      JOIN team tt ON tt.id = d.to_team_id
      JOIN person fo ON fo.id = d.from_owner_id
      JOIN person tow ON tow.id = d.to_owner_id
      LEFT JOIN backlog_item fi ON fi.id = d.from_item_id
      LEFT JOIN backlog_item ti ON ti.id = d.to_item_id`;
}

const toRow = (r: DependencySqlRow): DependencyRow => ({ ...r, resolvedAt: r.resolvedAt?.toISOString() ?? null });

export interface DependencyFilter {
  /** Dependencies in or out of this team. */
  teamId?: number | null;
  type?: DependencyType | null;
}

/** Dependencies (optionally of one team, or of one type), overdue first, then by needed-by date. */
export async function listDependencies(today: string, filter: DependencyFilter = {}): Promise<DependencyRow[]> {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filter.teamId) conditions.push(Prisma.sql`(d.from_team_id = ${filter.teamId} OR d.to_team_id = ${filter.teamId})`);
  if (filter.type) conditions.push(Prisma.sql`d.type = ${filter.type}::"DependencyType"`);
  const rows = await getDb().$queryRaw<DependencySqlRow[]>(Prisma.sql`
    ${dependencySelectSql(today)}
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY overdue DESC, d.needed_by, d.key`);
  return rows.map(toRow);
}

export interface DependencyStats {
  open: number;
  overdue: number;
  atRisk: number;
  /** Stories and features not done that an unresolved dependency starts at (rule 6). */
  blockedItems: number;
  /** Resolved on or before the needed-by date ÷ resolved (null when none resolved yet). */
  resolutionRate: number | null;
  resolved: number;
}

/** Headline counts for the board, each computed in SQL with the shared definitions. */
export async function getDependencyStats(today: string, filter: DependencyFilter = {}): Promise<DependencyStats> {
  const teamCondition = filter.teamId ? Prisma.sql`(d.from_team_id = ${filter.teamId} OR d.to_team_id = ${filter.teamId})` : Prisma.sql`TRUE`;
  const typeCondition = filter.type ? Prisma.sql`d.type = ${filter.type}::"DependencyType"` : Prisma.sql`TRUE`;
  const itemTeam = filter.teamId ? Prisma.sql`bi.team_id = ${filter.teamId}` : Prisma.sql`TRUE`;
  const [row] = await getDb().$queryRaw<{ open: number; overdue: number; atRisk: number; resolved: number; onTime: number; blockedItems: number }[]>(Prisma.sql`
    SELECT COUNT(*) FILTER (WHERE d.status IN ${UNRESOLVED_STATUSES_SQL})::int AS open,
           COUNT(*) FILTER (WHERE ${dependencyRiskSql("d", today)} = 'OVERDUE')::int AS overdue,
           COUNT(*) FILTER (WHERE ${dependencyRiskSql("d", today)} = 'AT_RISK')::int AS "atRisk",
           COUNT(*) FILTER (WHERE d.status = 'RESOLVED')::int AS resolved,
           COUNT(*) FILTER (WHERE d.status = 'RESOLVED'
                              AND (d.resolved_at AT TIME ZONE COALESCE((SELECT o.timezone FROM organization o ORDER BY o.id LIMIT 1), ${DEFAULT_TIME_ZONE}))::date <= d.needed_by)::int AS "onTime",
           (SELECT COUNT(*) FROM backlog_item bi
             WHERE bi.level IN ('FEATURE', 'STORY') AND bi.status NOT IN ('DONE', 'CANCELLED')
               AND ${itemTeam} AND ${itemHasUnresolvedDependencySql("bi")})::int AS "blockedItems"
      FROM dependency d
     WHERE ${teamCondition} AND ${typeCondition}`);
  const r = row ?? { open: 0, overdue: 0, atRisk: 0, resolved: 0, onTime: 0, blockedItems: 0 };
  return {
    open: r.open,
    overdue: r.overdue,
    atRisk: r.atRisk,
    blockedItems: r.blockedItems,
    resolved: r.resolved,
    resolutionRate: r.resolved === 0 ? null : r.onTime / r.resolved,
  };
}

export interface DependencyDetail extends DependencyRow {
  version: number;
  fromItem: { id: number; key: string; title: string; status: ItemStatus } | null;
  toItem: { id: number; key: string; title: string; status: ItemStatus } | null;
  toTeamKind: TeamKind;
  loggedBy: string;
  createdAt: string;
  rejectionReason: string | null;
}

/** One dependency with its items, owners and who logged it; null when there is no such dependency. */
export async function getDependencyDetail(id: number, today: string): Promise<DependencyDetail | null> {
  const [rows, extra] = await Promise.all([
    getDb().$queryRaw<DependencySqlRow[]>(Prisma.sql`${dependencySelectSql(today)} WHERE d.id = ${id}`),
    getDb().dependency.findUnique({
      where: { id },
      select: {
        version: true,
        createdAt: true,
        rejectionReason: true,
        loggedBy: { select: { name: true } },
        fromItem: { select: { id: true, key: true, title: true, status: true } },
        toItem: { select: { id: true, key: true, title: true, status: true } },
      },
    }),
  ]);
  const row = rows[0];
  if (!row || !extra) return null;
  return {
    ...toRow(row),
    version: extra.version,
    createdAt: extra.createdAt.toISOString(),
    rejectionReason: extra.rejectionReason,
    loggedBy: extra.loggedBy.name,
    fromItem: extra.fromItem,
    toItem: extra.toItem,
  };
}

/** Whether a dependency with this id exists (route layouts answer 404 before streaming). */
export async function dependencyExists(id: number): Promise<boolean> {
  return (await getDb().dependency.count({ where: { id } })) > 0;
}

/** The dependency's id for a human key (`DEP-4`), for old links of the form /dependencies?key=DEP-4. */
export async function findDependencyIdByKey(key: string): Promise<number | null> {
  const row = await getDb().dependency.findUnique({ where: { key }, select: { id: true } });
  return row?.id ?? null;
}

/** Unresolved dependencies as links for chain and cycle analysis (lib/dependencies/chains.ts). */
export async function listWaitLinks(): Promise<WaitLink[]> {
  const rows = await getDb().dependency.findMany({
    where: { status: { in: ["OPEN", "ACCEPTED", "IN_PROGRESS", "BLOCKED"] } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      key: true,
      fromTeamId: true,
      toTeamId: true,
      fromItemId: true,
      toItemId: true,
      neededBy: true,
      proposedDate: true,
      status: true,
      fromTeam: { select: { name: true } },
      toTeam: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    fromTeamId: r.fromTeamId,
    fromTeam: r.fromTeam.name,
    toTeamId: r.toTeamId,
    toTeam: r.toTeam.name,
    fromItemId: r.fromItemId,
    toItemId: r.toItemId,
    neededBy: r.neededBy.toISOString().slice(0, 10),
    proposedDate: r.proposedDate?.toISOString().slice(0, 10) ?? null,
    status: r.status,
  }));
}

// ───────────────────────────── the form ─────────────────────────────

export interface FormTeam {
  id: number;
  name: string;
  kind: TeamKind;
  people: { id: number; name: string; role: string }[];
  items: { id: number; key: string; title: string }[];
}

/**
 * What the log-a-dependency form offers: every active team with its people (agile lead and product owner
 * first) and its open features and stories in rank order.
 */
export async function getDependencyFormTeams(): Promise<FormTeam[]> {
  const teams = await getDb().team.findMany({
    where: { archivedAt: null },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      memberships: { select: { role: true, person: { select: { id: true, name: true } } } },
      items: {
        where: { level: { in: ["FEATURE", "STORY"] }, status: { notIn: ["DONE", "CANCELLED"] } },
        select: { id: true, key: true, title: true, rank: true },
      },
    },
  });
  const roleOrder = (role: string) => (role === "AGILE_LEAD" ? 0 : role === "PRODUCT_OWNER" ? 1 : 2);
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    kind: t.kind,
    people: t.memberships
      .map((m) => ({ id: m.person.id, name: m.person.name, role: m.role as string }))
      .sort((a, b) => roleOrder(a.role) - roleOrder(b.role) || a.name.localeCompare(b.name)),
    // Ranks are fractional indexes compared bytewise.
    items: t.items
      .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id - b.id))
      .map(({ id, key, title }) => ({ id, key, title })),
  }));
}

// ───────────────────────────── before sprint planning ─────────────────────────────

export interface SprintWindow {
  number: number | null;
  status: SprintStatus | "NOT_PLANNED";
  /** `YYYY-MM-DD`. */
  startDate: string;
  endDate: string;
}

export interface SprintDependencyRow extends DependencyRow {
  /** The dependency's item (this team's side) is planned into the sprint. */
  itemInSprint: boolean;
  /** Due on or before the sprint's last day (overdue ones included). */
  dueBySprintEnd: boolean;
}

export interface SprintDependencies {
  sprint: SprintWindow;
  /** This team waits on others. */
  outgoing: SprintDependencyRow[];
  /** Others wait on this team. */
  incoming: SprintDependencyRow[];
  /** This team's open stories and features blocked by an unresolved dependency (rule 6), with the dependency keys. */
  blockedItems: { id: number; key: string; title: string; dependencyKeys: string[]; inSprint: boolean }[];
}

/**
 * For a team's next sprint (its earliest planned sprint; else the running one; else the next two weeks) — or
 * for `sprintId`, one of the team's sprints — the unresolved dependencies in and out, flagged when they fall
 * due by the sprint's end or concern an item planned into it, and the items an unresolved dependency blocks.
 */
export async function getSprintDependencies(teamId: number, today: string, sprintId?: number): Promise<SprintDependencies> {
  const db = getDb();
  const sprints = await db.sprint.findMany({
    where: sprintId === undefined ? { teamId, status: { in: ["PLANNED", "ACTIVE"] } } : { teamId, id: sprintId },
    orderBy: [{ startDate: "asc" }],
    select: { id: true, number: true, status: true, startDate: true, endDate: true },
  });
  const chosen =
    sprintId !== undefined
      ? (sprints[0] ?? null)
      : (sprints.find((s) => s.status === "PLANNED") ?? sprints.find((s) => s.status === "ACTIVE") ?? null);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const fallbackEnd = new Date(Date.parse(`${today}T00:00:00Z`) + 13 * 86_400_000).toISOString().slice(0, 10);
  const sprint: SprintWindow = chosen
    ? { number: chosen.number, status: chosen.status, startDate: day(chosen.startDate), endDate: day(chosen.endDate) }
    : { number: null, status: "NOT_PLANNED", startDate: today, endDate: fallbackEnd };
  const chosenId = chosen?.id ?? -1;

  const rows = await db.$queryRaw<(DependencySqlRow & { itemInSprint: boolean; dueBySprintEnd: boolean })[]>(Prisma.sql`
    ${dependencySelectSql(
      today,
      Prisma.sql`, EXISTS (SELECT 1 FROM sprint_item si
                      WHERE si.sprint_id = ${chosenId} AND si.removed_at IS NULL
                        AND si.item_id = CASE WHEN d.from_team_id = ${teamId} THEN d.from_item_id ELSE d.to_item_id END) AS "itemInSprint",
                 d.needed_by <= ${sprint.endDate}::date AS "dueBySprintEnd"`,
    )}
     WHERE d.status IN ${UNRESOLVED_STATUSES_SQL}
       AND (d.from_team_id = ${teamId} OR d.to_team_id = ${teamId})
     ORDER BY d.needed_by, d.key`);
  const all = rows.map((r) => ({ ...toRow(r), itemInSprint: r.itemInSprint, dueBySprintEnd: r.dueBySprintEnd }));

  const blocked = await db.$queryRaw<{ id: number; key: string; title: string; dependencyKeys: string[]; inSprint: boolean }[]>(Prisma.sql`
    SELECT bi.id, bi.key, bi.title,
           array_agg(d.key ORDER BY d.needed_by, d.key) AS "dependencyKeys",
           EXISTS (SELECT 1 FROM sprint_item si WHERE si.sprint_id = ${chosenId} AND si.item_id = bi.id AND si.removed_at IS NULL) AS "inSprint"
      FROM backlog_item bi
      JOIN dependency d ON d.from_item_id = bi.id AND d.status IN ${UNRESOLVED_STATUSES_SQL}
     WHERE bi.team_id = ${teamId} AND bi.level IN ('FEATURE', 'STORY') AND bi.status NOT IN ('DONE', 'CANCELLED')
     GROUP BY bi.id
     ORDER BY bi.rank COLLATE "C", bi.id`);

  return {
    sprint,
    outgoing: all.filter((r) => r.fromTeamId === teamId),
    incoming: all.filter((r) => r.toTeamId === teamId),
    blockedItems: blocked,
  };
}

// ───────────────────────────── collisions ─────────────────────────────

export interface CollisionRow extends Collision {
  /** A CAMPAIGN_COLLISION dependency already logged between the two items (either way), if any. */
  logged: { id: number; key: string; status: DependencyStatus } | null;
}

/**
 * Campaign collisions among items still to launch or launching (window not over by `today`, not done or
 * cancelled), optionally those involving one team. Detection is lib/dependencies/collisions.ts.
 */
export async function listCampaignCollisions(today: string, teamId?: number | null): Promise<CollisionRow[]> {
  const db = getDb();
  const items = await db.backlogItem.findMany({
    where: {
      teamId: { not: null },
      status: { notIn: ["DONE", "CANCELLED"] },
      launchStart: { not: null },
      launchEnd: { gte: new Date(`${today}T00:00:00Z`) },
      // A campaign's stories carry its window too; the campaign (the parent with the window) stands for them.
      OR: [{ parentId: null }, { parent: { launchStart: null } }],
    },
    select: { id: true, key: true, title: true, teamId: true, team: { select: { name: true } }, launchStart: true, launchEnd: true, audienceSegments: true, channel: true },
  });
  const campaignItems: CampaignItem[] = items.map((i) => ({
    id: i.id,
    key: i.key,
    title: i.title,
    teamId: i.teamId!,
    team: i.team?.name ?? "",
    launchStart: i.launchStart!.toISOString().slice(0, 10),
    launchEnd: i.launchEnd!.toISOString().slice(0, 10),
    audienceSegments: i.audienceSegments,
    channel: i.channel,
  }));
  const collisions = findCollisions(campaignItems).filter((c) => !teamId || c.a.teamId === teamId || c.b.teamId === teamId);
  if (collisions.length === 0) return [];
  const ids = [...new Set(collisions.flatMap((c) => [c.a.id, c.b.id]))];
  const logged = await db.dependency.findMany({
    where: { type: "CAMPAIGN_COLLISION", fromItemId: { in: ids }, toItemId: { in: ids } },
    orderBy: { id: "desc" },
    select: { id: true, key: true, status: true, fromItemId: true, toItemId: true },
  });
  return collisions.map((c) => {
    const match = logged.find((d) => (d.fromItemId === c.a.id && d.toItemId === c.b.id) || (d.fromItemId === c.b.id && d.toItemId === c.a.id));
    return { ...c, logged: match ? { id: match.id, key: match.key, status: match.status } : null };
  });
}

// ───────────────────────────── the map ─────────────────────────────

export interface MapTeam {
  id: number;
  name: string;
  kind: TeamKind;
}

/** Teams for the dependency map (every active team; the map drops those without an edge). */
export async function listMapTeams(): Promise<MapTeam[]> {
  return getDb().team.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true, kind: true } });
}
