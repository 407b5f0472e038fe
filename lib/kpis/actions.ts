"use server";

import { guardedAction } from "@/lib/actions/guarded";
import { createKpi, importMeasurements, loadKpi, recordMeasurement, updateKpi } from "./mutations";
import { CreateKpiSchema, ImportMeasurementsSchema, RecordMeasurementSchema, UpdateKpiSchema } from "./schema";

const KPI_PATHS = ["/kpis", "/dashboard"];

/** Defines a KPI. Allowed: leaders ("kpi.edit"). */
export const createKpiAction = guardedAction({
  name: "kpis.create",
  schema: CreateKpiSchema,
  load: async () => ({}),
  authorize: () => ({ action: "kpi.edit" }),
  run: (tx, _target, input) => createKpi(tx, input),
  revalidate: () => KPI_PATHS,
  redirectTo: (data) => `/kpis/${data.id}`,
});

/** Edits a KPI's definition, target, owner and scope (with its version). Allowed: leaders. */
export const updateKpiAction = guardedAction({
  name: "kpis.update",
  schema: UpdateKpiSchema,
  load: (tx, input) => loadKpi(tx, input.kpiId),
  authorize: (kpi) => ({ action: "kpi.edit", scope: { teamId: kpi.teamId } }),
  run: (tx, kpi, input) => updateKpi(tx, kpi, input),
  revalidate: (_d, input) => [...KPI_PATHS, `/kpis/${input.kpiId}`],
  notFound: "That KPI no longer exists.",
});

/** Records one period's value. Allowed: leaders and the KPI's data owner ("kpi.measure"). */
export const recordMeasurementAction = guardedAction({
  name: "kpis.recordMeasurement",
  schema: RecordMeasurementSchema,
  load: (tx, input) => loadKpi(tx, input.kpiId),
  authorize: (kpi) => ({ action: "kpi.measure", scope: { teamId: kpi.teamId, ownerPersonId: kpi.dataOwnerId } }),
  run: (tx, kpi, input, principal) => recordMeasurement(tx, kpi, input, principal.personId),
  revalidate: (_d, input) => [...KPI_PATHS, `/kpis/${input.kpiId}`],
  notFound: "That KPI no longer exists.",
});

/** Imports `period,value` rows from a CSV, all or nothing. Allowed: leaders and the KPI's data owner. */
export const importMeasurementsAction = guardedAction({
  name: "kpis.importMeasurements",
  schema: ImportMeasurementsSchema,
  load: (tx, input) => loadKpi(tx, input.kpiId),
  authorize: (kpi) => ({ action: "kpi.measure", scope: { teamId: kpi.teamId, ownerPersonId: kpi.dataOwnerId } }),
  run: (tx, kpi, input, principal) => importMeasurements(tx, kpi, input.csv, principal.personId),
  revalidate: (_d, input) => [...KPI_PATHS, `/kpis/${input.kpiId}`],
  notFound: "That KPI no longer exists.",
});
