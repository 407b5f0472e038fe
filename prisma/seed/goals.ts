/**
 * Goals of the demo: OKRs cascading portfolio → value stream → team (linked to epics), and KPIs with twelve
 * weeks of measurements at their frequency.
 */
import { Direction, KpiFrequency, KpiScope, ObjectiveLevel, ObjectiveStatus } from "@/lib/generated/prisma/enums";
import { addDays, addMonths, mondayOnOrBefore, quarterOf, startOfMonth, type Quarter } from "./calendar";
import { idOf, type SeedContext, type Tx } from "./context";
import { P, activeSprintStart } from "./org";
import type { OrgIds } from "./org";

// ───────────────────────────── OKRs ─────────────────────────────

interface KeyResultDef {
  /** Local reference used by KPI definitions. */
  ref: string;
  title: string;
  unit: string;
  baseline: number;
  target: number;
  current: number;
  direction: Direction;
}

interface ObjectiveDef {
  key: string;
  title: string;
  description: string;
  level: ObjectiveLevel;
  status: ObjectiveStatus;
  parent: string | null;
  valueStream: string | null;
  team: string | null;
  owner: string;
  /** Which quarter, relative to today's. */
  quarter: -1 | 0 | 1;
  keyResults: KeyResultDef[];
  /** Epics (by number) this objective is served by. */
  epics: number[];
}

const UP = Direction.HIGHER_IS_BETTER;
const DOWN = Direction.LOWER_IS_BETTER;
const L = ObjectiveLevel;
const ACTIVE = ObjectiveStatus.ACTIVE;

export const OBJECTIVES: ObjectiveDef[] = [
  {
    key: "OBJ-1",
    title: "Grow marketing-sourced pipeline by 30% without raising CAC",
    description: "The portfolio's growth bet for the quarter: more qualified pipeline from the same budget.",
    level: L.PORTFOLIO,
    status: ACTIVE,
    parent: null,
    valueStream: null,
    team: null,
    owner: P.vp,
    quarter: 0,
    keyResults: [
      { ref: "pipeline", title: "Marketing-sourced pipeline per quarter", unit: "£m", baseline: 4.2, target: 5.5, current: 4.8, direction: UP },
      { ref: "mql-sql", title: "MQL → SQL conversion", unit: "%", baseline: 18, target: 25, current: 21, direction: UP },
      { ref: "cac", title: "Blended customer acquisition cost", unit: "£", baseline: 430, target: 360, current: 395, direction: DOWN },
    ],
    epics: [],
  },
  {
    key: "OBJ-2",
    title: "Lift net revenue retention to 112%",
    description: "Keep more customers and grow the ones we keep.",
    level: L.PORTFOLIO,
    status: ACTIVE,
    parent: null,
    valueStream: null,
    team: null,
    owner: P.cmo,
    quarter: 0,
    keyResults: [
      { ref: "nrr", title: "Net revenue retention", unit: "%", baseline: 104, target: 112, current: 107, direction: UP },
      { ref: "logo-churn", title: "Monthly logo churn", unit: "%", baseline: 1.9, target: 1.2, current: 1.6, direction: DOWN },
    ],
    epics: [],
  },
  {
    key: "OBJ-3",
    title: "Scale efficient demand generation",
    description: "More MQLs from always-on channels at a lower cost per lead.",
    level: L.VALUE_STREAM,
    status: ACTIVE,
    parent: "OBJ-1",
    valueStream: "acquisition",
    team: null,
    owner: "daniel.okafor",
    quarter: 0,
    keyResults: [
      { ref: "mqls", title: "MQLs per week", unit: "MQLs", baseline: 310, target: 420, current: 385, direction: UP },
      { ref: "cpl", title: "Blended cost per lead", unit: "£", baseline: 110, target: 85, current: 92, direction: DOWN },
    ],
    epics: [1, 2, 3],
  },
  {
    key: "OBJ-4",
    title: "Turn more trials into active users",
    description: "Trial users reach first value faster and convert more often.",
    level: L.VALUE_STREAM,
    status: ACTIVE,
    parent: "OBJ-1",
    valueStream: "activation",
    team: null,
    owner: "grace.whitaker",
    quarter: 0,
    keyResults: [
      { ref: "activation", title: "Trial activation rate", unit: "%", baseline: 32, target: 45, current: 38, direction: UP },
      { ref: "ttfv", title: "Median time to first value", unit: "days", baseline: 6.5, target: 3, current: 4.8, direction: DOWN },
      { ref: "pql-sla", title: "PQLs contacted within one hour", unit: "%", baseline: 20, target: 80, current: 55, direction: UP },
    ],
    epics: [4, 5],
  },
  {
    key: "OBJ-5",
    title: "Reduce avoidable churn",
    description: "Catch churn risk early and save the accounts worth saving.",
    level: L.VALUE_STREAM,
    status: ACTIVE,
    parent: "OBJ-2",
    valueStream: "retention",
    team: null,
    owner: "isabel.moreno",
    quarter: 0,
    keyResults: [
      { ref: "churn", title: "Logo churn rate", unit: "%", baseline: 1.9, target: 1.2, current: 1.6, direction: DOWN },
      { ref: "save-rate", title: "Save rate on churn-risk accounts", unit: "%", baseline: 18, target: 35, current: 27, direction: UP },
    ],
    epics: [7],
  },
  {
    key: "OBJ-6",
    title: "Grow Enterprise upgrades",
    description: "Move the right Growth-tier accounts to Enterprise.",
    level: L.VALUE_STREAM,
    status: ACTIVE,
    parent: "OBJ-2",
    valueStream: "expansion",
    team: null,
    owner: "alexander.reid",
    quarter: 0,
    keyResults: [
      { ref: "expansion-pipeline", title: "Expansion pipeline per fortnight", unit: "£k", baseline: 180, target: 300, current: 240, direction: UP },
      { ref: "upgrades", title: "Enterprise upgrades per month", unit: "accounts", baseline: 6, target: 12, current: 8, direction: UP },
    ],
    epics: [9],
  },
  {
    key: "OBJ-7",
    title: "Grow unaided brand awareness in core markets",
    description: "Be the name marketing-ops buyers think of first.",
    level: L.VALUE_STREAM,
    status: ACTIVE,
    parent: "OBJ-1",
    valueStream: "brand-awareness",
    team: null,
    owner: "harriet.lawson",
    quarter: 0,
    keyResults: [
      { ref: "branded-search", title: "Branded search volume per week", unit: "searches", baseline: 8200, target: 12000, current: 9800, direction: UP },
      { ref: "sov", title: "Share of voice in marketing-ops media", unit: "%", baseline: 11, target: 18, current: 13, direction: UP },
    ],
    epics: [10],
  },
  {
    key: "OBJ-8",
    title: "Establish Northwind in DACH and the Nordics",
    description: "Draft for next quarter: waiting for the EMEA pod to be staffed.",
    level: L.VALUE_STREAM,
    status: ObjectiveStatus.DRAFT,
    parent: "OBJ-1",
    valueStream: "emea-launch",
    team: null,
    owner: "jonas.weber",
    quarter: 1,
    keyResults: [
      { ref: "emea-waitlist", title: "EMEA waitlist sign-ups", unit: "sign-ups", baseline: 0, target: 500, current: 180, direction: UP },
      { ref: "emea-partners", title: "Signed launch partners", unit: "partners", baseline: 0, target: 4, current: 1, direction: UP },
    ],
    epics: [12],
  },
  {
    key: "OBJ-9",
    title: "Make paid social pay back in under nine months",
    description: "Team objective of the Acquisition pod.",
    level: L.TEAM,
    status: ACTIVE,
    parent: "OBJ-3",
    valueStream: "acquisition",
    team: "acquisition",
    owner: "daniel.okafor",
    quarter: 0,
    keyResults: [
      { ref: "roas", title: "Paid social ROAS", unit: "x", baseline: 2.1, target: 3, current: 2.6, direction: UP },
      { ref: "payback", title: "Paid social CAC payback", unit: "months", baseline: 13, target: 9, current: 11, direction: DOWN },
    ],
    epics: [1],
  },
  {
    key: "OBJ-10",
    title: "Ship the new trial onboarding journey",
    description: "Team objective of the Activation pod.",
    level: L.TEAM,
    status: ACTIVE,
    parent: "OBJ-4",
    valueStream: "activation",
    team: "activation",
    owner: "grace.whitaker",
    quarter: 0,
    keyResults: [
      { ref: "onboarding-ctr", title: "Onboarding e-mail click-through rate", unit: "%", baseline: 3.1, target: 4.5, current: 3.8, direction: UP },
      { ref: "milestones-live", title: "Activation milestones with a live journey", unit: "milestones", baseline: 0, target: 3, current: 2, direction: UP },
    ],
    epics: [4],
  },
  {
    key: "OBJ-11",
    title: "Run save plays for the top three churn signals",
    description: "Team objective of the Retention pod.",
    level: L.TEAM,
    status: ACTIVE,
    parent: "OBJ-5",
    valueStream: "retention",
    team: "retention",
    owner: "isabel.moreno",
    quarter: 0,
    keyResults: [
      { ref: "playbooks", title: "Playbooks live with Customer Success", unit: "playbooks", baseline: 0, target: 3, current: 2, direction: UP },
      { ref: "alert-response", title: "Health alerts actioned within 48 hours", unit: "%", baseline: 35, target: 90, current: 70, direction: UP },
    ],
    epics: [7],
  },
  {
    key: "OBJ-12",
    title: "Build the customer advocacy engine",
    description: "Last quarter's Retention pod objective, archived after the advocacy epic was delivered.",
    level: L.TEAM,
    status: ObjectiveStatus.ARCHIVED,
    parent: "OBJ-5",
    valueStream: "retention",
    team: "retention",
    owner: "isabel.moreno",
    quarter: -1,
    keyResults: [
      { ref: "g2-reviews", title: "New G2 reviews", unit: "reviews", baseline: 40, target: 100, current: 112, direction: UP },
      { ref: "case-studies", title: "Published case studies", unit: "case studies", baseline: 2, target: 6, current: 6, direction: UP },
    ],
    epics: [8],
  },
];

// ───────────────────────────── KPIs ─────────────────────────────

interface KpiDef {
  name: string;
  definition: string;
  unit: string;
  direction: Direction;
  target: number;
  frequency: KpiFrequency;
  owner: string;
  scope: KpiScope;
  valueStream?: string;
  team?: string;
  keyResult?: string;
  /** Value twelve weeks ago and at the latest period (a trend with noise in between). */
  from: number;
  to: number;
  decimals: number;
  /** Latest periods left unrecorded (the KPI's latest measurement is overdue). */
  missingLatest?: number;
}

const W = KpiFrequency.WEEKLY;
const BW = KpiFrequency.BIWEEKLY;
const M = KpiFrequency.MONTHLY;

export const KPIS: KpiDef[] = [
  { name: "Pipeline generated", definition: "New opportunity value created in the period with a marketing-sourced first touch.", unit: "£k", direction: UP, target: 450, frequency: W, owner: "helen.carter", scope: KpiScope.PORTFOLIO, keyResult: "pipeline", from: 340, to: 425, decimals: 0 },
  { name: "Marketing-sourced revenue", definition: "Closed-won revenue in the month whose opportunity was marketing-sourced.", unit: "£k", direction: UP, target: 1200, frequency: M, owner: P.finance, scope: KpiScope.PORTFOLIO, from: 950, to: 1080, decimals: 0 },
  { name: "Customer acquisition cost", definition: "Sales and marketing cost of the month ÷ new customers won in the month.", unit: "£", direction: DOWN, target: 360, frequency: M, owner: P.finance, scope: KpiScope.PORTFOLIO, keyResult: "cac", from: 430, to: 395, decimals: 0 },
  { name: "Net revenue retention", definition: "Recurring revenue this month from customers of twelve months ago ÷ their recurring revenue then.", unit: "%", direction: UP, target: 112, frequency: M, owner: "helen.carter", scope: KpiScope.PORTFOLIO, keyResult: "nrr", from: 104, to: 107, decimals: 1 },
  { name: "MQLs", definition: "Leads reaching the marketing-qualified score in the week.", unit: "MQLs", direction: UP, target: 420, frequency: W, owner: "ravi.patel", scope: KpiScope.VALUE_STREAM, valueStream: "acquisition", keyResult: "mqls", from: 310, to: 385, decimals: 0 },
  { name: "Cost per lead", definition: "Paid media spend ÷ new leads from paid channels in the week.", unit: "£", direction: DOWN, target: 85, frequency: W, owner: "aisha.khan", scope: KpiScope.VALUE_STREAM, valueStream: "acquisition", keyResult: "cpl", from: 110, to: 92, decimals: 0 },
  { name: "Trial activation rate", definition: "Trials started in the week that reach all three activation milestones within 14 days.", unit: "%", direction: UP, target: 45, frequency: W, owner: "leo.novak", scope: KpiScope.VALUE_STREAM, valueStream: "activation", keyResult: "activation", from: 32, to: 38, decimals: 1 },
  { name: "Time to first value", definition: "Median days from trial start to the first milestone, for trials started in the fortnight.", unit: "days", direction: DOWN, target: 3, frequency: BW, owner: "leo.novak", scope: KpiScope.VALUE_STREAM, valueStream: "activation", keyResult: "ttfv", from: 6.5, to: 4.8, decimals: 1 },
  { name: "Logo churn rate", definition: "Customers cancelling in the month ÷ customers at the start of the month.", unit: "%", direction: DOWN, target: 1.2, frequency: M, owner: "ethan.walsh", scope: KpiScope.VALUE_STREAM, valueStream: "retention", keyResult: "churn", from: 1.9, to: 1.6, decimals: 2 },
  { name: "Expansion pipeline", definition: "Upgrade and add-on opportunity value created in the fortnight.", unit: "£k", direction: UP, target: 300, frequency: BW, owner: "nadia.petrova", scope: KpiScope.VALUE_STREAM, valueStream: "expansion", keyResult: "expansion-pipeline", from: 180, to: 240, decimals: 0 },
  { name: "Branded search volume", definition: "Searches for Northwind brand terms in the week (Google Search Console).", unit: "searches", direction: UP, target: 12000, frequency: W, owner: "olivia.bennett", scope: KpiScope.VALUE_STREAM, valueStream: "brand-awareness", keyResult: "branded-search", from: 8200, to: 9800, decimals: 0 },
  { name: "EMEA waitlist sign-ups", definition: "Cumulative sign-ups to the DACH and Nordics waitlist.", unit: "sign-ups", direction: UP, target: 500, frequency: W, owner: "jonas.weber", scope: KpiScope.VALUE_STREAM, valueStream: "emea-launch", keyResult: "emea-waitlist", from: 40, to: 180, decimals: 0, missingLatest: 4 },
  { name: "Paid social ROAS", definition: "Pipeline attributed to paid social ÷ paid social spend in the week.", unit: "x", direction: UP, target: 3, frequency: W, owner: "aisha.khan", scope: KpiScope.TEAM, team: "acquisition", keyResult: "roas", from: 2.1, to: 2.6, decimals: 2 },
  { name: "Onboarding e-mail CTR", definition: "Unique clicks ÷ delivered onboarding e-mails in the week.", unit: "%", direction: UP, target: 4.5, frequency: W, owner: "emily.clarke", scope: KpiScope.TEAM, team: "activation", keyResult: "onboarding-ctr", from: 3.1, to: 3.8, decimals: 2 },
  { name: "Save rate on churn-risk accounts", definition: "Churn-risk accounts still active 60 days after a save play ÷ accounts in a save play.", unit: "%", direction: UP, target: 35, frequency: BW, owner: "rachel.young", scope: KpiScope.TEAM, team: "retention", keyResult: "save-rate", from: 18, to: 27, decimals: 1 },
  { name: "Upgrade conversion rate", definition: "High-propensity accounts that upgraded within 30 days of the offer.", unit: "%", direction: UP, target: 6, frequency: BW, owner: "jasmine.wong", scope: KpiScope.TEAM, team: "expansion", from: 3.2, to: 4.4, decimals: 1 },
  { name: "Articles published", definition: "Long-form articles published on the content hub in the fortnight.", unit: "articles", direction: UP, target: 8, frequency: BW, owner: "imogen.hale", scope: KpiScope.TEAM, team: "brand-content", from: 5, to: 7, decimals: 0 },
  { name: "Organic sessions", definition: "Sessions from organic search on the website in the week.", unit: "k sessions", direction: UP, target: 95, frequency: W, owner: "olivia.bennett", scope: KpiScope.TEAM, team: "brand-content", from: 70, to: 82, decimals: 1, missingLatest: 3 },
  { name: "Health alerts actioned in 48h", definition: "Health-score alerts with a CSM action logged within 48 hours.", unit: "%", direction: UP, target: 90, frequency: W, owner: "fatima.begum", scope: KpiScope.TEAM, team: "retention", keyResult: "alert-response", from: 35, to: 70, decimals: 0 },
];

/** Period starts of the last twelve weeks for a frequency (oldest first), and when each was recorded. */
function periods(ctx: SeedContext, frequency: KpiFrequency): { start: Date; recordedOn: Date }[] {
  const out: { start: Date; recordedOn: Date }[] = [];
  const { cal, today } = ctx;
  if (frequency === KpiFrequency.WEEKLY) {
    const thisWeek = mondayOnOrBefore(today);
    for (let k = 12; k >= 1; k--) {
      const start = addDays(thisWeek, -7 * k);
      out.push({ start, recordedOn: cal.workingDayOnOrBefore(addDays(start, 4)) });
    }
  } else if (frequency === KpiFrequency.BIWEEKLY) {
    // Fortnights follow the sprint cadence: the six sprints before the running one.
    const active = activeSprintStart(ctx);
    for (let k = 6; k >= 1; k--) {
      const start = addDays(active, -14 * k);
      out.push({ start, recordedOn: cal.workingDayOnOrBefore(addDays(start, 11)) });
    }
  } else if (frequency === KpiFrequency.MONTHLY) {
    const thisMonth = startOfMonth(today);
    for (let k = 3; k >= 1; k--) {
      const start = addMonths(thisMonth, -k);
      out.push({ start, recordedOn: cal.workingDayOnOrBefore(addDays(addMonths(start, 1), -1)) });
    }
  } else {
    const q = quarterOf(today, -1);
    out.push({ start: q.start, recordedOn: cal.workingDayOnOrBefore(q.end) });
  }
  return out;
}

// ───────────────────────────── writing ─────────────────────────────

export interface GoalCounts {
  objective: number;
  key_result: number;
  objective_item: number;
  kpi: number;
  kpi_measurement: number;
}

export async function writeGoals(tx: Tx, ctx: SeedContext, org: OrgIds, itemIds: ReadonlyMap<string, number>): Promise<GoalCounts> {
  const rng = ctx.rng("goals");
  const quarters: Record<number, Quarter> = { [-1]: quarterOf(ctx.today, -1), 0: quarterOf(ctx.today), 1: quarterOf(ctx.today, 1) };

  const objectiveIds = new Map<string, number>();
  for (const def of OBJECTIVES) {
    const quarter = quarters[def.quarter] ?? quarterOf(ctx.today);
    const data = {
      key: def.key,
      title: def.title,
      description: def.description,
      level: def.level,
      status: def.status,
      parentId: def.parent ? idOf(objectiveIds, def.parent, "objective") : null,
      valueStreamId: def.valueStream ? idOf(org.valueStreams, def.valueStream, "value stream") : null,
      teamId: def.team ? idOf(org.teams, def.team, "team") : null,
      ownerPersonId: idOf(org.people, def.owner, "person"),
      periodStart: quarter.start,
      periodEnd: quarter.end,
    };
    const row = await tx.objective.upsert({ where: { key: def.key }, create: data, update: data, select: { id: true } });
    objectiveIds.set(def.key, row.id);
  }
  const ids = [...objectiveIds.values()];

  // Key results and epic links are children of the seeded objectives: replaced on every run.
  await tx.keyResult.deleteMany({ where: { objectiveId: { in: ids } } });
  const krDefs = OBJECTIVES.flatMap((o) => o.keyResults.map((kr) => ({ objective: o.key, kr })));
  const krRows = await tx.keyResult.createManyAndReturn({
    data: krDefs.map(({ objective, kr }) => ({
      objectiveId: idOf(objectiveIds, objective, "objective"),
      title: kr.title,
      unit: kr.unit,
      baseline: kr.baseline,
      target: kr.target,
      current: kr.current,
      direction: kr.direction,
    })),
    select: { id: true, objectiveId: true, title: true },
  });
  const krIds = new Map<string, number>();
  for (const { objective, kr } of krDefs) {
    const objectiveId = idOf(objectiveIds, objective, "objective");
    const row = krRows.find((r) => r.objectiveId === objectiveId && r.title === kr.title);
    if (row) krIds.set(kr.ref, row.id);
  }

  await tx.objectiveItem.deleteMany({ where: { objectiveId: { in: ids } } });
  const links = OBJECTIVES.flatMap((o) =>
    o.epics.map((epic) => ({ objectiveId: idOf(objectiveIds, o.key, "objective"), itemId: idOf(itemIds, `EPIC-${epic}`, "item") })),
  );
  await tx.objectiveItem.createMany({ data: links });

  const kpiIds: number[] = [];
  const measurements: { kpiId: number; periodStart: Date; value: number; recordedById: number; recordedAt: Date }[] = [];
  for (const [index, def] of KPIS.entries()) {
    const key = `KPI-${index + 1}`;
    const data = {
      key,
      name: def.name,
      definition: def.definition,
      unit: def.unit,
      direction: def.direction,
      target: def.target,
      frequency: def.frequency,
      dataOwnerId: idOf(org.people, def.owner, "person"),
      scope: def.scope,
      teamId: def.team ? idOf(org.teams, def.team, "team") : null,
      valueStreamId: def.scope === KpiScope.VALUE_STREAM && def.valueStream ? idOf(org.valueStreams, def.valueStream, "value stream") : null,
      keyResultId: def.keyResult ? idOf(krIds, def.keyResult, "key result") : null,
    };
    const row = await tx.kpi.upsert({ where: { key }, create: data, update: data, select: { id: true } });
    kpiIds.push(row.id);

    const list = periods(ctx, def.frequency);
    const recorded = list.slice(0, list.length - (def.missingLatest ?? 0));
    const noise = Math.abs(def.to - def.from) * 0.12 + Math.abs(def.to) * 0.01;
    recorded.forEach((period, i) => {
      const progress = list.length === 1 ? 1 : i / (list.length - 1);
      const value = def.from + (def.to - def.from) * progress + (i === list.length - 1 ? 0 : (rng.next() - 0.5) * 2 * noise);
      const factor = 10 ** def.decimals;
      measurements.push({
        kpiId: row.id,
        periodStart: period.start,
        value: Math.round(value * factor) / factor,
        recordedById: idOf(org.people, def.owner, "person"),
        recordedAt: ctx.cal.instant(period.recordedOn, 16 * 60 + rng.int(0, 60)),
      });
    });
  }
  await tx.kpiMeasurement.deleteMany({ where: { kpiId: { in: kpiIds } } });
  await tx.kpiMeasurement.createMany({ data: measurements });

  return {
    objective: OBJECTIVES.length,
    key_result: krRows.length,
    objective_item: links.length,
    kpi: KPIS.length,
    kpi_measurement: measurements.length,
  };
}
