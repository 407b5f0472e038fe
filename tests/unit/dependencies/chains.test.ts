import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseChains, isHeldUpBy, type WaitLink } from "@/lib/dependencies/chains";

const TEAMS = ["Acquisition", "Activation", "Retention", "Expansion", "Web", "Analytics", "Legal"];
let nextId = 1;
/** `from` waits on `to` (team indexes into TEAMS). */
function link(from: number, to: number, neededBy: string, extra: Partial<WaitLink> = {}): WaitLink {
  const id = nextId++;
  return {
    id,
    key: `DEP-${id}`,
    fromTeamId: from,
    fromTeam: TEAMS[from]!,
    toTeamId: to,
    toTeam: TEAMS[to]!,
    fromItemId: null,
    toItemId: null,
    neededBy,
    proposedDate: null,
    status: "ACCEPTED",
    ...extra,
  };
}

const TODAY = "2026-11-23";

describe("chains of waiting", () => {
  it("follows A waits on B waits on C, and dates the finish by the last link", () => {
    const ab = link(0, 1, "2026-11-30");
    const bc = link(1, 2, "2026-12-04");
    const { longest, cycles } = analyseChains([ab, bc], TODAY);
    expect(cycles).toEqual([]);
    expect(longest?.links.map((l) => l.key)).toEqual([ab.key, bc.key]);
    expect(longest?.teams).toEqual(["Acquisition", "Activation", "Retention"]);
    // B cannot deliver before C does (4 Dec), which is after A needs it (30 Nov).
    expect(longest?.earliestFinish).toBe("2026-12-04");
    expect(longest?.late).toBe(true);
  });

  it("uses a proposed date and never dates a finish before today", () => {
    const ab = link(0, 1, "2026-12-10");
    const bc = link(1, 2, "2026-11-01", { proposedDate: "2026-12-01" });
    expect(analyseChains([ab, bc], TODAY).longest).toMatchObject({ earliestFinish: "2026-12-10", late: false });
    const overdue = link(1, 2, "2026-11-01");
    const head = link(0, 1, "2026-11-20");
    expect(analyseChains([head, overdue], TODAY).longest).toMatchObject({ earliestFinish: TODAY, late: true });
  });

  it("picks the longest chain and dates it by its own links", () => {
    const ab = link(0, 1, "2026-12-01");
    const bc = link(1, 2, "2026-12-02");
    const cd = link(2, 3, "2026-12-03");
    const be = link(1, 4, "2026-12-20"); // a shorter branch
    const { longest, chains } = analyseChains([ab, bc, cd, be], TODAY);
    expect(longest?.links.map((l) => l.id)).toEqual([ab.id, bc.id, cd.id]);
    expect(longest?.earliestFinish).toBe("2026-12-03");
    expect(chains).toHaveLength(1);
  });

  it("between chains of one length, shows the one that finishes last", () => {
    const ab = link(0, 1, "2026-12-01");
    const early = link(1, 2, "2026-12-02");
    const late = link(1, 3, "2026-12-09");
    expect(analyseChains([ab, early, late], TODAY).longest?.links.map((l) => l.id)).toEqual([ab.id, late.id]);
  });

  it("does not link dependencies about different items", () => {
    const ab = link(0, 1, "2026-12-01", { toItemId: 10 });
    const bcOther = link(1, 2, "2026-12-05", { fromItemId: 11 });
    const bcSame = link(1, 3, "2026-12-06", { fromItemId: 10 });
    expect(isHeldUpBy(ab, bcOther)).toBe(false);
    expect(isHeldUpBy(ab, bcSame)).toBe(true);
    expect(analyseChains([ab, bcOther, bcSame], TODAY).longest?.links.map((l) => l.id)).toEqual([ab.id, bcSame.id]);
  });

  it("ignores resolved and cancelled dependencies", () => {
    const ab = link(0, 1, "2026-12-01");
    const bc = link(1, 2, "2026-12-05", { status: "RESOLVED" });
    expect(analyseChains([ab, bc], TODAY)).toEqual({ longest: null, chains: [], cycles: [] });
  });
});

describe("cycles", () => {
  it("finds A waits on B waits on C waits on A, and keeps it out of the chains", () => {
    const ab = link(0, 1, "2026-12-01");
    const bc = link(1, 2, "2026-12-02");
    const ca = link(2, 0, "2026-12-03");
    const da = link(3, 0, "2026-12-04"); // waits on the cycle, but is not on it
    const { cycles, longest } = analyseChains([ab, bc, ca, da], TODAY);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.teams).toEqual(["Acquisition", "Activation", "Retention", "Acquisition"]);
    expect(cycles[0]!.links.map((l) => l.id)).toEqual([ab.id, bc.id, ca.id]);
    expect(longest).toBeNull();
  });

  it("finds a two-team cycle", () => {
    const ab = link(0, 1, "2026-12-01");
    const ba = link(1, 0, "2026-12-02");
    expect(analyseChains([ab, ba], TODAY).cycles.map((c) => c.links.length)).toEqual([2]);
  });

  it("on random graphs: every reported cycle is closed, every chain is a path of real links, never both", () => {
    const arbLinks = fc.array(
      fc.record({
        from: fc.integer({ min: 0, max: 5 }),
        to: fc.integer({ min: 0, max: 5 }),
        day: fc.integer({ min: 1, max: 28 }),
        status: fc.constantFrom("OPEN", "ACCEPTED", "IN_PROGRESS", "BLOCKED", "RESOLVED") as fc.Arbitrary<WaitLink["status"]>,
      }),
      { maxLength: 14 },
    );
    fc.assert(
      fc.property(arbLinks, (defs) => {
        const links = defs.filter((d) => d.from !== d.to).map((d) => link(d.from, d.to, `2026-12-${String(d.day).padStart(2, "0")}`, { status: d.status }));
        const { cycles, chains, longest } = analyseChains(links, TODAY);
        const onCycle = new Set(cycles.flatMap((c) => c.links.map((l) => l.id)));
        for (const cycle of cycles) {
          cycle.links.forEach((l, i) => expect(isHeldUpBy(l, cycle.links[(i + 1) % cycle.links.length]!)).toBe(true));
        }
        for (const chain of chains) {
          expect(chain.links.length).toBeGreaterThanOrEqual(2);
          chain.links.slice(1).forEach((l, i) => expect(isHeldUpBy(chain.links[i]!, l)).toBe(true));
          expect(new Set(chain.links.map((l) => l.id)).size).toBe(chain.links.length);
          for (const l of chain.links) expect(l.status).not.toBe("RESOLVED");
          expect(chain.earliestFinish >= TODAY).toBe(true);
          for (const l of chain.links) expect(chain.earliestFinish >= (l.proposedDate ?? l.neededBy)).toBe(true);
          for (const l of chain.links) expect(onCycle.has(l.id)).toBe(false);
        }
        if (longest) for (const chain of chains) expect(chain.links.length).toBeLessThanOrEqual(longest.links.length);
      }),
      { numRuns: 300 },
    );
  });
});
