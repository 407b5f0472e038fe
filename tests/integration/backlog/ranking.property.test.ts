import fc from "fast-check";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { MAX_RANK_LENGTH, isValidRank } from "@/lib/backlog/rank";
import { makeItem } from "@/tests/support/factories";
import { makeTwoTeamOrg } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { moveItemAction, createItemAction } = await import("@/lib/backlog/actions");

let org: Awaited<ReturnType<typeof makeTwoTeamOrg>>;
beforeAll(async () => {
  org = await makeTwoTeamOrg();
  for (let i = 0; i < 6; i++) await makeItem({ level: "STORY", teamId: org.teamA.id, parentId: org.feature.id, rank: `m${i + 1}` });
});

const ranked = (teamId: number) =>
  getDb().backlogItem.findMany({ where: { teamId }, orderBy: [{ rank: "asc" }], select: { id: true, rank: true } });

/**
 * Against the real database: batches of re-ranks (and new items entering at the bottom) sent at once, as two
 * product owners' browsers would, never leave two items on one rank, never lose an item, and keep keys bounded.
 */
describe("concurrent re-ranks against the database (property)", () => {
  it("keep a strict total order with every item present", async () => {
    signInAs(org.poA.user.id);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({ kind: fc.constant("move" as const), item: fc.nat(), after: fc.option(fc.nat(), { nil: null }) }),
            fc.record({ kind: fc.constant("create" as const) }),
          ),
          { minLength: 2, maxLength: 12 },
        ),
        async (batch) => {
          const before = await ranked(org.teamA.id);
          const ids = before.map((r) => r.id);
          const results = await Promise.all(
            batch.map((op) => {
              if (op.kind === "create") {
                return createItemAction({ teamId: org.teamA.id, level: "STORY", parentId: org.feature.id, title: "Concurrent new story" });
              }
              const itemId = ids[op.item % ids.length]!;
              const others = ids.filter((id) => id !== itemId);
              const afterId = op.after === null ? null : others[op.after % others.length]!;
              return moveItemAction({ itemId, afterId });
            }),
          );
          expect(results.filter((r) => !r.ok)).toEqual([]);
          const after = await ranked(org.teamA.id);
          const created = batch.filter((op) => op.kind === "create").length;
          expect(after).toHaveLength(before.length + created);
          for (const id of ids) expect(after.some((r) => r.id === id)).toBe(true);
          expect(new Set(after.map((r) => r.rank)).size).toBe(after.length);
          for (let i = 1; i < after.length; i++) expect(after[i - 1]!.rank < after[i]!.rank).toBe(true);
          expect(after.every((r) => isValidRank(r.rank) && r.rank.length <= MAX_RANK_LENGTH)).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  });
});
