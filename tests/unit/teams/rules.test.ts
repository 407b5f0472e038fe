import { describe, expect, it } from "vitest";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import {
  allocationProblem,
  CAPABILITIES,
  deliveryPodConflict,
  freeAllocation,
  isDeliveryRole,
  MEMBER_ROLES,
  missingCapabilities,
  needsProductOwnerReplacement,
  productOwnerQuestion,
  teamFindings,
  type HeldMembership,
} from "@/lib/teams/rules";

const pod = (teamId: number, teamName: string, role: MemberRole, allocationPct = 50): HeldMembership => ({
  teamId,
  teamName,
  teamKind: "DELIVERY_POD",
  role,
  allocationPct,
});
const service = (teamId: number, teamName: string, role: MemberRole, allocationPct = 50): HeldMembership => ({
  teamId,
  teamName,
  teamKind: "SHARED_SERVICE",
  role,
  allocationPct,
});

const ACQUISITION = { id: 1, kind: "DELIVERY_POD" as const };
const BRAND_SERVICE = { id: 9, kind: "SHARED_SERVICE" as const };

describe("rule 1: a person delivers in one delivery pod only", () => {
  it("refuses a delivery role in a second pod, naming the other pod and the role held there", () => {
    const message = deliveryPodConflict("Chloe Martin", "DESIGNER", ACQUISITION, [pod(3, "Retention", "DESIGNER")]);
    expect(message).toBe("Chloe Martin is already a Designer in the Retention pod; a person delivers in one pod only. Oversight roles are exempt.");
  });

  it("refuses whatever the two delivery roles are", () => {
    expect(deliveryPodConflict("Ravi Patel", "PRODUCT_OWNER", ACQUISITION, [pod(3, "Retention", "SEO_ANALYTICS")])).toMatch(
      /^Ravi Patel is already an SEO & Analytics Specialist in the Retention pod/,
    );
  });

  it("names every other pod when the person is already in several", () => {
    const message = deliveryPodConflict("Chloe Martin", "DESIGNER", { id: 7, kind: "DELIVERY_POD" }, [
      pod(1, "Acquisition", "DESIGNER"),
      pod(5, "Brand & Content", "DESIGNER"),
    ]);
    expect(message).toContain("a Designer in the Acquisition and Brand & Content pods");
  });

  it("exempts oversight: giving an oversight role is fine even for someone delivering in another pod", () => {
    expect(deliveryPodConflict("Marcus Adeyemi", "OVERSIGHT", ACQUISITION, [pod(3, "Retention", "DESIGNER")])).toBeNull();
  });

  it("exempts oversight: oversight held elsewhere does not block a delivery role", () => {
    expect(
      deliveryPodConflict("Sophie Lindqvist", "CONTENT_STRATEGIST", ACQUISITION, [pod(3, "Retention", "OVERSIGHT"), pod(4, "Expansion", "OVERSIGHT")]),
    ).toBeNull();
  });

  it("does not count shared services as pods, on either side", () => {
    expect(deliveryPodConflict("Arjun Mehta", "DESIGNER", ACQUISITION, [service(9, "Brand", "DESIGNER")])).toBeNull();
    expect(deliveryPodConflict("Chloe Martin", "DESIGNER", BRAND_SERVICE, [pod(1, "Acquisition", "DESIGNER")])).toBeNull();
  });

  it("ignores the person's own membership of the target team (a role change in the same pod)", () => {
    expect(deliveryPodConflict("Chloe Martin", "VIDEO_CREATIVE", ACQUISITION, [pod(1, "Acquisition", "DESIGNER")])).toBeNull();
  });

  it("treats every role but oversight as a delivery role", () => {
    expect(MEMBER_ROLES.filter((r) => !isDeliveryRole(r))).toEqual(["OVERSIGHT"]);
  });
});

describe("allocation across a person's memberships", () => {
  it("allows exactly 100%", () => {
    expect(allocationProblem("Chloe Martin", [{ teamName: "Acquisition", allocationPct: 60 }, { teamName: "Brand", allocationPct: 40 }])).toBeNull();
  });

  it("refuses 101%, naming the total and the teams", () => {
    const message = allocationProblem("Chloe Martin", [
      { teamName: "Acquisition", allocationPct: 60 },
      { teamName: "Brand", allocationPct: 41 },
    ]);
    expect(message).toBe("That would allocate Chloe Martin 101% (Acquisition 60% and Brand 41%); nobody can be allocated more than 100%.");
  });

  it("refuses well over 100 across three teams and lists them all", () => {
    const message = allocationProblem("Marcus Adeyemi", [
      { teamName: "Acquisition", allocationPct: 10 },
      { teamName: "Retention", allocationPct: 80 },
      { teamName: "Legal", allocationPct: 20 },
    ]);
    expect(message).toContain("110%");
    expect(message).toContain("Retention 80%, Legal 20% and Acquisition 10%");
  });

  it("reports what is still free", () => {
    expect(freeAllocation([{ allocationPct: 60 }])).toBe(40);
    expect(freeAllocation([{ allocationPct: 60 }, { allocationPct: 50 }])).toBe(0);
  });
});

describe("rule 2: exactly one product owner", () => {
  it("asks to replace the current owner when someone else is made product owner", () => {
    expect(needsProductOwnerReplacement("PRODUCT_OWNER", 2, { personId: 1 })).toBe(true);
    expect(productOwnerQuestion("Daniel Okafor")).toBe("Daniel Okafor is the product owner; replace them?");
  });

  it("does not ask when there is none, when it is the same person, or for another role", () => {
    expect(needsProductOwnerReplacement("PRODUCT_OWNER", 2, null)).toBe(false);
    expect(needsProductOwnerReplacement("PRODUCT_OWNER", 1, { personId: 1 })).toBe(false);
    expect(needsProductOwnerReplacement("DESIGNER", 2, { personId: 1 })).toBe(false);
  });

  it("shows a team without a product owner as a finding", () => {
    const findings = teamFindings({ kind: "SHARED_SERVICE", deliveryMemberCount: 3, roles: ["LEGAL_COUNSEL", "LEGAL_COUNSEL", "AGILE_LEAD"] });
    expect(findings.map((f) => f.kind)).toEqual(["NO_PRODUCT_OWNER"]);
  });
});

/** A complete pod of `n` delivery members (PO, strategist, designer, paid media, analyst, then agile leads). */
function completePod(n: number): MemberRole[] {
  const core: MemberRole[] = ["PRODUCT_OWNER", "CONTENT_STRATEGIST", "DESIGNER", "PAID_MEDIA", "SEO_ANALYTICS"];
  const roles = core.slice(0, Math.min(n, core.length));
  while (roles.length < n) roles.push("AGILE_LEAD");
  return roles;
}

describe("rule 3: pod size 5–9 is a warning", () => {
  const sizeFinding = (n: number) =>
    teamFindings({ kind: "DELIVERY_POD", deliveryMemberCount: n, roles: [...completePod(n), "OVERSIGHT", "OVERSIGHT"] }).find((f) => f.kind === "POD_SIZE");

  it.each([
    [4, "Too small"],
    [10, "Too large"],
  ])("warns at %i delivery members", (n, title) => {
    expect(sizeFinding(n)).toMatchObject({ title, detail: `${n} delivery members; pods work best with 5–9.` });
  });

  it.each([5, 9])("is quiet at %i delivery members", (n) => {
    expect(sizeFinding(n)).toBeUndefined();
  });

  it("does not apply to shared services", () => {
    expect(teamFindings({ kind: "SHARED_SERVICE", deliveryMemberCount: 2, roles: ["PRODUCT_OWNER", "WEB_DEVELOPER"] })).toEqual([]);
  });
});

describe("rule 4: capability coverage of a delivery pod", () => {
  const full: MemberRole[] = ["PRODUCT_OWNER", "CONTENT_STRATEGIST", "DESIGNER", "PAID_MEDIA", "REVOPS_ATTRIBUTION"];

  it("finds nothing missing in a pod that can ship a campaign alone", () => {
    expect(missingCapabilities(full)).toEqual([]);
  });

  it.each([
    ["CONTENT_STRATEGIST", "MESSAGING", "define messaging"],
    ["DESIGNER", "VISUAL_ASSETS", "produce visual assets"],
    ["PAID_MEDIA", "CHANNELS", "manage channels"],
    ["REVOPS_ATTRIBUTION", "PERFORMANCE", "monitor performance"],
    ["PRODUCT_OWNER", "BACKLOG", "own the backlog"],
  ] as const)("without %s the pod cannot %s, and the finding names it", (role, capability, label) => {
    const roles = full.filter((r) => r !== role);
    expect(missingCapabilities(roles)).toEqual([capability]);
    const finding = teamFindings({ kind: "DELIVERY_POD", deliveryMemberCount: 5, roles: [...roles, "AGILE_LEAD"] }).find((f) => f.kind === "INCOMPLETE_TEAM");
    expect(finding?.title).toBe("Incomplete team");
    expect(finding?.detail).toBe(`Nobody in the pod can ${label}.`);
  });

  it("accepts any of the roles listed for a capability", () => {
    expect(missingCapabilities(["PRODUCT_OWNER", "CONTENT_STRATEGIST", "VIDEO_CREATIVE", "CRM_LIFECYCLE", "SEO_ANALYTICS"])).toEqual([]);
    // SEO/analytics manages a channel (organic search) and monitors performance.
    expect(missingCapabilities(["PRODUCT_OWNER", "CONTENT_STRATEGIST", "DESIGNER", "SEO_ANALYTICS"])).toEqual([]);
    for (const c of CAPABILITIES) expect(c.roles.length).toBeGreaterThan(0);
  });

  it("names several missing capabilities in one sentence", () => {
    const finding = teamFindings({ kind: "DELIVERY_POD", deliveryMemberCount: 5, roles: ["PRODUCT_OWNER", "AGILE_LEAD", "CRM_LIFECYCLE", "CUSTOMER_SUCCESS_LIAISON", "AGILE_LEAD"] }).find(
      (f) => f.kind === "INCOMPLETE_TEAM",
    );
    expect(finding?.detail).toBe("Nobody in the pod can define messaging, produce visual assets and monitor performance.");
  });

  it("does not let oversight cover a capability", () => {
    expect(missingCapabilities(["OVERSIGHT"])).toEqual(["MESSAGING", "VISUAL_ASSETS", "CHANNELS", "PERFORMANCE", "BACKLOG"]);
  });

  it("does not apply to shared services", () => {
    expect(teamFindings({ kind: "SHARED_SERVICE", deliveryMemberCount: 4, roles: ["PRODUCT_OWNER", "LEGAL_COUNSEL"] })).toEqual([]);
  });
});

describe("the demo's known violations read as findings", () => {
  it("Expansion: four delivery members and no one to define messaging", () => {
    const findings = teamFindings({
      kind: "DELIVERY_POD",
      deliveryMemberCount: 4,
      roles: ["PRODUCT_OWNER", "CRM_LIFECYCLE", "DESIGNER", "REVOPS_ATTRIBUTION", "OVERSIGHT", "OVERSIGHT"],
    });
    expect(findings.map((f) => f.detail)).toEqual([
      "Nobody in the pod can define messaging.",
      "4 delivery members; pods work best with 5–9.",
    ]);
  });

  it("a double-booked member is named with the other pod", () => {
    const findings = teamFindings({ kind: "DELIVERY_POD", deliveryMemberCount: 7, roles: completePod(7), doubleBooked: [{ name: "Chloe Martin", otherPods: ["Brand & Content"] }] });
    expect(findings).toEqual([{ kind: "DOUBLE_BOOKED", title: "Double-booked", detail: "Chloe Martin also delivers in the Brand & Content pod." }]);
  });
});
