import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_RANK_LENGTH, isValidRank, keyBetween, keysAfter, spacedKeys } from "@/lib/backlog/rank";

describe("keyBetween", () => {
  it("makes a key strictly between two keys, or beyond an open end", () => {
    expect(keyBetween(null, null)).toBe("i");
    const k = keyBetween("a", "b");
    expect(k > "a" && k < "b").toBe(true);
    expect(keyBetween("z", null) > "z").toBe(true);
    expect(keyBetween(null, "1") < "1").toBe(true);
  });

  it("refuses keys out of order or malformed", () => {
    expect(() => keyBetween("b", "a")).toThrow(/out of order/);
    expect(() => keyBetween("a", "a")).toThrow(/out of order/);
    expect(() => keyBetween("a0", null)).toThrow(/invalid/);
    expect(() => keyBetween("A", null)).toThrow(/invalid/);
  });

  it("keeps a strict total order under random inserts and moves (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ op: fc.constantFrom("insert", "move"), at: fc.nat(), from: fc.nat() }), { maxLength: 300 }),
        (ops) => {
          let keys: string[] = [];
          for (const { op, at, from } of ops) {
            if (op === "move" && keys.length > 1) keys.splice(from % keys.length, 1);
            const i = keys.length ? at % (keys.length + 1) : 0;
            let key = keyBetween(keys[i - 1] ?? null, keys[i] ?? null);
            keys.splice(i, 0, key);
            if (key.length > MAX_RANK_LENGTH) {
              keys = spacedKeys(keys.length); // what the mutation does: rebalance the rank space
              key = keys[i]!;
            }
            expect(isValidRank(key)).toBe(true);
          }
          for (let j = 1; j < keys.length; j++) expect(keys[j - 1]! < keys[j]!).toBe(true);
          expect(new Set(keys).size).toBe(keys.length);
          expect(keys.every((k) => k.length <= MAX_RANK_LENGTH)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("grows keys slowly even at the worst spot (always inserting at the top)", () => {
    let first: string | null = null;
    for (let i = 0; i < 100; i++) first = keyBetween(null, first);
    expect(first!.length).toBeLessThanOrEqual(MAX_RANK_LENGTH);
  });
});

describe("spacedKeys", () => {
  it.each([1, 2, 35, 36, 1000, 50_000])("gives %i valid, increasing keys of one width", (n) => {
    const keys = spacedKeys(n);
    expect(keys).toHaveLength(n);
    const width = keys[0]!.length;
    // One assertion over the whole list (thousands of expect() calls are slow on a loaded machine).
    const bad = keys.filter((k, j) => !isValidRank(k) || k.length !== width || (j > 0 && !(keys[j - 1]! < k)));
    expect(bad).toEqual([]);
    // Room is left on both sides and between neighbours.
    expect(keyBetween(null, keys[0]!) < keys[0]!).toBe(true);
    expect(keyBetween(keys[n - 1]!, null) > keys[n - 1]!).toBe(true);
  });
});

describe("keysAfter", () => {
  it("gives a batch of increasing keys below the last one, in a few characters (property)", () => {
    fc.assert(
      fc.property(fc.option(fc.stringMatching(/^[0-9a-z]{0,10}[1-9a-z]$/), { nil: null }), fc.integer({ min: 1, max: 3000 }), (last, count) => {
        const keys = keysAfter(last, count);
        // One assertion per batch (thousands of expect calls are slow on a loaded machine).
        const ordered = keys.every((k, j) => isValidRank(k) && (j === 0 ? last === null || k > last : keys[j - 1]! < k));
        expect({ count: keys.length, ordered }).toEqual({ count, ordered: true });
        expect(keys[count - 1]!.length).toBeLessThanOrEqual((last?.length ?? 0) + 4);
      }),
      { numRuns: 60 },
    );
  });
});
