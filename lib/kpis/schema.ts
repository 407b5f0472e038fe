import { z } from "zod";

export const DIRECTIONS = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER"] as const;
export const FREQUENCIES = ["WEEKLY", "BIWEEKLY", "MONTHLY", "QUARTERLY"] as const;
export const KPI_SCOPES = ["TEAM", "VALUE_STREAM", "PORTFOLIO"] as const;

const id = z.coerce.number().int().positive().max(2_147_483_647);
const optionalId = z.preprocess((v) => (v === "" || v === undefined ? null : v), id.nullable());
const number = (label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
    z.number({ message: `${label} is a number` }).finite(`${label} is a number`).min(-1e12, "Out of range").max(1e12, "Out of range"),
  );

const kpiFields = {
  name: z.string().trim().min(2, "Name the KPI").max(120, "Keep the name under 120 characters"),
  definition: z.string().trim().min(10, "Say how it is measured (at least 10 characters)").max(2000, "Keep it under 2,000 characters"),
  unit: z.string().trim().min(1, "Name the unit (%, £, MQLs…)").max(30, "Keep the unit short"),
  direction: z.enum(DIRECTIONS, { message: "Choose a direction" }),
  target: number("The target"),
  frequency: z.enum(FREQUENCIES, { message: "Choose how often it is measured" }),
  dataOwnerId: id,
  scope: z.enum(KPI_SCOPES, { message: "Choose a scope" }),
  teamId: optionalId.default(null),
  valueStreamId: optionalId.default(null),
  keyResultId: optionalId.default(null),
};

type KpiShape = { scope: (typeof KPI_SCOPES)[number]; teamId: number | null; valueStreamId: number | null };

/** What db_rule_kpi_scope holds, as field messages. */
function scopeRules(v: KpiShape, ctx: z.RefinementCtx) {
  if (v.scope === "TEAM" && v.teamId === null) ctx.addIssue({ code: "custom", path: ["teamId"], message: "Choose the team" });
  if (v.scope === "VALUE_STREAM" && v.valueStreamId === null) ctx.addIssue({ code: "custom", path: ["valueStreamId"], message: "Choose the value stream" });
}

export const CreateKpiSchema = z.object(kpiFields).superRefine(scopeRules);
export type CreateKpiInput = z.input<typeof CreateKpiSchema>;

export const UpdateKpiSchema = z.object({ kpiId: id, version: id, ...kpiFields }).superRefine(scopeRules);
export type UpdateKpiInput = z.input<typeof UpdateKpiSchema>;

/** One measurement by form: the period's first day and the value (recorded again for a period replaces it). */
export const RecordMeasurementSchema = z.object({
  kpiId: id,
  periodStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the period's first day as YYYY-MM-DD"),
  value: number("The value"),
});
export type RecordMeasurementInput = z.input<typeof RecordMeasurementSchema>;

/** A CSV upload of `period,value` rows (see ./measurements-csv.ts). */
export const ImportMeasurementsSchema = z.object({
  kpiId: id,
  csv: z.string().max(100_000, "The file is too large (at most 100 kB)"),
});
export type ImportMeasurementsInput = z.input<typeof ImportMeasurementsSchema>;
