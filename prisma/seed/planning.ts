/**
 * Planning intervals of the demo (lib/planning): the interval that closed before today's and the one running now,
 * each five sprints long on the pods' shared cadence:
 *
 *   closed interval  = sprints 1–5 (all closed)   · state CLOSED, objectives scored with actual value, risks sorted
 *   running interval = sprints 6–10 (6 running, 7 planned; 8–10 are added here) · state RUNNING, planned values only
 *
 * Features go into the interval (and the sprint) where their stories' last sprint falls; a pod's features not yet
 * started fill its sprints 8–10 in rank order up to about their capacity — Expansion a good deal past it, so the
 * board shows an over-committed team. Epics follow their latest feature; the top-ranked epic past the funnel with
 * no feature yet is planned into the running interval (the "not broken down" remainder).
 *
 * Deterministic (its own PRNG) and idempotent: intervals are upserted by name — any other interval overlapping the
 * seeded range is removed first, so a seed for another day replaces them — and their objectives, risks and
 * milestones are replaced on every run.
 */
import { IntervalState, ItemLevel, ItemStatus, RiskStatus, SprintStatus } from "@/lib/generated/prisma/enums";
import { addDays } from "./calendar";
import { idOf, type SeedContext, type Tx } from "./context";
import type { BacklogPlan } from "./backlog";
import { POD_CAPACITY } from "./backlog-defs";
import { P, POD_SLUGS, activeSprintStart, agileLead, productOwner, type OrgIds } from "./org";

export interface PlanningCounts {
  planning_interval: number;
  interval_objective: number;
  interval_risk: number;
  interval_milestone: number;
}

const FIRST_SPRINT = 1;
const CLOSED_LAST = 5;
const RUNNING_FIRST = 6;
const RUNNING_LAST = 10;
/** The demo's sprints 1–7 come from the backlog plan; the running interval needs 8–10 too. */
const EXTRA_SPRINTS = [8, 9, 10];
/** Pods fill their sprints 8–10 up to this share of capacity; Expansion over it. */
const FILL = 0.85;
const OVER_FILL: Record<string, number> = { expansion: 1.6 };

type Objective = [title: string, committed: boolean];

const OBJECTIVES: Record<string, { closed: Objective[]; running: Objective[] }> = {
  acquisition: {
    closed: [["Paid search restructured by intent", true], ["Webinar funnel live with sales hand-off", true], ["Partner co-marketing pilot", false]],
    running: [["Launch paid social prospecting for mid-market", true], ["Cut cost per lead on search by 10%", true], ["Landing pages for the spring offer", true], ["Test a review-site sponsorship", false]],
  },
  activation: {
    closed: [["Trial welcome journey rebuilt", true], ["First-report guide in the product", true], ["Concierge onboarding call pilot", false]],
    running: [["Onboarding emails for every new trial", true], ["Trial-to-paid dashboard for the pod", true], ["In-app checklist experiment", false]],
  },
  retention: {
    closed: [["Churn-risk playbook in the CRM", true], ["Quarterly customer newsletter relaunched", true]],
    running: [["Win-back sequence for lapsed accounts", true], ["Health-score alerts to account managers", true], ["Customer advisory board kickoff", false]],
  },
  expansion: {
    closed: [["Upsell campaign for the analytics add-on", true], ["Referral incentive test", false]],
    running: [["Account-based plays for the top 50 accounts", true], ["Add-on pricing page and calculator", true], ["Expansion webinar series", false]],
  },
  "brand-content": {
    closed: [["Brand guidelines refreshed", true], ["Pillar content hub with twelve articles", true], ["Podcast pilot", false]],
    running: [["Three customer-story videos", true], ["Spring campaign creative toolkit", true], ["Thought-leadership report", false]],
  },
};

interface RiskDef {
  key: string;
  interval: "closed" | "running";
  team: string | null;
  title: string;
  description: string;
  status: RiskStatus;
  /** Person handle, or a team whose agile lead owns it. */
  owner: { person: string } | { leadOf: string };
  raisedBy: { person: string } | { poOf: string };
}

const RISKS: RiskDef[] = [
  {
    key: "RISK-1", interval: "closed", team: "acquisition", title: "Webinar platform contract renewal", description: "Renewal was due mid-interval; procurement confirmed it in week 3.",
    status: RiskStatus.RESOLVED, owner: { leadOf: "acquisition" }, raisedBy: { poOf: "acquisition" },
  },
  {
    key: "RISK-2", interval: "closed", team: "brand-content", title: "Illustrator availability for the guidelines", description: "Freelancer booked for half the time; the scope was cut to the core pages.",
    status: RiskStatus.ACCEPTED, owner: { leadOf: "brand-content" }, raisedBy: { poOf: "brand-content" },
  },
  {
    key: "RISK-3", interval: "closed", team: "retention", title: "CRM field mapping for churn scores", description: "RevOps mapped the fields before the playbook went live.",
    status: RiskStatus.MITIGATED, owner: { leadOf: "retention" }, raisedBy: { poOf: "retention" },
  },
  {
    key: "RISK-4", interval: "running", team: "acquisition", title: "Paid social budget for May not confirmed", description: "Finance signs the quarterly media plan after the board meeting.",
    status: RiskStatus.OPEN, owner: { leadOf: "acquisition" }, raisedBy: { poOf: "acquisition" },
  },
  {
    key: "RISK-5", interval: "running", team: "activation", title: "Trial data migration may slip into sprint 8", description: "The onboarding emails need the new trial events in the CRM.",
    status: RiskStatus.OWNED, owner: { leadOf: "activation" }, raisedBy: { poOf: "activation" },
  },
  {
    key: "RISK-6", interval: "running", team: "brand-content", title: "Video shoot depends on the venue", description: "A second venue is on hold for the same week.",
    status: RiskStatus.MITIGATED, owner: { leadOf: "brand-content" }, raisedBy: { poOf: "brand-content" },
  },
  {
    key: "RISK-7", interval: "running", team: "retention", title: "Legal review of win-back offers takes three weeks", description: "Offers go out after the review; the sequence starts a sprint later if needed.",
    status: RiskStatus.ACCEPTED, owner: { leadOf: "retention" }, raisedBy: { poOf: "retention" },
  },
  {
    key: "RISK-8", interval: "running", team: "expansion", title: "Add-on pricing not final", description: "The pricing page and calculator wait on the pricing committee.",
    status: RiskStatus.OWNED, owner: { person: P.strategy }, raisedBy: { poOf: "expansion" },
  },
  {
    key: "RISK-9", interval: "running", team: null, title: "Two launches aim at the SMB segment in the same week", description: "Acquisition and Expansion both plan SMB sends; agree the sequence at the next sync.",
    status: RiskStatus.OPEN, owner: { person: P.strategy }, raisedBy: { person: P.vp },
  },
];

const window = (ctx: SeedContext, n: number) => {
  const startDate = addDays(activeSprintStart(ctx), (n - RUNNING_FIRST) * 14);
  return { startDate, endDate: addDays(startDate, 11) };
};

/** "PI 2026.2": the year of its first day and which ten-week stretch of that year it starts in. */
function intervalName(start: Date): string {
  const dayOfYear = Math.floor((start.getTime() - Date.UTC(start.getUTCFullYear(), 0, 1)) / 86_400_000);
  return `PI ${start.getUTCFullYear()}.${Math.floor(dayOfYear / 70) + 1}`;
}

export async function writePlanning(
  tx: Tx,
  ctx: SeedContext,
  backlog: BacklogPlan,
  org: OrgIds,
  itemIds: ReadonlyMap<string, number>,
  sprintIds: Map<string, number>,
): Promise<{ counts: PlanningCounts; sprints: number }> {
  const rng = ctx.rng("planning");
  const person = (handle: string) => idOf(org.people, handle, "person");
  const team = (slug: string) => idOf(org.teams, slug, "team");

  // Sprints 8–10 of each pod, on the same two-week windows as 1–7 (capacity as their sprint 7's).
  for (const pod of POD_SLUGS) {
    const seventh = backlog.sprints.find((s) => s.team === pod && s.number === 7);
    for (const n of EXTRA_SPRINTS) {
      const w = window(ctx, n);
      const data = {
        teamId: team(pod),
        number: n,
        startDate: w.startDate,
        endDate: w.endDate,
        goal: "",
        capacityPoints: seventh?.capacityPoints ?? POD_CAPACITY[pod] ?? 20,
        status: SprintStatus.PLANNED,
        goalMet: null,
        completedPoints: null,
        startedAt: null,
        closedAt: null,
      };
      const row = await tx.sprint.upsert({ where: { teamId_number: { teamId: data.teamId, number: n } }, create: data, update: data, select: { id: true } });
      sprintIds.set(`${pod}#${n}`, row.id);
    }
  }

  // The two intervals, replacing whatever overlaps their range (a seed for another day moves them).
  const defs = {
    closed: {
      ...{ startDate: window(ctx, FIRST_SPRINT).startDate, endDate: window(ctx, CLOSED_LAST).endDate },
      state: IntervalState.CLOSED,
    },
    running: {
      ...{ startDate: window(ctx, RUNNING_FIRST).startDate, endDate: window(ctx, RUNNING_LAST).endDate },
      state: IntervalState.RUNNING,
    },
  };
  const named = {
    closed: { ...defs.closed, name: intervalName(defs.closed.startDate), closedAt: new Date(defs.closed.endDate.getTime() + 17 * 3_600_000) },
    running: { ...defs.running, name: intervalName(defs.running.startDate), closedAt: null },
  };
  const seeded = [named.closed, named.running];
  const keep = await tx.planningInterval.findMany({
    where: { OR: seeded.map((s) => ({ name: s.name, startDate: s.startDate, endDate: s.endDate })) },
    select: { id: true },
  });
  const replaced = {
    id: { notIn: keep.map((k) => k.id) },
    OR: [{ startDate: { lte: named.running.endDate }, endDate: { gte: named.closed.startDate } }, { name: { in: seeded.map((s) => s.name) } }],
  };
  // Items planned into them lose their plan first (a planned sprint needs its interval: db_rule_item_planned_sprint).
  await tx.backlogItem.updateMany({ where: { planningInterval: replaced }, data: { planningIntervalId: null, plannedSprintId: null } });
  await tx.planningInterval.deleteMany({ where: replaced });
  const intervalIds: Record<"closed" | "running", number> = { closed: 0, running: 0 };
  for (const which of ["closed", "running"] as const) {
    const s = named[which];
    const data = { name: s.name, startDate: s.startDate, endDate: s.endDate, state: s.state, closedAt: s.closedAt };
    intervalIds[which] = (await tx.planningInterval.upsert({ where: { name: s.name }, create: data, update: data, select: { id: true } })).id;
  }
  const ids = Object.values(intervalIds);

  // Features: where their stories' last sprint falls; not started ones fill sprints 8–10.
  const storySprints = new Map<string, number[]>();
  for (const sprint of backlog.sprints) {
    for (const entry of sprint.items) {
      if (entry.removedAt !== null) continue;
      storySprints.set(entry.itemKey, [...(storySprints.get(entry.itemKey) ?? []), sprint.number]);
    }
  }
  const stories = backlog.items.filter((i) => i.level === ItemLevel.STORY);
  const features = backlog.items.filter((i) => i.level === ItemLevel.FEATURE && i.status !== ItemStatus.CANCELLED).sort((a, b) => (a.rank < b.rank ? -1 : 1));
  const plan = new Map<string, { interval: "closed" | "running"; sprint: number }>();
  const fill = new Map<string, number>();
  for (const feature of features) {
    const own = stories.filter((s) => s.parentKey === feature.key);
    const numbers = own.flatMap((s) => storySprints.get(s.key) ?? []);
    if (numbers.length > 0) {
      const last = Math.max(...numbers);
      plan.set(feature.key, { interval: last <= CLOSED_LAST ? "closed" : "running", sprint: last });
      continue;
    }
    if (feature.status !== ItemStatus.BACKLOG && feature.status !== ItemStatus.READY) continue;
    const pod = feature.team!;
    const points = own.filter((s) => s.status !== ItemStatus.CANCELLED).reduce((sum, s) => sum + (s.estimate ?? 0), 0);
    const capacity = (POD_CAPACITY[pod] ?? 20) * EXTRA_SPRINTS.length * (OVER_FILL[pod] ?? FILL);
    const used = fill.get(pod) ?? 0;
    if (used + points > capacity) continue;
    fill.set(pod, used + points);
    // Spread in rank order: the first third into sprint 8, and so on.
    const sprint = EXTRA_SPRINTS[Math.min(EXTRA_SPRINTS.length - 1, Math.floor((used / capacity) * EXTRA_SPRINTS.length))]!;
    plan.set(feature.key, { interval: "running", sprint });
  }

  // Clear every seeded item's plan, then set it (grouped, one statement per interval and sprint).
  const seededIds = backlog.items.map((i) => idOf(itemIds, i.key, "item"));
  await tx.backlogItem.updateMany({ where: { id: { in: seededIds } }, data: { planningIntervalId: null, plannedSprintId: null } });
  const groups = new Map<string, number[]>();
  for (const feature of features) {
    const p = plan.get(feature.key);
    if (!p) continue;
    const sprintId = idOf(sprintIds, `${feature.team}#${p.sprint}`, "sprint");
    const key = `${intervalIds[p.interval]}:${sprintId}`;
    groups.set(key, [...(groups.get(key) ?? []), idOf(itemIds, feature.key, "item")]);
  }
  for (const [key, featureIds] of groups) {
    const [intervalId, sprintId] = key.split(":").map(Number) as [number, number];
    await tx.backlogItem.updateMany({ where: { id: { in: featureIds } }, data: { planningIntervalId: intervalId, plannedSprintId: sprintId } });
  }
  // Epics follow their latest planned feature; the top epic past the funnel with no feature yet joins the running one.
  const epicGroups: Record<"closed" | "running", number[]> = { closed: [], running: [] };
  const epics = backlog.items.filter((i) => i.level === ItemLevel.EPIC).sort((a, b) => (a.rank < b.rank ? -1 : 1));
  let waitingPlanned = false;
  for (const epic of epics) {
    const planned = features.filter((f) => f.parentKey === epic.key).map((f) => plan.get(f.key)?.interval).filter((x) => x !== undefined);
    let which: "closed" | "running" | null = planned.includes("running") ? "running" : planned.includes("closed") ? "closed" : null;
    const hasFeatures = backlog.items.some((f) => f.parentKey === epic.key);
    const pastFunnel = epic.status === ItemStatus.REVIEWING || epic.status === ItemStatus.ANALYZING || epic.status === ItemStatus.PORTFOLIO_BACKLOG;
    if (which === null && !hasFeatures && pastFunnel && !waitingPlanned) {
      which = "running";
      waitingPlanned = true;
    }
    if (which) epicGroups[which].push(idOf(itemIds, epic.key, "item"));
  }
  for (const which of ["closed", "running"] as const) {
    await tx.backlogItem.updateMany({ where: { id: { in: epicGroups[which] } }, data: { planningIntervalId: intervalIds[which] } });
  }

  // Objectives: planned value for every committed objective; actual value in the closed interval.
  await tx.intervalObjective.deleteMany({ where: { intervalId: { in: ids } } });
  const objectives = POD_SLUGS.flatMap((pod) =>
    (["closed", "running"] as const).flatMap((which) =>
      (OBJECTIVES[pod]?.[which] ?? []).map(([title, committed]) => {
        const plannedValue = committed ? rng.int(4, 10) : rng.int(2, 6);
        const actualValue =
          which === "closed" ? (committed ? Math.max(0, Math.min(10, Math.round(plannedValue * rng.float(0.45, 1.05)))) : rng.int(0, 5)) : null;
        return { intervalId: intervalIds[which], teamId: team(pod), title, description: "", committed, plannedValue, actualValue };
      }),
    ),
  );
  await tx.intervalObjective.createMany({ data: objectives });

  // Risks (upserted by key), sorted ROAM.
  await tx.intervalRisk.deleteMany({ where: { intervalId: { in: ids }, key: { notIn: RISKS.map((r) => r.key) } } });
  for (const r of RISKS) {
    const data = {
      key: r.key,
      intervalId: intervalIds[r.interval],
      teamId: r.team === null ? null : team(r.team),
      itemId: null,
      title: r.title,
      description: r.description,
      status: r.status,
      ownerPersonId: "person" in r.owner ? person(r.owner.person) : person(agileLead(r.owner.leadOf)),
      raisedById: "person" in r.raisedBy ? person(r.raisedBy.person) : person(productOwner(r.raisedBy.poOf)),
    };
    await tx.intervalRisk.upsert({ where: { key: r.key }, create: data, update: data });
  }

  // Milestones on the board's top lane.
  await tx.intervalMilestone.deleteMany({ where: { intervalId: { in: ids } } });
  const milestones = [
    { intervalId: intervalIds.closed, name: "Interval review", date: addDays(window(ctx, CLOSED_LAST).endDate, 0) },
    { intervalId: intervalIds.running, name: "Planning day", date: window(ctx, RUNNING_FIRST).startDate },
    { intervalId: intervalIds.running, name: "Mid-interval review", date: window(ctx, 8).startDate },
    { intervalId: intervalIds.running, name: "Campaign freeze", date: addDays(window(ctx, RUNNING_LAST).startDate, 2) },
  ];
  await tx.intervalMilestone.createMany({ data: milestones });

  return {
    counts: { planning_interval: 2, interval_objective: objectives.length, interval_risk: RISKS.length, interval_milestone: milestones.length },
    sprints: POD_SLUGS.length * EXTRA_SPRINTS.length,
  };
}
