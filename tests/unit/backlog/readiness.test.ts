import { describe, expect, it } from "vitest";
import { describeMissing, missingForReady, readinessChecklist } from "@/lib/backlog/readiness";

const ready = { ownerPersonId: 4, acceptanceCriteria: "Given … then …", estimate: 3, briefUrl: null };

describe("Definition of Ready", () => {
  it("needs an owner, acceptance criteria and an estimate", () => {
    expect(missingForReady(ready, { requiresBriefLink: false })).toEqual([]);
    expect(missingForReady({ ownerPersonId: null, acceptanceCriteria: "  ", estimate: null, briefUrl: null }, { requiresBriefLink: false })).toEqual([
      "owner",
      "acceptanceCriteria",
      "estimate",
    ]);
  });

  it("counts a zero-point estimate as estimated", () => {
    expect(missingForReady({ ...ready, estimate: 0 }, { requiresBriefLink: false })).toEqual([]);
  });

  it("asks for a brief link only where the team requires one", () => {
    expect(readinessChecklist(ready, { requiresBriefLink: false }).map((c) => c.field)).not.toContain("briefLink");
    expect(missingForReady(ready, { requiresBriefLink: true })).toEqual(["briefLink"]);
    expect(missingForReady({ ...ready, briefUrl: "https://docs.example/brief" }, { requiresBriefLink: true })).toEqual([]);
  });

  it("names what is missing in one phrase", () => {
    expect(describeMissing(["owner"])).toBe("an owner");
    expect(describeMissing(["owner", "estimate"])).toBe("an owner and an estimate");
    expect(describeMissing(["owner", "acceptanceCriteria", "briefLink"])).toBe("an owner, acceptance criteria and a brief link");
  });
});
