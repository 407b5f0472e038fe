import { getDb } from "@/lib/db/client";
import type { SprintStatus } from "@/lib/generated/prisma/enums";
import { makeItem, utcDate } from "@/tests/support/factories";

/** A sprint of the team with the next free number (dates two weeks apart per number, from 2026-01-05). */
export async function makeSprint(teamId: number, data: { status?: SprintStatus; capacityPoints?: number; goal?: string } = {}) {
  const db = getDb();
  const last = await db.sprint.findFirst({ where: { teamId }, orderBy: { number: "desc" }, select: { number: true } });
  const number = (last?.number ?? 0) + 1;
  const start = utcDate(2026, 1, 5 + (number - 1) * 14);
  const end = new Date(start.getTime() + 11 * 86_400_000);
  const status = data.status ?? "PLANNED";
  return db.sprint.create({
    data: {
      teamId,
      number,
      startDate: start,
      endDate: end,
      capacityPoints: data.capacityPoints ?? 20,
      goal: data.goal ?? "",
      status,
      startedAt: status === "PLANNED" ? null : new Date(),
      ...(status === "CLOSED" ? { closedAt: new Date(), goalMet: true, completedPoints: 0 } : {}),
    },
  });
}

/** The team's earliest planned sprint, made when there is none. */
export async function plannedSprint(teamId: number) {
  const found = await getDb().sprint.findFirst({ where: { teamId, status: "PLANNED" }, orderBy: { number: "asc" } });
  return found ?? makeSprint(teamId);
}

/** The team's running sprint, started when there is none. */
export async function activeSprint(teamId: number) {
  const found = await getDb().sprint.findFirst({ where: { teamId, status: "ACTIVE" } });
  return found ?? makeSprint(teamId, { status: "ACTIVE" });
}

/** A story that meets the Definition of Ready (owner, acceptance criteria, estimate). */
export function makeReadyStory(teamId: number, ownerPersonId: number, data: { estimate?: number; parentId?: number | null } = {}) {
  return makeItem({
    level: "STORY",
    teamId,
    ownerPersonId,
    estimate: data.estimate ?? 3,
    acceptanceCriteria: "Given a visitor, when they land, then they see the offer.",
    parentId: data.parentId ?? null,
  });
}
