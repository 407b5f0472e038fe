import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ValueStreamKind } from "@/lib/generated/prisma/enums";

export interface ValueStreamOption {
  id: number;
  name: string;
}

/** Value streams a team can be aligned to. */
export async function listValueStreamOptions(): Promise<ValueStreamOption[]> {
  return getDb().valueStream.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } });
}

export interface ValueStreamRow {
  id: number;
  name: string;
  kind: ValueStreamKind;
  description: string;
  /** Active delivery pods aligned to the stream, by name. */
  pods: { id: number; name: string }[];
  /** Active shared services aligned to the stream (rare: services usually serve every stream). */
  serviceCount: number;
  /** Distinct people in a delivery role in the stream's pods. */
  deliveryPeople: number;
  /** Value-stream objectives that are active. */
  activeObjectives: number;
  kpiCount: number;
  /** True when at least one delivery pod serves the stream. */
  covered: boolean;
}

/**
 * Every value stream with the pods that serve it, aggregated in SQL. A stream with no delivery pod is not
 * covered (DOMAIN.md: value stream coverage).
 */
export async function listValueStreams(): Promise<ValueStreamRow[]> {
  return getDb().$queryRaw<ValueStreamRow[]>(Prisma.sql`
    SELECT vs.id,
           vs.name,
           vs.kind::text AS kind,
           vs.description,
           COALESCE((SELECT jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name) ORDER BY t.name)
                       FROM team t WHERE t.value_stream_id = vs.id AND t.kind = 'DELIVERY_POD' AND t.archived_at IS NULL), '[]'::jsonb) AS pods,
           (SELECT COUNT(*) FROM team t WHERE t.value_stream_id = vs.id AND t.kind = 'SHARED_SERVICE' AND t.archived_at IS NULL)::int AS "serviceCount",
           (SELECT COUNT(DISTINCT m.person_id)
              FROM membership m JOIN team t ON t.id = m.team_id
             WHERE t.value_stream_id = vs.id AND t.kind = 'DELIVERY_POD' AND t.archived_at IS NULL AND m.role <> 'OVERSIGHT')::int AS "deliveryPeople",
           (SELECT COUNT(*) FROM objective o WHERE o.value_stream_id = vs.id AND o.level = 'VALUE_STREAM' AND o.status = 'ACTIVE')::int AS "activeObjectives",
           (SELECT COUNT(*) FROM kpi k WHERE k.value_stream_id = vs.id)::int AS "kpiCount",
           EXISTS (SELECT 1 FROM team t WHERE t.value_stream_id = vs.id AND t.kind = 'DELIVERY_POD' AND t.archived_at IS NULL) AS covered
      FROM value_stream vs
     ORDER BY vs.id
  `);
}

export interface ValueStreamCoverage {
  streams: number;
  covered: number;
  /** covered ÷ streams as a whole percentage (null with no streams). */
  coveragePct: number | null;
}

/** Value stream coverage = value streams with at least one active delivery pod ÷ value streams (in SQL). */
export async function getValueStreamCoverage(): Promise<ValueStreamCoverage> {
  const [row] = await getDb().$queryRaw<ValueStreamCoverage[]>(Prisma.sql`
    WITH s AS (
      SELECT EXISTS (SELECT 1 FROM team t WHERE t.value_stream_id = vs.id AND t.kind = 'DELIVERY_POD' AND t.archived_at IS NULL) AS covered
        FROM value_stream vs
    )
    SELECT COUNT(*)::int AS streams,
           COUNT(*) FILTER (WHERE covered)::int AS covered,
           ROUND(100.0 * COUNT(*) FILTER (WHERE covered) / NULLIF(COUNT(*), 0))::int AS "coveragePct"
      FROM s
  `);
  return row ?? { streams: 0, covered: 0, coveragePct: null };
}
