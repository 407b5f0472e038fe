import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { zonedInstant } from "@/lib/calendar/business-time";
import { makeMembership, makePerson, makeTeam } from "@/tests/support/factories";
import { makeTwoTeamOrg } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { fileRequestAction, acceptRequestAction, deliverRequestAction, escalateRequestAction, createSlaAction, updateSlaAction, addHolidayAction } = await import("@/lib/services/actions");
const { sweepNotifications } = await import("@/lib/notifications/mutations");
const { getSlaCompliance, getWorkingCalendar, listServiceRequests } = await import("@/lib/services/queries");

const db = () => getDb();
const london = (day: string, hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return zonedInstant("Europe/London", day, (h ?? 0) * 60 + (m ?? 0));
};
/** Freezes the app clock (lib/clock.ts reads `new Date()`) at an instant; timers keep running. */
const at = (instant: Date) => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(instant);
};

let org: Awaited<ReturnType<typeof makeTwoTeamOrg>>;
let service: Awaited<ReturnType<typeof makeTeam>>;
let serviceLead: Awaited<ReturnType<typeof makePerson>>;
let designer: Awaited<ReturnType<typeof makePerson>>;
let counsel: Awaited<ReturnType<typeof makePerson>>;
let privacySla: { id: number };

beforeAll(async () => {
  org = await makeTwoTeamOrg();
  await db().organization.create({ data: { name: "Northwind", holidays: { create: [{ date: new Date(Date.UTC(2026, 11, 25)), name: "Christmas Day" }, { date: new Date(Date.UTC(2026, 11, 28)), name: "Boxing Day (substitute day)" }] } } });
  service = await makeTeam({ kind: "SHARED_SERVICE", shape: "FUNCTIONAL" });
  serviceLead = await makePerson({ title: "Head of Legal" });
  designer = await makePerson();
  counsel = await makePerson({ title: "General Counsel" });
  await makeMembership({ teamId: service.id, personId: serviceLead.id, role: "PRODUCT_OWNER" });
  await makeMembership({ teamId: service.id, personId: designer.id, role: "LEGAL_COUNSEL" });
  signInAs(org.leader.user.id);
  const created = await createSlaAction({
    teamId: service.id,
    requestType: "Privacy review",
    requestDays: [2, 4],
    turnaround: 3,
    turnaroundUnit: "BUSINESS_DAYS",
    intakeMethod: "MEETING",
    escalation: [{ personId: serviceLead.id, role: "" }, { personId: null, role: "General Counsel" }],
  });
  if (!created.ok) throw new Error(created.message);
  privacySla = { id: created.data.slaId };
});
afterEach(() => {
  vi.useRealTimers();
});

async function file(title: string) {
  signInAs(org.leadA.user.id);
  const result = await fileRequestAction({ slaId: privacySla.id, requestingTeamId: org.teamA.id, title });
  if (!result.ok) throw new Error(result.message);
  return result.data;
}

describe("filing a request", () => {
  it("inside the window: the clock starts at once and the due time is three business days later", async () => {
    at(london("2026-11-26", "10:15")); // a Thursday (request day)
    const filed = await file("Consent check for the webinar list");
    expect(filed.clockStartsAt).toBe(london("2026-11-26", "10:15").toISOString());
    expect(filed.dueAt).toBe(london("2026-12-01", "10:15").toISOString());
    const stored = (await db().serviceRequest.findUnique({ where: { id: filed.requestId } }))!;
    expect(stored).toMatchObject({ status: "SUBMITTED", requesterId: org.leadA.person.id, requestingTeamId: org.teamA.id });
    expect((await db().notification.findMany({ where: { recipientId: serviceLead.id, kind: "request.filed" } })).length).toBeGreaterThanOrEqual(1);
  });

  it("outside the window: counts from the next opening, skipping the organisation's holidays", async () => {
    at(london("2026-12-24", "18:00")); // Thursday after hours; requests are taken Tue/Thu; Fri 25 and Mon 28 are holidays
    const late = await file("Privacy review of the new year nurture");
    expect(late.clockStartsAt).toBe(london("2026-12-29", "09:00").toISOString()); // Tuesday 29 December
    expect(late.dueAt).toBe(london("2026-12-31", "17:30").toISOString()); // 3 × 8.5 h: Tue, Wed, Thu
  });

  it("takes a holiday added by a leader into account for the next request", async () => {
    signInAs(org.leader.user.id);
    expect(await addHolidayAction({ date: "2027-01-05", name: "Company offsite" })).toMatchObject({ ok: true });
    at(london("2027-01-04", "12:00")); // Monday: next request day would be Tuesday 5th, now a holiday → Thursday 7th
    expect((await file("Review the cookie banner")).clockStartsAt).toBe(london("2027-01-07", "09:00").toISOString());
  });
});

describe("handling a request", () => {
  it("accepts and assigns (the assignee is told), delivers on time, and counts it in compliance", async () => {
    at(london("2026-11-24", "09:30"));
    const filed = await file("Privacy review of product usage data");
    signInAs(org.leader.user.id);
    const accepted = await acceptRequestAction({ requestId: filed.requestId, version: 1, assigneeId: designer.id });
    expect(accepted).toMatchObject({ ok: true });
    expect(await db().notification.findFirst({ where: { recipientId: designer.id, kind: "request.assigned" } })).not.toBeNull();
    expect(await acceptRequestAction({ requestId: filed.requestId, version: 2, assigneeId: org.poB.person.id })).toMatchObject({
      ok: false,
      fieldErrors: { assigneeId: "Choose a member of the service" },
    });
    at(london("2026-11-25", "15:00"));
    expect(await deliverRequestAction({ requestId: filed.requestId, version: 2 })).toMatchObject({ ok: true });
    const stored = (await db().serviceRequest.findUnique({ where: { id: filed.requestId } }))!;
    expect(stored.status).toBe("DELIVERED");
    const compliance = await getSlaCompliance(london("2026-11-30", "12:00"), 2);
    expect(compliance.filter((c) => c.serviceId === service.id).map((c) => [c.period, c.delivered, c.onTime])).toEqual([
      ["2026-10-01", 0, 0],
      ["2026-11-01", 1, 1],
    ]);
  });

  it("escalates along the path: the named person, then the role's holder, then refuses at the top", async () => {
    at(london("2026-11-24", "11:00"));
    const filed = await file("Privacy review of the partner list");
    signInAs(org.poA.user.id);
    const first = await escalateRequestAction({ requestId: filed.requestId, version: 1, reason: "Launch moved forward" });
    expect(first).toMatchObject({ ok: true, data: { level: 1 } });
    expect(await db().notification.findFirst({ where: { recipientId: serviceLead.id, kind: "request.escalated", link: `/services/requests/${filed.requestId}` } })).not.toBeNull();
    const second = await escalateRequestAction({ requestId: filed.requestId, version: 2, reason: "Still nothing" });
    expect(second).toMatchObject({ ok: true, data: { level: 2 } });
    expect(await db().notification.findFirst({ where: { recipientId: counsel.id, kind: "request.escalated" } })).not.toBeNull();
    expect(await escalateRequestAction({ requestId: filed.requestId, version: 3, reason: "Again" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(/top of its escalation path/),
    });
    expect((await db().serviceRequest.findUnique({ where: { id: filed.requestId } }))).toMatchObject({ status: "ESCALATED", escalationLevel: 2 });
  });

  it("is at risk with under a quarter of its business time left, breached after due; the sweep tells people once", async () => {
    at(london("2026-11-24", "09:00")); // Tuesday: due Friday 27th 09:00
    const filed = await file("Privacy review of the referral programme");
    const cal = await getWorkingCalendar();
    const health = async (when: Date) => (await listServiceRequests(cal, when)).find((r) => r.id === filed.requestId)!.health;
    expect(await health(london("2026-11-25", "12:00"))).toBe("ON_TRACK");
    // Thursday 16:00: 1.5 + 0 h of 25.5 h left (< 25 %), though wall-clock time left is 17 h of 72.
    expect(await health(london("2026-11-26", "16:00"))).toBe("AT_RISK");
    expect(await health(london("2026-11-27", "09:01"))).toBe("BREACHED");

    await db().$transaction((tx) => sweepNotifications(tx, london("2026-11-26", "16:00")));
    await db().$transaction((tx) => sweepNotifications(tx, london("2026-11-26", "16:30")));
    const atRisk = await db().notification.findMany({ where: { kind: "request.at_risk", link: `/services/requests/${filed.requestId}` } });
    // Nobody is assigned yet: the service's leads and the requester.
    expect(atRisk.map((n) => n.recipientId).sort()).toEqual([serviceLead.id, org.leadA.person.id].sort());
    await db().$transaction((tx) => sweepNotifications(tx, london("2026-11-30", "10:00")));
    expect(await db().notification.count({ where: { kind: "sla.breached", link: `/services/requests/${filed.requestId}` } })).toBe(2);
  });
});

describe("editing SLAs", () => {
  it("refuses a second SLA for the same request type, and replaces the escalation path on update", async () => {
    signInAs(org.leader.user.id);
    expect(
      await createSlaAction({ teamId: service.id, requestType: "privacy REVIEW", requestDays: [1], turnaround: 1, turnaroundUnit: "BUSINESS_DAYS", intakeMethod: "TICKET" }),
    ).toMatchObject({ ok: false, fieldErrors: { requestType: "Already defined for this service" } });
    const sla = (await db().serviceLevelAgreement.findUnique({ where: { id: privacySla.id } }))!;
    const updated = await updateSlaAction({
      slaId: sla.id,
      version: sla.version,
      requestType: "Privacy review",
      requestDays: [4, 2, 2],
      turnaround: 16,
      turnaroundUnit: "BUSINESS_HOURS",
      intakeMethod: "ASYNC_FORM",
      escalation: [{ personId: null, role: "Data Protection Officer" }],
    });
    expect(updated).toMatchObject({ ok: true });
    const after = (await db().serviceLevelAgreement.findUnique({ where: { id: sla.id }, include: { escalationSteps: true } }))!;
    expect(after).toMatchObject({ requestDays: [2, 4], turnaround: 16, turnaroundUnit: "BUSINESS_HOURS" });
    expect(after.escalationSteps.map((s) => s.role)).toEqual(["Data Protection Officer"]);
    expect(await updateSlaAction({ slaId: sla.id, version: sla.version, requestType: "Privacy review", requestDays: [2], turnaround: 1, turnaroundUnit: "BUSINESS_DAYS", intakeMethod: "TICKET" })).toMatchObject({
      ok: false,
      reason: "CONFLICT",
    });
  });

  it("lets only shared services offer SLAs", async () => {
    signInAs(org.leader.user.id);
    expect(await createSlaAction({ teamId: org.teamA.id, requestType: "Anything", requestDays: [1], turnaround: 1, turnaroundUnit: "BUSINESS_DAYS", intakeMethod: "TICKET" })).toMatchObject({
      ok: false,
      reason: "INVALID",
      message: expect.stringMatching(/delivery pod/),
    });
  });
});
