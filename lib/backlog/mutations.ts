import "server-only";
import { expectVersion } from "@/lib/actions/guarded";
import { refuse } from "@/lib/actions/result";
import type { AuditEntry } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/transaction";
import type { ItemStatus } from "@/lib/generated/prisma/enums";
import { MAX_RANK_LENGTH, keyBetween, spacedKeys } from "./rank";
import { PORTFOLIO_STATUSES, TEAM_ITEM_STATUSES } from "./schema";

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
  const space = item.teamId !== null ? { teamId: item.teamId } : { teamId: null, level: item.level };
  const lockKey = item.teamId !== null ? `rank:team:${item.teamId}` : `rank:portfolio:${item.level}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${lockKey}))`;

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
