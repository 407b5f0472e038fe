import { z } from "zod";
import { dayField, idField, numberField, optionalIdField, textField, versionField } from "@/lib/validation/fields";

export const DIRECTIONS = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER"] as const;
export const FREQUENCIES = ["WEEKLY", "BIWEEKLY", "MONTHLY", "QUARTERLY"] as const;
export const KPI_SCOPES = ["TEAM", "VALUE_STREAM", "PORTFOLIO"] as const;

const id = idField();
const optionalId = optionalIdField();
const number = (label: string) =>
  numberField({ label, min: -1e12, max: 1e12, minMessage: `${label} is out of range (±1 trillion)`, maxMessage: `${label} is out of range (±1 trillion)` });

const kpiFields = {
  name: textField({ label: "The name", min: 2, max: 120, minMessage: "Name the KPI", maxMessage: "Keep the name under 120 characters" }),
  definition: textField({ label: "The definition", min: 10, max: 2000, multiline: true, minMessage: "Say how it is measured (at least 10 characters)", maxMessage: "Keep it under 2,000 characters" }),
  unit: textField({ label: "The unit", min: 1, max: 30, minMessage: "Name the unit (%, £, MQLs…)", maxMessage: "Keep the unit short" }),
  direction: z.enum(DIRECTIONS, { message: "Choose a direction" }),
  target: number("The target"),
  frequency: z.enum(FREQUENCIES, { message: "Choose how often it is measured" }),
  dataOwnerId: idField("Choose the data owner"),
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

export const UpdateKpiSchema = z.object({ kpiId: id, version: versionField(), ...kpiFields }).superRefine(scopeRules);
export type UpdateKpiInput = z.input<typeof UpdateKpiSchema>;

/** One measurement by form: the period's first day and the value (recorded again for a period replaces it). */
export const RecordMeasurementSchema = z.object({
  kpiId: id,
  periodStart: dayField({ label: "The period's first day" }),
  value: number("The value"),
});
export type RecordMeasurementInput = z.input<typeof RecordMeasurementSchema>;

/** A CSV upload of `period,value` rows (see ./measurements-csv.ts). */
export const ImportMeasurementsSchema = z.object({
  kpiId: id,
  csv: textField({ label: "The file", max: 100_000, multiline: true, maxMessage: "The file is too large (at most 100 kB)" }),
});
export type ImportMeasurementsInput = z.input<typeof ImportMeasurementsSchema>;
