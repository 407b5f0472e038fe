import "server-only";
import { expectVersion } from "@/lib/actions/guarded";
import { refuse } from "@/lib/actions/result";
import type { AuditEntry } from "@/lib/audit/mutations";
import { now as clockNow } from "@/lib/clock";
import type { Tx } from "@/lib/db/transaction";
import type { IntakeMethod, TurnaroundUnit } from "@/lib/generated/prisma/enums";
import { LEADS, notify, teamPeople } from "@/lib/notifications/mutations";
import { requestClock } from "@/lib/calendar/business-time";
import { loadWorkingCalendar } from "@/lib/calendar/queries";

// ───────────────────────────── SLAs ─────────────────────────────

interface SlaFields {
  requestType: string;
  requestDays: number[];
  turnaround: number;
  turnaroundUnit: TurnaroundUnit;
  intakeMethod: IntakeMethod;
  active: boolean;
  escalation: { personId: number | null; role: string | null }[];
}

export function loadServiceTeam(tx: Tx, teamId: number) {
  return tx.team.findFirst({ where: { id: teamId, archivedAt: null }, select: { id: true, name: true, kind: true } });
}
type ServiceTeam = NonNullable<Awaited<ReturnType<typeof loadServiceTeam>>>;

const slaSelect = {
  id: true,
  teamId: true,
  requestType: true,
  requestDays: true,
  turnaround: true,
  turnaroundUnit: true,
  intakeMethod: true,
  active: true,
  version: true,
  escalationSteps: { orderBy: { position: "asc" }, select: { position: true, personId: true, role: true } },
} as const;

export function loadSla(tx: Tx, slaId: number) {
  return tx.serviceLevelAgreement.findUnique({ where: { id: slaId }, select: slaSelect });
}
type SlaRow = NonNullable<Awaited<ReturnType<typeof loadSla>>>;

async function checkSlaFields(tx: Tx, teamId: number, input: SlaFields, exceptSlaId?: number): Promise<void> {
  const clash = await tx.serviceLevelAgreement.findFirst({
    where: { teamId, requestType: { equals: input.requestType, mode: "insensitive" }, ...(exceptSlaId ? { id: { not: exceptSlaId } } : {}) },
    select: { id: true },
  });
  if (clash) throw refuse("INVALID", "This service already has an SLA for that request type.", { fieldErrors: { requestType: "Already defined for this service" } });
  const personIds = input.escalation.flatMap((s) => (s.personId === null ? [] : [s.personId]));
  if (personIds.length > 0) {
    const found = await tx.person.count({ where: { id: { in: personIds } } });
    if (found !== new Set(personIds).size) throw refuse("INVALID", "A person on the escalation path no longer exists.", { fieldErrors: { escalation: "Choose people from the list" } });
  }
}

/** The SLA's own columns from the input (the input carries ids and the escalation path too). */
function slaColumns(input: SlaFields) {
  const { requestType, requestDays, turnaround, turnaroundUnit, intakeMethod, active } = input;
  return { requestType, requestDays, turnaround, turnaroundUnit, intakeMethod, active };
}

async function writeEscalation(tx: Tx, slaId: number, steps: SlaFields["escalation"]): Promise<void> {
  await tx.slaEscalationStep.deleteMany({ where: { slaId } });
  if (steps.length > 0) {
    await tx.slaEscalationStep.createMany({ data: steps.map((s, i) => ({ slaId, position: i + 1, personId: s.personId, role: s.role })) });
  }
}

/** Adds an SLA to a shared service (refuses a delivery pod, or a request type it already has). */
export async function createSla(tx: Tx, team: ServiceTeam, input: SlaFields): Promise<{ data: { slaId: number }; audit: AuditEntry[] }> {
  if (team.kind !== "SHARED_SERVICE") throw refuse("INVALID", `${team.name} is a delivery pod; only shared services offer SLAs.`);
  await checkSlaFields(tx, team.id, input);
  const sla = await tx.serviceLevelAgreement.create({ data: { teamId: team.id, ...slaColumns(input) }, select: { id: true } });
  await writeEscalation(tx, sla.id, input.escalation);
  const after = await loadSla(tx, sla.id);
  return { data: { slaId: sla.id }, audit: [{ action: "sla.create", entityType: "ServiceLevelAgreement", entityId: sla.id, teamId: team.id, after }] };
}

/** Edits an SLA and replaces its escalation path, with a version check. Requests already filed keep their due times. */
export async function updateSla(tx: Tx, sla: SlaRow, input: SlaFields & { version: number }): Promise<{ data: { version: number }; audit: AuditEntry[] }> {
  await checkSlaFields(tx, sla.teamId, input, sla.id);
  const { escalation, version } = input;
  const fields = slaColumns(input);
  await expectVersion(
    tx,
    { type: "ServiceLevelAgreement", id: sla.id, label: `The ${sla.requestType} SLA` },
    () => tx.serviceLevelAgreement.updateMany({ where: { id: sla.id, version }, data: { ...fields, version: { increment: 1 } } }),
    async () => (await loadSla(tx, sla.id))?.version ?? null,
  );
  await writeEscalation(tx, sla.id, escalation);
  const after = (await loadSla(tx, sla.id))!;
  return { data: { version: after.version }, audit: [{ action: "sla.update", entityType: "ServiceLevelAgreement", entityId: sla.id, teamId: sla.teamId, before: sla, after }] };
}

// ───────────────────────────── holidays ─────────────────────────────

export function loadOrganization(tx: Tx) {
  return tx.organization.findFirst({ orderBy: { id: "asc" }, select: { id: true, name: true } });
}

export async function addHoliday(
  tx: Tx,
  org: { id: number },
  input: { date: string; name: string },
): Promise<{ data: { holidayId: number }; audit: AuditEntry[] }> {
  const date = new Date(`${input.date}T00:00:00Z`);
  if (await tx.holiday.findUnique({ where: { organizationId_date: { organizationId: org.id, date } }, select: { id: true } })) {
    throw refuse("INVALID", "That day is already a holiday.", { fieldErrors: { date: "Already a holiday" } });
  }
  const holiday = await tx.holiday.create({ data: { organizationId: org.id, date, name: input.name } });
  return { data: { holidayId: holiday.id }, audit: [{ action: "holiday.add", entityType: "Holiday", entityId: holiday.id, after: holiday }] };
}

export function loadHoliday(tx: Tx, holidayId: number) {
  return tx.holiday.findUnique({ where: { id: holidayId } });
}

export async function removeHoliday(tx: Tx, holiday: NonNullable<Awaited<ReturnType<typeof loadHoliday>>>): Promise<{ data: null; audit: AuditEntry[] }> {
  await tx.holiday.delete({ where: { id: holiday.id } });
  return { data: null, audit: [{ action: "holiday.remove", entityType: "Holiday", entityId: holiday.id, before: holiday }] };
}

// ───────────────────────────── requests ─────────────────────────────

export function loadRequestingTeam(tx: Tx, teamId: number) {
  return tx.team.findFirst({ where: { id: teamId, archivedAt: null }, select: { id: true, name: true } });
}

/**
 * Files a request under an SLA. The clock starts now, or at the next opening of the SLA's request window
 * when filed outside it; the due time is the turnaround later in business time (lib/calendar/business-time.ts).
 * The service's leads hear about it.
 */
export async function fileRequest(
  tx: Tx,
  team: { id: number; name: string },
  input: { slaId: number; title: string; description: string; itemId: number | null },
  actorPersonId: number | null,
): Promise<{ data: { requestId: number; key: string; dueAt: string; clockStartsAt: string }; audit: AuditEntry[] }> {
  if (actorPersonId === null) throw refuse("INVALID", "Your login is not linked to a person, so the request cannot name a requester.");
  const sla = await tx.serviceLevelAgreement.findUnique({
    where: { id: input.slaId },
    select: { id: true, teamId: true, requestType: true, requestDays: true, turnaround: true, turnaroundUnit: true, active: true, team: { select: { name: true, kind: true } } },
  });
  if (!sla || !sla.active || sla.team.kind !== "SHARED_SERVICE") {
    throw refuse("INVALID", "That service level is not taking requests.", { fieldErrors: { slaId: "Choose an active service level" } });
  }
  if (sla.teamId === team.id) throw refuse("INVALID", "A service cannot file a request with itself.", { fieldErrors: { requestingTeamId: "Choose another team" } });
  if (input.itemId !== null) {
    const item = await tx.backlogItem.findUnique({ where: { id: input.itemId }, select: { teamId: true } });
    if (item?.teamId !== team.id) throw refuse("INVALID", "The item must be one of your team's.", { fieldErrors: { itemId: `Choose an item of ${team.name}` } });
  }
  const submittedAt = clockNow();
  const cal = await loadWorkingCalendar(tx);
  const clock = requestClock(cal, submittedAt, sla);

  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('service-request-key'))`;
  const [row] = await tx.$queryRaw<{ next: number }[]>`
    SELECT (COALESCE(MAX(substring(key FROM '^REQ-([0-9]+)$')::int), 0) + 1)::int AS next FROM service_request`;
  const request = await tx.serviceRequest.create({
    data: {
      key: `REQ-${row?.next ?? 1}`,
      slaId: sla.id,
      requestingTeamId: team.id,
      requesterId: actorPersonId,
      itemId: input.itemId,
      title: input.title,
      description: input.description,
      submittedAt,
      clockStartsAt: clock.clockStartsAt,
      dueAt: clock.dueAt,
    },
  });
  await notify(
    tx,
    await teamPeople(tx, sla.teamId, LEADS),
    { kind: "request.filed", title: `${request.key} “${request.title}” from ${team.name} (${sla.requestType})`, link: `/services/requests/${request.id}` },
    actorPersonId,
  );
  return {
    data: { requestId: request.id, key: request.key, dueAt: request.dueAt.toISOString(), clockStartsAt: request.clockStartsAt.toISOString() },
    audit: [{ action: "request.file", entityType: "ServiceRequest", entityId: request.id, teamId: team.id, after: request }],
  };
}

const requestSelect = {
  id: true,
  key: true,
  title: true,
  status: true,
  requestingTeamId: true,
  requesterId: true,
  assigneeId: true,
  acceptedAt: true,
  deliveredAt: true,
  escalatedAt: true,
  escalationLevel: true,
  dueAt: true,
  version: true,
  assignee: { select: { name: true } },
  sla: {
    select: {
      teamId: true,
      requestType: true,
      team: { select: { name: true } },
      escalationSteps: { orderBy: { position: "asc" }, select: { position: true, personId: true, role: true } },
    },
  },
} as const;

export function loadRequest(tx: Tx, requestId: number) {
  return tx.serviceRequest.findUnique({ where: { id: requestId }, select: requestSelect });
}
export type RequestTarget = NonNullable<Awaited<ReturnType<typeof loadRequest>>>;

/**
 * What the history shows of a request: its state, level and assignee by name. The times of acceptance,
 * escalation and delivery are the events' own times, so they are left out.
 */
function auditView(r: RequestTarget) {
  return { status: r.status, escalationLevel: r.escalationLevel, assignee: r.assignee?.name ?? null };
}

async function writeRequest(
  tx: Tx,
  request: RequestTarget,
  version: number,
  data: Partial<{ status: RequestTarget["status"]; assigneeId: number | null; acceptedAt: Date; deliveredAt: Date; escalatedAt: Date; escalationLevel: number }>,
): Promise<RequestTarget> {
  await expectVersion(
    tx,
    { type: "ServiceRequest", id: request.id, label: request.key },
    () => tx.serviceRequest.updateMany({ where: { id: request.id, version }, data: { ...data, version: { increment: 1 } } }),
    async () => (await loadRequest(tx, request.id))?.version ?? null,
  );
  return (await loadRequest(tx, request.id))!;
}

/**
 * Accepts a request and assigns it (to `assigneeId`, a member of the service, or to whoever accepts); on an
 * accepted request it re-assigns. The assignee is notified.
 */
export async function acceptRequest(
  tx: Tx,
  request: RequestTarget,
  input: { version: number; assigneeId: number | null },
  actorPersonId: number | null,
): Promise<{ data: { version: number }; audit: AuditEntry[] }> {
  if (request.status === "DELIVERED") throw refuse("INVALID", `${request.key} is already delivered.`);
  const assigneeId = input.assigneeId ?? actorPersonId;
  if (assigneeId === null) throw refuse("INVALID", "Choose who will handle it.", { fieldErrors: { assigneeId: "Choose a member of the service" } });
  const member = await tx.membership.findFirst({ where: { teamId: request.sla.teamId, personId: assigneeId }, select: { id: true } });
  if (!member) throw refuse("INVALID", `The assignee must be a member of ${request.sla.team.name}.`, { fieldErrors: { assigneeId: "Choose a member of the service" } });
  const at = clockNow();
  const after = await writeRequest(tx, request, input.version, {
    assigneeId,
    ...(request.acceptedAt === null ? { acceptedAt: at } : {}),
    // An escalated request stays escalated until delivered; a submitted one is now accepted.
    ...(request.status === "SUBMITTED" ? { status: "ACCEPTED" as const } : {}),
  });
  if (assigneeId !== request.assigneeId) {
    await notify(tx, [assigneeId], { kind: "request.assigned", title: `${request.key} “${request.title}” is assigned to you (${request.sla.requestType})`, link: `/services/requests/${request.id}` }, actorPersonId);
  }
  return {
    data: { version: after.version },
    audit: [{ action: request.acceptedAt === null ? "request.accept" : "request.assign", entityType: "ServiceRequest", entityId: request.id, teamId: request.requestingTeamId, before: auditView(request), after: auditView(after) }],
  };
}

/** Marks a request delivered (the requester is notified). */
export async function deliverRequest(
  tx: Tx,
  request: RequestTarget,
  input: { version: number },
  actorPersonId: number | null,
): Promise<{ data: { version: number }; audit: AuditEntry[] }> {
  if (request.status === "DELIVERED") throw refuse("INVALID", `${request.key} is already delivered.`);
  const at = clockNow();
  const after = await writeRequest(tx, request, input.version, {
    status: "DELIVERED",
    deliveredAt: at,
    ...(request.acceptedAt === null ? { acceptedAt: at } : {}),
    ...(request.assigneeId === null && actorPersonId !== null ? { assigneeId: actorPersonId } : {}),
  });
  const onTime = at.getTime() <= request.dueAt.getTime();
  await notify(tx, [request.requesterId], { kind: "request.delivered", title: `${request.key} “${request.title}” was delivered ${onTime ? "within" : "after"} its SLA`, link: `/services/requests/${request.id}` }, actorPersonId);
  return {
    data: { version: after.version },
    audit: [{ action: "request.deliver", entityType: "ServiceRequest", entityId: request.id, teamId: request.requestingTeamId, before: auditView(request), after: auditView(after) }],
  };
}

/**
 * Escalates a request one step along its SLA's escalation path and notifies that step: the named person, or
 * for a role the people whose title is that role (the service's leads when nobody holds it).
 */
export async function escalateRequest(
  tx: Tx,
  request: RequestTarget,
  input: { version: number; reason: string },
  actorPersonId: number | null,
): Promise<{ data: { version: number; level: number; notified: number }; audit: AuditEntry[] }> {
  if (request.status === "DELIVERED") throw refuse("INVALID", `${request.key} is already delivered.`);
  const steps = request.sla.escalationSteps;
  const step = steps[request.escalationLevel];
  if (!step) {
    throw refuse("INVALID", steps.length === 0 ? "This SLA has no escalation path." : `${request.key} is already at the top of its escalation path.`);
  }
  const level = request.escalationLevel + 1;
  const after = await writeRequest(tx, request, input.version, { status: "ESCALATED", escalatedAt: clockNow(), escalationLevel: level });
  let targets: number[] = [];
  if (step.personId !== null) targets = [step.personId];
  else if (step.role) {
    const holders = await tx.person.findMany({ where: { title: { equals: step.role, mode: "insensitive" } }, select: { id: true } });
    targets = holders.length > 0 ? holders.map((p) => p.id) : await teamPeople(tx, request.sla.teamId, LEADS);
  }
  const notified = await notify(
    tx,
    [...targets, request.assigneeId],
    {
      kind: "request.escalated",
      title: `${request.key} “${request.title}” escalated to level ${level}${step.role && step.personId === null ? ` (${step.role})` : ""}: ${input.reason}`,
      link: `/services/requests/${request.id}`,
    },
    actorPersonId,
  );
  return {
    data: { version: after.version, level, notified },
    audit: [{ action: "request.escalate", entityType: "ServiceRequest", entityId: request.id, teamId: request.requestingTeamId, before: auditView(request), after: { ...auditView(after), note: input.reason } }],
  };
}
