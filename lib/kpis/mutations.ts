import "server-only";
import { expectVersion } from "@/lib/actions/guarded";
import { refuse } from "@/lib/actions/result";
import type { AuditEntry } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Direction, KpiFrequency, KpiScope } from "@/lib/generated/prisma/enums";
import { orgTodaySql } from "@/lib/organization/sql-fragments";
import { MAX_ROWS, parseMeasurementsCsv } from "./measurements-csv";
import { periodStartProblem } from "./periods";

/*
 * Writes of the KPI catalogue inside the guarded action's transaction. Measurements are keyed by (KPI, period):
 * recording a period again replaces its value, so a re-upload of the same file changes nothing.
 */

const kpiSelect = {
  id: true,
  key: true,
  name: true,
  definition: true,
  unit: true,
  direction: true,
  target: true,
  frequency: true,
  dataOwnerId: true,
  scope: true,
  teamId: true,
  valueStreamId: true,
  keyResultId: true,
  version: true,
} as const;

export function loadKpi(tx: Tx, kpiId: number) {
  return tx.kpi.findUnique({ where: { id: kpiId }, select: kpiSelect });
}
export type KpiTarget = NonNullable<Awaited<ReturnType<typeof loadKpi>>>;

export interface KpiFields {
  name: string;
  definition: string;
  unit: string;
  direction: Direction;
  target: number;
  frequency: KpiFrequency;
  dataOwnerId: number;
  scope: KpiScope;
  teamId: number | null;
  valueStreamId: number | null;
  keyResultId: number | null;
}

/** Checks the references and clears what the scope does not use. */
async function resolveFields(tx: Tx, input: KpiFields): Promise<KpiFields> {
  const { name, definition, unit, direction, target, frequency, dataOwnerId, scope, teamId, valueStreamId, keyResultId } = input;
  const f: KpiFields = { name, definition, unit, direction, target, frequency, dataOwnerId, scope, teamId, valueStreamId, keyResultId };
  if (f.scope !== "TEAM") f.teamId = null;
  if (f.scope !== "VALUE_STREAM") f.valueStreamId = null;
  const [owner, team, vs, kr] = await Promise.all([
    tx.person.findUnique({ where: { id: f.dataOwnerId }, select: { id: true } }),
    f.teamId === null ? null : tx.team.findUnique({ where: { id: f.teamId }, select: { id: true, archivedAt: true } }),
    f.valueStreamId === null ? null : tx.valueStream.findUnique({ where: { id: f.valueStreamId }, select: { id: true } }),
    f.keyResultId === null ? null : tx.keyResult.findUnique({ where: { id: f.keyResultId }, select: { id: true } }),
  ]);
  if (!owner) throw refuse("INVALID", "That person no longer exists.", { fieldErrors: { dataOwnerId: "Choose another data owner" } });
  if (f.teamId !== null && (!team || team.archivedAt)) throw refuse("INVALID", "That team no longer exists.", { fieldErrors: { teamId: "Choose another team" } });
  if (f.valueStreamId !== null && !vs) throw refuse("INVALID", "That value stream no longer exists.", { fieldErrors: { valueStreamId: "Choose another value stream" } });
  if (f.keyResultId !== null && !kr) throw refuse("INVALID", "That key result no longer exists.", { fieldErrors: { keyResultId: "Choose another key result" } });
  return f;
}

async function nextKpiKey(tx: Tx): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('kpi-key'))`;
  const rows = await tx.$queryRaw<{ n: string }[]>`
    SELECT COALESCE(MAX(substring(key FROM '^KPI-([0-9]{1,9})$')::bigint), 0)::text AS n FROM kpi WHERE key LIKE 'KPI-%'`;
  return `KPI-${Number(rows[0]?.n ?? 0) + 1}`;
}

export async function createKpi(tx: Tx, input: KpiFields): Promise<{ data: { id: number; key: string }; audit: AuditEntry[] }> {
  const fields = await resolveFields(tx, input);
  const key = await nextKpiKey(tx);
  const created = await tx.kpi.create({ data: { key, ...fields }, select: kpiSelect });
  return { data: { id: created.id, key }, audit: [{ action: "kpi.create", entityType: "Kpi", entityId: created.id, teamId: created.teamId, after: created }] };
}

export async function updateKpi(tx: Tx, kpi: KpiTarget, input: KpiFields & { version: number }): Promise<{ data: { version: number }; audit: AuditEntry[] }> {
  const { version } = input;
  const fields = await resolveFields(tx, input);
  if (fields.frequency !== kpi.frequency) {
    // Existing measurements are keyed by period starts of the old frequency; refuse a change they would not fit.
    const misfit = await tx.$queryRaw<{ n: number }[]>`
      SELECT COUNT(*)::int AS n FROM kpi_measurement m
       WHERE m.kpi_id = ${kpi.id} AND NOT CASE ${fields.frequency}::text
         WHEN 'WEEKLY' THEN EXTRACT(ISODOW FROM m.period_start) = 1
         WHEN 'BIWEEKLY' THEN EXTRACT(ISODOW FROM m.period_start) = 1
         WHEN 'MONTHLY' THEN EXTRACT(DAY FROM m.period_start) = 1
         ELSE EXTRACT(DAY FROM m.period_start) = 1 AND EXTRACT(MONTH FROM m.period_start)::int % 3 = 1 END`;
    if ((misfit[0]?.n ?? 0) > 0) {
      throw refuse("INVALID", `${misfit[0]!.n} recorded periods do not start where a ${fields.frequency.toLowerCase()} period starts; keep the frequency or start a new KPI.`, {
        fieldErrors: { frequency: "Does not fit the recorded periods" },
      });
    }
  }
  await expectVersion(
    tx,
    { type: "Kpi", id: kpi.id, label: kpi.key },
    () => tx.kpi.updateMany({ where: { id: kpi.id, version }, data: { ...fields, version: { increment: 1 } } }),
    async () => (await loadKpi(tx, kpi.id))?.version ?? null,
  );
  const after = await loadKpi(tx, kpi.id);
  return { data: { version: after!.version }, audit: [{ action: "kpi.update", entityType: "Kpi", entityId: kpi.id, teamId: after!.teamId, before: kpi, after }] };
}

async function orgToday(tx: Tx): Promise<string> {
  const rows = await tx.$queryRaw<{ today: string }[]>(Prisma.sql`SELECT to_char(${orgTodaySql}, 'YYYY-MM-DD') AS today`);
  return rows[0]!.today;
}

/**
 * Upserts measurements of one KPI by period in one statement; a period whose value is unchanged is left alone
 * (not even its recorded-at). Returns how many were added, changed and unchanged.
 */
async function upsertMeasurements(
  tx: Tx,
  kpiId: number,
  rows: readonly { periodStart: string; value: number }[],
  personId: number | null,
): Promise<{ added: number; changed: number; unchanged: number }> {
  const written = await tx.$queryRaw<{ inserted: boolean }[]>`
    INSERT INTO kpi_measurement (kpi_id, period_start, value, recorded_by_id, recorded_at)
    SELECT ${kpiId}, v.period_start, v.value, ${personId}, now()
      FROM unnest(${rows.map((r) => r.periodStart)}::date[], ${rows.map((r) => r.value)}::float8[]) AS v(period_start, value)
    ON CONFLICT (kpi_id, period_start) DO UPDATE
       SET value = EXCLUDED.value, recorded_by_id = EXCLUDED.recorded_by_id, recorded_at = EXCLUDED.recorded_at
     WHERE kpi_measurement.value IS DISTINCT FROM EXCLUDED.value
    RETURNING (xmax = 0) AS inserted`;
  const added = written.filter((w) => w.inserted).length;
  const changed = written.length - added;
  return { added, changed, unchanged: rows.length - written.length };
}

/** Records one period's value (replacing a value recorded for that period before). */
export async function recordMeasurement(
  tx: Tx,
  kpi: KpiTarget,
  input: { periodStart: string; value: number },
  personId: number | null,
): Promise<{ data: { added: number; changed: number; unchanged: number }; audit: AuditEntry[] }> {
  const problem = periodStartProblem(kpi.frequency, input.periodStart, await orgToday(tx));
  if (problem) throw refuse("INVALID", problem, { fieldErrors: { periodStart: problem } });
  const before = await tx.kpiMeasurement.findUnique({ where: { kpiId_periodStart: { kpiId: kpi.id, periodStart: new Date(`${input.periodStart}T00:00:00Z`) } }, select: { value: true } });
  const counts = await upsertMeasurements(tx, kpi.id, [input], personId);
  return {
    data: counts,
    audit: [
      {
        action: "kpi.measurement.record",
        entityType: "Kpi",
        entityId: kpi.id,
        teamId: kpi.teamId,
        before: before ? { period: input.periodStart, value: before.value } : undefined,
        after: { period: input.periodStart, value: input.value },
      },
    ],
  };
}

/**
 * Imports a CSV of `period,value` rows for one KPI, all or nothing: any bad row refuses the whole file with every
 * problem named by line (field errors `csv.<line>`). A re-upload of the same rows adds and changes nothing.
 */
export async function importMeasurements(
  tx: Tx,
  kpi: KpiTarget,
  csv: string,
  personId: number | null,
): Promise<{ data: { added: number; changed: number; unchanged: number }; audit: AuditEntry[] }> {
  const parsed = parseMeasurementsCsv(csv, kpi.frequency, await orgToday(tx));
  if (!parsed.ok) {
    const fieldErrors: Record<string, string> = {};
    for (const p of parsed.problems) fieldErrors[`csv.${p.line}`] = fieldErrors[`csv.${p.line}`] ? `${fieldErrors[`csv.${p.line}`]}; ${p.message}` : p.message;
    const lines = new Set(parsed.problems.map((p) => p.line)).size;
    throw refuse("INVALID", `${lines === 1 ? "One row needs" : `${lines} rows need`} fixing; nothing was saved.`, { fieldErrors });
  }
  if (parsed.rows.length > MAX_ROWS) throw refuse("INVALID", `At most ${MAX_ROWS} rows per upload.`);
  const counts = await upsertMeasurements(tx, kpi.id, parsed.rows, personId);
  return {
    data: counts,
    audit: [
      {
        action: "kpi.measurement.import",
        entityType: "Kpi",
        entityId: kpi.id,
        teamId: kpi.teamId,
        after: { rows: parsed.rows.length, ...counts, periods: parsed.rows.map((r) => r.periodStart) },
      },
    ],
  };
}
