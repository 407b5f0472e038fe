import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import type { MemberRole } from "@/lib/generated/prisma/enums";
import { makeMembership, makePerson, makeTeam } from "@/tests/support/factories";
import { makeUser } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { addMemberAction, moveMemberAction, removeMemberAction, updateMemberAction } = await import("@/lib/teams/actions");

const db = () => getDb();

/** Everything a refused call must leave untouched: every membership and the audit trail. */
async function state() {
  const memberships = await db().membership.findMany({ orderBy: { id: "asc" }, select: { id: true, personId: true, teamId: true, role: true, allocationPct: true, version: true } });
  return { memberships, audit: await db().auditEvent.count() };
}

const named = (name: string) => makePerson({ name: `${name} ${Math.random().toString(36).slice(2, 7)}` });
const pod = (name: string) => makeTeam({ name: `${name} ${Math.random().toString(36).slice(2, 7)}`, kind: "DELIVERY_POD" });
const sharedService = (name: string) => makeTeam({ name: `${name} ${Math.random().toString(36).slice(2, 7)}`, kind: "SHARED_SERVICE", shape: "FUNCTIONAL" });

let leaderId: number;
beforeAll(async () => {
  leaderId = (await makeUser("LEADER")).user.id;
});

describe("one delivery pod per person, through the server actions", () => {
  it("refuses a designer already delivering in another pod, names that pod, and writes nothing", async () => {
    const retention = await pod("Retention");
    const acquisition = await pod("Acquisition");
    const chloe = await named("Chloe Martin");
    await makeMembership({ personId: chloe.id, teamId: retention.id, role: "DESIGNER", allocationPct: 40 });

    signInAs(leaderId);
    const before = await state();
    const result = await addMemberAction({ teamId: acquisition.id, personId: chloe.id, role: "DESIGNER", allocationPct: 40 });
    expect(result).toMatchObject({ ok: false, reason: "INVALID" });
    if (!result.ok) {
      expect(result.message).toBe(`${chloe.name} is already a Designer in the ${retention.name} pod; a person delivers in one pod only. Oversight roles are exempt.`);
      expect(result.fieldErrors?.role).toBeTruthy();
    }
    expect(await state()).toEqual(before);
  });

  it("lets the same person take an oversight role in another pod", async () => {
    const a = await pod("Activation");
    const b = await pod("Expansion");
    const vp = await named("Marcus Adeyemi");
    await makeMembership({ personId: vp.id, teamId: a.id, role: "CONTENT_STRATEGIST", allocationPct: 80 });
    signInAs(leaderId);
    expect(await addMemberAction({ teamId: b.id, personId: vp.id, role: "OVERSIGHT", allocationPct: 10 })).toMatchObject({ ok: true });
  });

  it("lets someone delivering in a pod also work in a shared service", async () => {
    const a = await pod("Acquisition");
    const brand = await sharedService("Brand");
    const person = await named("Arjun Mehta");
    await makeMembership({ personId: person.id, teamId: a.id, role: "DESIGNER", allocationPct: 50 });
    signInAs(leaderId);
    expect(await addMemberAction({ teamId: brand.id, personId: person.id, role: "DESIGNER", allocationPct: 50 })).toMatchObject({ ok: true });
  });

  it("refuses changing an oversight role into a delivery role when the person delivers elsewhere", async () => {
    const a = await pod("Retention");
    const b = await pod("Expansion");
    const person = await named("Sophie Lindqvist");
    await makeMembership({ personId: person.id, teamId: a.id, role: "PAID_MEDIA", allocationPct: 50 });
    const oversight = await makeMembership({ personId: person.id, teamId: b.id, role: "OVERSIGHT", allocationPct: 10 });
    signInAs(leaderId);
    const before = await state();
    const result = await updateMemberAction({ membershipId: oversight.id, version: oversight.version, role: "PAID_MEDIA", allocationPct: 10 });
    expect(result).toMatchObject({ ok: false, reason: "INVALID" });
    if (!result.ok) expect(result.message).toContain(`already a Paid Media Specialist in the ${a.name} pod`);
    expect(await state()).toEqual(before);
  });

  it("refuses moving a shared-service member into a pod when they already deliver in another pod", async () => {
    const a = await pod("Acquisition");
    const b = await pod("Brand & Content");
    const web = await sharedService("Web");
    const person = await named("Mei Tanaka");
    await makeMembership({ personId: person.id, teamId: a.id, role: "DESIGNER", allocationPct: 50 });
    const inWeb = await makeMembership({ personId: person.id, teamId: web.id, role: "WEB_DEVELOPER", allocationPct: 50 });
    signInAs(leaderId);
    const before = await state();
    const result = await moveMemberAction({ membershipId: inWeb.id, version: inWeb.version, toTeamId: b.id, role: "WEB_DEVELOPER", allocationPct: 50 });
    expect(result).toMatchObject({ ok: false, reason: "INVALID" });
    if (!result.ok) expect(result.message).toContain(`in the ${a.name} pod`);
    expect(await state()).toEqual(before);
  });

  it("moves a member from one pod to another (never in both at once)", async () => {
    const a = await pod("Activation");
    const b = await pod("Retention");
    const person = await named("Ben Harrington");
    const m = await makeMembership({ personId: person.id, teamId: a.id, role: "DESIGNER", allocationPct: 100 });
    signInAs(leaderId);
    const result = await moveMemberAction({ membershipId: m.id, version: m.version, toTeamId: b.id, role: "DESIGNER", allocationPct: 100 });
    expect(result).toMatchObject({ ok: true });
    const held = await db().membership.findMany({ where: { personId: person.id }, select: { teamId: true, role: true } });
    expect(held).toEqual([{ teamId: b.id, role: "DESIGNER" }]);
    const event = await db().auditEvent.findFirst({ where: { action: "team.member.moved", entityId: String(a.id) }, orderBy: { id: "desc" } });
    expect(event?.after).toMatchObject({ team: b.name, member: person.name });
  });

  it("holds under concurrency: two pods adding the same designer at once, only one succeeds", async () => {
    const pods = await Promise.all([pod("North"), pod("South"), pod("East"), pod("West")]);
    const person = await named("Callum Fraser");
    signInAs(leaderId);
    const results = await Promise.all(pods.map((p) => addMemberAction({ teamId: p.id, personId: person.id, role: "DESIGNER", allocationPct: 20 })));
    const winners = results.filter((r) => r.ok);
    const losers = results.filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(3);
    const held = await db().membership.findMany({ where: { personId: person.id }, select: { teamId: true } });
    expect(held).toHaveLength(1);
    const winnerPod = pods.find((p) => p.id === held[0]!.teamId)!;
    for (const loser of losers) {
      expect(loser).toMatchObject({ ok: false, reason: "INVALID" });
      if (!loser.ok) expect(loser.message).toContain(`a Designer in the ${winnerPod.name} pod`);
    }
  });
});

describe("exactly one product owner per team", () => {
  async function podWithOwner() {
    const team = await pod("Acquisition");
    const owner = await named("Daniel Okafor");
    const ownerMembership = await makeMembership({ personId: owner.id, teamId: team.id, role: "PRODUCT_OWNER", allocationPct: 100 });
    return { team, owner, ownerMembership };
  }

  it("asks before replacing the product owner, and writes nothing until confirmed", async () => {
    const { team, owner } = await podWithOwner();
    const newcomer = await named("Grace Whitaker");
    signInAs(leaderId);
    const before = await state();
    const asked = await addMemberAction({ teamId: team.id, personId: newcomer.id, role: "PRODUCT_OWNER", allocationPct: 100 });
    expect(asked).toMatchObject({ ok: false, reason: "CONFLICT", message: `${owner.name} is the product owner; replace them?` });
    if (!asked.ok) {
      expect(asked.fieldErrors?.replaceProductOwner).toBe(`${owner.name} is the product owner; replace them?`);
      expect(asked.conflict).toBeUndefined(); // not a version conflict: the form offers "Replace", not "Reload"
    }
    expect(await state()).toEqual(before);
  });

  it("replaces the product owner when confirmed: the former owner leaves the team in the same transaction", async () => {
    const { team, owner } = await podWithOwner();
    const newcomer = await named("Grace Whitaker");
    signInAs(leaderId);
    const audit = await db().auditEvent.count();
    const result = await addMemberAction({ teamId: team.id, personId: newcomer.id, role: "PRODUCT_OWNER", allocationPct: 100, replaceProductOwner: true });
    expect(result).toMatchObject({ ok: true });
    const owners = await db().membership.findMany({ where: { teamId: team.id, role: "PRODUCT_OWNER" }, select: { personId: true } });
    expect(owners).toEqual([{ personId: newcomer.id }]);
    expect(await db().membership.count({ where: { teamId: team.id, personId: owner.id } })).toBe(0);
    expect(await db().auditEvent.count()).toBe(audit + 1);
    const event = await db().auditEvent.findFirst({ where: { action: "team.member.added", entityId: String(team.id) }, orderBy: { id: "desc" } });
    expect(event?.after).toMatchObject({ member: newcomer.name, role: "PRODUCT_OWNER", replacedProductOwner: `${owner.name} (left the team)` });
  });

  it("asks the same when an existing member is promoted, and replaces on confirmation", async () => {
    const { team, owner } = await podWithOwner();
    const lead = await named("Hannah Brooks");
    const m = await makeMembership({ personId: lead.id, teamId: team.id, role: "AGILE_LEAD", allocationPct: 100 });
    signInAs(leaderId);
    const asked = await updateMemberAction({ membershipId: m.id, version: m.version, role: "PRODUCT_OWNER", allocationPct: 100 });
    expect(asked).toMatchObject({ ok: false, reason: "CONFLICT", message: `${owner.name} is the product owner; replace them?` });
    const done = await updateMemberAction({ membershipId: m.id, version: m.version, role: "PRODUCT_OWNER", allocationPct: 100, replaceProductOwner: true });
    expect(done).toMatchObject({ ok: true });
    const owners = await db().membership.findMany({ where: { teamId: team.id, role: "PRODUCT_OWNER" }, select: { personId: true } });
    expect(owners).toEqual([{ personId: lead.id }]);
  });

  it("keeps one product owner when two are assigned concurrently", async () => {
    const team = await pod("Activation");
    const people = await Promise.all([named("First"), named("Second"), named("Third")]);
    signInAs(leaderId);
    const results = await Promise.all(people.map((p) => addMemberAction({ teamId: team.id, personId: p.id, role: "PRODUCT_OWNER", allocationPct: 50 })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, reason: "CONFLICT" });
    expect(await db().membership.count({ where: { teamId: team.id, role: "PRODUCT_OWNER" } })).toBe(1);
  });

  it("lets the owner step down: a team without a product owner is a finding, not a refusal", async () => {
    const { ownerMembership } = await podWithOwner();
    signInAs(leaderId);
    expect(await removeMemberAction({ membershipId: ownerMembership.id, version: ownerMembership.version })).toMatchObject({ ok: true });
  });
});

describe("allocation across a person's teams", () => {
  async function personAt60() {
    const a = await pod("Acquisition");
    const b = await sharedService("Analytics");
    const person = await named("Leo Novak");
    await makeMembership({ personId: person.id, teamId: a.id, role: "REVOPS_ATTRIBUTION", allocationPct: 60 });
    return { a, b, person };
  }

  it("allows exactly 100%", async () => {
    const { b, person } = await personAt60();
    signInAs(leaderId);
    expect(await addMemberAction({ teamId: b.id, personId: person.id, role: "REVOPS_ATTRIBUTION", allocationPct: 40 })).toMatchObject({ ok: true });
  });

  it("refuses 101%, naming the total and the teams, and writes nothing", async () => {
    const { a, b, person } = await personAt60();
    signInAs(leaderId);
    const before = await state();
    const result = await addMemberAction({ teamId: b.id, personId: person.id, role: "REVOPS_ATTRIBUTION", allocationPct: 41 });
    expect(result).toMatchObject({ ok: false, reason: "INVALID" });
    if (!result.ok) {
      expect(result.message).toBe(`That would allocate ${person.name} 101% (${a.name} 60% and ${b.name} 41%); nobody can be allocated more than 100%.`);
      expect(result.fieldErrors?.allocationPct).toBeTruthy();
    }
    expect(await state()).toEqual(before);
  });

  it("checks a changed allocation against the person's other teams", async () => {
    const { b, person } = await personAt60();
    signInAs(leaderId);
    const added = await addMemberAction({ teamId: b.id, personId: person.id, role: "SEO_ANALYTICS", allocationPct: 30 });
    expect(added.ok).toBe(true);
    const m = (await db().membership.findFirst({ where: { personId: person.id, teamId: b.id } }))!;
    expect(await updateMemberAction({ membershipId: m.id, version: m.version, role: "SEO_ANALYTICS", allocationPct: 40 })).toMatchObject({ ok: true });
    const stale = await updateMemberAction({ membershipId: m.id, version: m.version, role: "SEO_ANALYTICS", allocationPct: 20 });
    expect(stale).toMatchObject({ ok: false, reason: "CONFLICT" });
    const fresh = (await db().membership.findUnique({ where: { id: m.id } }))!;
    expect(await updateMemberAction({ membershipId: m.id, version: fresh.version, role: "SEO_ANALYTICS", allocationPct: 41 })).toMatchObject({
      ok: false,
      reason: "INVALID",
    });
  });

  it("is also refused by the database outside 1–100 for one membership", async () => {
    const { b, person } = await personAt60();
    signInAs(leaderId);
    const result = await addMemberAction({ teamId: b.id, personId: person.id, role: "SEO_ANALYTICS" as MemberRole, allocationPct: 0 });
    expect(result).toMatchObject({ ok: false, reason: "INVALID", fieldErrors: { allocationPct: "At least 1%" } });
  });
});

describe("adding someone twice", () => {
  it("refuses a second membership of the same team", async () => {
    const a = await pod("Brand & Content");
    const person = await named("Theo Wright");
    await makeMembership({ personId: person.id, teamId: a.id, role: "DESIGNER", allocationPct: 50 });
    signInAs(leaderId);
    const result = await addMemberAction({ teamId: a.id, personId: person.id, role: "OVERSIGHT", allocationPct: 10 });
    expect(result).toMatchObject({ ok: false, reason: "INVALID" });
    if (!result.ok) expect(result.message).toContain(`already in ${a.name} as Designer`);
  });
});

describe("changing a team's kind", () => {
  it("refuses turning a shared service into a pod when a member already delivers in another pod", async () => {
    const { updateTeamAction } = await import("@/lib/teams/actions");
    const acquisition = await pod("Acquisition");
    const brand = await sharedService("Brand");
    const person = await named("Arjun Mehta");
    await makeMembership({ personId: person.id, teamId: acquisition.id, role: "DESIGNER", allocationPct: 50 });
    await makeMembership({ personId: person.id, teamId: brand.id, role: "DESIGNER", allocationPct: 50 });
    signInAs(leaderId);
    const input = {
      teamId: brand.id, version: brand.version, name: brand.name, kind: "DELIVERY_POD" as const, shape: brand.shape, mission: "",
      valueStreamId: null, cadenceDays: 10, cadenceAnchor: "2026-01-05", wipLimit: 6, requiresBriefLink: false,
    };
    const before = await db().team.findUnique({ where: { id: brand.id } });
    const result = await updateTeamAction(input);
    expect(result).toMatchObject({ ok: false, reason: "INVALID" });
    if (!result.ok) expect(result.message).toBe(`${brand.name} cannot become a delivery pod: ${person.name} is already a Designer in the ${acquisition.name} pod; a person delivers in one pod only. Oversight roles are exempt.`);
    expect(await db().team.findUnique({ where: { id: brand.id } })).toEqual(before);

    // Once the person leaves the other pod, the change goes through.
    await db().membership.deleteMany({ where: { personId: person.id, teamId: acquisition.id } });
    expect(await updateTeamAction(input)).toMatchObject({ ok: true });
  });
});
