import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ItemLevel, ItemStatus, MemberRole } from "@/lib/generated/prisma/enums";

export interface ItemRefDto {
  id: number;
  key: string;
  title: string;
  level: ItemLevel;
  status: ItemStatus;
}

export interface ItemChildDto extends ItemRefDto {
  isTask: boolean;
  estimate: number | null;
  owner: string | null;
}

export interface ItemOwnerOption {
  personId: number;
  name: string;
  /** The person's role in the item's team; null for portfolio items (any person may own those). */
  role: MemberRole | null;
}

export interface ItemDetail {
  id: number;
  key: string;
  title: string;
  description: string;
  level: ItemLevel;
  isTask: boolean;
  status: ItemStatus;
  estimate: number | null;
  acceptanceCriteria: string;
  briefUrl: string | null;
  version: number;
  team: { id: number; name: string } | null;
  owner: { personId: number; name: string } | null;
  /** Ancestors from the root (a theme) down to the direct parent. */
  parents: ItemRefDto[];
  /** Direct children in rank order. */
  children: ItemChildDto[];
  /** Who can be chosen as owner: the team's members, or every person for portfolio items. */
  ownerOptions: ItemOwnerOption[];
}

interface ParentRow extends ItemRefDto {
  depth: number;
}

/**
 * One backlog item with its team, owner, ancestors (a recursive CTE up the tree), children in rank order and
 * the people who may own it. Null when no item has this id. Cached per request (metadata and page both ask).
 */
export const getItemDetail = cache(async (itemId: number): Promise<ItemDetail | null> => {
  const db = getDb();
  const item = await db.backlogItem.findUnique({
    where: { id: itemId },
    select: {
      id: true,
      key: true,
      title: true,
      description: true,
      level: true,
      isTask: true,
      status: true,
      estimate: true,
      acceptanceCriteria: true,
      briefUrl: true,
      version: true,
      teamId: true,
      team: { select: { id: true, name: true } },
      owner: { select: { id: true, name: true } },
    },
  });
  if (!item) return null;

  const [parents, children, ownerOptions] = await Promise.all([
    db.$queryRaw<ParentRow[]>(Prisma.sql`
      WITH RECURSIVE chain AS (
        SELECT p.id, p.key, p.title, p.level, p.status, p.parent_id, 1 AS depth
          FROM backlog_item c
          JOIN backlog_item p ON p.id = c.parent_id
         WHERE c.id = ${itemId}
        UNION ALL
        SELECT p.id, p.key, p.title, p.level, p.status, p.parent_id, chain.depth + 1
          FROM chain
          JOIN backlog_item p ON p.id = chain.parent_id
         WHERE chain.depth < 10
      )
      SELECT id, key, title, level::text AS level, status::text AS status, depth
        FROM chain
       ORDER BY depth DESC
    `),
    db.$queryRaw<ItemChildDto[]>(Prisma.sql`
      SELECT bi.id, bi.key, bi.title, bi.level::text AS level, bi.status::text AS status,
             bi.is_task AS "isTask", bi.estimate, p.name AS owner
        FROM backlog_item bi
        LEFT JOIN person p ON p.id = bi.owner_person_id
       WHERE bi.parent_id = ${itemId}
       ORDER BY bi.rank COLLATE "C", bi.id
    `),
    item.teamId !== null
      ? db.membership
          .findMany({
            where: { teamId: item.teamId },
            orderBy: { person: { name: "asc" } },
            select: { role: true, person: { select: { id: true, name: true } } },
          })
          .then((rows) => rows.map((m) => ({ personId: m.person.id, name: m.person.name, role: m.role })))
      : db.person
          .findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } })
          .then((rows) => rows.map((p) => ({ personId: p.id, name: p.name, role: null }))),
  ]);

  return {
    id: item.id,
    key: item.key,
    title: item.title,
    description: item.description,
    level: item.level,
    isTask: item.isTask,
    status: item.status,
    estimate: item.estimate,
    acceptanceCriteria: item.acceptanceCriteria,
    briefUrl: item.briefUrl,
    version: item.version,
    team: item.team,
    owner: item.owner ? { personId: item.owner.id, name: item.owner.name } : null,
    parents: parents.map((p) => ({ id: p.id, key: p.key, title: p.title, level: p.level, status: p.status })),
    children,
    ownerOptions,
  };
});

/** Whether an item with this id exists. */
export async function itemExists(itemId: number): Promise<boolean> {
  return (await getDb().backlogItem.count({ where: { id: itemId } })) > 0;
}

/** Keys and titles of the given items (for labelling audit events); unknown ids are left out. */
export async function getItemRefs(itemIds: readonly number[]): Promise<ItemRefDto[]> {
  const ids = [...new Set(itemIds)].filter((id) => Number.isInteger(id) && id > 0 && id <= 2_147_483_647);
  if (ids.length === 0) return [];
  return getDb().backlogItem.findMany({
    where: { id: { in: ids } },
    select: { id: true, key: true, title: true, level: true, status: true },
  });
}
