import "server-only";
import { expectVersion } from "@/lib/actions/guarded";
import { refuse } from "@/lib/actions/result";
import type { AuditEntry } from "@/lib/audit/mutations";
import { can } from "@/lib/auth/permissions";
import type { SignedInUser } from "@/lib/auth/queries";
import { bottomRanks, lockRankSpace } from "@/lib/backlog/mutations";
import type { Tx } from "@/lib/db/transaction";
import { formatDay, toIsoDay } from "@/lib/format/dates";
import type { IntervalState, RiskStatus } from "@/lib/generated/prisma/enums";
import { addCalendarDays, nextSprintDates, type WorkingDays } from "@/lib/sprints/cadence";
import { computeSprintCapacity, readWorkingDays } from "@/lib/sprints/queries";
import { overCommitment } from "./capacity";
import { unscoredAtClose } from "./predictability";
import { getPlanningToday, readIntervalLoads } from "./queries";
import { STATE_LABELS, transitionRefusal } from "./states";

type Result<T> = Promise<{ data: T; audit: AuditEntry[] }>;

const day = (date: Date) => toIsoDay(date);
const asDate = (isoDay: string) => new Date(`${isoDay}T00:00:00Z`);

/** How far ahead an interval may start: its teams' sprints are generated up to its end. */
const MAX_DAYS_AHEAD = 730;

// ───────────────────────────── loading (for the permission check) ─────────────────────────────

const intervalSelect = { id: true, name: true, startDate: true, endDate: true, state: true, version: true } as const;

export function loadInterval(tx: Tx, intervalId: number) {
  return tx.planningInterval.findUnique({ where: { id: intervalId }, select: intervalSelect });
}
export type IntervalRow = NonNullable<Awaited<ReturnType<typeof loadInterval>>>;

/** A feature as the program board moves it (its team decides who may). */
export function loadFeature(tx: Tx, featureId: number) {
  return tx.backlogItem.findFirst({
    where: { id: featureId, level: "FEATURE" },
    select: {
      id: true,
      key: true,
      status: true,
      teamId: true,
      planningIntervalId: true,
      plannedSprintId: true,
      version: true,
      team: { select: { name: true } },
      planningInterval: { select: { name: true, state: true } },
      plannedSprint: { select: { number: true } },
    },
  });
}
export type FeatureRow = NonNullable<Awaited<ReturnType<typeof loadFeature>>>;

export async function loadIntervalAndTeam(tx: Tx, intervalId: number, teamId: number | null) {
  const interval = await loadInterval(tx, intervalId);
  if (!interval) return null;
  if (teamId === null) return { interval, team: null };
  const team = await tx.team.findFirst({ where: { id: teamId, archivedAt: null }, select: { id: true, name: true } });
  return team ? { interval, team } : null;
}
export type IntervalTeamRow = NonNullable<Awaited<ReturnType<typeof loadIntervalAndTeam>>>;

export function loadObjective(tx: Tx, objectiveId: number) {
  return tx.intervalObjective.findUnique({
    where: { id: objectiveId },
    select: {
      id: true,
      teamId: true,
      title: true,
      description: true,
      committed: true,
      plannedValue: true,
      actualValue: true,
      version: true,
      interval: { select: intervalSelect },
    },
  });
}
export type ObjectiveRow = NonNullable<Awaited<ReturnType<typeof loadObjective>>>;

export function loadRisk(tx: Tx, riskId: number) {
  return tx.intervalRisk.findUnique({
    where: { id: riskId },
    select: { id: true, key: true, teamId: true, status: true, ownerPersonId: true, description: true, version: true, interval: { select: intervalSelect } },
  });
}
export type RiskRow = NonNullable<Awaited<ReturnType<typeof loadRisk>>>;

export function loadMilestone(tx: Tx, milestoneId: number) {
  return tx.intervalMilestone.findUnique({ where: { id: milestoneId }, select: { id: true, name: true, date: true, interval: { select: intervalSelect } } });
}
export type MilestoneRow = NonNullable<Awaited<ReturnType<typeof loadMilestone>>>;

function refuseClosed(interval: { name: string; state: IntervalState }, what: string): void {
  if (interval.state === "CLOSED") throw refuse("INVALID", `${interval.name} is closed: ${what}`);
}

// ───────────────────────────── intervals ─────────────────────────────

/** Another interval sharing a day with [start, end], if any (the exclusion constraint is the backstop). */
async function overlapping(tx: Tx, startDate: string, endDate: string, except: number | null) {
  return tx.planningInterval.findFirst({
    where: { startDate: { lte: asDate(endDate) }, endDate: { gte: asDate(startDate) }, ...(except === null ? {} : { id: { not: except } }) },
    select: { name: true, startDate: true, endDate: true },
  });
}

async function checkDatesAndName(
  tx: Tx,
  input: { name: string; startDate: string; endDate: string },
  today: string,
  except: number | null,
  datesChange: boolean,
) {
  // Interval writes are serialised, so two leaders cannot both pass the overlap check.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('planning:intervals'))`;
  if (datesChange && input.startDate > addCalendarDays(today, MAX_DAYS_AHEAD)) {
    throw refuse("INVALID", "Plan at most two years ahead.", { fieldErrors: { startDate: "Within two years from today" } });
  }
  const other = await overlapping(tx, input.startDate, input.endDate, except);
  if (other) {
    const message = `Overlaps ${other.name} (${formatDay(day(other.startDate))} – ${formatDay(day(other.endDate))})`;
    throw refuse("INVALID", `${message}: intervals follow each other without sharing a day.`, { fieldErrors: { startDate: message } });
  }
  const named = await tx.planningInterval.findFirst({ where: { name: { equals: input.name, mode: "insensitive" }, ...(except === null ? {} : { id: { not: except } }) }, select: { id: true } });
  if (named) throw refuse("INVALID", `There is already an interval called ${input.name}.`, { fieldErrors: { name: "Another interval has this name" } });
}

export interface GeneratedSprints {
  teamId: number;
  team: string;
  numbers: number[];
}

/**
 * Makes sure every team that plans in sprints (delivery pods, and any team that already has sprints) has its
 * sprints up to the interval's end, following its cadence (lib/sprints/cadence.ts) from its last sprint — or, for
 * a team with none, from its anchor. Sprints that would end before today are skipped (nobody plans the past); the
 * numbers stay consecutive. Each new sprint gets the capacity its members give it now, as the sprint pages compute it.
 */
export async function ensureIntervalSprints(tx: Tx, interval: { endDate: string }, today: string, calendar?: WorkingDays): Promise<GeneratedSprints[]> {
  const cal = calendar ?? (await readWorkingDays(tx));
  const teams = await tx.team.findMany({
    where: { archivedAt: null, OR: [{ kind: "DELIVERY_POD" }, { sprints: { some: {} } }] },
    orderBy: { id: "asc" },
    select: { id: true, name: true, cadenceDays: true, cadenceAnchor: true },
  });
  const out: GeneratedSprints[] = [];
  for (const team of teams) {
    // The same per-team lock as lib/sprints' generator, so the two never take the same number.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sprints:team:${team.id}`}))`;
    const last = await tx.sprint.findFirst({ where: { teamId: team.id }, orderBy: { number: "desc" }, select: { number: true, endDate: true } });
    let cursor = last ? { number: last.number, endDate: day(last.endDate) } : null;
    if (cursor && cursor.endDate >= interval.endDate) continue;
    const cadence = { cadenceDays: team.cadenceDays, cadenceAnchor: day(team.cadenceAnchor) };
    const numbers: number[] = [];
    for (let guard = 0; guard < 400; guard++) {
      const [next] = nextSprintDates(cadence, cursor, 1, cal);
      if (!next || next.startDate > interval.endDate) break;
      if (next.endDate < today) {
        // Skipped: keep the number, move the date on.
        cursor = { number: cursor?.number ?? 0, endDate: next.endDate };
        continue;
      }
      const row = await tx.sprint.create({
        data: { teamId: team.id, number: next.number, startDate: asDate(next.startDate), endDate: asDate(next.endDate), capacityPoints: 0 },
        select: { id: true, teamId: true, number: true, startDate: true, endDate: true },
      });
      const capacity = await computeSprintCapacity(tx, row, cal);
      await tx.sprint.update({ where: { id: row.id }, data: { capacityPoints: capacity.capacityPoints } });
      numbers.push(next.number);
      cursor = { number: next.number, endDate: next.endDate };
    }
    if (numbers.length > 0) out.push({ teamId: team.id, team: team.name, numbers });
  }
  return out;
}

/**
 * A new planning interval. Intervals never overlap and have distinct names; the teams' sprints are generated up to
 * its end so their capacities can be planned against.
 */
export async function createInterval(tx: Tx, input: { name: string; startDate: string; endDate: string }): Result<{ id: number; sprints: GeneratedSprints[] }> {
  const today = await getPlanningToday(tx);
  await checkDatesAndName(tx, input, today, null, true);
  const created = await tx.planningInterval.create({
    data: { name: input.name, startDate: asDate(input.startDate), endDate: asDate(input.endDate), state: "PLANNING" },
    select: { id: true },
  });
  const sprints = await ensureIntervalSprints(tx, input, today);
  return {
    data: { id: created.id, sprints },
    audit: [
      {
        action: "interval.create",
        entityType: "PlanningInterval",
        entityId: created.id,
        after: { name: input.name, startDate: input.startDate, endDate: input.endDate, sprintsGenerated: sprints.map((s) => ({ team: s.team, sprints: s.numbers })) },
      },
    ],
  };
}

/**
 * Renames an interval, or moves its dates while it is still being planned. Features planned into sprints that no
 * longer overlap it lose their sprint (they stay planned into the interval) and are counted in the answer.
 */
export async function updateInterval(
  tx: Tx,
  interval: IntervalRow,
  input: { version: number; name: string; startDate: string; endDate: string },
): Result<{ version: number; unscheduled: number }> {
  refuseClosed(interval, "it is the record of what happened.");
  const datesChange = input.startDate !== day(interval.startDate) || input.endDate !== day(interval.endDate);
  if (datesChange && interval.state !== "PLANNING") {
    throw refuse("INVALID", `${interval.name} is ${STATE_LABELS[interval.state].toLowerCase()}: its dates are fixed. Reopen planning to move them.`, {
      fieldErrors: { startDate: "Fixed once committed" },
    });
  }
  const today = await getPlanningToday(tx);
  await checkDatesAndName(tx, input, today, interval.id, datesChange);
  await expectVersion(
    tx,
    { type: "PlanningInterval", id: interval.id, label: interval.name },
    () =>
      tx.planningInterval.updateMany({
        where: { id: interval.id, version: input.version },
        data: { name: input.name, startDate: asDate(input.startDate), endDate: asDate(input.endDate), version: { increment: 1 } },
      }),
    async () => (await loadInterval(tx, interval.id))?.version ?? null,
  );
  let unscheduled = 0;
  if (datesChange) {
    await ensureIntervalSprints(tx, input, today);
    unscheduled = await tx.$executeRaw`
      UPDATE backlog_item b SET planned_sprint_id = NULL, version = b.version + 1
        FROM sprint s
       WHERE b.planning_interval_id = ${interval.id} AND s.id = b.planned_sprint_id
         AND (s.end_date < ${input.startDate}::date OR s.start_date > ${input.endDate}::date)`;
  }
  return {
    data: { version: input.version + 1, unscheduled },
    audit: [
      {
        action: "interval.update",
        entityType: "PlanningInterval",
        entityId: interval.id,
        before: { name: interval.name, startDate: day(interval.startDate), endDate: day(interval.endDate) },
        after: { name: input.name, startDate: input.startDate, endDate: input.endDate, featuresUnscheduled: unscheduled },
      },
    ],
  };
}

/**
 * Moves an interval along PLANNING → COMMITTED → RUNNING → CLOSED (lib/planning/states.ts). Closing needs an actual
 * value on every committed objective that has a planned value: predictability is computed from them.
 */
export async function setIntervalState(tx: Tx, interval: IntervalRow, input: { version: number; state: IntervalState }): Result<{ version: number }> {
  const refusal = transitionRefusal(interval.state, input.state);
  if (refusal) throw refuse("INVALID", refusal);
  if (input.state === "CLOSED") {
    const objectives = await tx.intervalObjective.findMany({
      where: { intervalId: interval.id },
      select: { teamId: true, title: true, committed: true, plannedValue: true, actualValue: true, team: { select: { name: true } } },
      orderBy: [{ teamId: "asc" }, { id: "asc" }],
    });
    const missing = unscoredAtClose(objectives);
    if (missing.length > 0) {
      const named = missing.slice(0, 3).map((o) => `${o.team.name}: ${o.title}`).join("; ");
      throw refuse(
        "INVALID",
        `Give every committed objective its actual value before closing (${missing.length} missing — ${named}${missing.length > 3 ? "; …" : ""}).`,
      );
    }
  }
  await expectVersion(
    tx,
    { type: "PlanningInterval", id: interval.id, label: interval.name },
    () =>
      tx.planningInterval.updateMany({
        where: { id: interval.id, version: input.version },
        data: { state: input.state, closedAt: input.state === "CLOSED" ? new Date() : null, version: { increment: 1 } },
      }),
    async () => (await loadInterval(tx, interval.id))?.version ?? null,
  );
  return {
    data: { version: input.version + 1 },
    audit: [{ action: "interval.state", entityType: "PlanningInterval", entityId: interval.id, before: { state: interval.state }, after: { state: input.state } }],
  };
}

// ───────────────────────────── the program board ─────────────────────────────

export interface PlanResult {
  version: number;
  /** Capacity and load of the teams the move touched, after it. */
  loads: { teamId: number; team: string; capacity: number; load: number; gap: number }[];
  /** Over-commitment after the move, named (never a refusal). */
  warning: string | null;
}

/**
 * Plans a feature: into an interval and onto one of its team's sprints there (the sprint it is planned to finish
 * in), or no sprint yet; or out of the interval. Handing it to another team needs the right to plan for that team
 * too, and takes its stories along while none has started. Version-checked: of two drags of one card, the second
 * is told who moved it first.
 */
export async function planFeature(
  tx: Tx,
  feature: FeatureRow,
  input: { version: number; intervalId: number | null; sprintId: number | null; teamId: number | null },
  principal: SignedInUser,
): Result<PlanResult> {
  const current = feature.planningInterval;
  if (current?.state === "CLOSED" && feature.status === "DONE") {
    throw refuse("INVALID", `${feature.key} was delivered in ${current.name}: its plan is part of that interval's record.`);
  }
  const interval = input.intervalId === null ? null : await loadInterval(tx, input.intervalId);
  if (input.intervalId !== null && !interval) throw refuse("INVALID", "That planning interval no longer exists.");
  if (interval) refuseClosed(interval, "plan the feature into a later interval.");
  if (!interval && input.sprintId !== null) throw refuse("INVALID", "A sprint is chosen within an interval.");

  const fromTeamId = feature.teamId!;
  const toTeamId = input.teamId ?? fromTeamId;
  let toTeam = { id: fromTeamId, name: feature.team?.name ?? "" };
  if (toTeamId !== fromTeamId) {
    if (!can(principal, "planning.plan", { teamId: toTeamId })) {
      throw refuse("NOT_ALLOWED", "You can hand a feature only to a team whose features you plan.");
    }
    const team = await tx.team.findFirst({ where: { id: toTeamId, archivedAt: null }, select: { id: true, name: true } });
    if (!team) throw refuse("INVALID", "That team no longer plans work.", { fieldErrors: { teamId: "Choose another team" } });
    toTeam = team;
  }

  let sprintNumber: number | null = null;
  if (input.sprintId !== null && interval) {
    const sprint = await tx.sprint.findFirst({
      where: { id: input.sprintId, teamId: toTeamId },
      select: { number: true, status: true, startDate: true, endDate: true },
    });
    if (!sprint) throw refuse("INVALID", `That sprint is not one of ${toTeam.name}'s.`, { fieldErrors: { sprintId: "Choose one of the team's sprints" } });
    if (sprint.endDate < interval.startDate || sprint.startDate > interval.endDate) {
      throw refuse("INVALID", `Sprint ${sprint.number} is outside ${interval.name}.`, { fieldErrors: { sprintId: "Outside the interval" } });
    }
    if (sprint.status === "CLOSED" && feature.status !== "DONE") {
      throw refuse("INVALID", `Sprint ${sprint.number} is closed: plan ${feature.key} into a sprint still to come.`, { fieldErrors: { sprintId: "Closed" } });
    }
    sprintNumber = sprint.number;
  }

  // The version check first: of two concurrent drags, the second stops here and is told who moved the card.
  await expectVersion(
    tx,
    { type: "BacklogItem", id: feature.id, label: feature.key },
    () =>
      tx.backlogItem.updateMany({
        where: { id: feature.id, version: input.version },
        data: { planningIntervalId: interval?.id ?? null, plannedSprintId: interval ? input.sprintId : null, version: { increment: 1 } },
      }),
    async () => (await tx.backlogItem.findUnique({ where: { id: feature.id }, select: { version: true } }))?.version ?? null,
  );

  let storiesMoved = 0;
  if (toTeamId !== fromTeamId) storiesMoved = await handOver(tx, feature, toTeam);

  const teams = [...new Set([fromTeamId, toTeamId])];
  const loads = interval ? await readIntervalLoads(tx, { id: interval.id, startDate: day(interval.startDate), endDate: day(interval.endDate) }, teams) : null;
  const names = new Map([[fromTeamId, feature.team?.name ?? ""], [toTeamId, toTeam.name]]);
  const after = teams.map((teamId) => {
    const l = loads?.loads.get(teamId);
    return { teamId, team: names.get(teamId) ?? "", capacity: l?.capacity ?? 0, load: l?.load ?? 0, gap: l?.gap ?? 0 };
  });
  const target = after.find((a) => a.teamId === toTeamId);
  const warning = interval && target ? (overCommitment(target.team, target)?.message ?? null) : null;
  return {
    data: { version: input.version + 1, loads: after, warning },
    audit: [
      {
        action: "planning.plan",
        entityType: "BacklogItem",
        entityId: feature.id,
        teamId: toTeamId,
        before: { interval: current?.name ?? null, sprint: feature.plannedSprint?.number ?? null, team: feature.team?.name ?? null },
        after: { interval: interval?.name ?? null, sprint: sprintNumber, team: toTeam.name, ...(storiesMoved > 0 ? { storiesMoved } : {}) },
      },
    ],
  };
}

/**
 * Hands a feature and its stories to another team: they go to the bottom of its backlog (its product owner ranks
 * them). Refused while a story of it has started or sits in a sprint: that work stays with the team doing it.
 */
async function handOver(tx: Tx, feature: FeatureRow, toTeam: { id: number; name: string }): Promise<number> {
  const started = await tx.backlogItem.findFirst({
    where: {
      parentId: feature.id,
      OR: [
        { status: { notIn: ["BACKLOG", "READY", "CANCELLED"] } },
        { sprintEntries: { some: { removedAt: null, sprint: { status: { in: ["PLANNED", "ACTIVE"] } } } } },
      ],
    },
    select: { key: true },
  });
  if (started) {
    throw refuse("INVALID", `${started.key} of ${feature.key} is under way in ${feature.team?.name ?? "its team"}: the feature stays with the team doing its work.`);
  }
  const stories = await tx.backlogItem.findMany({ where: { parentId: feature.id }, orderBy: { rank: "asc" }, select: { id: true } });
  const space = await lockRankSpace(tx, toTeam.id, "FEATURE");
  const ranks = await bottomRanks(tx, space, 1 + stories.length);
  await tx.backlogItem.update({ where: { id: feature.id }, data: { teamId: toTeam.id, rank: ranks[0]! } });
  for (const [i, story] of stories.entries()) {
    await tx.backlogItem.update({ where: { id: story.id }, data: { teamId: toTeam.id, rank: ranks[i + 1]!, version: { increment: 1 } } });
  }
  return stories.length;
}

// ───────────────────────────── objectives ─────────────────────────────

export async function createObjective(
  tx: Tx,
  target: IntervalTeamRow,
  input: { title: string; description: string; committed: boolean },
): Result<{ id: number }> {
  refuseClosed(target.interval, "its objectives are the record.");
  const team = target.team!;
  const created = await tx.intervalObjective.create({
    data: { intervalId: target.interval.id, teamId: team.id, title: input.title, description: input.description, committed: input.committed },
    select: { id: true },
  });
  return {
    data: { id: created.id },
    audit: [
      {
        action: "interval.objective.create",
        entityType: "IntervalObjective",
        entityId: created.id,
        teamId: team.id,
        after: { interval: target.interval.name, team: team.name, title: input.title, committed: input.committed },
      },
    ],
  };
}

/** Edits an objective's words; whether it is committed changes only while the interval is being planned. */
export async function updateObjective(
  tx: Tx,
  objective: ObjectiveRow,
  input: { version: number; title: string; description: string; committed: boolean },
): Result<{ version: number }> {
  refuseClosed(objective.interval, "its objectives are the record.");
  if (input.committed !== objective.committed && objective.interval.state !== "PLANNING") {
    throw refuse("INVALID", `${objective.interval.name} is ${STATE_LABELS[objective.interval.state].toLowerCase()}: what was committed stays as it was.`, {
      fieldErrors: { committed: "Fixed once committed" },
    });
  }
  await expectVersion(
    tx,
    { type: "IntervalObjective", id: objective.id, label: "This objective" },
    () =>
      tx.intervalObjective.updateMany({
        where: { id: objective.id, version: input.version },
        data: { title: input.title, description: input.description, committed: input.committed, version: { increment: 1 } },
      }),
    async () => (await loadObjective(tx, objective.id))?.version ?? null,
  );
  return {
    data: { version: input.version + 1 },
    audit: [
      {
        action: "interval.objective.update",
        entityType: "IntervalObjective",
        entityId: objective.id,
        teamId: objective.teamId,
        before: { title: objective.title, description: objective.description, committed: objective.committed },
        after: { title: input.title, description: input.description, committed: input.committed },
      },
    ],
  };
}

/** Removes an objective while the interval is still being planned. */
export async function deleteObjective(tx: Tx, objective: ObjectiveRow, input: { version: number }): Result<null> {
  if (objective.interval.state !== "PLANNING") {
    throw refuse("INVALID", `${objective.interval.name} is ${STATE_LABELS[objective.interval.state].toLowerCase()}: its objectives stay on the record.`);
  }
  await expectVersion(
    tx,
    { type: "IntervalObjective", id: objective.id, label: "This objective" },
    () => tx.intervalObjective.deleteMany({ where: { id: objective.id, version: input.version } }),
    async () => (await loadObjective(tx, objective.id))?.version ?? null,
  );
  return {
    data: null,
    audit: [{ action: "interval.objective.delete", entityType: "IntervalObjective", entityId: objective.id, teamId: objective.teamId, before: { title: objective.title, committed: objective.committed } }],
  };
}

/**
 * Leaders score an objective: planned business value (1–10) while the interval is planned or committed, actual
 * value (0–10) once it runs. A closed interval's scores are the record.
 */
export async function scoreObjective(
  tx: Tx,
  objective: ObjectiveRow,
  input: { version: number; plannedValue: number | null; actualValue: number | null },
): Result<{ version: number }> {
  const { interval } = objective;
  refuseClosed(interval, "its scores are the record.");
  if (input.plannedValue !== objective.plannedValue && (interval.state === "RUNNING" || interval.state === "CLOSED")) {
    throw refuse("INVALID", `${interval.name} is running: planned value was set while planning.`, { fieldErrors: { plannedValue: "Fixed once running" } });
  }
  if (input.actualValue !== objective.actualValue && input.actualValue !== null && interval.state !== "RUNNING") {
    throw refuse("INVALID", `Actual value is given once ${interval.name} runs.`, { fieldErrors: { actualValue: "Once the interval runs" } });
  }
  await expectVersion(
    tx,
    { type: "IntervalObjective", id: objective.id, label: "This objective" },
    () =>
      tx.intervalObjective.updateMany({
        where: { id: objective.id, version: input.version },
        data: { plannedValue: input.plannedValue, actualValue: input.actualValue, version: { increment: 1 } },
      }),
    async () => (await loadObjective(tx, objective.id))?.version ?? null,
  );
  return {
    data: { version: input.version + 1 },
    audit: [
      {
        action: "interval.objective.score",
        entityType: "IntervalObjective",
        entityId: objective.id,
        teamId: objective.teamId,
        before: { plannedValue: objective.plannedValue, actualValue: objective.actualValue },
        after: { plannedValue: input.plannedValue, actualValue: input.actualValue },
      },
    ],
  };
}

// ───────────────────────────── risks ─────────────────────────────

/** A risk raised while planning, with an owner, keyed RISK-n. */
export async function raiseRisk(
  tx: Tx,
  target: IntervalTeamRow,
  input: { itemId: number | null; title: string; description: string; ownerPersonId: number },
  principal: SignedInUser,
): Result<{ id: number; key: string }> {
  refuseClosed(target.interval, "raise the risk in the interval it threatens.");
  const fieldErrors: Record<string, string> = {};
  const owner = await tx.person.findUnique({ where: { id: input.ownerPersonId }, select: { name: true } });
  if (!owner) fieldErrors.ownerPersonId = "Choose who owns it";
  if (input.itemId !== null && !(await tx.backlogItem.findUnique({ where: { id: input.itemId }, select: { id: true } }))) fieldErrors.itemId = "That item no longer exists";
  if (Object.keys(fieldErrors).length > 0) throw refuse("INVALID", "Some fields need attention.", { fieldErrors });
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('interval-risk-key'))`;
  const [row] = await tx.$queryRaw<{ next: number }[]>`
    SELECT (COALESCE(MAX(substring(key FROM '^RISK-([0-9]+)$')::int), 0) + 1)::int AS next FROM interval_risk`;
  const key = `RISK-${row?.next ?? 1}`;
  const created = await tx.intervalRisk.create({
    data: {
      key,
      intervalId: target.interval.id,
      teamId: target.team?.id ?? null,
      itemId: input.itemId,
      title: input.title,
      description: input.description,
      ownerPersonId: input.ownerPersonId,
      raisedById: principal.personId,
    },
    select: { id: true },
  });
  return {
    data: { id: created.id, key },
    audit: [
      {
        action: "interval.risk.raise",
        entityType: "IntervalRisk",
        entityId: created.id,
        teamId: target.team?.id ?? null,
        after: { key, interval: target.interval.name, title: input.title, owner: owner!.name, status: "OPEN" },
      },
    ],
  };
}

/** Sorts a risk (ROAM) and hands it to an owner. */
export async function updateRisk(
  tx: Tx,
  risk: RiskRow,
  input: { version: number; status: RiskStatus; ownerPersonId: number; description: string },
): Result<{ version: number }> {
  refuseClosed(risk.interval, "its risks are the record.");
  const owner = await tx.person.findUnique({ where: { id: input.ownerPersonId }, select: { name: true } });
  if (!owner) throw refuse("INVALID", "Choose who owns it.", { fieldErrors: { ownerPersonId: "Choose who owns it" } });
  await expectVersion(
    tx,
    { type: "IntervalRisk", id: risk.id, label: risk.key },
    () =>
      tx.intervalRisk.updateMany({
        where: { id: risk.id, version: input.version },
        data: { status: input.status, ownerPersonId: input.ownerPersonId, description: input.description, version: { increment: 1 } },
      }),
    async () => (await loadRisk(tx, risk.id))?.version ?? null,
  );
  return {
    data: { version: input.version + 1 },
    audit: [
      {
        action: "interval.risk.update",
        entityType: "IntervalRisk",
        entityId: risk.id,
        teamId: risk.teamId,
        before: { status: risk.status, ownerPersonId: risk.ownerPersonId },
        after: { status: input.status, ownerPersonId: input.ownerPersonId, owner: owner.name },
      },
    ],
  };
}

// ───────────────────────────── milestones ─────────────────────────────

export async function addMilestone(tx: Tx, interval: IntervalRow, input: { name: string; date: string }): Result<{ id: number }> {
  refuseClosed(interval, "its milestones are the record.");
  if (input.date < day(interval.startDate) || input.date > day(interval.endDate)) {
    throw refuse("INVALID", `A milestone of ${interval.name} falls between ${formatDay(day(interval.startDate))} and ${formatDay(day(interval.endDate))}.`, {
      fieldErrors: { date: "Inside the interval" },
    });
  }
  const created = await tx.intervalMilestone.create({ data: { intervalId: interval.id, name: input.name, date: asDate(input.date) }, select: { id: true } });
  return {
    data: { id: created.id },
    audit: [{ action: "interval.milestone.add", entityType: "PlanningInterval", entityId: interval.id, after: { milestone: input.name, date: input.date } }],
  };
}

export async function removeMilestone(tx: Tx, milestone: MilestoneRow): Result<null> {
  refuseClosed(milestone.interval, "its milestones are the record.");
  await tx.intervalMilestone.delete({ where: { id: milestone.id } });
  return {
    data: null,
    audit: [
      {
        action: "interval.milestone.remove",
        entityType: "PlanningInterval",
        entityId: milestone.interval.id,
        before: { milestone: milestone.name, date: day(milestone.date) },
      },
    ],
  };
}
