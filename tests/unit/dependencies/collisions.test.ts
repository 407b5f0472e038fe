import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collisionBetween, findCollisions, type CampaignItem } from "@/lib/dependencies/collisions";

let nextId = 1;
function item(teamId: number, launchStart: string, launchEnd: string, audienceSegments: string[], channel: string | null = null): CampaignItem {
  const id = nextId++;
  return { id, key: `FEAT-${id}`, title: `Campaign ${id}`, teamId, team: `Team ${teamId}`, launchStart, launchEnd, audienceSegments, channel };
}

describe("campaign collisions", () => {
  it("flags two teams' items whose windows overlap and share a segment", () => {
    const paid = item(1, "2026-12-01", "2026-12-26", ["SMB", "Trial users"], "Paid social");
    const nurture = item(2, "2026-12-08", "2027-01-06", ["trial users "], "E-mail");
    const [collision] = findCollisions([paid, nurture]);
    expect(collision).toMatchObject({ overlapStart: "2026-12-08", overlapEnd: "2026-12-26", sharedSegments: ["Trial users"], sharedChannel: null });
    expect(collision?.a.id).toBe(paid.id);
  });

  it("flags a shared channel even without a shared segment", () => {
    const a = item(1, "2026-12-01", "2026-12-10", ["SMB"], "Paid social");
    const b = item(2, "2026-12-10", "2026-12-20", ["Enterprise"], "paid social");
    expect(findCollisions([a, b])[0]).toMatchObject({ sharedSegments: [], sharedChannel: "Paid social", overlapStart: "2026-12-10", overlapEnd: "2026-12-10" });
  });

  it("ignores windows that only touch end to start a day apart, one team's own items, and disjoint audiences", () => {
    const a = item(1, "2026-12-01", "2026-12-09", ["SMB"]);
    expect(findCollisions([a, item(2, "2026-12-10", "2026-12-20", ["SMB"])])).toEqual([]);
    expect(findCollisions([a, item(1, "2026-12-05", "2026-12-20", ["SMB"])])).toEqual([]);
    expect(findCollisions([a, item(2, "2026-12-05", "2026-12-20", ["Enterprise"], "E-mail")])).toEqual([]);
  });

  it("agrees with checking every pair, and is symmetric", () => {
    const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-12-${String(d).padStart(2, "0")}`);
    const arbItem = fc
      .record({
        team: fc.integer({ min: 1, max: 3 }),
        a: day,
        b: day,
        segments: fc.subarray(["SMB", "Enterprise", "Trial users", "Churn risk"]),
        channel: fc.option(fc.constantFrom("E-mail", "Paid social", "Webinar"), { nil: null }),
      })
      .map((r) => item(r.team, r.a < r.b ? r.a : r.b, r.a < r.b ? r.b : r.a, r.segments, r.channel));
    fc.assert(
      fc.property(fc.array(arbItem, { maxLength: 12 }), (items) => {
        const found = new Set(findCollisions(items).map((c) => `${c.a.id}-${c.b.id}`));
        const brute = new Set<string>();
        for (const x of items) for (const y of items) {
          if (x.id < y.id && collisionBetween(x, y)) brute.add(`${x.id}-${y.id}`);
          expect(collisionBetween(x, y) === null).toBe(collisionBetween(y, x) === null);
        }
        expect(found).toEqual(brute);
      }),
    );
  });
});
