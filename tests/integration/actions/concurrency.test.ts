import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { MAX_RANK_LENGTH } from "@/lib/backlog/rank";
import { makeItem } from "@/tests/support/factories";
import { makeTwoTeamOrg } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { moveItemAction, updateItemAction } = await import("@/lib/backlog/actions");

let org: Awaited<ReturnType<typeof makeTwoTeamOrg>>;
beforeAll(async () => {
  org = await makeTwoTeamOrg();
});

const teamRanks = async (teamId: number) =>
  (await getDb().backlogItem.findMany({ where: { teamId }, orderBy: { rank: "asc" }, select: { id: true, rank: true } }));

describe("no lost updates", () => {
  it("two concurrent edits of one item: exactly one wins, the other is told who changed it", async () => {
    signInAs(org.poA.user.id);
    const item = (await getDb().backlogItem.findUnique({ where: { id: org.story.id } }))!;
    const eventsBefore = await getDb().auditEvent.count({ where: { entityType: "BacklogItem", entityId: String(item.id) } });
    const edit = (title: string) =>
      updateItemAction({
        itemId: item.id, version: item.version, title, description: "", status: item.status, estimate: item.estimate,
        acceptanceCriteria: "", briefUrl: null, ownerPersonId: item.ownerPersonId,
      });
    const results = await Promise.all([edit("First writer"), edit("Second writer")]);
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    expect(losers[0]).toMatchObject({ ok: false, reason: "CONFLICT", conflict: { currentVersion: item.version + 1 } });
    if (!losers[0]!.ok) expect(losers[0]!.message).toMatch(/was changed by .+ after you opened it/);
    const stored = (await getDb().backlogItem.findUnique({ where: { id: item.id } }))!;
    expect(["First writer", "Second writer"]).toContain(stored.title);
    expect(stored.version).toBe(item.version + 1);
    const eventsAfter = await getDb().auditEvent.count({ where: { entityType: "BacklogItem", entityId: String(item.id) } });
    expect(eventsAfter - eventsBefore).toBe(1);
  });

  it("saving a stale copy after someone else saved is refused and changes nothing", async () => {
    signInAs(org.poA.user.id);
    const item = (await getDb().backlogItem.findUnique({ where: { id: org.story2.id } }))!;
    const input = {
      itemId: item.id, version: item.version, description: "", status: item.status, estimate: item.estimate,
      acceptanceCriteria: "", briefUrl: null, ownerPersonId: item.ownerPersonId,
    };
    expect(await updateItemAction({ ...input, title: "Saved first" })).toMatchObject({ ok: true });
    const stale = await updateItemAction({ ...input, title: "Stale copy" });
    expect(stale).toMatchObject({ ok: false, reason: "CONFLICT" });
    expect((await getDb().backlogItem.findUnique({ where: { id: item.id } }))!.title).toBe("Saved first");
  });
});

describe("ranking under concurrency", () => {
  it("concurrent re-ranks never leave duplicate or missing positions", async () => {
    const teamId = org.teamA.id;
    for (let i = 0; i < 10; i++) await makeItem({ level: "STORY", teamId, parentId: org.feature.id, rank: `r${i + 1}` });
    const before = await teamRanks(teamId);
    signInAs(org.poA.user.id);
    const ids = before.map((r) => r.id);
    // 30 moves at once, each to just after a random other item (or the top).
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const moves = Array.from({ length: 30 }, () => {
      const itemId = ids[rnd(ids.length)]!;
      const others = ids.filter((id) => id !== itemId);
      const afterId = rnd(4) === 0 ? null : others[rnd(others.length)]!;
      return moveItemAction({ itemId, afterId });
    });
    const results = await Promise.all(moves);
    expect(results.every((r) => r.ok)).toBe(true);
    const after = await teamRanks(teamId);
    expect(after.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(new Set(after.map((r) => r.rank)).size).toBe(after.length);
  });

  it("keeps keys bounded: repeated moves to one spot rebalance the backlog", async () => {
    const teamId = org.teamA.id;
    signInAs(org.poA.user.id);
    let longest = 0;
    let rebalanced = false;
    for (let i = 0; i < 200; i++) {
      const ranks = await teamRanks(teamId);
      const now = Math.max(...ranks.map((r) => r.rank.length));
      if (now < longest) rebalanced = true;
      longest = now;
      // Always move the last item to just after the first: the worst case for key growth.
      const result = await moveItemAction({ itemId: ranks[ranks.length - 1]!.id, afterId: ranks[0]!.id });
      expect(result.ok).toBe(true);
    }
    expect(rebalanced).toBe(true);
    const after = await teamRanks(teamId);
    expect(Math.max(...after.map((r) => r.rank.length))).toBeLessThanOrEqual(MAX_RANK_LENGTH);
    expect(new Set(after.map((r) => r.rank)).size).toBe(after.length);
  });
});
