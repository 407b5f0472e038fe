"use server";

import { guardedAction } from "@/lib/actions/guarded";
import {
  acceptRequest,
  addHoliday,
  createSla,
  deliverRequest,
  escalateRequest,
  fileRequest,
  loadHoliday,
  loadOrganization,
  loadRequest,
  loadRequestingTeam,
  loadServiceTeam,
  loadSla,
  removeHoliday,
  updateSla,
} from "./mutations";
import {
  AcceptRequestSchema,
  AddHolidaySchema,
  CreateSlaSchema,
  DeliverRequestSchema,
  EscalateRequestSchema,
  FileRequestSchema,
  RemoveHolidaySchema,
  UpdateSlaSchema,
} from "./schema";

const servicePaths = ["/services", "/services/holidays", "/dashboard", "/inbox"];
const requestPaths = (id: number) => [...servicePaths, `/services/requests/${id}`];

/** Adds an SLA to a shared service. Allowed: the service's product owner or agile lead, admins, leaders. */
export const createSlaAction = guardedAction({
  name: "services.createSla",
  schema: CreateSlaSchema,
  load: (tx, input) => loadServiceTeam(tx, input.teamId),
  authorize: (team) => ({ action: "sla.edit", scope: { teamId: team.id } }),
  run: (tx, team, input) => createSla(tx, team, input),
  revalidate: () => servicePaths,
  redirectTo: () => "/services",
  notFound: "That service no longer exists.",
});

/** Edits an SLA and its escalation path (version-checked). Allowed: as for createSlaAction, on the SLA's service. */
export const updateSlaAction = guardedAction({
  name: "services.updateSla",
  schema: UpdateSlaSchema,
  load: (tx, input) => loadSla(tx, input.slaId),
  authorize: (sla) => ({ action: "sla.edit", scope: { teamId: sla.teamId } }),
  run: (tx, sla, input) => updateSla(tx, sla, input),
  revalidate: () => servicePaths,
  redirectTo: () => "/services",
  notFound: "That SLA no longer exists.",
});

/** Adds a day to the organisation's holiday calendar (business time skips it). Allowed: admins, leaders. */
export const addHolidayAction = guardedAction({
  name: "services.addHoliday",
  schema: AddHolidaySchema,
  load: (tx) => loadOrganization(tx),
  authorize: () => ({ action: "calendar.edit" }),
  run: (tx, org, input) => addHoliday(tx, org, input),
  revalidate: () => servicePaths,
  notFound: "No organisation is set up yet.",
});

/** Removes a holiday. Allowed: admins, leaders. Requests already filed keep their due times. */
export const removeHolidayAction = guardedAction({
  name: "services.removeHoliday",
  schema: RemoveHolidaySchema,
  load: (tx, input) => loadHoliday(tx, input.holidayId),
  authorize: () => ({ action: "calendar.edit" }),
  run: (tx, holiday) => removeHoliday(tx, holiday),
  revalidate: () => servicePaths,
  notFound: "That holiday was already removed.",
});

/**
 * Files a request with a shared service under one of its SLAs; the due time is computed in business time.
 * Allowed: the requesting team's agile lead or product owner, leaders.
 */
export const fileRequestAction = guardedAction({
  name: "services.fileRequest",
  schema: FileRequestSchema,
  load: (tx, input) => loadRequestingTeam(tx, input.requestingTeamId),
  authorize: (team) => ({ action: "request.file", scope: { teamId: team.id } }),
  run: (tx, team, input, principal) => fileRequest(tx, team, input, principal.personId),
  revalidate: (data) => requestPaths(data.requestId),
  redirectTo: (data) => `/services/requests/${data.requestId}`,
  notFound: "That team no longer exists.",
});

/** Accepts and assigns (or re-assigns) a request. Allowed: members of the shared service, leaders. */
export const acceptRequestAction = guardedAction({
  name: "services.acceptRequest",
  schema: AcceptRequestSchema,
  load: (tx, input) => loadRequest(tx, input.requestId),
  authorize: (request) => ({ action: "request.handle", scope: { teamId: request.sla.teamId } }),
  run: (tx, request, input, principal) => acceptRequest(tx, request, input, principal.personId),
  revalidate: (_d, input) => requestPaths(input.requestId),
  notFound: "That request no longer exists.",
});

/** Marks a request delivered. Allowed: members of the shared service, leaders. */
export const deliverRequestAction = guardedAction({
  name: "services.deliverRequest",
  schema: DeliverRequestSchema,
  load: (tx, input) => loadRequest(tx, input.requestId),
  authorize: (request) => ({ action: "request.handle", scope: { teamId: request.sla.teamId } }),
  run: (tx, request, input, principal) => deliverRequest(tx, request, input, principal.personId),
  revalidate: (_d, input) => requestPaths(input.requestId),
  notFound: "That request no longer exists.",
});

/**
 * Escalates a request to the next step of its SLA's escalation path, notifying that person. Allowed: the
 * requesting team's agile lead or product owner (the people waiting on it), leaders.
 */
export const escalateRequestAction = guardedAction({
  name: "services.escalateRequest",
  schema: EscalateRequestSchema,
  load: (tx, input) => loadRequest(tx, input.requestId),
  authorize: (request) => ({ action: "request.file", scope: { teamId: request.requestingTeamId } }),
  run: (tx, request, input, principal) => escalateRequest(tx, request, input, principal.personId),
  revalidate: (_d, input) => requestPaths(input.requestId),
  notFound: "That request no longer exists.",
});
