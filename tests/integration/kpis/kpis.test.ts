import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import type { KpiFrequency } from "@/lib/generated/prisma/enums";
import { nextPeriodStart, periodStartOf } from "@/lib/kpis/periods";
import { makePerson, makeTeam, unique } from "@/tests/support/factories";
import { makeUser } from "@/tests/support/org";
import { cacheModule, sessionModule, signInAs } from "@/tests/support/session";

vi.mock("@/lib/auth/session", () => sessionModule);
vi.mock("next/cache", () => cacheModule);

const { createKpiAction, importMeasurementsAction, recordMeasurementAction } = await import("@/lib/kpis/actions");
const { listKpis, listOverdueKpisFor } = await import("@/lib/kpis/queries");

const db = () => getDb();
const DAY = 86_400_000;
/** Today in London, which is within an hour of UTC: close enough for these week-sized margins. */
const today = () => new Date().toISOString().slice(0, 10);
const back = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * DAY).toISOString().slice(0, 10);

let owner: Awaited<ReturnType<typeof makeUser>>;
let team: { id: number };

beforeAll(async () => {
  owner = await makeUser("MEMBER");
  team = await makeTeam();
});

async function kpi(frequency: KpiFrequency, createdDaysAgo = 400) {
  return db().kpi.create({
    data: {
      key: unique("KPI-T"), name: unique("kpi"), definition: "Something measured", unit: "%", direction: "HIGHER_IS_BETTER", target: 50,
      frequency, dataOwnerId: owner.person.id, scope: "TEAM", teamId: team.id, createdAt: new Date(Date.now() - createdDaysAgo * DAY),
    },
  });
}

const measure = (kpiId: number, periods: string[]) =>
  db().kpiMeasurement.createMany({ data: periods.map((p, i) => ({ kpiId, periodStart: new Date(`${p}T00:00:00Z`), value: 40 + i })) });

describe("overdue measurements", () => {
  it("flags a KPI once the period after its latest measured one has ended unrecorded", async () => {
    const thisWeek = periodStartOf("WEEKLY", today());
    const upToDate = await kpi("WEEKLY");
    // Latest = last week: this week has not ended → not overdue (due by next Monday).
    await measure(upToDate.id, [back(thisWeek, 14), back(thisWeek, 7)]);
    const late = await kpi("WEEKLY");
    // Latest = three weeks ago: the week after it ended two weeks ago → overdue since then.
    await measure(late.id, [back(thisWeek, 28), back(thisWeek, 21)]);
    const monthly = await kpi("MONTHLY");
    const thisMonth = periodStartOf("MONTHLY", today());
    const lastMonth = periodStartOf("MONTHLY", back(thisMonth, 1));
    await measure(monthly.id, [lastMonth]);
    const never = await kpi("QUARTERLY", 200);
    const fresh = await kpi("QUARTERLY", 10);

    const rows = new Map((await listKpis()).map((k) => [k.id, k]));
    expect(rows.get(upToDate.id)).toMatchObject({ overdue: false, dueBy: nextPeriodStart("WEEKLY", thisWeek), recent: [40, 41] });
    expect(rows.get(late.id)).toMatchObject({ overdue: true, dueBy: back(thisWeek, 7) });
    expect(rows.get(monthly.id)?.overdue).toBe(false);
    // Never measured: overdue once a whole quarter has passed since it was defined.
    expect(rows.get(never.id)?.overdue).toBe(true);
    expect(rows.get(fresh.id)?.overdue).toBe(false);

    // …and shown to the data owner.
    const mine = (await listOverdueKpisFor(owner.person.id)).map((k) => k.id);
    expect(mine).toContain(late.id);
    expect(mine).toContain(never.id);
    expect(mine).not.toContain(upToDate.id);
  });
});

describe("recording measurements", () => {
  it("records by form and replaces the value of a period recorded again", async () => {
    const k = await kpi("WEEKLY");
    const monday = back(periodStartOf("WEEKLY", today()), 7);
    signInAs(owner.user.id);
    expect(await recordMeasurementAction({ kpiId: k.id, periodStart: monday, value: 10 })).toMatchObject({ ok: true, data: { added: 1, changed: 0 } });
    expect(await recordMeasurementAction({ kpiId: k.id, periodStart: monday, value: 12 })).toMatchObject({ ok: true, data: { added: 0, changed: 1 } });
    const rows = await db().kpiMeasurement.findMany({ where: { kpiId: k.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ value: 12, recordedById: owner.person.id });
    const tuesday = back(monday, -1);
    expect(await recordMeasurementAction({ kpiId: k.id, periodStart: tuesday, value: 1 })).toMatchObject({
      ok: false, reason: "INVALID", fieldErrors: { periodStart: "A week starts on a Monday" },
    });
  });

  it("imports a CSV all or nothing, naming the bad lines", async () => {
    const k = await kpi("MONTHLY");
    signInAs(owner.user.id);
    const bad = "period,value\n2026-01-01,10\n2026-01-15,11\n2026-02-01,lots\n";
    const refused = await importMeasurementsAction({ kpiId: k.id, csv: bad });
    expect(refused).toMatchObject({
      ok: false,
      reason: "INVALID",
      message: "2 rows need fixing; nothing was saved.",
      fieldErrors: { "csv.3": 'Period "2026-01-15": A month starts on the 1st', "csv.4": 'Value "lots" is not a number' },
    });
    // The good row on line 2 was not saved either.
    expect(await db().kpiMeasurement.count({ where: { kpiId: k.id } })).toBe(0);
  });

  it("is idempotent by (KPI, period): the same file again changes nothing", async () => {
    const k = await kpi("MONTHLY");
    signInAs(owner.user.id);
    const csv = "2026-01-01,10\n2026-02-01,11\n2026-03-01,12\n";
    expect(await importMeasurementsAction({ kpiId: k.id, csv })).toMatchObject({ ok: true, data: { added: 3, changed: 0, unchanged: 0 } });
    const first = await db().kpiMeasurement.findMany({ where: { kpiId: k.id }, orderBy: { periodStart: "asc" } });
    expect(await importMeasurementsAction({ kpiId: k.id, csv })).toMatchObject({ ok: true, data: { added: 0, changed: 0, unchanged: 3 } });
    expect(await db().kpiMeasurement.findMany({ where: { kpiId: k.id }, orderBy: { periodStart: "asc" } })).toEqual(first);
    // A corrected value and a new period: one changed, one added.
    expect(await importMeasurementsAction({ kpiId: k.id, csv: "2026-03-01,13\n2026-04-01,14\n" })).toMatchObject({
      ok: true, data: { added: 1, changed: 1, unchanged: 0 },
    });
    expect((await db().kpiMeasurement.findMany({ where: { kpiId: k.id }, orderBy: { periodStart: "asc" } })).map((m) => m.value)).toEqual([10, 11, 13, 14]);
  });

  it("lets the data owner measure but not define KPIs", async () => {
    signInAs(owner.user.id);
    const person = await makePerson();
    const result = await createKpiAction({
      name: "Mine", definition: "Something measured weekly", unit: "%", direction: "HIGHER_IS_BETTER", target: 1, frequency: "WEEKLY",
      dataOwnerId: person.id, scope: "PORTFOLIO", teamId: null, valueStreamId: null, keyResultId: null,
    });
    expect(result).toMatchObject({ ok: false, reason: "NOT_ALLOWED" });
  });
});
