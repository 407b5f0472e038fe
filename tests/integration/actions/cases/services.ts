import { getDb } from "@/lib/db/client";
import {
  acceptRequestAction,
  addHolidayAction,
  createSlaAction,
  deliverRequestAction,
  escalateRequestAction,
  fileRequestAction,
  removeHolidayAction,
  updateSlaAction,
} from "@/lib/services/actions";
import { makeTeam } from "@/tests/support/factories";
import { type ActionCase, type Org, asRun } from "./types";

/** Rows a case needs, created once per fixture org (creating them inside `input` would move the snapshot). */
function once<T>(make: (org: Org) => Promise<T>): (org: Org) => Promise<T> {
  const made = new WeakMap<Org, Promise<T>>();
  return (org) => {
    let value = made.get(org);
    if (!value) {
      value = make(org);
      made.set(org, value);
    }
    return value;
  };
}

const db = () => getDb();
const slaFields = {
  requestDays: [1, 2, 3, 4, 5],
  turnaround: 2,
  turnaroundUnit: "BUSINESS_DAYS" as const,
  intakeMethod: "TICKET" as const,
};

/** A shared service (not team A or B) with an SLA whose escalation path starts at the leader. */
const service = once(async (o) => {
  const team = await makeTeam({ kind: "SHARED_SERVICE" });
  const sla = await db().serviceLevelAgreement.create({
    data: { teamId: team.id, requestType: "Review", ...slaFields, escalationSteps: { create: [{ position: 1, personId: o.leader.person.id }] } },
  });
  return { team, sla };
});

/** Team A acting as the service: an SLA of A's, so A's members handle requests filed under it. */
const slaOfA = once((o) => db().serviceLevelAgreement.create({ data: { teamId: o.teamA.id, requestType: "Design help", ...slaFields } }));

const request = (o: Org, slaId: number, requestingTeamId: number, requesterId: number) => {
  const now = new Date();
  return db().serviceRequest.create({
    data: {
      key: `REQ-T${Math.random().toString(36).slice(2, 10)}`,
      slaId,
      requestingTeamId,
      requesterId,
      title: "Test request",
      submittedAt: now,
      clockStartsAt: now,
      dueAt: new Date(now.getTime() + 3 * 86_400_000),
    },
  });
};
const toAcceptAtA = once(async (o) => request(o, (await slaOfA(o)).id, o.teamB.id, o.leadB.person.id));
const toDeliverAtA = once(async (o) => request(o, (await slaOfA(o)).id, o.teamB.id, o.leadB.person.id));
const filedByA = once(async (o) => request(o, (await service(o)).sla.id, o.teamA.id, o.leadA.person.id));

const organization = once(async () => (await db().organization.findFirst()) ?? db().organization.create({ data: { name: "Test organisation" } }));
const holiday = once(async (o) => db().holiday.create({ data: { organizationId: (await organization(o)).id, date: new Date(Date.UTC(2090, 0, 2)), name: "Test day" } }));

const requestState = (id: number) => db().serviceRequest.findUnique({ where: { id } });

export const cases: Record<string, ActionCase> = {
  "lib/services/actions.ts#createSlaAction": {
    run: asRun(createSlaAction),
    input: async (o) => ({ teamId: (await service(o)).team.id, requestType: "Second opinion", ...slaFields, active: true, escalation: [{ personId: null, role: "Head of Legal" }] }),
    allowed: (o) => o.leader.user.id,
    // A's product owner leads another team, not this service.
    wrongRole: (o) => o.poA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => db().serviceLevelAgreement.count({ where: { teamId: (await service(o)).team.id } }),
  },
  "lib/services/actions.ts#updateSlaAction": {
    run: asRun(updateSlaAction),
    input: async (o) => {
      const sla = (await db().serviceLevelAgreement.findUnique({ where: { id: (await slaOfA(o)).id } }))!;
      return { slaId: sla.id, version: sla.version, requestType: sla.requestType, ...slaFields, turnaround: 3, active: true, escalation: [] };
    },
    allowed: (o) => o.poA.user.id,
    wrongRole: (o) => o.memberA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => db().serviceLevelAgreement.findUnique({ where: { id: (await slaOfA(o)).id }, include: { escalationSteps: true } }),
  },
  "lib/services/actions.ts#addHolidayAction": {
    run: asRun(addHolidayAction),
    input: async (o) => {
      await organization(o);
      return { date: "2091-05-04", name: "Founders’ day" };
    },
    allowed: (o) => o.admin.user.id,
    wrongRole: (o) => o.poA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: () => db().holiday.count(),
  },
  "lib/services/actions.ts#removeHolidayAction": {
    run: asRun(removeHolidayAction),
    input: async (o) => ({ holidayId: (await holiday(o)).id }),
    allowed: (o) => o.leader.user.id,
    wrongRole: (o) => o.leadA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => db().holiday.findUnique({ where: { id: (await holiday(o)).id } }),
  },
  "lib/services/actions.ts#fileRequestAction": {
    run: asRun(fileRequestAction),
    input: async (o) => ({ slaId: (await service(o)).sla.id, requestingTeamId: o.teamA.id, title: "Review the launch e-mail", description: "", itemId: o.story.id }),
    allowed: (o) => o.leadA.user.id,
    wrongRole: (o) => o.memberA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: (o) => db().serviceRequest.count({ where: { requestingTeamId: o.teamA.id } }),
  },
  "lib/services/actions.ts#acceptRequestAction": {
    run: asRun(acceptRequestAction),
    input: async (o) => {
      const r = (await requestState((await toAcceptAtA(o)).id))!;
      return { requestId: r.id, version: r.version, assigneeId: null };
    },
    allowed: (o) => o.memberA.user.id,
    // An admin with no membership in the service does not handle its requests.
    wrongRole: (o) => o.admin.user.id,
    // B filed it; B does not handle it.
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => requestState((await toAcceptAtA(o)).id),
  },
  "lib/services/actions.ts#deliverRequestAction": {
    run: asRun(deliverRequestAction),
    input: async (o) => {
      const r = (await requestState((await toDeliverAtA(o)).id))!;
      return { requestId: r.id, version: r.version };
    },
    allowed: (o) => o.leadA.user.id,
    wrongRole: (o) => o.admin.user.id,
    otherTeam: (o) => o.leadB.user.id,
    snapshot: async (o) => requestState((await toDeliverAtA(o)).id),
  },
  "lib/services/actions.ts#escalateRequestAction": {
    run: asRun(escalateRequestAction),
    input: async (o) => {
      const r = (await requestState((await filedByA(o)).id))!;
      return { requestId: r.id, version: r.version, reason: "No answer after two days" };
    },
    allowed: (o) => o.leadA.user.id,
    wrongRole: (o) => o.memberA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => requestState((await filedByA(o)).id),
  },
};
