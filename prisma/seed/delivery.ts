/**
 * Writes the planned backlog and sprints (backlog.ts) to the database: items upserted by key, their status
 * history and the sprints' children replaced on every run.
 */
import { SprintStatus } from "@/lib/generated/prisma/enums";
import { idOf, type Tx } from "./context";
import type { BacklogPlan } from "./backlog";
import { POD_SLUGS, type OrgIds } from "./org";

export interface DeliveryCounts {
  backlog_item: number;
  status_change: number;
  sprint: number;
  sprint_item: number;
  sprint_availability: number;
  retro_action_item: number;
}

export async function writeDelivery(
  tx: Tx,
  plan: BacklogPlan,
  org: OrgIds,
): Promise<{ counts: DeliveryCounts; itemIds: Map<string, number>; sprintIds: Map<string, number> }> {
  const person = (handle: string) => idOf(org.people, handle, "person");
  const user = (handle: string | null) => (handle === null ? null : (org.usersByPerson.get(handle) ?? null));

  // Items re-ranked in the app since the last seed could hold a rank a seeded item is about to take back: park
  // the seeded items' ranks on unique temporary values first (one statement; the upserts below set the real ones).
  const keys = plan.items.map((i) => i.key);
  await tx.$executeRaw`UPDATE "backlog_item" SET "rank" = concat('zzzz', "id") WHERE "key" = ANY(${keys})`;

  // Items, parents first (the plan lists themes, epics, features, stories in that order).
  const itemIds = new Map<string, number>();
  for (const item of plan.items) {
    const data = {
      key: item.key,
      level: item.level,
      isTask: item.isTask,
      title: item.title,
      description: item.description,
      parentId: item.parentKey === null ? null : idOf(itemIds, item.parentKey, "item"),
      teamId: item.team === null ? null : idOf(org.teams, item.team, "team"),
      status: item.status,
      rank: item.rank,
      businessValue: item.businessValue,
      timeCriticality: item.timeCriticality,
      riskReduction: item.riskReduction,
      jobSize: item.jobSize,
      estimate: item.estimate,
      valueTheme: item.valueTheme,
      releaseTag: item.releaseTag,
      launchStart: item.launchStart,
      launchEnd: item.launchEnd,
      audienceSegments: item.audienceSegments,
      channel: item.channel,
      acceptanceCriteria: item.acceptanceCriteria,
      briefUrl: item.briefUrl,
      ownerPersonId: item.owner === null ? null : person(item.owner),
      plannedBenefit: item.plannedBenefit,
      realisedBenefit: item.realisedBenefit,
      investment: item.investment,
      createdAt: item.createdAt,
    };
    const row = await tx.backlogItem.upsert({ where: { key: item.key }, create: data, update: data, select: { id: true } });
    itemIds.set(item.key, row.id);
  }
  const ids = [...itemIds.values()];

  // Status history of the seeded items: replaced whole, so a second run leaves the same rows.
  await tx.statusChange.deleteMany({ where: { itemId: { in: ids } } });
  const changes = plan.items.flatMap((item) =>
    item.history.map((h) => ({
      itemId: idOf(itemIds, item.key, "item"),
      fromStatus: h.from,
      toStatus: h.to,
      changedAt: h.at,
      changedBy: user(h.by),
    })),
  );
  await tx.statusChange.createMany({ data: changes });

  // Sprints by (team, number). A sprint started in the app since the last seed would hold the one ACTIVE slot
  // of its team: step it back first so the seeded active sprint can take it.
  const podIds = POD_SLUGS.map((slug) => idOf(org.teams, slug, "team"));
  const activeNumbers = plan.sprints.filter((s) => s.status === SprintStatus.ACTIVE).map((s) => s.number);
  await tx.sprint.updateMany({
    where: { teamId: { in: podIds }, status: SprintStatus.ACTIVE, number: { notIn: activeNumbers } },
    data: { status: SprintStatus.PLANNED },
  });
  const sprintIds = new Map<string, number>();
  for (const sprint of plan.sprints) {
    const teamId = idOf(org.teams, sprint.team, "team");
    const data = {
      teamId,
      number: sprint.number,
      startDate: sprint.startDate,
      endDate: sprint.endDate,
      goal: sprint.goal,
      capacityPoints: sprint.capacityPoints,
      status: sprint.status,
      goalMet: sprint.goalMet,
      completedPoints: sprint.completedPoints,
      startedAt: sprint.startedAt,
      closedAt: sprint.closedAt,
    };
    const row = await tx.sprint.upsert({
      where: { teamId_number: { teamId, number: sprint.number } },
      create: data,
      update: data,
      select: { id: true },
    });
    sprintIds.set(`${sprint.team}#${sprint.number}`, row.id);
  }
  const sprintIdList = [...sprintIds.values()];
  const sprintId = (team: string, number: number) => idOf(sprintIds, `${team}#${number}`, "sprint");

  await tx.sprintItem.deleteMany({ where: { sprintId: { in: sprintIdList } } });
  const sprintItems = plan.sprints.flatMap((s) =>
    s.items.map((entry) => ({
      sprintId: sprintId(s.team, s.number),
      itemId: idOf(itemIds, entry.itemKey, "item"),
      committed: entry.committed,
      addedAt: entry.addedAt,
      midSprint: entry.midSprint,
      removedAt: entry.removedAt,
      pointsAtStart: entry.pointsAtStart,
    })),
  );
  await tx.sprintItem.createMany({ data: sprintItems });

  await tx.sprintAvailability.deleteMany({ where: { sprintId: { in: sprintIdList } } });
  const availability = plan.sprints.flatMap((s) =>
    s.availability.map((a) => ({ sprintId: sprintId(s.team, s.number), personId: person(a.person), daysOff: a.daysOff })),
  );
  await tx.sprintAvailability.createMany({ data: availability });

  await tx.retroActionItem.deleteMany({ where: { sprintId: { in: sprintIdList } } });
  const retro = plan.sprints.flatMap((s) =>
    s.retro.map((r) => ({
      sprintId: sprintId(s.team, s.number),
      title: r.title,
      ownerPersonId: person(r.owner),
      done: r.done,
      doneAt: r.doneAt,
      createdAt: r.createdAt,
    })),
  );
  await tx.retroActionItem.createMany({ data: retro });

  return {
    itemIds,
    sprintIds,
    counts: {
      backlog_item: plan.items.length,
      status_change: changes.length,
      sprint: plan.sprints.length,
      sprint_item: sprintItems.length,
      sprint_availability: availability.length,
      retro_action_item: retro.length,
    },
  };
}
