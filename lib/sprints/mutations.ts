import "server-only";
import { expectVersion } from "@/lib/actions/guarded";
import { refuse } from "@/lib/actions/result";
import type { AuditEntry } from "@/lib/audit/mutations";
import { describeMissing, missingForReady } from "@/lib/backlog/readiness";
import type { Tx } from "@/lib/db/transaction";
import { toIsoDay } from "@/lib/format/dates";
import { countWorkingDays, nextSprintDates } from "./cadence";
import { overCapacityWarning, planLoad } from "./capacity";
import { computeSprintCapacity, readWorkingDays } from "./queries";

type Result<T> = Promise<{ data: T; audit: AuditEntry[] }>;

const sprintSelect = {
  id: true,
  teamId: true,
  number: true,
  status: true,
  startDate: true,
  endDate: true,
  goal: true,
  capacityPoints: true,
  version: true,
} as const;

/** A sprint as loaded for the permission check (its team decides who may change it). */
export function loadSprint(tx: Tx, sprintId: number) {
  return tx.sprint.findUnique({ where: { id: sprintId }, select: sprintSelect });
}
export type SprintRow = NonNullable<Awaited<ReturnType<typeof loadSprint>>>;

export function loadTeamForSprints(tx: Tx, teamId: number) {
  return tx.team.findUnique({ where: { id: teamId }, select: { id: true, name: true, cadenceDays: true, cadenceAnchor: true, archivedAt: true } });
}
export type SprintTeamRow = NonNullable<Awaited<ReturnType<typeof loadTeamForSprints>>>;

const label = (sprint: { number: number }) => `Sprint ${sprint.number}`;

/** Points in scope now: the estimates of the sprint's stories that were not taken out. */
async function plannedPoints(tx: Tx, sprintId: number): Promise<number> {
  const rows = await tx.sprintItem.findMany({ where: { sprintId, removedAt: null }, select: { item: { select: { estimate: true } } } });
  return rows.reduce((sum, r) => sum + (r.item.estimate ?? 0), 0);
}

/**
 * Creates the team's next `count` sprints from its cadence (lib/sprints/cadence.ts): back to back after the
 * last one, `cadenceDays` working days each, with the capacity the team's members give them today.
 */
export async function generateSprints(tx: Tx, team: SprintTeamRow, count: number): Result<{ numbers: number[] }> {
  if (team.archivedAt) throw refuse("INVALID", "This team is archived: it plans no more sprints.");
  // Serialise generation per team so two clicks do not both take the next number.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`sprints:team:${team.id}`}))`;
  const calendar = await readWorkingDays(tx);
  const last = await tx.sprint.findFirst({ where: { teamId: team.id }, orderBy: { number: "desc" }, select: { number: true, endDate: true } });
  const dates = nextSprintDates(
    { cadenceDays: team.cadenceDays, cadenceAnchor: toIsoDay(team.cadenceAnchor) },
    last ? { number: last.number, endDate: toIsoDay(last.endDate) } : null,
    count,
    calendar,
  );
  const created: { id: number; number: number; startDate: string; endDate: string; capacityPoints: number }[] = [];
  for (const d of dates) {
    const row = await tx.sprint.create({
      data: { teamId: team.id, number: d.number, startDate: new Date(`${d.startDate}T00:00:00Z`), endDate: new Date(`${d.endDate}T00:00:00Z`), capacityPoints: 0 },
      select: sprintSelect,
    });
    const capacity = await computeSprintCapacity(tx, row, calendar);
    await tx.sprint.update({ where: { id: row.id }, data: { capacityPoints: capacity.capacityPoints } });
    created.push({ id: row.id, number: d.number, startDate: d.startDate, endDate: d.endDate, capacityPoints: capacity.capacityPoints });
  }
  return {
    data: { numbers: created.map((c) => c.number) },
    audit: [{ action: "sprint.generate", entityType: "Team", entityId: team.id, teamId: team.id, after: { sprints: created } }],
  };
}

export async function updateSprintGoal(tx: Tx, sprint: SprintRow, input: { version: number; goal: string }): Result<{ version: number }> {
  if (sprint.status === "CLOSED") throw refuse("INVALID", `${label(sprint)} is closed: its goal is part of the record.`);
  await expectVersion(
    tx,
    { type: "Sprint", id: sprint.id, label: label(sprint) },
    () => tx.sprint.updateMany({ where: { id: sprint.id, version: input.version }, data: { goal: input.goal, version: { increment: 1 } } }),
    async () => (await loadSprint(tx, sprint.id))?.version ?? null,
  );
  return {
    data: { version: input.version + 1 },
    audit: [{ action: "sprint.goal", entityType: "Sprint", entityId: sprint.id, teamId: sprint.teamId, before: { goal: sprint.goal }, after: { goal: input.goal } }],
  };
}

/**
 * Records a member's days off in a planned sprint and recomputes the sprint's capacity. Capacity is fixed when
 * the sprint starts, so a started or closed sprint is refused.
 */
export async function setAvailability(
  tx: Tx,
  sprint: SprintRow,
  input: { personId: number; daysOff: number },
): Result<{ capacityPoints: number; plannedPoints: number; warning: string | null }> {
  if (sprint.status !== "PLANNED") throw refuse("INVALID", `${label(sprint)} has started: its capacity was fixed at the start.`);
  const member = await tx.membership.findFirst({ where: { teamId: sprint.teamId, personId: input.personId, role: { not: "OVERSIGHT" } }, select: { id: true } });
  if (!member) throw refuse("INVALID", "Only the team's sprint members have days off in its sprints.", { fieldErrors: { personId: "Not a member of this team" } });
  const calendar = await readWorkingDays(tx);
  const workingDays = countWorkingDays(toIsoDay(sprint.startDate), toIsoDay(sprint.endDate), calendar);
  if (input.daysOff > workingDays) {
    throw refuse("INVALID", `${label(sprint)} has ${workingDays} working days.`, { fieldErrors: { daysOff: `At most ${workingDays} days` } });
  }
  const before = await tx.sprintAvailability.findUnique({ where: { sprintId_personId: { sprintId: sprint.id, personId: input.personId } } });
  if (input.daysOff === 0) {
    await tx.sprintAvailability.deleteMany({ where: { sprintId: sprint.id, personId: input.personId } });
  } else {
    await tx.sprintAvailability.upsert({
      where: { sprintId_personId: { sprintId: sprint.id, personId: input.personId } },
      create: { sprintId: sprint.id, personId: input.personId, daysOff: input.daysOff },
      update: { daysOff: input.daysOff },
    });
  }
  const capacity = await computeSprintCapacity(tx, sprint, calendar);
  await tx.sprint.update({ where: { id: sprint.id }, data: { capacityPoints: capacity.capacityPoints, version: { increment: 1 } } });
  const planned = await plannedPoints(tx, sprint.id);
  return {
    data: { capacityPoints: capacity.capacityPoints, plannedPoints: planned, warning: overCapacityWarning(planLoad(planned, capacity.capacityPoints)) },
    audit: [
      {
        action: "sprint.availability",
        entityType: "Sprint",
        entityId: sprint.id,
        teamId: sprint.teamId,
        before: { personId: input.personId, daysOff: before?.daysOff ?? 0, capacityPoints: sprint.capacityPoints },
        after: { personId: input.personId, daysOff: input.daysOff, capacityPoints: capacity.capacityPoints },
      },
    ],
  };
}

/**
 * Puts a story of the team into a sprint. The Definition of Ready is the gate (rule 5): a story without an
 * owner, acceptance criteria, an estimate (or a brief link where the team asks for one) is refused with what is
 * missing named. A ready story still in BACKLOG becomes READY (recorded in the status history). Added to a
 * running sprint it is a mid-sprint insertion. Above capacity the story goes in and a warning comes back.
 */
export async function addToSprint(
  tx: Tx,
  sprint: SprintRow,
  itemId: number,
  actorUserId: number,
): Result<{ plannedPoints: number; capacityPoints: number; midSprint: boolean; warning: string | null }> {
  if (sprint.status === "CLOSED") throw refuse("INVALID", `${label(sprint)} is closed: plan the story into a later sprint.`);
  const item = await tx.backlogItem.findFirst({
    where: { id: itemId, teamId: sprint.teamId },
    select: { id: true, key: true, level: true, status: true, estimate: true, ownerPersonId: true, acceptanceCriteria: true, briefUrl: true, team: { select: { requiresBriefLink: true } } },
  });
  if (!item) throw refuse("INVALID", "That story is not in this team's backlog.");
  if (item.level !== "STORY") throw refuse("INVALID", `${item.key} is a ${item.level.toLowerCase()}: sprints hold stories. Plan its stories instead.`);
  if (item.status === "DONE" || item.status === "CANCELLED") throw refuse("INVALID", `${item.key} is ${item.status === "DONE" ? "done" : "cancelled"}.`);
  const missing = missingForReady(item, item.team!);
  if (missing.length > 0) {
    throw refuse("INVALID", `${item.key} is not ready: it needs ${describeMissing(missing)}.`, {
      fieldErrors: Object.fromEntries(missing.map((m) => [m, "Missing"])),
    });
  }
  // One story, one open sprint: lock the item row so two plannings of it cannot both pass this check.
  await tx.$executeRaw`SELECT id FROM backlog_item WHERE id = ${item.id} FOR UPDATE`;
  const elsewhere = await tx.sprintItem.findFirst({
    where: { itemId: item.id, removedAt: null, sprint: { status: { in: ["PLANNED", "ACTIVE"] } } },
    select: { sprintId: true, sprint: { select: { number: true } } },
  });
  if (elsewhere) {
    throw refuse("INVALID", elsewhere.sprintId === sprint.id ? `${item.key} is already in ${label(sprint)}.` : `${item.key} is already planned into Sprint ${elsewhere.sprint.number}.`);
  }
  const midSprint = sprint.status === "ACTIVE";
  const now = new Date();
  await tx.sprintItem.upsert({
    where: { sprintId_itemId: { sprintId: sprint.id, itemId: item.id } },
    create: { sprintId: sprint.id, itemId: item.id, midSprint, committed: false, addedAt: now },
    // Taken out earlier and put back: back in scope; in a running sprint that is an insertion again.
    update: { removedAt: null, midSprint, addedAt: now },
  });
  if (item.status === "BACKLOG") {
    await tx.backlogItem.update({ where: { id: item.id }, data: { status: "READY", version: { increment: 1 } } });
    await tx.statusChange.create({ data: { itemId: item.id, fromStatus: "BACKLOG", toStatus: "READY", changedAt: now, changedBy: actorUserId } });
  }
  const planned = await plannedPoints(tx, sprint.id);
  const capacityPoints = sprint.status === "PLANNED" ? (await computeSprintCapacity(tx, sprint)).capacityPoints : sprint.capacityPoints;
  return {
    data: { plannedPoints: planned, capacityPoints, midSprint, warning: overCapacityWarning(planLoad(planned, capacityPoints)) },
    audit: [
      {
        action: midSprint ? "sprint.insert" : "sprint.plan",
        entityType: "Sprint",
        entityId: sprint.id,
        teamId: sprint.teamId,
        after: { itemId: item.id, key: item.key, estimate: item.estimate, midSprint },
      },
    ],
  };
}

/**
 * Takes a story out of a sprint. From a planned sprint it simply leaves; from a running one it is kept with
 * `removedAt` (scope taken out counts as backlog churn). A closed sprint is history.
 */
export async function removeFromSprint(tx: Tx, sprint: SprintRow, itemId: number): Result<{ plannedPoints: number }> {
  if (sprint.status === "CLOSED") throw refuse("INVALID", `${label(sprint)} is closed: its scope is part of the record.`);
  const entry = await tx.sprintItem.findFirst({ where: { sprintId: sprint.id, itemId, removedAt: null }, select: { id: true, item: { select: { key: true } } } });
  if (!entry) throw refuse("INVALID", `That story is not in ${label(sprint)}.`);
  if (sprint.status === "PLANNED") await tx.sprintItem.delete({ where: { id: entry.id } });
  else await tx.sprintItem.update({ where: { id: entry.id }, data: { removedAt: new Date() } });
  return {
    data: { plannedPoints: await plannedPoints(tx, sprint.id) },
    audit: [{ action: "sprint.remove", entityType: "Sprint", entityId: sprint.id, teamId: sprint.teamId, before: { itemId, key: entry.item.key } }],
  };
}

/**
 * Starts a planned sprint: its scope becomes the committed set (each story's points at start kept, so later
 * re-estimates do not rewrite history) and its capacity is fixed. One sprint runs per team at a time, and
 * sprints start in order.
 */
export async function startSprint(tx: Tx, sprint: SprintRow, version: number): Result<{ committedPoints: number; capacityPoints: number; warning: string | null }> {
  if (sprint.status !== "PLANNED") throw refuse("INVALID", `${label(sprint)} has already ${sprint.status === "ACTIVE" ? "started" : "closed"}.`);
  const [active, earlier] = await Promise.all([
    tx.sprint.findFirst({ where: { teamId: sprint.teamId, status: "ACTIVE" }, select: { number: true } }),
    tx.sprint.findFirst({ where: { teamId: sprint.teamId, status: "PLANNED", number: { lt: sprint.number } }, orderBy: { number: "asc" }, select: { number: true } }),
  ]);
  if (active) throw refuse("INVALID", `Sprint ${active.number} is still running: close it before starting ${label(sprint)}.`);
  if (earlier) throw refuse("INVALID", `Sprint ${earlier.number} comes first: start (or plan) it before ${label(sprint)}.`);
  const capacity = await computeSprintCapacity(tx, sprint);
  const now = new Date();
  await expectVersion(
    tx,
    { type: "Sprint", id: sprint.id, label: label(sprint) },
    () =>
      tx.sprint.updateMany({
        where: { id: sprint.id, version, status: "PLANNED" },
        data: { status: "ACTIVE", startedAt: now, capacityPoints: capacity.capacityPoints, version: { increment: 1 } },
      }),
    async () => (await loadSprint(tx, sprint.id))?.version ?? null,
  );
  await tx.$executeRaw`
    UPDATE sprint_item si SET committed = true, mid_sprint = false, points_at_start = bi.estimate
      FROM backlog_item bi
     WHERE si.sprint_id = ${sprint.id} AND si.removed_at IS NULL AND bi.id = si.item_id`;
  const committed = await tx.sprintItem.findMany({ where: { sprintId: sprint.id, committed: true }, select: { itemId: true, pointsAtStart: true } });
  const committedPoints = committed.reduce((sum, c) => sum + (c.pointsAtStart ?? 0), 0);
  return {
    data: { committedPoints, capacityPoints: capacity.capacityPoints, warning: overCapacityWarning(planLoad(committedPoints, capacity.capacityPoints)) },
    audit: [
      {
        action: "sprint.start",
        entityType: "Sprint",
        entityId: sprint.id,
        teamId: sprint.teamId,
        before: { status: "PLANNED" },
        after: { status: "ACTIVE", capacityPoints: capacity.capacityPoints, committedPoints, committed },
      },
    ],
  };
}

/**
 * Closes the running sprint: whether its goal was met (the team's call), the points completed (estimates of its
 * stories that are done), and the carry-over: every unfinished story moves to the next planned sprint, which is
 * generated from the cadence when there is none yet. Carried stories were ready when first planned, so the
 * gate is not asked again.
 */
export async function closeSprint(
  tx: Tx,
  sprint: SprintRow,
  input: { version: number; goalMet: boolean },
): Result<{ completedPoints: number; carriedOver: string[]; nextSprintId: number | null; nextSprintNumber: number | null }> {
  if (sprint.status !== "ACTIVE") throw refuse("INVALID", sprint.status === "PLANNED" ? `${label(sprint)} has not started.` : `${label(sprint)} is already closed.`);
  const scope = await tx.sprintItem.findMany({
    where: { sprintId: sprint.id, removedAt: null },
    select: { itemId: true, item: { select: { key: true, status: true, estimate: true } } },
  });
  const completedPoints = scope.filter((s) => s.item.status === "DONE").reduce((sum, s) => sum + (s.item.estimate ?? 0), 0);
  const unfinished = scope.filter((s) => s.item.status !== "DONE" && s.item.status !== "CANCELLED");
  const now = new Date();
  await expectVersion(
    tx,
    { type: "Sprint", id: sprint.id, label: label(sprint) },
    () =>
      tx.sprint.updateMany({
        where: { id: sprint.id, version: input.version, status: "ACTIVE" },
        data: { status: "CLOSED", closedAt: now, goalMet: input.goalMet, completedPoints, version: { increment: 1 } },
      }),
    async () => (await loadSprint(tx, sprint.id))?.version ?? null,
  );

  let next: { id: number; number: number } | null = null;
  if (unfinished.length > 0) {
    next = await tx.sprint.findFirst({ where: { teamId: sprint.teamId, status: "PLANNED", number: { gt: sprint.number } }, orderBy: { number: "asc" }, select: { id: true, number: true } });
    if (!next) {
      const team = (await loadTeamForSprints(tx, sprint.teamId))!;
      await generateSprints(tx, { ...team, archivedAt: null }, 1);
      next = await tx.sprint.findFirst({ where: { teamId: sprint.teamId, status: "PLANNED", number: { gt: sprint.number } }, orderBy: { number: "asc" }, select: { id: true, number: true } });
    }
    const target = next!;
    // A carried story may already sit in the next sprint (planned ahead): keep that row as it is.
    await tx.sprintItem.createMany({
      data: unfinished.map((s) => ({ sprintId: target.id, itemId: s.itemId, addedAt: now })),
      skipDuplicates: true,
    });
    await tx.sprintItem.updateMany({ where: { sprintId: target.id, itemId: { in: unfinished.map((s) => s.itemId) } }, data: { removedAt: null } });
  }
  const carriedOver = unfinished.map((s) => s.item.key);
  return {
    data: { completedPoints, carriedOver, nextSprintId: next?.id ?? null, nextSprintNumber: next?.number ?? null },
    audit: [
      {
        action: "sprint.close",
        entityType: "Sprint",
        entityId: sprint.id,
        teamId: sprint.teamId,
        before: { status: "ACTIVE" },
        after: { status: "CLOSED", goalMet: input.goalMet, completedPoints, carriedOver, carriedTo: next?.number ?? null },
      },
    ],
  };
}

export async function addRetroAction(tx: Tx, sprint: SprintRow, input: { title: string; ownerPersonId: number | null }): Result<{ id: number }> {
  if (sprint.status === "PLANNED") throw refuse("INVALID", `${label(sprint)} has not started: retrospective actions come from a sprint that ran.`);
  if (input.ownerPersonId !== null) {
    const member = await tx.membership.findFirst({ where: { teamId: sprint.teamId, personId: input.ownerPersonId }, select: { id: true } });
    if (!member) throw refuse("INVALID", "The owner must be a member of the team.", { fieldErrors: { ownerPersonId: "Choose a member of this team" } });
  }
  const created = await tx.retroActionItem.create({ data: { sprintId: sprint.id, title: input.title, ownerPersonId: input.ownerPersonId } });
  return {
    data: { id: created.id },
    audit: [{ action: "retro.add", entityType: "RetroActionItem", entityId: created.id, teamId: sprint.teamId, after: created }],
  };
}

export function loadRetroAction(tx: Tx, actionId: number) {
  return tx.retroActionItem.findUnique({
    where: { id: actionId },
    select: { id: true, title: true, done: true, version: true, sprintId: true, sprint: { select: { teamId: true } } },
  });
}
export type RetroActionRow = NonNullable<Awaited<ReturnType<typeof loadRetroAction>>>;

/** Marks a retrospective action done (with when) or open again, version-checked. */
export async function setRetroActionDone(tx: Tx, action: RetroActionRow, input: { version: number; done: boolean }): Result<{ version: number }> {
  await expectVersion(
    tx,
    { type: "RetroActionItem", id: action.id, label: `“${action.title}”` },
    () =>
      tx.retroActionItem.updateMany({
        where: { id: action.id, version: input.version },
        data: { done: input.done, doneAt: input.done ? new Date() : null, version: { increment: 1 } },
      }),
    async () => (await loadRetroAction(tx, action.id))?.version ?? null,
  );
  return {
    data: { version: input.version + 1 },
    audit: [{ action: "retro.done", entityType: "RetroActionItem", entityId: action.id, teamId: action.sprint.teamId, before: { done: action.done }, after: { done: input.done } }],
  };
}
