import "server-only";
import { getDb } from "@/lib/db/client";
import type { DependencyDto, ItemDto, KpiDto, MeasurementDto, ObjectiveDto, PersonDto, ServiceRequestDto, SprintDto, TeamDto } from "./schemas";

/**
 * The API's reads: one bounded page at a time in id order (keyset: `id > cursor`), plain DTOs, nothing the
 * caller did not ask for. Reads are open to every active user (as in the app); writes go through the guarded
 * server actions.
 */
export interface Page<T> {
  rows: T[];
  /** The last row's id when there may be more. */
  lastId: number | null;
}

const db = () => getDb();
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const dayText = (d: Date) => d.toISOString().slice(0, 10);

function pageOf<T extends { id: number }>(rows: T[], limit: number): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { rows: kept, lastId: more ? (kept.at(-1)?.id ?? null) : null };
}

const after = (cursor: number | null) => (cursor === null ? {} : { id: { gt: cursor } });

// ───────────────────────────── tokens ─────────────────────────────

export async function findTokenByHash(hash: string) {
  return db().apiToken.findUnique({
    where: { tokenHash: hash },
    select: { id: true, userId: true, name: true, scope: true, expiresAt: true, revokedAt: true, lastUsedAt: true, user: { select: { active: true } } },
  });
}

export interface ApiTokenRow {
  id: number;
  name: string;
  prefix: string;
  scope: "READ" | "READ_WRITE";
  expiresAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}

/** A user's tokens, newest first (at most 100: nobody needs more). */
export async function listApiTokens(userId: number): Promise<ApiTokenRow[]> {
  return db().apiToken.findMany({
    where: { userId },
    orderBy: { id: "desc" },
    take: 100,
    select: { id: true, name: true, prefix: true, scope: true, expiresAt: true, revokedAt: true, lastUsedAt: true, createdAt: true },
  });
}

// ───────────────────────────── teams and people ─────────────────────────────

const teamSelect = { id: true, slug: true, name: true, kind: true, shape: true, mission: true, valueStreamId: true, wipLimit: true, cadenceDays: true, archivedAt: true, version: true } as const;
type TeamRow = { id: number; slug: string; name: string; kind: TeamDto["kind"]; shape: TeamDto["shape"]; mission: string; valueStreamId: number | null; wipLimit: number; cadenceDays: number; archivedAt: Date | null; version: number };
const teamDto = ({ archivedAt, ...t }: TeamRow): TeamDto => ({ ...t, archived: archivedAt !== null });

export async function listTeamsPage(limit: number, cursor: number | null): Promise<Page<TeamDto>> {
  const rows = await db().team.findMany({ where: after(cursor), orderBy: { id: "asc" }, take: limit + 1, select: teamSelect });
  return pageOf(rows.map(teamDto), limit);
}

export async function getTeamDto(id: number): Promise<TeamDto | null> {
  const row = await db().team.findUnique({ where: { id }, select: teamSelect });
  return row ? teamDto(row) : null;
}

const personSelect = { id: true, name: true, title: true, memberships: { select: { teamId: true, role: true, allocationPct: true }, orderBy: { teamId: "asc" as const } } } as const;

export async function listPeoplePage(limit: number, cursor: number | null): Promise<Page<PersonDto>> {
  return pageOf(await db().person.findMany({ where: after(cursor), orderBy: { id: "asc" }, take: limit + 1, select: personSelect }), limit);
}

export async function getPersonDto(id: number): Promise<PersonDto | null> {
  return db().person.findUnique({ where: { id }, select: personSelect });
}

// ───────────────────────────── items ─────────────────────────────

const itemSelect = {
  id: true, key: true, level: true, isTask: true, title: true, description: true, status: true, parentId: true, teamId: true, rank: true,
  estimate: true, ownerPersonId: true, acceptanceCriteria: true, briefUrl: true, labels: true, createdAt: true, updatedAt: true, version: true,
} as const;
type ItemRow = Omit<ItemDto, "createdAt" | "updatedAt"> & { createdAt: Date; updatedAt: Date };
const itemDto = (r: ItemRow): ItemDto => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });

export interface ItemFilter {
  teamId?: number;
  level?: ItemDto["level"];
  status?: string;
}

export async function listItemsPage(filter: ItemFilter, limit: number, cursor: number | null): Promise<Page<ItemDto>> {
  const rows = await db().backlogItem.findMany({
    where: {
      ...after(cursor),
      ...(filter.teamId ? { teamId: filter.teamId } : {}),
      ...(filter.level ? { level: filter.level } : {}),
      ...(filter.status ? { status: filter.status as never } : {}),
    },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: itemSelect,
  });
  return pageOf((rows as ItemRow[]).map(itemDto), limit);
}

export async function getItemDto(id: number): Promise<ItemDto | null> {
  const row = await db().backlogItem.findUnique({ where: { id }, select: itemSelect });
  return row ? itemDto(row as ItemRow) : null;
}

// ───────────────────────────── dependencies and requests ─────────────────────────────

const dependencySelect = {
  id: true, key: true, type: true, status: true, description: true, fromTeamId: true, toTeamId: true, fromItemId: true, toItemId: true,
  fromOwnerId: true, toOwnerId: true, neededBy: true, resolvedAt: true, version: true,
} as const;
type DependencyRow = Omit<DependencyDto, "neededBy" | "resolvedAt"> & { neededBy: Date; resolvedAt: Date | null };
const dependencyDto = (r: DependencyRow): DependencyDto => ({ ...r, neededBy: dayText(r.neededBy), resolvedAt: iso(r.resolvedAt) });

export async function listDependenciesPage(filter: { teamId?: number; status?: string }, limit: number, cursor: number | null): Promise<Page<DependencyDto>> {
  const rows = await db().dependency.findMany({
    where: {
      ...after(cursor),
      ...(filter.teamId ? { OR: [{ fromTeamId: filter.teamId }, { toTeamId: filter.teamId }] } : {}),
      ...(filter.status ? { status: filter.status as never } : {}),
    },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: dependencySelect,
  });
  return pageOf((rows as DependencyRow[]).map(dependencyDto), limit);
}

export async function getDependencyDto(id: number): Promise<DependencyDto | null> {
  const row = await db().dependency.findUnique({ where: { id }, select: dependencySelect });
  return row ? dependencyDto(row as DependencyRow) : null;
}

const requestSelect = {
  id: true, key: true, title: true, status: true, slaId: true, requestingTeamId: true, requesterId: true, assigneeId: true, submittedAt: true,
  dueAt: true, deliveredAt: true, escalationLevel: true, version: true, sla: { select: { teamId: true } },
} as const;
type RequestRow = Omit<ServiceRequestDto, "submittedAt" | "dueAt" | "deliveredAt" | "serviceTeamId"> & { submittedAt: Date; dueAt: Date; deliveredAt: Date | null; sla: { teamId: number } };
const requestDto = ({ sla, ...r }: RequestRow): ServiceRequestDto => ({
  ...r,
  serviceTeamId: sla.teamId,
  submittedAt: r.submittedAt.toISOString(),
  dueAt: r.dueAt.toISOString(),
  deliveredAt: iso(r.deliveredAt),
});

export async function listRequestsPage(filter: { teamId?: number; status?: string }, limit: number, cursor: number | null): Promise<Page<ServiceRequestDto>> {
  const rows = await db().serviceRequest.findMany({
    where: {
      ...after(cursor),
      ...(filter.teamId ? { OR: [{ requestingTeamId: filter.teamId }, { sla: { teamId: filter.teamId } }] } : {}),
      ...(filter.status ? { status: filter.status as never } : {}),
    },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: requestSelect,
  });
  return pageOf((rows as RequestRow[]).map(requestDto), limit);
}

export async function getRequestDto(id: number): Promise<ServiceRequestDto | null> {
  const row = await db().serviceRequest.findUnique({ where: { id }, select: requestSelect });
  return row ? requestDto(row as RequestRow) : null;
}

// ───────────────────────────── sprints, KPIs, objectives ─────────────────────────────

export async function listSprintsPage(filter: { teamId?: number; status?: string }, limit: number, cursor: number | null): Promise<Page<SprintDto>> {
  const rows = await db().sprint.findMany({
    where: { ...after(cursor), ...(filter.teamId ? { teamId: filter.teamId } : {}), ...(filter.status ? { status: filter.status as never } : {}) },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: { id: true, teamId: true, number: true, startDate: true, endDate: true, goal: true, capacityPoints: true, status: true, goalMet: true, completedPoints: true, version: true },
  });
  return pageOf(rows.map((s) => ({ ...s, startDate: dayText(s.startDate), endDate: dayText(s.endDate) })), limit);
}

const kpiSelect = { id: true, key: true, name: true, definition: true, unit: true, direction: true, target: true, frequency: true, scope: true, teamId: true, valueStreamId: true, dataOwnerId: true, version: true } as const;

export async function listKpisPage(limit: number, cursor: number | null): Promise<Page<KpiDto>> {
  return pageOf(await db().kpi.findMany({ where: after(cursor), orderBy: { id: "asc" }, take: limit + 1, select: kpiSelect }), limit);
}

export async function getKpiDto(id: number): Promise<KpiDto | null> {
  return db().kpi.findUnique({ where: { id }, select: kpiSelect });
}

export async function listMeasurementsPage(kpiId: number, limit: number, cursor: number | null): Promise<Page<MeasurementDto>> {
  const rows = await db().kpiMeasurement.findMany({
    where: { kpiId, ...after(cursor) },
    orderBy: { id: "asc" },
    take: limit + 1,
    select: { id: true, kpiId: true, periodStart: true, value: true, recordedAt: true },
  });
  return pageOf(rows.map((m) => ({ ...m, periodStart: dayText(m.periodStart), recordedAt: m.recordedAt.toISOString() })), limit);
}

export async function listObjectivesPage(limit: number, cursor: number | null): Promise<Page<ObjectiveDto>> {
  const rows = await db().objective.findMany({
    where: after(cursor),
    orderBy: { id: "asc" },
    take: limit + 1,
    select: {
      id: true, key: true, title: true, level: true, status: true, parentId: true, teamId: true, valueStreamId: true, periodStart: true, periodEnd: true, version: true,
      keyResults: { orderBy: { id: "asc" }, take: 50, select: { id: true, title: true, unit: true, baseline: true, target: true, current: true, direction: true } },
    },
  });
  return pageOf(rows.map((o) => ({ ...o, periodStart: dayText(o.periodStart), periodEnd: dayText(o.periodEnd) })), limit);
}
