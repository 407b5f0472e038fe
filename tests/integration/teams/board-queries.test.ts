import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { countDoubleBookedPeople, getPersonProfile, listPeople } from "@/lib/people/queries";
import { getOrgChart, getTeamDetail, listTeams } from "@/lib/teams/queries";
import { getValueStreamCoverage, listValueStreams } from "@/lib/value-streams/queries";
import { seedDemoData } from "@/prisma/seed/demo";

/*
 * The board's reads against the demo organisation, whose known violations they must surface: Expansion has
 * four delivery members and nobody for messaging, Retention has no designer, Chloe Martin designs in two pods
 * (60% + 40%), and EMEA Launch has no pod. The findings come from SQL aggregates, so this is where they are
 * checked end to end.
 */
beforeAll(async () => {
  await seedDemoData(getDb(), { today: new Date(Date.UTC(2026, 3, 8)) });
}, 300_000);

const byName = async () => new Map((await listTeams()).map((t) => [t.name, t]));
const details = (findings: { detail: string }[]) => findings.map((f) => f.detail);

describe("the teams board", () => {
  it("lists every team with its leads, delivery size, cadence and WIP limit", async () => {
    const teams = await byName();
    expect(teams.size).toBe(9);
    expect(teams.get("Acquisition")).toMatchObject({
      kind: "DELIVERY_POD",
      shape: "CROSS_FUNCTIONAL",
      valueStream: "Acquisition",
      productOwner: "Daniel Okafor",
      agileLead: "Hannah Brooks",
      deliveryMemberCount: 8,
      cadenceDays: 10,
      wipLimit: 5,
    });
    expect(teams.get("Legal")).toMatchObject({ kind: "SHARED_SERVICE", valueStream: null, productOwner: "Catherine Moore", agileLead: null });
  });

  it("shows the demo's structural problems as findings, naming what is wrong", async () => {
    const teams = await byName();
    expect(details(teams.get("Expansion")!.findings)).toEqual([
      "Nobody in the pod can define messaging.",
      "4 delivery members; pods work best with 5–9.",
    ]);
    expect(details(teams.get("Retention")!.findings)).toEqual(["Nobody in the pod can produce visual assets."]);
    expect(details(teams.get("Acquisition")!.findings)).toEqual(["Chloe Martin also delivers in the Brand & Content pod."]);
    expect(details(teams.get("Brand & Content")!.findings)).toEqual(["Chloe Martin also delivers in the Acquisition pod."]);
    expect(teams.get("Activation")!.findings).toEqual([]);
    // Shared services are not pods: no size, capability or double-booking findings.
    for (const service of ["Legal", "Brand", "Analytics", "Web"]) expect(teams.get(service)!.findings).toEqual([]);
  });

  it("gives the same findings, KPIs and editable versions on a team's page", async () => {
    const expansion = (await byName()).get("Expansion")!;
    const detail = (await getTeamDetail(expansion.id))!;
    expect(detail.findings).toEqual(expansion.findings);
    expect(detail.version).toBeGreaterThan(0);
    expect(detail.members.every((m) => m.version > 0)).toBe(true);
    expect(detail.kpis.map((k) => k.name).length).toBeGreaterThan(0);
    expect(detail.decisionRights.find((d) => d.mode === "NEEDS_APPROVAL")).toMatchObject({ responseHours: expect.any(Number), escalationRoute: expect.any(String) });
  });
});

describe("value streams", () => {
  it("flags the stream without a delivery pod and computes coverage in SQL", async () => {
    const streams = await listValueStreams();
    expect(streams.filter((s) => !s.covered).map((s) => s.name)).toEqual(["EMEA Launch"]);
    expect(streams.find((s) => s.name === "Acquisition")).toMatchObject({ pods: [{ name: "Acquisition" }], deliveryPeople: 8 });
    expect(await getValueStreamCoverage()).toEqual({ streams: 6, covered: 5, coveragePct: 83 });
  });
});

describe("org chart and people", () => {
  it("draws streams → pods → people, services with SLAs, and the oversight layer apart", async () => {
    const chart = await getOrgChart();
    expect(chart.streams.map((s) => s.name)).toEqual(["Acquisition", "Activation", "Retention", "Expansion", "Brand Awareness", "EMEA Launch"]);
    expect(chart.streams.find((s) => s.name === "EMEA Launch")!.pods).toEqual([]);
    const acquisition = chart.streams[0]!.pods[0]!;
    expect(acquisition.members[0]).toMatchObject({ name: "Daniel Okafor", role: "PRODUCT_OWNER" });
    expect(acquisition.members.some((m) => m.role === "OVERSIGHT")).toBe(false);
    expect(chart.oversight.map((o) => [o.name, o.teamCount])).toEqual([
      ["Marcus Adeyemi", 5],
      ["Sophie Lindqvist", 4],
    ]);
    expect(chart.services.map((s) => [s.name, s.slas.length])).toEqual([
      ["Analytics", 3],
      ["Brand", 2],
      ["Legal", 3],
      ["Web", 3],
    ]);
  });

  it("lists every membership a person holds, with the double-booking named", async () => {
    const chloe = (await listPeople()).find((p) => p.name === "Chloe Martin")!;
    expect(chloe).toMatchObject({ allocatedPct: 100, deliveryPods: 2 });
    const profile = (await getPersonProfile(chloe.id))!;
    expect(profile.memberships.map((m) => [m.teamName, m.role, m.allocationPct])).toEqual([
      ["Acquisition", "DESIGNER", 60],
      ["Brand & Content", "DESIGNER", 40],
    ]);
    expect(profile.warnings).toEqual([
      "Chloe Martin is already a Designer in the Brand & Content pod; a person delivers in one pod only. Oversight roles are exempt.",
    ]);
    expect(await countDoubleBookedPeople()).toBe(1);
  });

  it("does not count oversight across pods as double-booking", async () => {
    const vp = (await listPeople()).find((p) => p.name === "Marcus Adeyemi")!;
    expect(vp.deliveryPods).toBe(0);
    expect((await getPersonProfile(vp.id))!.warnings).toEqual([]);
  });
});
