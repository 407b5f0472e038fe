import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Direction, KpiFrequency, KpiScope } from "@/lib/generated/prisma/enums";

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
  dataOwner: string;
  latestValue: number | null;
  /** `YYYY-MM-DD` start of the latest measured period. */
  latestPeriod: string | null;
  /** Latest value meets the target in the KPI's direction; null without a measurement. */
  onTarget: boolean | null;
}

/** The KPI catalogue with each KPI's latest measurement (a LATERAL join picks it in SQL). */
export async function listKpis(): Promise<KpiRow[]> {
  return getDb().$queryRaw<KpiRow[]>(Prisma.sql`
    SELECT k.id,
           k.key,
           k.name,
           k.definition,
           k.unit,
           k.direction::text AS direction,
           k.target,
           k.frequency::text AS frequency,
           k.scope::text AS scope,
           COALESCE(t.name, vs.name) AS "scopeName",
           p.name AS "dataOwner",
           m.value AS "latestValue",
           to_char(m.period_start, 'YYYY-MM-DD') AS "latestPeriod",
           CASE
             WHEN m.value IS NULL THEN NULL
             WHEN k.direction = 'HIGHER_IS_BETTER' THEN m.value >= k.target
             ELSE m.value <= k.target
           END AS "onTarget"
      FROM kpi k
      JOIN person p ON p.id = k.data_owner_id
      LEFT JOIN team t ON t.id = k.team_id
      LEFT JOIN value_stream vs ON vs.id = k.value_stream_id
      LEFT JOIN LATERAL (
        SELECT km.value, km.period_start
          FROM kpi_measurement km
         WHERE km.kpi_id = k.id
         ORDER BY km.period_start DESC
         LIMIT 1
      ) m ON true
     ORDER BY k.scope, COALESCE(t.name, vs.name), k.name
  `);
}
