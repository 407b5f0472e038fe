import "server-only";
import { getDb } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Direction, KpiFrequency, KpiScope } from "@/lib/generated/prisma/enums";
import { orgTodaySql } from "@/lib/organization/sql-fragments";

const db = () => getDb();

/** One period of the KPI's frequency, as an SQL interval. */
const PERIOD = Prisma.sql`(CASE k.frequency WHEN 'WEEKLY' THEN interval '7 days' WHEN 'BIWEEKLY' THEN interval '14 days'
  WHEN 'MONTHLY' THEN interval '1 month' ELSE interval '3 months' END)`;

/**
 * Overdue for its frequency (see lib/kpis/periods.ts): `due` is the day by which the next measurement should be
 * in — the end of the period after the latest measured one (latest period start + 2 periods), or, never measured,
 * one period after the KPI was defined; overdue when that day has come.
 */
const DUE = Prisma.sql`COALESCE(m.period_start + 2 * ${PERIOD},
  (k.created_at AT TIME ZONE COALESCE((SELECT o.timezone FROM organization o ORDER BY o.id LIMIT 1), 'Europe/London'))::date + ${PERIOD})::date`;

export interface KpiRow {
  id: number;
  key: string;
  name: string;
  definition: string;
  unit: string;
  direction: Direction;
  target: number;
  frequency: KpiFrequency;
  scope: KpiScope;
  /** The team or value stream the KPI is scoped to (null for portfolio KPIs). */
  scopeName: string | null;
  teamId: number | null;
  valueStreamId: number | null;
  dataOwnerId: number;
  dataOwner: string;
  latestValue: number | null;
  /** `YYYY-MM-DD` start of the latest measured period. */
  latestPeriod: string | null;
  /** Latest value meets the target in the KPI's direction; null without a measurement. */
  onTarget: boolean | null;
  /** The last twelve values, oldest first (the sparkline). */
  recent: number[];
  /** The day the next measurement is due by (`YYYY-MM-DD`), and whether that day has come. */
  dueBy: string;
  overdue: boolean;
}

const KPI_SELECT = Prisma.sql`
    SELECT k.id, k.key, k.name, k.definition, k.unit, k.direction::text AS direction, k.target,
           k.frequency::text AS frequency, k.scope::text AS scope, COALESCE(t.name, vs.name) AS "scopeName",
           k.team_id AS "teamId", k.value_stream_id AS "valueStreamId", k.data_owner_id AS "dataOwnerId", p.name AS "dataOwner",
           m.value AS "latestValue", to_char(m.period_start, 'YYYY-MM-DD') AS "latestPeriod",
           CASE
             WHEN m.value IS NULL THEN NULL
             WHEN k.direction = 'HIGHER_IS_BETTER' THEN m.value >= k.target
             ELSE m.value <= k.target
           END AS "onTarget",
           COALESCE((SELECT array_agg(r.value ORDER BY r.period_start)
                       FROM (SELECT km.value, km.period_start FROM kpi_measurement km WHERE km.kpi_id = k.id
                              ORDER BY km.period_start DESC LIMIT 12) r), ARRAY[]::float8[]) AS recent,
           to_char(${DUE}, 'YYYY-MM-DD') AS "dueBy",
           ${DUE} <= ${orgTodaySql} AS overdue
      FROM kpi k
      JOIN person p ON p.id = k.data_owner_id
      LEFT JOIN team t ON t.id = k.team_id
      LEFT JOIN value_stream vs ON vs.id = k.value_stream_id
      LEFT JOIN LATERAL (
        SELECT km.value, km.period_start FROM kpi_measurement km WHERE km.kpi_id = k.id ORDER BY km.period_start DESC LIMIT 1
      ) m ON true`;

/** The KPI catalogue: each KPI with its latest value, last twelve values and whether a measurement is overdue. */
export async function listKpis(): Promise<KpiRow[]> {
  return db().$queryRaw<KpiRow[]>(Prisma.sql`${KPI_SELECT} ORDER BY k.scope, COALESCE(t.name, vs.name), k.name`);
}

/** Every KPI whose measurement is overdue (the reminder job), through the caller's client or transaction. */
export async function listOverdueKpis(client: Tx): Promise<KpiRow[]> {
  return client.$queryRaw<KpiRow[]>(Prisma.sql`SELECT * FROM (${KPI_SELECT}) x WHERE x.overdue ORDER BY x."dueBy", x.name LIMIT 5000`);
}

/** The KPIs a person owns the data of whose measurement is overdue, most overdue first. */
export async function listOverdueKpisFor(personId: number): Promise<KpiRow[]> {
  return db().$queryRaw<KpiRow[]>(Prisma.sql`
    SELECT * FROM (${KPI_SELECT} WHERE k.data_owner_id = ${personId}) x WHERE x.overdue ORDER BY x."dueBy", x.name`);
}

export interface MeasurementDto {
  periodStart: string;
  value: number;
  recordedBy: string | null;
  recordedAt: string;
}

export interface KpiDetail extends KpiRow {
  version: number;
  keyResultId: number | null;
  keyResult: string | null;
  objectiveId: number | null;
  measurements: MeasurementDto[];
}

/** One KPI with every measurement (newest first), or null. */
export async function getKpi(kpiId: number): Promise<KpiDetail | null> {
  const [rows, extra, measurements] = await Promise.all([
    db().$queryRaw<KpiRow[]>(Prisma.sql`${KPI_SELECT} WHERE k.id = ${kpiId}`),
    db().kpi.findUnique({
      where: { id: kpiId },
      select: { version: true, keyResultId: true, keyResult: { select: { title: true, objectiveId: true, objective: { select: { key: true } } } } },
    }),
    db().$queryRaw<MeasurementDto[]>(Prisma.sql`
      SELECT to_char(km.period_start, 'YYYY-MM-DD') AS "periodStart", km.value, p.name AS "recordedBy",
             to_char(km.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"
        FROM kpi_measurement km LEFT JOIN person p ON p.id = km.recorded_by_id
       WHERE km.kpi_id = ${kpiId}
       ORDER BY km.period_start DESC`),
  ]);
  const row = rows[0];
  if (!row || !extra) return null;
  return {
    ...row,
    version: extra.version,
    keyResultId: extra.keyResultId,
    keyResult: extra.keyResult ? `${extra.keyResult.objective.key} · ${extra.keyResult.title}` : null,
    objectiveId: extra.keyResult?.objectiveId ?? null,
    measurements,
  };
}

export interface KpiFormOptions {
  people: { id: number; name: string }[];
  teams: { id: number; name: string }[];
  valueStreams: { id: number; name: string }[];
  keyResults: { id: number; label: string }[];
}

/** Choices for the KPI form. */
export async function getKpiFormOptions(): Promise<KpiFormOptions> {
  const [people, teams, valueStreams, keyResults] = await Promise.all([
    db().person.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().team.findMany({ where: { archivedAt: null }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().valueStream.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db().keyResult.findMany({
      where: { objective: { status: { in: ["ACTIVE", "DRAFT"] } } },
      orderBy: [{ objective: { key: "asc" } }, { id: "asc" }],
      select: { id: true, title: true, objective: { select: { key: true } } },
    }),
  ]);
  return { people, teams, valueStreams, keyResults: keyResults.map((k) => ({ id: k.id, label: `${k.objective.key} · ${k.title}` })) };
}
