import "server-only";
import { expectVersion } from "@/lib/actions/guarded";
import { refuse } from "@/lib/actions/result";
import type { AuditEntry } from "@/lib/audit/mutations";
import { now as clockNow } from "@/lib/clock";
import type { Tx } from "@/lib/db/transaction";
import type { DependencyStatus, DependencyType } from "@/lib/generated/prisma/enums";
import { LEADS, notify, teamPeople } from "@/lib/notifications/mutations";
import { localDay } from "@/lib/calendar/business-time";
import { loadWorkingCalendar } from "@/lib/calendar/queries";
import { canChangeStatus, STATUS_CHANGE_LABEL } from "./flow";

const dayOf = (date: Date) => date.toISOString().slice(0, 10);
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);

/** Today in the organisation's zone (by the app clock). */
async function orgToday(tx: Tx): Promise<string> {
  const cal = await loadWorkingCalendar(tx);
  return localDay(cal.timeZone, clockNow());
}

// ───────────────────────────── logging ─────────────────────────────

export function loadFromTeam(tx: Tx, teamId: number) {
  return tx.team.findFirst({ where: { id: teamId, archivedAt: null }, select: { id: true, name: true } });
}
type FromTeam = NonNullable<Awaited<ReturnType<typeof loadFromTeam>>>;

/**
 * Logs a dependency of `fromTeam` on another team or shared service, and tells the providing side (its
 * owner, agile lead and product owner) in their inbox. Refuses, with a message on the field: a team that
 * does not exist, items or owners that do not belong to their side, a needed-by date in the past.
 */
export async function logDependency(
  tx: Tx,
  fromTeam: FromTeam,
  input: {
    fromItemId: number | null;
    toTeamId: number;
    toItemId: number | null;
    type: DependencyType;
    description: string;
    fromOwnerId: number;
    toOwnerId: number;
    neededBy: string;
  },
  actorPersonId: number | null,
): Promise<{ data: { id: number; key: string }; audit: AuditEntry[] }> {
  const fieldErrors: Record<string, string> = {};
  const toTeam = await tx.team.findFirst({ where: { id: input.toTeamId, archivedAt: null }, select: { id: true, name: true } });
  if (!toTeam) fieldErrors.toTeamId = "Choose a team or service from the list";
  const [fromItem, toItem, fromOwner, toOwner] = await Promise.all([
    input.fromItemId === null ? null : tx.backlogItem.findUnique({ where: { id: input.fromItemId }, select: { teamId: true } }),
    input.toItemId === null ? null : tx.backlogItem.findUnique({ where: { id: input.toItemId }, select: { teamId: true } }),
    tx.membership.findFirst({ where: { teamId: fromTeam.id, personId: input.fromOwnerId }, select: { id: true } }),
    tx.membership.findFirst({ where: { teamId: input.toTeamId, personId: input.toOwnerId }, select: { id: true } }),
  ]);
  if (input.fromItemId !== null && fromItem?.teamId !== fromTeam.id) fieldErrors.fromItemId = `Choose an item of ${fromTeam.name}`;
  if (toTeam && input.toItemId !== null && toItem?.teamId !== toTeam.id) fieldErrors.toItemId = `Choose an item of ${toTeam.name}`;
  if (!fromOwner) fieldErrors.fromOwnerId = `Choose a member of ${fromTeam.name}`;
  if (toTeam && !toOwner) fieldErrors.toOwnerId = `Choose a member of ${toTeam.name}`;
  const today = await orgToday(tx);
  if (input.neededBy < today) fieldErrors.neededBy = "The needed-by date cannot be in the past";
  if (Object.keys(fieldErrors).length > 0 || !toTeam) {
    throw refuse("INVALID", "Some fields need attention.", { fieldErrors });
  }
  if (actorPersonId === null) throw refuse("INVALID", "Your login is not linked to a person, so the dependency cannot record who logged it.");

  // Keys are DEP-<n>; concurrent logs are serialised so two never take the same number.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dependency-key'))`;
  const [row] = await tx.$queryRaw<{ next: number }[]>`
    SELECT (COALESCE(MAX(substring(key FROM '^DEP-([0-9]+)$')::int), 0) + 1)::int AS next FROM dependency`;
  const created = await tx.dependency.create({
    data: {
      key: `DEP-${row?.next ?? 1}`,
      fromTeamId: fromTeam.id,
      fromItemId: input.fromItemId,
      toTeamId: toTeam.id,
      toItemId: input.toItemId,
      type: input.type,
      description: input.description,
      fromOwnerId: input.fromOwnerId,
      toOwnerId: input.toOwnerId,
      neededBy: asDate(input.neededBy),
      loggedById: actorPersonId,
    },
  });
  const providers = [input.toOwnerId, ...(await teamPeople(tx, toTeam.id, LEADS))];
  await notify(
    tx,
    providers,
    {
      kind: "dependency.logged",
      title: `${created.key}: ${fromTeam.name} needs something from ${toTeam.name} by ${input.neededBy} — accept, reject or propose a date`,
      link: `/dependencies/${created.id}`,
    },
    actorPersonId,
  );
  return {
    data: { id: created.id, key: created.key },
    audit: [
      {
        action: "dependency.created",
        entityType: "Dependency",
        entityId: created.id,
        teamId: fromTeam.id,
        // The same shape as the demo seed's events, readable in the history panel.
        after: { key: created.key, type: created.type, status: created.status, toTeam: toTeam.name, neededBy: input.neededBy },
      },
    ],
  };
}

// ───────────────────────────── changing ─────────────────────────────

const dependencySelect = {
  id: true,
  key: true,
  status: true,
  fromTeamId: true,
  toTeamId: true,
  fromOwnerId: true,
  toOwnerId: true,
  neededBy: true,
  proposedDate: true,
  rejectionReason: true,
  resolvedAt: true,
  version: true,
  fromTeam: { select: { name: true } },
  toTeam: { select: { name: true } },
} as const;

export function loadDependency(tx: Tx, dependencyId: number) {
  return tx.dependency.findUnique({ where: { id: dependencyId }, select: dependencySelect });
}
export type DependencyTarget = NonNullable<Awaited<ReturnType<typeof loadDependency>>>;

/** What the history shows of a dependency: its state and dates (as days), not ids or bookkeeping. */
function auditView(d: DependencyTarget) {
  return {
    status: d.status,
    neededBy: dayOf(d.neededBy),
    proposedDate: d.proposedDate ? dayOf(d.proposedDate) : null,
    rejectionReason: d.rejectionReason,
  };
}

async function writeWithVersion(
  tx: Tx,
  dep: DependencyTarget,
  version: number,
  data: {
    status?: DependencyStatus;
    neededBy?: Date;
    proposedDate?: Date | null;
    rejectionReason?: string | null;
    resolvedAt?: Date | null;
  },
): Promise<DependencyTarget> {
  await expectVersion(
    tx,
    { type: "Dependency", id: dep.id, label: dep.key },
    () => tx.dependency.updateMany({ where: { id: dep.id, version }, data: { ...data, version: { increment: 1 } } }),
    async () => (await loadDependency(tx, dep.id))?.version ?? null,
  );
  return (await loadDependency(tx, dep.id))!;
}

/** The people on one side of a dependency: its owner there and that team's agile lead and product owner. */
async function side(tx: Tx, dep: DependencyTarget, which: "from" | "to"): Promise<number[]> {
  return which === "from"
    ? [dep.fromOwnerId, ...(await teamPeople(tx, dep.fromTeamId, LEADS))]
    : [dep.toOwnerId, ...(await teamPeople(tx, dep.toTeamId, LEADS))];
}

/** Which side the actor speaks for: the providing side when they belong to it, else the waiting side. */
async function otherSideOf(tx: Tx, dep: DependencyTarget, actorPersonId: number | null): Promise<number[]> {
  if (actorPersonId === null) return [...(await side(tx, dep, "from")), ...(await side(tx, dep, "to"))];
  const onTo = actorPersonId === dep.toOwnerId || (await tx.membership.findFirst({ where: { teamId: dep.toTeamId, personId: actorPersonId }, select: { id: true } })) !== null;
  const onFrom = actorPersonId === dep.fromOwnerId || (await tx.membership.findFirst({ where: { teamId: dep.fromTeamId, personId: actorPersonId }, select: { id: true } })) !== null;
  if (onTo && !onFrom) return side(tx, dep, "from");
  if (onFrom && !onTo) return side(tx, dep, "to");
  // A leader (or someone in both teams): both sides hear about it.
  return [...(await side(tx, dep, "from")), ...(await side(tx, dep, "to"))];
}

/**
 * The providing side answers: ACCEPT or REJECT (with a reason; the dependency is cancelled) an OPEN
 * dependency, or PROPOSE_DATE — another date it can deliver by, which the waiting side then takes or declines.
 * Version-checked; the waiting side is notified.
 */
export async function respondToDependency(
  tx: Tx,
  dep: DependencyTarget,
  input: { version: number; response: "ACCEPT" | "REJECT" | "PROPOSE_DATE"; reason: string; proposedDate: string | null },
  actorPersonId: number | null,
): Promise<{ data: { version: number }; audit: AuditEntry[] }> {
  let after: DependencyTarget;
  let what: string;
  switch (input.response) {
    case "ACCEPT":
      if (dep.status !== "OPEN") throw refuse("INVALID", `${dep.key} is ${dep.status.toLowerCase().replace("_", " ")}, so there is nothing to accept.`);
      after = await writeWithVersion(tx, dep, input.version, { status: "ACCEPTED", proposedDate: null, rejectionReason: null });
      what = `${dep.toTeam.name} accepted ${dep.key}`;
      break;
    case "REJECT":
      if (dep.status !== "OPEN") throw refuse("INVALID", `${dep.key} was already answered; change its status instead.`);
      after = await writeWithVersion(tx, dep, input.version, { status: "CANCELLED", rejectionReason: input.reason, proposedDate: null });
      what = `${dep.toTeam.name} rejected ${dep.key}: ${input.reason}`;
      break;
    case "PROPOSE_DATE": {
      if (dep.status === "RESOLVED" || dep.status === "CANCELLED") throw refuse("INVALID", `${dep.key} is closed; reopen it first.`);
      const proposed = input.proposedDate!;
      if (proposed === dayOf(dep.neededBy)) {
        throw refuse("INVALID", "That is the date already agreed.", { fieldErrors: { proposedDate: "Propose a different date" } });
      }
      if (proposed < (await orgToday(tx))) {
        throw refuse("INVALID", "A proposed date cannot be in the past.", { fieldErrors: { proposedDate: "Choose today or later" } });
      }
      after = await writeWithVersion(tx, dep, input.version, { proposedDate: asDate(proposed) });
      what = `${dep.toTeam.name} proposed ${proposed} instead of ${dayOf(dep.neededBy)} for ${dep.key}`;
      break;
    }
  }
  await notify(tx, await side(tx, dep, "from"), { kind: "dependency.changed", title: what, link: `/dependencies/${dep.id}` }, actorPersonId);
  return {
    data: { version: after.version },
    audit: [
      {
        action: `dependency.${input.response === "PROPOSE_DATE" ? "date_proposed" : input.response === "ACCEPT" ? "accepted" : "rejected"}`,
        entityType: "Dependency",
        entityId: dep.id,
        teamId: dep.fromTeamId,
        before: auditView(dep),
        after: { ...auditView(after), ...(input.reason ? { note: input.reason } : {}) },
      },
    ],
  };
}

/** The waiting side takes a proposed date (it becomes the needed-by date) or declines it (the old date stands). */
export async function answerProposal(
  tx: Tx,
  dep: DependencyTarget,
  input: { version: number; accept: boolean },
  actorPersonId: number | null,
): Promise<{ data: { version: number }; audit: AuditEntry[] }> {
  if (dep.proposedDate === null) throw refuse("INVALID", `No other date has been proposed for ${dep.key}.`);
  const proposed = dep.proposedDate;
  const after = await writeWithVersion(tx, dep, input.version, input.accept ? { neededBy: proposed, proposedDate: null } : { proposedDate: null });
  await notify(
    tx,
    await side(tx, dep, "to"),
    {
      kind: "dependency.changed",
      title: input.accept
        ? `${dep.fromTeam.name} agreed to ${dayOf(proposed)} for ${dep.key}`
        : `${dep.fromTeam.name} still needs ${dep.key} by ${dayOf(dep.neededBy)} (declined ${dayOf(proposed)})`,
      link: `/dependencies/${dep.id}`,
    },
    actorPersonId,
  );
  return {
    data: { version: after.version },
    audit: [
      {
        action: input.accept ? "dependency.date_agreed" : "dependency.date_declined",
        entityType: "Dependency",
        entityId: dep.id,
        teamId: dep.fromTeamId,
        before: auditView(dep),
        after: auditView(after),
      },
    ],
  };
}

/**
 * Moves a dependency along its flow (lib/dependencies/flow.ts), version-checked. Resolving records when;
 * reopening clears it. The other side is notified.
 */
export async function changeDependencyStatus(
  tx: Tx,
  dep: DependencyTarget,
  input: { version: number; status: DependencyStatus; note: string },
  actorPersonId: number | null,
): Promise<{ data: { version: number }; audit: AuditEntry[] }> {
  if (!canChangeStatus(dep.status, input.status)) {
    const hint = dep.status === "OPEN" && input.status !== "CANCELLED" ? " The providing side accepts it first." : "";
    throw refuse("INVALID", `${dep.key} cannot go from ${dep.status.toLowerCase().replace("_", " ")} to ${input.status.toLowerCase().replace("_", " ")}.${hint}`, {
      fieldErrors: { status: "Not a next step from here" },
    });
  }
  const after = await writeWithVersion(tx, dep, input.version, {
    status: input.status,
    resolvedAt: input.status === "RESOLVED" ? clockNow() : null,
    ...(input.status === "OPEN" ? { rejectionReason: null } : {}),
  });
  const verb = STATUS_CHANGE_LABEL[input.status].toLowerCase();
  await notify(
    tx,
    await otherSideOf(tx, dep, actorPersonId),
    {
      kind: "dependency.changed",
      title: `${dep.key} (${dep.fromTeam.name} → ${dep.toTeam.name}): ${verb}${input.note ? ` — ${input.note}` : ""}`,
      link: `/dependencies/${dep.id}`,
    },
    actorPersonId,
  );
  return {
    data: { version: after.version },
    audit: [
      {
        action: "dependency.updated",
        entityType: "Dependency",
        entityId: dep.id,
        teamId: dep.fromTeamId,
        before: auditView(dep),
        after: { ...auditView(after), ...(input.note ? { note: input.note } : {}) },
      },
    ],
  };
}
