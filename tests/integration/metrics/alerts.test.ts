import { beforeAll, describe, expect, it } from "vitest";
import { getDashboardAlerts } from "@/lib/dashboard/alerts/queries";
import type { AlertKind } from "@/lib/dashboard/alerts/kinds";
import { getDb } from "@/lib/db/client";
import { takeRankSnapshot } from "@/lib/metrics/mutations";
import { makeItem, makeMembership, makePerson, makeTeam, unique } from "@/tests/support/factories";
import { PORTFOLIO, teamScope } from "./fixtures";

/*
 * The dashboard's alerts, one small case per kind, all relative to the real clock (alerts are about now).
 * Team A is a pod with a WIP limit of 2, a complete set of roles except messaging, and trouble of every kind;
 * team B is a quiet, complete pod.
 */
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const dateOnly = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

let a: { id: number };
let b: { id: number };
let keys: Record<string, string>;

beforeAll(async () => {
  const db = getDb();
  a = await makeTeam({ wipLimit: 2 });
  b = await makeTeam();
  const service = await makeTeam({ kind: "SHARED_SERVICE" });
  const person = await makePerson();

  // A: product owner, designer, paid media, SEO/analytics (no content strategist) — 4 delivery members.
  for (const role of ["PRODUCT_OWNER", "DESIGNER", "PAID_MEDIA", "SEO_ANALYTICS"] as const) {
    await makeMembership({ teamId: a.id, personId: (await makePerson()).id, role });
  }
  // B: complete, 5 delivery members; one of them also a designer in A (double-booked).
  const shared = await makePerson({ name: unique("Shared person") });
  for (const role of ["PRODUCT_OWNER", "CONTENT_STRATEGIST", "PAID_MEDIA", "SEO_ANALYTICS"] as const) {
    await makeMembership({ teamId: b.id, personId: (await makePerson()).id, role });
  }
  await makeMembership({ teamId: b.id, personId: shared.id, role: "DESIGNER", allocationPct: 50 });
  await makeMembership({ teamId: a.id, personId: shared.id, role: "VIDEO_CREATIVE", allocationPct: 50 });

  // WIP: three items in progress against a limit of 2; one of them untouched for 30 days (stalled).
  const stalled = await makeItem({ level: "STORY", teamId: a.id, status: "IN_PROGRESS", estimate: 3, createdAt: daysAgo(40) });
  await db.statusChange.create({ data: { itemId: stalled.id, fromStatus: "READY", toStatus: "IN_PROGRESS", changedAt: daysAgo(30) } });
  const fresh = await makeItem({ level: "STORY", teamId: a.id, status: "IN_PROGRESS", estimate: 3 });
  await db.statusChange.create({ data: { itemId: fresh.id, fromStatus: "READY", toStatus: "IN_PROGRESS", changedAt: new Date() } });
  await makeItem({ level: "STORY", teamId: a.id, status: "IN_REVIEW", estimate: 3 });

  // An overdue dependency of A on B, and one not due yet.
  const dependency = (neededBy: Date) =>
    db.dependency.create({
      data: { key: unique("DEP"), fromTeamId: a.id, toTeamId: b.id, type: "DATA_NEED", fromOwnerId: person.id, toOwnerId: person.id, loggedById: person.id, neededBy },
    });
  const overdue = await dependency(dateOnly(daysAgo(3)));
  await dependency(dateOnly(daysAgo(-30)));

  // Requests of A: one breached, one at risk (1 h of a 10 h turnaround left), one comfortably on track.
  const sla = await db.serviceLevelAgreement.create({
    data: { teamId: service.id, requestType: "Review", requestDays: [1, 2, 3, 4, 5], turnaround: 10, turnaroundUnit: "BUSINESS_HOURS", intakeMethod: "TICKET" },
  });
  const request = (title: string, start: Date, due: Date) =>
    db.serviceRequest.create({
      data: { key: unique("REQ"), slaId: sla.id, requestingTeamId: a.id, requesterId: person.id, title, submittedAt: start, clockStartsAt: start, dueAt: due },
    });
  await request("Breached one", daysAgo(3), daysAgo(1));
  // At risk: ten days of turnaround (several working days) with at most an hour of it left, whatever today is.
  await request("At-risk one", daysAgo(10), new Date(Date.now() + 3_600_000));
  await request("On-track one", new Date(), daysAgo(-30));

  // A's and B's campaigns overlap next week and share a segment; B's other campaign has ended.
  const campaign = (teamId: number, start: number, end: number, segments: string[]) =>
    makeItem({ level: "FEATURE", teamId, status: "READY", launchStart: dateOnly(daysAgo(-start)), launchEnd: dateOnly(daysAgo(-end)), audienceSegments: segments });
  const ca = await campaign(a.id, 5, 15, ["SMB", "Trial users"]);
  const cb = await campaign(b.id, 10, 20, ["Trial users"]);
  await campaign(b.id, -20, -10, ["SMB"]);

  // A's running sprint holds 13 points against the capacity of 10 fixed at its start.
  const sprint = await db.sprint.create({
    data: { teamId: a.id, number: 9, startDate: dateOnly(daysAgo(3)), endDate: dateOnly(daysAgo(-10)), capacityPoints: 10, status: "ACTIVE" },
  });
  for (const estimate of [8, 5]) {
    const item = await makeItem({ level: "STORY", teamId: a.id, status: "READY", estimate });
    await db.sprintItem.create({ data: { sprintId: sprint.id, itemId: item.id, committed: false } });
  }
  keys = { stalled: stalled.key, overdue: overdue.key, ca: ca.key, cb: cb.key, shared: shared.name };
});

describe("dashboard alerts", () => {
  it("finds one of each kind for team A, each linking to where it is fixed", async () => {
    const alerts = await getDashboardAlerts(teamScope(a.id));
    const kinds = (k: AlertKind) => alerts.filter((x) => x.kind === k);
    expect(kinds("WIP_OVER_LIMIT")).toEqual([expect.objectContaining({ severity: "critical", href: `/backlogs/${a.id}` })]);
    expect(kinds("STALLED_ITEM")).toHaveLength(1);
    expect(kinds("STALLED_ITEM")[0]!.title).toContain(keys.stalled!);
    expect(kinds("OVERDUE_DEPENDENCY")).toHaveLength(1);
    expect(kinds("OVERDUE_DEPENDENCY")[0]!.title).toContain(keys.overdue!);
    expect(kinds("SLA_BREACHED").map((x) => x.title)).toEqual([expect.stringContaining("Breached one")]);
    expect(kinds("SLA_AT_RISK").map((x) => x.title)).toEqual([expect.stringContaining("At-risk one")]);
    expect(kinds("CAMPAIGN_COLLISION")).toHaveLength(1);
    expect(kinds("CAMPAIGN_COLLISION")[0]!.title).toBe(`${keys.ca} and ${keys.cb} collide`);
    expect(kinds("CAMPAIGN_COLLISION")[0]!.detail).toContain("Trial users");
    expect(kinds("DOUBLE_BOOKED")).toHaveLength(1);
    expect(kinds("DOUBLE_BOOKED")[0]!.title).toContain(keys.shared!);
    // lib/teams' findings: messaging is not covered (and 5 delivery members is within 5–9).
    expect(kinds("INCOMPLETE_POD")).toEqual([
      expect.objectContaining({ href: `/teams/${a.id}`, detail: "Nobody in the pod can define messaging." }),
    ]);
    expect(kinds("SPRINT_OVER_CAPACITY")).toEqual([expect.objectContaining({ title: expect.stringContaining("13 of 10 points") })]);
  });

  it("gives a complete, quiet pod only what it shares with others", async () => {
    // B is the other side of the overdue dependency and the collision, and holds the double-booked person.
    const kinds = (await getDashboardAlerts(teamScope(b.id))).map((x) => x.kind).sort();
    expect(kinds).toEqual(["CAMPAIGN_COLLISION", "DOUBLE_BOOKED", "OVERDUE_DEPENDENCY"]);
  });

  it("covers everything in the portfolio", async () => {
    expect((await getDashboardAlerts(PORTFOLIO)).length).toBeGreaterThanOrEqual(9);
  });
});

describe("rank snapshots", () => {
  it("are taken once a day, whatever happens later that day", async () => {
    await makeItem({ level: "EPIC", rank: "a1" });
    await makeItem({ level: "EPIC", rank: "a2" });
    const first = await takeRankSnapshot(getDb());
    expect(first).toBeGreaterThanOrEqual(2);
    await makeItem({ level: "EPIC", rank: "a0" });
    expect(await takeRankSnapshot(getDb())).toBe(0);
    expect(await getDb().portfolioRankSnapshot.count()).toBe(first);
  });
});
