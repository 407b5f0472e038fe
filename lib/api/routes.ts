import "server-only";
import { z } from "zod";
import { createItemAction, moveItemAction, setItemStatusAction, updateItemAction } from "@/lib/backlog/actions";
import { CreateItemSchema, MoveItemSchema, SetItemStatusSchema, UpdateItemSchema } from "@/lib/backlog/schema";
import { logDependencyAction } from "@/lib/dependencies/actions";
import { LogDependencySchema } from "@/lib/dependencies/schema";
import { recordMeasurementAction } from "@/lib/kpis/actions";
import { RecordMeasurementSchema } from "@/lib/kpis/schema";
import { getDashboardMetrics } from "@/lib/metrics/queries";
import { parseSelection } from "@/lib/metrics/period";
import { orderedSummaries } from "@/lib/metrics/summary";
import { orgToday } from "@/lib/api/today";
import { fileRequestAction } from "@/lib/services/actions";
import { FileRequestSchema } from "@/lib/services/schema";
import type { ActionResult } from "@/lib/actions/result";
import { encodeCursor, etag, json, problem, refusalProblem } from "./http";
import * as q from "./queries";
import {
  DependencyDto, IdParam, ItemDto, KpiDto, ListQuery, MeasurementDto, MeDto, MetricsDto, ObjectiveDto, page, PersonDto, ServiceRequestDto, SprintDto, TeamDto,
} from "./schemas";

/**
 * Every REST API v1 operation, in one table: the dispatcher (lib/api/dispatch.ts) serves these and nothing else,
 * the OpenAPI document (lib/api/openapi.ts) is generated from them, and the contract and guard tests iterate
 * them. Writes call the same server actions as the UI (through actAs), so validation, authorization, version
 * checks and audit are the UI's own.
 */
export interface ApiContext {
  params: Record<string, number>;
  query: Record<string, unknown>;
  body: unknown;
  /** The version an If-Match header named (required by operations with `ifMatch`). */
  ifMatch: number | null;
  me: { userId: number; personId: number | null; name: string; orgRole: "ADMIN" | "LEADER" | "MEMBER" | "VIEWER"; token: { name: string; scope: "READ" | "READ_WRITE"; expiresAt: string } };
}

export interface ApiRoute {
  method: "get" | "post" | "patch";
  /** OpenAPI path template, e.g. "/items/{id}". */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  /** Writes need a read-write token. */
  write: boolean;
  /** PATCH-style updates need If-Match with the record's version (ETag). */
  ifMatch?: boolean;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The success status and body schema. */
  status: 200 | 201;
  response: z.ZodType;
  handle: (ctx: ApiContext) => Promise<Response>;
}

const pageQuery = (extra: z.ZodRawShape = {}) => ListQuery.extend(extra);
const teamFilter = { teamId: z.coerce.number().int().min(1).max(2_147_483_647).optional().openapi({ description: "Only this team's rows." }) };

function paged<T extends { id: number }>(p: q.Page<T>): Response {
  return json({ data: p.rows, nextCursor: p.lastId === null ? null : encodeCursor(p.lastId) });
}

function one<T extends object>(row: T | null, what: string): Response {
  if (!row) return problem(404, `That ${what} does not exist.`);
  const version = (row as { version?: unknown }).version;
  return json(row, 200, typeof version === "number" ? { etag: etag(version) } : {});
}

/** A guarded action's answer as HTTP: the record re-read (with its ETag), or the refusal as problem+json. */
async function written<R>(result: ActionResult<R>, reread: (data: R) => Promise<{ version?: number } | null>, status: 200 | 201 = 200): Promise<Response> {
  if (!result.ok) return refusalProblem(result);
  const row = await reread(result.data);
  if (!row) return problem(500, "The change was saved but could not be read back.");
  return json(row, status, row.version ? { etag: etag(row.version) } : {});
}

const cursorOf = (ctx: ApiContext) => (ctx.query.cursorId as number | null) ?? null;
const limitOf = (ctx: ApiContext) => ctx.query.limit as number;
const STATUS_FILTER = z.string().regex(/^[A-Z_]{3,20}$/).optional().openapi({ description: "Only rows in this status." });

/** Fields of a body that come from the path or If-Match instead. */
const ItemUpdateBody = UpdateItemSchema.omit({ itemId: true, version: true });
const ItemStatusBody = SetItemStatusSchema.omit({ itemId: true, version: true });
const ItemMoveBody = MoveItemSchema.omit({ itemId: true });
const MeasurementBody = RecordMeasurementSchema.omit({ kpiId: true });

export const ROUTES: ApiRoute[] = [
  {
    method: "get", path: "/me", operationId: "getMe", summary: "The token's user and the token itself", tag: "Account", write: false, status: 200, response: MeDto,
    handle: async (ctx) => json(ctx.me),
  },
  // ───── teams and people
  {
    method: "get", path: "/teams", operationId: "listTeams", summary: "Teams (pods and shared services)", tag: "Teams", write: false, status: 200,
    query: pageQuery(), response: page(TeamDto, "TeamPage"),
    handle: async (ctx) => paged(await q.listTeamsPage(limitOf(ctx), cursorOf(ctx))),
  },
  {
    method: "get", path: "/teams/{id}", operationId: "getTeam", summary: "One team", tag: "Teams", write: false, status: 200, params: IdParam, response: TeamDto,
    handle: async (ctx) => one(await q.getTeamDto(ctx.params.id!), "team"),
  },
  {
    method: "get", path: "/people", operationId: "listPeople", summary: "People with their team memberships", tag: "Teams", write: false, status: 200,
    query: pageQuery(), response: page(PersonDto, "PersonPage"),
    handle: async (ctx) => paged(await q.listPeoplePage(limitOf(ctx), cursorOf(ctx))),
  },
  {
    method: "get", path: "/people/{id}", operationId: "getPerson", summary: "One person", tag: "Teams", write: false, status: 200, params: IdParam, response: PersonDto,
    handle: async (ctx) => one(await q.getPersonDto(ctx.params.id!), "person"),
  },
  // ───── backlog items
  {
    method: "get", path: "/items", operationId: "listItems", summary: "Backlog items (themes, epics, features, stories)", tag: "Items", write: false, status: 200,
    query: pageQuery({ ...teamFilter, level: z.enum(["THEME", "EPIC", "FEATURE", "STORY"]).optional(), status: STATUS_FILTER }),
    response: page(ItemDto, "ItemPage"),
    handle: async (ctx) =>
      paged(await q.listItemsPage({ teamId: ctx.query.teamId as number | undefined, level: ctx.query.level as ItemDto["level"] | undefined, status: ctx.query.status as string | undefined }, limitOf(ctx), cursorOf(ctx))),
  },
  {
    method: "get", path: "/items/{id}", operationId: "getItem", summary: "One backlog item (ETag: its version)", tag: "Items", write: false, status: 200, params: IdParam, response: ItemDto,
    handle: async (ctx) => one(await q.getItemDto(ctx.params.id!), "item"),
  },
  {
    method: "post", path: "/items", operationId: "createItem", summary: "Create an item (a team's product owner or a leader; themes and epics: leaders)", tag: "Items", write: true, status: 201,
    body: CreateItemSchema, response: ItemDto,
    handle: async (ctx) => written(await createItemAction(ctx.body as never), (d) => q.getItemDto(d.id), 201),
  },
  {
    method: "patch", path: "/items/{id}", operationId: "updateItem", summary: "Edit an item (If-Match: its ETag)", tag: "Items", write: true, ifMatch: true, status: 200,
    params: IdParam, body: ItemUpdateBody, response: ItemDto,
    handle: async (ctx) => written(await updateItemAction({ ...(ctx.body as object), itemId: ctx.params.id!, version: ctx.ifMatch! } as never), () => q.getItemDto(ctx.params.id!)),
  },
  {
    method: "post", path: "/items/{id}/status", operationId: "setItemStatus", summary: "Change an item's status (If-Match: its ETag)", tag: "Items", write: true, ifMatch: true, status: 200,
    params: IdParam, body: ItemStatusBody, response: ItemDto,
    handle: async (ctx) => written(await setItemStatusAction({ ...(ctx.body as object), itemId: ctx.params.id!, version: ctx.ifMatch! } as never), () => q.getItemDto(ctx.params.id!)),
  },
  {
    method: "post", path: "/items/{id}/move", operationId: "moveItem", summary: "Re-rank an item: place it right after another (afterId null: at the top)", tag: "Items", write: true, status: 200,
    params: IdParam, body: ItemMoveBody, response: ItemDto,
    handle: async (ctx) => written(await moveItemAction({ ...(ctx.body as object), itemId: ctx.params.id! } as never), () => q.getItemDto(ctx.params.id!)),
  },
  // ───── dependencies and requests
  {
    method: "get", path: "/dependencies", operationId: "listDependencies", summary: "Cross-team dependencies", tag: "Dependencies", write: false, status: 200,
    query: pageQuery({ ...teamFilter, status: STATUS_FILTER }), response: page(DependencyDto, "DependencyPage"),
    handle: async (ctx) => paged(await q.listDependenciesPage({ teamId: ctx.query.teamId as number | undefined, status: ctx.query.status as string | undefined }, limitOf(ctx), cursorOf(ctx))),
  },
  {
    method: "get", path: "/dependencies/{id}", operationId: "getDependency", summary: "One dependency", tag: "Dependencies", write: false, status: 200, params: IdParam, response: DependencyDto,
    handle: async (ctx) => one(await q.getDependencyDto(ctx.params.id!), "dependency"),
  },
  {
    method: "post", path: "/dependencies", operationId: "logDependency", summary: "Log a dependency (the from-team's agile lead or product owner, leaders)", tag: "Dependencies", write: true, status: 201,
    body: LogDependencySchema, response: DependencyDto,
    handle: async (ctx) => written(await logDependencyAction(ctx.body as never), (d) => q.getDependencyDto((d as { id: number }).id), 201),
  },
  {
    method: "get", path: "/service-requests", operationId: "listServiceRequests", summary: "Requests to shared services (with SLA due times)", tag: "Service requests", write: false, status: 200,
    query: pageQuery({ ...teamFilter, status: STATUS_FILTER }), response: page(ServiceRequestDto, "ServiceRequestPage"),
    handle: async (ctx) => paged(await q.listRequestsPage({ teamId: ctx.query.teamId as number | undefined, status: ctx.query.status as string | undefined }, limitOf(ctx), cursorOf(ctx))),
  },
  {
    method: "get", path: "/service-requests/{id}", operationId: "getServiceRequest", summary: "One service request", tag: "Service requests", write: false, status: 200, params: IdParam, response: ServiceRequestDto,
    handle: async (ctx) => one(await q.getRequestDto(ctx.params.id!), "request"),
  },
  {
    method: "post", path: "/service-requests", operationId: "fileServiceRequest", summary: "File a request under an SLA (the requesting team's leads, leaders)", tag: "Service requests", write: true, status: 201,
    body: FileRequestSchema, response: ServiceRequestDto,
    handle: async (ctx) => written(await fileRequestAction(ctx.body as never), (d) => q.getRequestDto((d as { requestId: number }).requestId), 201),
  },
  // ───── sprints, KPIs, objectives, metrics
  {
    method: "get", path: "/sprints", operationId: "listSprints", summary: "Sprints", tag: "Sprints", write: false, status: 200,
    query: pageQuery({ ...teamFilter, status: z.enum(["PLANNED", "ACTIVE", "CLOSED"]).optional() }), response: page(SprintDto, "SprintPage"),
    handle: async (ctx) => paged(await q.listSprintsPage({ teamId: ctx.query.teamId as number | undefined, status: ctx.query.status as string | undefined }, limitOf(ctx), cursorOf(ctx))),
  },
  {
    method: "get", path: "/kpis", operationId: "listKpis", summary: "KPIs", tag: "KPIs", write: false, status: 200, query: pageQuery(), response: page(KpiDto, "KpiPage"),
    handle: async (ctx) => paged(await q.listKpisPage(limitOf(ctx), cursorOf(ctx))),
  },
  {
    method: "get", path: "/kpis/{id}/measurements", operationId: "listMeasurements", summary: "A KPI's measurements", tag: "KPIs", write: false, status: 200,
    params: IdParam, query: pageQuery(), response: page(MeasurementDto, "MeasurementPage"),
    handle: async (ctx) => ((await q.getKpiDto(ctx.params.id!)) ? paged(await q.listMeasurementsPage(ctx.params.id!, limitOf(ctx), cursorOf(ctx))) : problem(404, "That KPI does not exist.")),
  },
  {
    method: "post", path: "/kpis/{id}/measurements", operationId: "recordMeasurement", summary: "Record a measurement (the KPI's data owner, leaders; a period again replaces its value)", tag: "KPIs", write: true, status: 200,
    params: IdParam, body: MeasurementBody, response: page(MeasurementDto, "MeasurementPage"),
    handle: async (ctx) => {
      const result = await recordMeasurementAction({ ...(ctx.body as object), kpiId: ctx.params.id! } as never);
      if (!result.ok) return refusalProblem(result);
      return paged(await q.listMeasurementsPage(ctx.params.id!, 200, null));
    },
  },
  {
    method: "get", path: "/objectives", operationId: "listObjectives", summary: "Objectives with their key results", tag: "OKRs", write: false, status: 200, query: pageQuery(), response: page(ObjectiveDto, "ObjectivePage"),
    handle: async (ctx) => paged(await q.listObjectivesPage(limitOf(ctx), cursorOf(ctx))),
  },
  {
    method: "get", path: "/metrics", operationId: "getMetrics", summary: "The dashboard's metrics for a period and scope (as defined in DOMAIN.md)", tag: "Metrics", write: false, status: 200,
    query: z.object({
      period: z.enum(["2w", "4w", "12w", "quarter", "last-quarter"]).optional().openapi({ description: "Preset period (default 4w)." }),
      scope: z.string().regex(/^(portfolio|vs:\d{1,10}|team:\d{1,10})$/).optional().openapi({ description: "portfolio (default), vs:<id> or team:<id>." }),
    }),
    response: MetricsDto,
    handle: async (ctx) => {
      const selection = parseSelection({ period: ctx.query.period as string | undefined, scope: ctx.query.scope as string | undefined }, await orgToday());
      const metrics = orderedSummaries(await getDashboardMetrics(selection));
      return json({
        period: selection.period,
        scope: (ctx.query.scope as string | undefined) ?? "portfolio",
        metrics: metrics.map((m) => ({ id: m.id, display: m.display, value: m.value, detail: m.detail, unit: m.unit, ...(m.numerator !== undefined ? { numerator: m.numerator } : {}), ...(m.denominator !== undefined ? { denominator: m.denominator } : {}) })),
      });
    },
  },
];
