import { extendZodWithOpenApi } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

extendZodWithOpenApi(z);

/**
 * What the REST API returns, as zod schemas: the OpenAPI document is generated from these (lib/api/openapi.ts),
 * and the contract test parses every live answer with them. Request bodies are the server actions' own schemas
 * (lib/<domain>/schema.ts), so the API validates exactly as the UI does.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ example: "2026-03-30" });
const instant = z.string().openapi({ format: "date-time", example: "2026-03-30T09:15:00.000Z" });

export const TeamDto = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    name: z.string(),
    kind: z.enum(["DELIVERY_POD", "SHARED_SERVICE"]),
    shape: z.enum(["CROSS_FUNCTIONAL", "FUNCTIONAL", "HYBRID"]),
    mission: z.string(),
    valueStreamId: z.number().int().nullable(),
    wipLimit: z.number().int(),
    cadenceDays: z.number().int(),
    archived: z.boolean(),
    version: z.number().int(),
  })
  .openapi("Team");

export const PersonDto = z
  .object({
    id: z.number().int(),
    name: z.string(),
    title: z.string(),
    memberships: z.array(z.object({ teamId: z.number().int(), role: z.string(), allocationPct: z.number().int() })),
  })
  .openapi("Person");

export const ItemDto = z
  .object({
    id: z.number().int(),
    key: z.string(),
    level: z.enum(["THEME", "EPIC", "FEATURE", "STORY"]),
    isTask: z.boolean(),
    title: z.string(),
    description: z.string(),
    status: z.string(),
    parentId: z.number().int().nullable(),
    teamId: z.number().int().nullable(),
    rank: z.string(),
    estimate: z.number().int().nullable(),
    ownerPersonId: z.number().int().nullable(),
    acceptanceCriteria: z.string(),
    briefUrl: z.string().nullable(),
    labels: z.array(z.string()),
    createdAt: instant,
    updatedAt: instant,
    version: z.number().int(),
  })
  .openapi("Item");

export const DependencyDto = z
  .object({
    id: z.number().int(),
    key: z.string(),
    type: z.string(),
    status: z.string(),
    description: z.string(),
    fromTeamId: z.number().int(),
    toTeamId: z.number().int(),
    fromItemId: z.number().int().nullable(),
    toItemId: z.number().int().nullable(),
    fromOwnerId: z.number().int(),
    toOwnerId: z.number().int(),
    neededBy: day,
    resolvedAt: instant.nullable(),
    version: z.number().int(),
  })
  .openapi("Dependency");

export const ServiceRequestDto = z
  .object({
    id: z.number().int(),
    key: z.string(),
    title: z.string(),
    status: z.enum(["SUBMITTED", "ACCEPTED", "DELIVERED", "ESCALATED"]),
    slaId: z.number().int(),
    serviceTeamId: z.number().int(),
    requestingTeamId: z.number().int(),
    requesterId: z.number().int(),
    assigneeId: z.number().int().nullable(),
    submittedAt: instant,
    dueAt: instant,
    deliveredAt: instant.nullable(),
    escalationLevel: z.number().int(),
    version: z.number().int(),
  })
  .openapi("ServiceRequest");

export const SprintDto = z
  .object({
    id: z.number().int(),
    teamId: z.number().int(),
    number: z.number().int(),
    startDate: day,
    endDate: day,
    goal: z.string(),
    capacityPoints: z.number().int(),
    status: z.enum(["PLANNED", "ACTIVE", "CLOSED"]),
    goalMet: z.boolean().nullable(),
    completedPoints: z.number().int().nullable(),
    version: z.number().int(),
  })
  .openapi("Sprint");

export const KpiDto = z
  .object({
    id: z.number().int(),
    key: z.string(),
    name: z.string(),
    definition: z.string(),
    unit: z.string(),
    direction: z.enum(["HIGHER_IS_BETTER", "LOWER_IS_BETTER"]),
    target: z.number(),
    frequency: z.enum(["WEEKLY", "BIWEEKLY", "MONTHLY", "QUARTERLY"]),
    scope: z.enum(["TEAM", "VALUE_STREAM", "PORTFOLIO"]),
    teamId: z.number().int().nullable(),
    valueStreamId: z.number().int().nullable(),
    dataOwnerId: z.number().int(),
    version: z.number().int(),
  })
  .openapi("Kpi");

export const MeasurementDto = z
  .object({ id: z.number().int(), kpiId: z.number().int(), periodStart: day, value: z.number(), recordedAt: instant })
  .openapi("Measurement");

export const ObjectiveDto = z
  .object({
    id: z.number().int(),
    key: z.string(),
    title: z.string(),
    level: z.enum(["PORTFOLIO", "VALUE_STREAM", "TEAM"]),
    status: z.string(),
    parentId: z.number().int().nullable(),
    teamId: z.number().int().nullable(),
    valueStreamId: z.number().int().nullable(),
    periodStart: day,
    periodEnd: day,
    keyResults: z.array(
      z.object({ id: z.number().int(), title: z.string(), unit: z.string(), baseline: z.number(), target: z.number(), current: z.number(), direction: z.string() }),
    ),
    version: z.number().int(),
  })
  .openapi("Objective");

export const MetricDto = z
  .object({
    id: z.string(),
    display: z.string().openapi({ description: "The headline as the dashboard shows it ('43%', '2.5 d', '—')." }),
    value: z.number().nullable(),
    detail: z.string(),
    unit: z.string(),
    numerator: z.number().optional(),
    denominator: z.number().optional(),
  })
  .openapi("Metric");

export const MetricsDto = z
  .object({ period: z.object({ start: day, end: day }), scope: z.string(), metrics: z.array(MetricDto) })
  .openapi("Metrics");

export const MeDto = z
  .object({
    userId: z.number().int(),
    personId: z.number().int().nullable(),
    name: z.string(),
    orgRole: z.enum(["ADMIN", "LEADER", "MEMBER", "VIEWER"]),
    token: z.object({ name: z.string(), scope: z.enum(["READ", "READ_WRITE"]), expiresAt: instant }),
  })
  .openapi("Me");

export const ProblemDto = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.record(z.string(), z.string()).optional(),
    currentVersion: z.number().int().nullable().optional(),
  })
  .openapi("Problem");

export function page<T extends z.ZodType>(item: T, name: string) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() }).openapi(name);
}

export const ListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: "Page size, 1–200 (default 50)." }),
  cursor: z.string().max(100).optional().openapi({ description: "`nextCursor` of the previous page." }),
});

export const IdParam = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647).openapi({ param: { name: "id", in: "path" }, example: 12 }) });

export type TeamDto = z.infer<typeof TeamDto>;
export type PersonDto = z.infer<typeof PersonDto>;
export type ItemDto = z.infer<typeof ItemDto>;
export type DependencyDto = z.infer<typeof DependencyDto>;
export type ServiceRequestDto = z.infer<typeof ServiceRequestDto>;
export type SprintDto = z.infer<typeof SprintDto>;
export type KpiDto = z.infer<typeof KpiDto>;
export type MeasurementDto = z.infer<typeof MeasurementDto>;
export type ObjectiveDto = z.infer<typeof ObjectiveDto>;
