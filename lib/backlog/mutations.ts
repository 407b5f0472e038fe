import "server-only";
import { expectVersion } from "@/lib/actions/guarded";
import { refuse } from "@/lib/actions/result";
import type { AuditEntry } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/transaction";
import type { ItemLevel, ItemStatus } from "@/lib/generated/prisma/enums";
import { isKanbanColumn, wipWarning } from "@/lib/portfolio/kanban";
import { enumLabel } from "@/lib/format/enum-label";
import { MAX_RANK_LENGTH, keyBetween, keysAfter, spacedKeys } from "./rank";
import { describeMissing, missingForReady } from "./readiness";
import { PARENT_LEVEL, PORTFOLIO_STATUSES, TEAM_ITEM_STATUSES, aLevel } from "./schema";

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const itemSelect = {
  id: true,
  key: true,
  level: true,
  teamId: true,
  title: true,
  description: true,
  status: true,
  estimate: true,
  acceptanceCriteria: true,
  briefUrl: true,
  ownerPersonId: true,
  rank: true,
  version: true,
} as const;

export function loadItem(tx: Tx, itemId: number) {
  return tx.backlogItem.findUnique({ where: { id: itemId }, select: itemSelect });
}
export type ItemRow = NonNullable<Awaited<ReturnType<typeof loadItem>>>;

/**
 * "Ready" means the Definition of Ready is met: a story is refused the READY status until it is, with what is
 * missing named (the same check as the sprint planning gate).
 */
async function assertMayBeReady(
  tx: Tx,
  item: ItemRow,
  next: { status: ItemStatus; ownerPersonId: number | null; acceptanceCriteria: string; estimate: number | null; briefUrl: string | null },
): Promise<void> {
  if (item.level !== "STORY" || next.status !== "READY" || item.status === "READY") return;
  const team = item.teamId === null ? null : await tx.team.findUnique({ where: { id: item.teamId }, select: { requiresBriefLink: true } });
  const missing = missingForReady(next, team ?? { requiresBriefLink: false });
  if (missing.length > 0) {
    throw refuse("INVALID", `${item.key} is not ready yet: it needs ${describeMissing(missing)}.`, {
      fieldErrors: { status: `Add ${describeMissing(missing)} first` },
    });
  }
}

/** Fields only the backlog owner (or a leader) may change; an item's owner may change the rest. */
export function changesOwnerOnlyFields(item: ItemRow, input: { estimate: number | null; ownerPersonId: number | null }): boolean {
  return item.estimate !== input.estimate || item.ownerPersonId !== input.ownerPersonId;
}

export async function updateItem(
  tx: Tx,
  item: ItemRow,
  input: {
    version: number;
    title: string;
    description: string;
    status: ItemStatus;
    estimate: number | null;
    acceptanceCriteria: string;
    briefUrl: string | null;
    ownerPersonId: number | null;
  },
  actorUserId: number,
): Promise<{ data: { version: number }; audit: AuditEntry[] }> {
  const allowed: readonly ItemStatus[] = item.level === "THEME" || item.level === "EPIC" ? PORTFOLIO_STATUSES : TEAM_ITEM_STATUSES;
  if (!allowed.includes(input.status)) {
    throw refuse("INVALID", `A ${item.level.toLowerCase()} cannot be ${input.status}.`, { fieldErrors: { status: "Not a status for this level" } });
  }
  if (input.ownerPersonId !== null && input.ownerPersonId !== item.ownerPersonId) {
    const member = item.teamId
      ? await tx.membership.findFirst({ where: { teamId: item.teamId, personId: input.ownerPersonId }, select: { id: true } })
      : await tx.person.findUnique({ where: { id: input.ownerPersonId }, select: { id: true } });
    if (!member) {
      throw refuse("INVALID", "The owner must be a member of the item's team.", { fieldErrors: { ownerPersonId: "Choose a member of this team" } });
    }
  }
  await assertMayBeReady(tx, item, input);
  const { version, title, description, status, estimate, acceptanceCriteria, briefUrl, ownerPersonId } = input;
  const fields = { title, description, status, estimate, acceptanceCriteria, briefUrl, ownerPersonId };
  await expectVersion(
    tx,
    { type: "BacklogItem", id: item.id, label: item.key },
    () => tx.backlogItem.updateMany({ where: { id: item.id, version }, data: { ...fields, version: { increment: 1 } } }),
    async () => (await loadItem(tx, item.id))?.version ?? null,
  );
  if (input.status !== item.status) {
    // Flow metrics read this history.
    await tx.statusChange.create({
      data: { itemId: item.id, fromStatus: item.status, toStatus: input.status, changedAt: new Date(), changedBy: actorUserId },
    });
  }
  const after = await loadItem(tx, item.id);
  return {
    data: { version: after!.version },
    audit: [{ action: "item.update", entityType: "BacklogItem", entityId: item.id, teamId: item.teamId, before: item, after }],
  };
}

/**
 * Takes the rank space's transaction-scoped advisory lock (a team's features and stories, or one portfolio
 * level) and returns the `where` that selects the space. Every write of a rank in a space goes through it.
 */
export async function lockRankSpace(tx: Tx, teamId: number | null, level: ItemLevel) {
  const lockKey = teamId !== null ? `rank:team:${teamId}` : `rank:portfolio:${level}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${lockKey}))`;
  return teamId !== null ? { teamId } : { teamId: null, level };
}

/**
 * `count` ranks below every item of the space, in order (new work enters at the bottom; the product owner ranks
 * it). Take the space's lock first. Rebalances the space when the new keys would be longer than the bound.
 */
export async function bottomRanks(tx: Tx, space: { teamId: number | null; level?: ItemLevel }, count: number): Promise<string[]> {
  const last = await tx.backlogItem.findFirst({ where: space, orderBy: { rank: "desc" }, select: { rank: true } });
  let keys = count === 1 ? [keyBetween(last?.rank ?? null, null)] : keysAfter(last?.rank ?? null, count);
  if (keys.some((k) => k.length > MAX_RANK_LENGTH)) keys = keysAfter(await respace(tx, space), count);
  return keys;
}

/** Gives every item of the space a fresh evenly spaced key in its current order; returns the last key. */
async function respace(tx: Tx, space: { teamId: number | null; level?: ItemLevel }): Promise<string | null> {
  const ordered = (await tx.backlogItem.findMany({ where: space, orderBy: { rank: "asc" }, select: { id: true } })).map((r) => r.id);
  if (ordered.length === 0) return null;
  const keys = spacedKeys(ordered.length);
  await tx.$executeRaw`UPDATE backlog_item SET rank = 'zz' || id::text || 'z' WHERE id = ANY(${ordered})`;
  await tx.$executeRaw`
    UPDATE backlog_item b SET rank = v.rank, version = b.version + 1
      FROM unnest(${ordered}::int[], ${keys}::text[]) AS v(id, rank) WHERE b.id = v.id`;
  return keys[keys.length - 1]!;
}

/** Human key prefixes per level: THEME-3, EPIC-12, FEAT-40, STORY-301. */
export const KEY_PREFIX: Readonly<Record<ItemLevel, string>> = { THEME: "THEME", EPIC: "EPIC", FEATURE: "FEAT", STORY: "STORY" };

/**
 * The next free key of a level (highest number in use + 1). Serialised per prefix by an advisory lock held to
 * the end of the transaction, so two creations never pick the same key (the unique index is the backstop).
 */
export async function nextItemKey(tx: Tx, level: ItemLevel): Promise<string> {
  const prefix = KEY_PREFIX[level];
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`item-key:${prefix}`}))`;
  const rows = await tx.$queryRaw<{ n: string }[]>`
    SELECT COALESCE(MAX(substring(key FROM ${`^${prefix}-([0-9]{1,12})$`})::bigint), 0)::text AS n
      FROM backlog_item WHERE key LIKE ${`${prefix}-%`}`;
  return `${prefix}-${Number(rows[0]?.n ?? 0) + 1}`;
}

/** The initial status of a new item: the first state of its level's flow. */
export function initialStatus(level: ItemLevel): ItemStatus {
  return level === "THEME" || level === "EPIC" ? "FUNNEL" : "BACKLOG";
}

export interface CreateItemFields {
  level: ItemLevel;
  parentId: number | null;
  title: string;
  isTask: boolean;
  estimate: number | null;
  ownerPersonId: number | null;
  acceptanceCriteria: string;
  briefUrl: string | null;
}

/** The team a new item goes into (null: the portfolio), as loaded for the permission check. */
export interface CreateTarget {
  teamId: number | null;
  archived: boolean;
}

export async function loadCreateTarget(tx: Tx, teamId: number | null): Promise<CreateTarget | null> {
  if (teamId === null) return { teamId: null, archived: false };
  const team = await tx.team.findUnique({ where: { id: teamId }, select: { id: true, archivedAt: true } });
  return team ? { teamId: team.id, archived: team.archivedAt !== null } : null;
}

/**
 * Creates an item at the bottom of its rank space with the next key of its level and records its first status
 * (flow metrics count lead time from it). The parent must be one level up and still open; a story's feature
 * must be in the same team; the owner must be a member of the team.
 */
export async function createItem(
  tx: Tx,
  target: CreateTarget,
  input: CreateItemFields,
  actorUserId: number,
): Promise<{ data: { id: number; key: string }; audit: AuditEntry[] }> {
  if (target.archived) throw refuse("INVALID", "This team is archived: its backlog takes no new items.");
  const { teamId } = target;
  if (input.parentId !== null) {
    const expected = PARENT_LEVEL[input.level];
    const parent = await tx.backlogItem.findUnique({ where: { id: input.parentId }, select: { key: true, level: true, status: true, teamId: true } });
    if (!parent) throw refuse("INVALID", "The parent item no longer exists.", { fieldErrors: { parentId: "Choose another parent" } });
    if (expected === null || parent.level !== expected) {
      throw refuse("INVALID", expected ? `${capital(aLevel(input.level))} goes under ${aLevel(expected)}, and ${parent.key} is ${aLevel(parent.level)}.` : "A theme has no parent.", {
        fieldErrors: { parentId: "Not a valid parent for this level" },
      });
    }
    if (parent.status === "DONE" || parent.status === "CANCELLED") {
      throw refuse("INVALID", `${parent.key} is ${enumLabel(parent.status).toLowerCase()}: reopen it before adding to it.`, { fieldErrors: { parentId: "The parent is closed" } });
    }
    if (input.level === "STORY" && parent.teamId !== teamId) {
      throw refuse("INVALID", `${parent.key} belongs to another team's backlog.`, { fieldErrors: { parentId: "Choose a feature of this team" } });
    }
  }
  if (input.ownerPersonId !== null) await assertOwnerAllowed(tx, teamId, input.ownerPersonId);

  const space = await lockRankSpace(tx, teamId, input.level);
  const [rank] = await bottomRanks(tx, space, 1);
  const key = await nextItemKey(tx, input.level);
  const status = initialStatus(input.level);
  const now = new Date();
  const created = await tx.backlogItem.create({
    data: {
      key,
      level: input.level,
      isTask: input.isTask,
      title: input.title,
      parentId: input.parentId,
      teamId,
      status,
      rank: rank!,
      estimate: input.estimate,
      ownerPersonId: input.ownerPersonId,
      acceptanceCriteria: input.acceptanceCriteria,
      briefUrl: input.briefUrl,
    },
    select: { ...itemSelect, parentId: true },
  });
  await tx.statusChange.create({ data: { itemId: created.id, fromStatus: null, toStatus: status, changedAt: now, changedBy: actorUserId } });
  return {
    data: { id: created.id, key },
    audit: [{ action: "item.create", entityType: "BacklogItem", entityId: created.id, teamId, after: created }],
  };
}

async function assertOwnerAllowed(tx: Tx, teamId: number | null, personId: number): Promise<void> {
  const found = teamId
    ? await tx.membership.findFirst({ where: { teamId, personId }, select: { id: true } })
    : await tx.person.findUnique({ where: { id: personId }, select: { id: true } });
  if (!found) {
    throw refuse("INVALID", "The owner must be a member of the item's team.", { fieldErrors: { ownerPersonId: "Choose a member of this team" } });
  }
}

/** Statuses an item of this level may take. */
export function statusesFor(level: ItemLevel): readonly ItemStatus[] {
  return level === "THEME" || level === "EPIC" ? PORTFOLIO_STATUSES : TEAM_ITEM_STATUSES;
}

/**
 * Changes only the status (a kanban move), with the version check and a status_change row. For an epic moved
 * into a kanban column above its WIP limit, the move is kept and a warning comes back (a breach is shown, not
 * refused).
 */
export async function setItemStatus(
  tx: Tx,
  item: ItemRow,
  input: { version: number; status: ItemStatus },
  actorUserId: number,
): Promise<{ data: { version: number; warning: string | null }; audit: AuditEntry[] }> {
  if (!statusesFor(item.level).includes(input.status)) {
    throw refuse("INVALID", `A ${item.level.toLowerCase()} cannot be ${enumLabel(input.status).toLowerCase()}.`, { fieldErrors: { status: "Not a status for this level" } });
  }
  await assertMayBeReady(tx, item, { ...item, status: input.status });
  await expectVersion(
    tx,
    { type: "BacklogItem", id: item.id, label: item.key },
    () => tx.backlogItem.updateMany({ where: { id: item.id, version: input.version }, data: { status: input.status, version: { increment: 1 } } }),
    async () => (await loadItem(tx, item.id))?.version ?? null,
  );
  if (input.status !== item.status) {
    await tx.statusChange.create({ data: { itemId: item.id, fromStatus: item.status, toStatus: input.status, changedAt: new Date(), changedBy: actorUserId } });
  }
  let warning: string | null = null;
  if (item.level === "EPIC" && input.status !== item.status && isKanbanColumn(input.status)) {
    const count = await tx.backlogItem.count({ where: { level: "EPIC", status: input.status } });
    warning = wipWarning(input.status, count, enumLabel(input.status));
  }
  return {
    data: { version: input.version + 1, warning },
    audit: [{ action: "item.status", entityType: "BacklogItem", entityId: item.id, teamId: item.teamId, before: { status: item.status }, after: { status: input.status } }],
  };
}

const portfolioSelect = {
  id: true,
  key: true,
  level: true,
  teamId: true,
  title: true,
  status: true,
  businessValue: true,
  timeCriticality: true,
  riskReduction: true,
  jobSize: true,
  valueTheme: true,
  planningIntervalId: true,
  version: true,
} as const;

export function loadPortfolioItem(tx: Tx, itemId: number) {
  return tx.backlogItem.findFirst({ where: { id: itemId, teamId: null, level: { in: ["THEME", "EPIC"] } }, select: portfolioSelect });
}
export type PortfolioItemRow = NonNullable<Awaited<ReturnType<typeof loadPortfolioItem>>>;

/** Updates a theme's or epic's portfolio fields (WSJF inputs, value theme, interval, status), version-checked. */
export async function updatePortfolioItem(
  tx: Tx,
  item: PortfolioItemRow,
  input: {
    version: number;
    title: string;
    status: ItemStatus;
    businessValue: number | null;
    timeCriticality: number | null;
    riskReduction: number | null;
    jobSize: number | null;
    valueTheme: string | null;
    planningIntervalId: number | null;
  },
  actorUserId: number,
): Promise<{ data: { version: number }; audit: AuditEntry[] }> {
  const { version, title, status, businessValue, timeCriticality, riskReduction, jobSize, valueTheme, planningIntervalId } = input;
  if (planningIntervalId !== null && planningIntervalId !== item.planningIntervalId) {
    // Epics are planned into intervals (their features onto the program board); a theme spans many.
    if (item.level !== "EPIC") throw refuse("INVALID", "Themes are not planned into an interval: plan their epics.", { fieldErrors: { planningIntervalId: "Only epics" } });
    const interval = await tx.planningInterval.findUnique({ where: { id: planningIntervalId }, select: { name: true, state: true } });
    if (!interval) throw refuse("INVALID", "That planning interval no longer exists.", { fieldErrors: { planningIntervalId: "Choose another interval" } });
    if (interval.state === "CLOSED") throw refuse("INVALID", `${interval.name} is closed: plan the epic into a later interval.`, { fieldErrors: { planningIntervalId: "Closed" } });
  }
  const fields = { title, status, businessValue, timeCriticality, riskReduction, jobSize, valueTheme, planningIntervalId: item.level === "EPIC" ? planningIntervalId : null };
  await expectVersion(
    tx,
    { type: "BacklogItem", id: item.id, label: item.key },
    () => tx.backlogItem.updateMany({ where: { id: item.id, version }, data: { ...fields, version: { increment: 1 } } }),
    async () => (await tx.backlogItem.findUnique({ where: { id: item.id }, select: { version: true } }))?.version ?? null,
  );
  if (input.status !== item.status) {
    await tx.statusChange.create({ data: { itemId: item.id, fromStatus: item.status, toStatus: input.status, changedAt: new Date(), changedBy: actorUserId } });
  }
  const after = await tx.backlogItem.findUnique({ where: { id: item.id }, select: portfolioSelect });
  return {
    data: { version: after!.version },
    audit: [{ action: "item.update", entityType: "BacklogItem", entityId: item.id, teamId: null, before: item, after }],
  };
}

/**
 * Moves an item to just after `afterId` (null: the top) in its rank space: the team's features and stories,
 * or one portfolio level. Moves in one rank space are serialised by a transaction-scoped advisory lock and the
 * neighbours are read after taking it, so concurrent moves never duplicate or lose a position (the unique
 * index on rank is the backstop). Keys that grow past MAX_RANK_LENGTH trigger a rebalance of the space.
 */
export async function moveItem(
  tx: Tx,
  item: ItemRow,
  afterId: number | null,
): Promise<{ data: { rank: string }; audit: AuditEntry[] }> {
  const space = await lockRankSpace(tx, item.teamId, item.level);

  let after: { rank: string } | null = null;
  if (afterId !== null) {
    if (afterId === item.id) throw refuse("INVALID", "An item cannot be placed after itself.");
    after = await tx.backlogItem.findFirst({ where: { id: afterId, ...space }, select: { rank: true } });
    if (!after) throw refuse("INVALID", "The item to place it after is not in the same backlog.");
  }
  const next = await tx.backlogItem.findFirst({
    where: { ...space, id: { not: item.id }, ...(after ? { rank: { gt: after.rank } } : {}) },
    orderBy: { rank: "asc" },
    select: { rank: true },
  });
  let rank = keyBetween(after?.rank ?? null, next?.rank ?? null);
  if (rank.length > MAX_RANK_LENGTH) rank = await rebalance(tx, space, item.id, afterId);
  else await tx.backlogItem.update({ where: { id: item.id }, data: { rank, version: { increment: 1 } } });
  return {
    data: { rank },
    audit: [{ action: "item.move", entityType: "BacklogItem", entityId: item.id, teamId: item.teamId, before: { rank: item.rank }, after: { rank, afterId } }],
  };
}

/** Gives every item of the rank space a fresh evenly spaced key, with the moved item placed after `afterId`. */
async function rebalance(
  tx: Tx,
  space: { teamId: number | null; level?: ItemRow["level"] },
  itemId: number,
  afterId: number | null,
): Promise<string> {
  const ordered = (await tx.backlogItem.findMany({ where: space, orderBy: { rank: "asc" }, select: { id: true } }))
    .map((r) => r.id)
    .filter((id) => id !== itemId);
  ordered.splice(afterId === null ? 0 : ordered.indexOf(afterId) + 1, 0, itemId);
  const keys = spacedKeys(ordered.length);
  // Two passes so the unique index never sees two rows with one key mid-way: park, then place.
  await tx.$executeRaw`UPDATE backlog_item SET rank = 'zz' || id::text || 'z' WHERE id = ANY(${ordered})`;
  await tx.$executeRaw`
    UPDATE backlog_item b SET rank = v.rank, version = b.version + 1
      FROM unnest(${ordered}::int[], ${keys}::text[]) AS v(id, rank) WHERE b.id = v.id`;
  return keys[ordered.indexOf(itemId)]!;
}
