import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { makeItem, makeMembership, makePerson, makeTeam } from "@/tests/support/factories";
import { makeTwoTeamOrg } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { logDependencyAction, respondToDependencyAction, answerProposalAction, changeDependencyStatusAction } = await import("@/lib/dependencies/actions");
const { sweepNotifications } = await import("@/lib/notifications/mutations");
const { getSprintDependencies, listCampaignCollisions, listDependencies, getDependencyStats } = await import("@/lib/dependencies/queries");

const db = () => getDb();
const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
const noticesOf = (personId: number) => db().notification.findMany({ where: { recipientId: personId }, orderBy: { id: "asc" } });

let org: Awaited<ReturnType<typeof makeTwoTeamOrg>>;
beforeAll(async () => {
  org = await makeTwoTeamOrg();
});
afterEach(() => {
  vi.useRealTimers();
});

async function logAtoB(overrides: Record<string, unknown> = {}) {
  signInAs(org.leadA.user.id);
  const result = await logDependencyAction({
    fromTeamId: org.teamA.id,
    fromItemId: org.story.id,
    toTeamId: org.teamB.id,
    toItemId: null,
    type: "DATA_NEED",
    description: "Conversion events in the warehouse",
    fromOwnerId: org.leadA.person.id,
    toOwnerId: org.leadB.person.id,
    neededBy: day(20),
    ...overrides,
  });
  if (!result.ok) throw new Error(`log failed: ${result.message} ${JSON.stringify(result.fieldErrors)}`);
  return (await db().dependency.findUnique({ where: { id: result.data.id } }))!;
}

describe("logging a dependency", () => {
  it("creates it OPEN with a DEP key, audits it and tells the providing side, not the logger", async () => {
    const before = await noticesOf(org.poB.person.id);
    const dep = await logAtoB();
    expect(dep).toMatchObject({ status: "OPEN", fromTeamId: org.teamA.id, toTeamId: org.teamB.id, loggedById: org.leadA.person.id });
    expect(dep.key).toMatch(/^DEP-\d+$/);
    const after = await noticesOf(org.poB.person.id);
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({ kind: "dependency.logged", link: `/dependencies/${dep.id}` });
    expect((await noticesOf(org.leadB.person.id)).some((n) => n.link === `/dependencies/${dep.id}`)).toBe(true);
    expect((await noticesOf(org.leadA.person.id)).some((n) => n.link === `/dependencies/${dep.id}`)).toBe(false);
    expect(await db().auditEvent.count({ where: { entityType: "Dependency", entityId: String(dep.id), action: "dependency.created" } })).toBe(1);
  });

  it("refuses owners, items and dates that do not fit, with a message on each field", async () => {
    signInAs(org.leadA.user.id);
    const otherItem = await makeItem({ level: "STORY", teamId: org.teamB.id, rank: "zz1" });
    const result = await logDependencyAction({
      fromTeamId: org.teamA.id,
      fromItemId: otherItem.id,
      toTeamId: org.teamB.id,
      toItemId: org.story.id,
      type: "DATA_NEED",
      description: "Something",
      fromOwnerId: org.leadB.person.id,
      toOwnerId: org.leadA.person.id,
      neededBy: day(-3),
    });
    expect(result).toMatchObject({ ok: false, reason: "INVALID" });
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["fromItemId", "fromOwnerId", "neededBy", "toItemId", "toOwnerId"]);
  });

  it("refuses a team depending on itself before touching the database", async () => {
    signInAs(org.leadA.user.id);
    const result = await logDependencyAction({
      fromTeamId: org.teamA.id, toTeamId: org.teamA.id, type: "DATA_NEED", description: "Myself", fromOwnerId: org.leadA.person.id, toOwnerId: org.leadA.person.id, neededBy: day(5),
    });
    expect(result).toMatchObject({ ok: false, reason: "INVALID", fieldErrors: { toTeamId: "A team cannot depend on itself" } });
  });

  it("gives concurrent logs distinct keys", async () => {
    const [a, b, c] = await Promise.all([logAtoB(), logAtoB(), logAtoB()]);
    expect(new Set([a.key, b.key, c.key]).size).toBe(3);
  });
});

describe("the providing side answers", () => {
  it("accepts: OPEN → ACCEPTED, and the waiting side hears about it", async () => {
    const dep = await logAtoB();
    signInAs(org.leadB.user.id);
    const result = await respondToDependencyAction({ dependencyId: dep.id, version: dep.version, response: "ACCEPT" });
    expect(result).toMatchObject({ ok: true, data: { version: dep.version + 1 } });
    expect((await db().dependency.findUnique({ where: { id: dep.id } }))!.status).toBe("ACCEPTED");
    expect((await noticesOf(org.leadA.person.id)).at(-1)).toMatchObject({ kind: "dependency.changed", link: `/dependencies/${dep.id}` });
  });

  it("answers a stale form with CONFLICT and who changed it", async () => {
    const dep = await logAtoB();
    signInAs(org.leadB.user.id);
    expect(await respondToDependencyAction({ dependencyId: dep.id, version: dep.version, response: "PROPOSE_DATE", proposedDate: day(30) })).toMatchObject({ ok: true });
    const stale = await respondToDependencyAction({ dependencyId: dep.id, version: dep.version, response: "ACCEPT" });
    expect(stale).toMatchObject({ ok: false, reason: "CONFLICT" });
  });

  it("rejects only with a reason, which cancels it and keeps the reason", async () => {
    const dep = await logAtoB();
    signInAs(org.poB.user.id);
    expect(await respondToDependencyAction({ dependencyId: dep.id, version: dep.version, response: "REJECT", reason: "" })).toMatchObject({
      ok: false,
      reason: "INVALID",
      fieldErrors: { reason: expect.stringMatching(/reason/) },
    });
    expect(await respondToDependencyAction({ dependencyId: dep.id, version: dep.version, response: "REJECT", reason: "Not this quarter: no analyst free" })).toMatchObject({ ok: true });
    expect(await db().dependency.findUnique({ where: { id: dep.id } })).toMatchObject({ status: "CANCELLED", rejectionReason: "Not this quarter: no analyst free" });
  });

  it("proposes another date, which the waiting side takes", async () => {
    const dep = await logAtoB();
    signInAs(org.leadB.user.id);
    const proposed = day(35);
    const answered = await respondToDependencyAction({ dependencyId: dep.id, version: dep.version, response: "PROPOSE_DATE", proposedDate: proposed, reason: "Analyst back on the 1st" });
    expect(answered).toMatchObject({ ok: true });
    signInAs(org.leadA.user.id);
    const taken = await answerProposalAction({ dependencyId: dep.id, version: dep.version + 1, accept: true });
    expect(taken).toMatchObject({ ok: true });
    const stored = (await db().dependency.findUnique({ where: { id: dep.id } }))!;
    expect(stored.neededBy.toISOString().slice(0, 10)).toBe(proposed);
    expect(stored.proposedDate).toBeNull();
    expect((await noticesOf(org.leadB.person.id)).at(-1)?.title).toMatch(/agreed to/);
  });
});

describe("moving a dependency on", () => {
  it("follows the flow, records the resolution time, and refuses a jump", async () => {
    const dep = await logAtoB();
    signInAs(org.poA.user.id);
    expect(await changeDependencyStatusAction({ dependencyId: dep.id, version: dep.version, status: "IN_PROGRESS" })).toMatchObject({
      ok: false,
      reason: "INVALID",
      message: expect.stringMatching(/providing side accepts it first/),
    });
    signInAs(org.leadB.user.id);
    await respondToDependencyAction({ dependencyId: dep.id, version: dep.version, response: "ACCEPT" });
    expect(await changeDependencyStatusAction({ dependencyId: dep.id, version: dep.version + 1, status: "IN_PROGRESS" })).toMatchObject({ ok: true });
    expect(await changeDependencyStatusAction({ dependencyId: dep.id, version: dep.version + 2, status: "RESOLVED", note: "Events are live" })).toMatchObject({ ok: true });
    const resolved = (await db().dependency.findUnique({ where: { id: dep.id } }))!;
    expect(resolved.status).toBe("RESOLVED");
    expect(resolved.resolvedAt).not.toBeNull();
    signInAs(org.leadA.user.id);
    expect(await changeDependencyStatusAction({ dependencyId: dep.id, version: resolved.version, status: "IN_PROGRESS", note: "Numbers look off" })).toMatchObject({ ok: true });
    expect((await db().dependency.findUnique({ where: { id: dep.id } }))!.resolvedAt).toBeNull();
  });
});

describe("blocked stories, sprint planning and overdue", () => {
  it("counts a story with an unresolved dependency as blocked, and lists it for the sprint", async () => {
    const teamC = await makeTeam();
    const po = await makePerson();
    await makeMembership({ teamId: teamC.id, personId: po.id, role: "AGILE_LEAD" });
    const sprint = await db().sprint.create({
      data: { teamId: org.teamA.id, number: 9, startDate: new Date(`${day(3)}T00:00:00Z`), endDate: new Date(`${day(16)}T00:00:00Z`), capacityPoints: 20 },
    });
    await db().sprintItem.create({ data: { sprintId: sprint.id, itemId: org.story2.id } });
    signInAs(org.leadA.user.id);
    const out = await logDependencyAction({
      fromTeamId: org.teamA.id, fromItemId: org.story2.id, toTeamId: teamC.id, type: "TECHNOLOGY", description: "Landing page template",
      fromOwnerId: org.leadA.person.id, toOwnerId: po.id, neededBy: day(10),
    });
    expect(out.ok).toBe(true);
    const planning = await getSprintDependencies(org.teamA.id, day(0));
    expect(planning.sprint).toMatchObject({ number: 9, status: "PLANNED" });
    const row = planning.outgoing.find((r) => out.ok && r.id === out.data.id);
    expect(row).toMatchObject({ itemInSprint: true, dueBySprintEnd: true, risk: "ON_TRACK" });
    expect(planning.blockedItems.find((b) => b.id === org.story2.id)).toMatchObject({ inSprint: true });
    const incoming = await getSprintDependencies(teamC.id, day(0));
    expect(incoming.incoming.map((r) => r.id)).toContain(out.ok ? out.data.id : -1);
    expect((await getDependencyStats(day(0), { teamId: org.teamA.id })).blockedItems).toBeGreaterThanOrEqual(1);
  });

  it("turns overdue when its date passes, and the sweep tells both owners once", async () => {
    const dep = await logAtoB({ neededBy: day(1), description: "Due tomorrow" });
    expect((await listDependencies(day(0))).find((r) => r.id === dep.id)).toMatchObject({ overdue: false, risk: "AT_RISK" });
    expect((await listDependencies(day(3))).find((r) => r.id === dep.id)).toMatchObject({ overdue: true, risk: "OVERDUE" });

    const inThreeDays = new Date(Date.now() + 3 * DAY);
    await db().$transaction((tx) => sweepNotifications(tx, inThreeDays));
    await db().$transaction((tx) => sweepNotifications(tx, inThreeDays));
    const overdueNotices = await db().notification.findMany({ where: { kind: "dependency.overdue", link: `/dependencies/${dep.id}` } });
    expect(overdueNotices.map((n) => n.recipientId).sort()).toEqual([org.leadA.person.id, org.leadB.person.id].sort());
  });
});

describe("campaign collisions", () => {
  it("flags two teams' overlapping launches for one segment, and links a logged collision", async () => {
    const a = await makeItem({ level: "FEATURE", teamId: org.teamA.id, rank: "zc1", launchStart: new Date(`${day(5)}T00:00:00Z`), launchEnd: new Date(`${day(30)}T00:00:00Z`), audienceSegments: ["Trial users", "SMB"], channel: "Paid social" });
    const b = await makeItem({ level: "FEATURE", teamId: org.teamB.id, rank: "zc2", launchStart: new Date(`${day(20)}T00:00:00Z`), launchEnd: new Date(`${day(50)}T00:00:00Z`), audienceSegments: ["Trial users"], channel: "E-mail" });
    await makeItem({ level: "FEATURE", teamId: org.teamB.id, rank: "zc3", launchStart: new Date(`${day(-40)}T00:00:00Z`), launchEnd: new Date(`${day(-10)}T00:00:00Z`), audienceSegments: ["Trial users"] });
    const found = (await listCampaignCollisions(day(0), org.teamA.id)).filter((c) => c.a.id === a.id);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ b: { id: b.id }, sharedSegments: ["Trial users"], overlapStart: day(20), overlapEnd: day(30), logged: null });
    await logAtoB({ type: "CAMPAIGN_COLLISION", fromItemId: a.id, toItemId: b.id, description: "Agree sequencing for trial users" });
    expect((await listCampaignCollisions(day(0), org.teamB.id)).find((c) => c.a.id === a.id)?.logged).toMatchObject({ key: expect.stringMatching(/^DEP-/) });
  });
});
