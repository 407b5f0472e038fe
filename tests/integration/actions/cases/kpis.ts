import { getDb } from "@/lib/db/client";
import { createKpiAction, importMeasurementsAction, recordMeasurementAction, updateKpiAction } from "@/lib/kpis/actions";
import { unique } from "@/tests/support/factories";
import { type ActionCase, type Org, asRun } from "./types";

/*
 * KPI writes. Defining and editing: leaders ("kpi.edit"). Measuring: leaders or the KPI's data owner
 * ("kpi.measure") — the allowed user in those cases is team A's designer, who owns the KPI's data; team A's product
 * owner (not the owner) and team B's are refused.
 */

const db = () => getDb();
const memo = new WeakMap<Org, Map<string, Promise<number>>>();

/** One weekly team-A KPI per case name and org, owned by team A's designer. */
function kpiOf(org: Org, name: string): Promise<number> {
  let byName = memo.get(org);
  if (!byName) memo.set(org, (byName = new Map()));
  let made = byName.get(name);
  if (!made) {
    made = db()
      .kpi.create({
        data: {
          key: unique("KPI-T"), name: `KPI for ${name}`, definition: "Leads reaching MQL in the week", unit: "MQLs", direction: "HIGHER_IS_BETTER",
          target: 400, frequency: "WEEKLY", dataOwnerId: org.memberA.person.id, scope: "TEAM", teamId: org.teamA.id,
        },
      })
      .then((k) => k.id);
    byName.set(name, made);
  }
  return made;
}

const kpiState = async (id: number) => ({
  kpi: await db().kpi.findUnique({ where: { id } }),
  measurements: await db().kpiMeasurement.findMany({ where: { kpiId: id }, orderBy: { periodStart: "asc" } }),
});

export const cases: Record<string, ActionCase> = {
  "lib/kpis/actions.ts#createKpiAction": {
    run: asRun(createKpiAction),
    input: async (o) => ({
      name: "Webinar sign-ups", definition: "Registrations for the month's webinar", unit: "sign-ups", direction: "HIGHER_IS_BETTER", target: 300,
      frequency: "MONTHLY", dataOwnerId: o.memberA.person.id, scope: "TEAM", teamId: o.teamA.id, valueStreamId: null, keyResultId: null,
    }),
    allowed: (o) => o.leader.user.id,
    wrongRole: (o) => o.poA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: () => db().kpi.count(),
  },
  "lib/kpis/actions.ts#updateKpiAction": {
    run: asRun(updateKpiAction),
    input: async (o) => {
      const k = (await db().kpi.findUnique({ where: { id: await kpiOf(o, "update") } }))!;
      return {
        kpiId: k.id, version: k.version, name: k.name, definition: k.definition, unit: k.unit, direction: k.direction, target: k.target + 10,
        frequency: k.frequency, dataOwnerId: k.dataOwnerId, scope: k.scope, teamId: k.teamId, valueStreamId: null, keyResultId: null,
      };
    },
    allowed: (o) => o.leader.user.id,
    wrongRole: (o) => o.memberA.user.id, // the data owner may measure, not redefine
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => kpiState(await kpiOf(o, "update")),
  },
  "lib/kpis/actions.ts#recordMeasurementAction": {
    run: asRun(recordMeasurementAction),
    input: async (o) => ({ kpiId: await kpiOf(o, "record"), periodStart: "2026-01-05", value: 321 }),
    allowed: (o) => o.memberA.user.id,
    wrongRole: (o) => o.poA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => kpiState(await kpiOf(o, "record")),
  },
  "lib/kpis/actions.ts#importMeasurementsAction": {
    run: asRun(importMeasurementsAction),
    input: async (o) => ({ kpiId: await kpiOf(o, "import"), csv: "period,value\n2026-01-05,310\n2026-01-12,325\n" }),
    allowed: (o) => o.memberA.user.id,
    wrongRole: (o) => o.poA.user.id,
    otherTeam: (o) => o.poB.user.id,
    snapshot: async (o) => kpiState(await kpiOf(o, "import")),
  },
};
