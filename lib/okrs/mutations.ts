import "server-only";
import { expectVersion } from "@/lib/actions/guarded";
import { refuse } from "@/lib/actions/result";
import type { AuditEntry } from "@/lib/audit/mutations";
import type { Tx } from "@/lib/db/transaction";
import type { Direction, ObjectiveLevel, ObjectiveStatus } from "@/lib/generated/prisma/enums";
import { PARENT_LEVEL } from "./schema";

/*
 * Writes of the OKR cascade, each inside the guarded action's transaction: the objective (or key result) as
 * stored is what the action authorized; every write is version-checked where a version exists and returns its
 * audit entry.
 */

const objectiveSelect = {
  id: true,
  key: true,
  title: true,
  description: true,
  level: true,
  status: true,
  parentId: true,
  valueStreamId: true,
  teamId: true,
  ownerPersonId: true,
  periodStart: true,
  periodEnd: true,
  version: true,
} as const;

export function loadObjective(tx: Tx, objectiveId: number) {
  return tx.objective.findUnique({ where: { id: objectiveId }, select: objectiveSelect });
}
export type ObjectiveRow = NonNullable<Awaited<ReturnType<typeof loadObjective>>>;

export interface ObjectiveFields {
  title: string;
  description: string;
  level: ObjectiveLevel;
  status: ObjectiveStatus;
  parentId: number | null;
  valueStreamId: number | null;
  teamId: number | null;
  ownerPersonId: number | null;
  periodStart: string;
  periodEnd: string;
}

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const levelWord = (level: ObjectiveLevel) => (level === "VALUE_STREAM" ? "value-stream" : level.toLowerCase());

/**
 * Checks the references and fills what the level implies: a team objective takes its team's value stream; a
 * portfolio objective has neither. The parent must be one level up (portfolio → value stream → team), in the same
 * value stream for a team objective, and never the objective itself or one of its descendants.
 */
async function resolveFields(tx: Tx, input: ObjectiveFields, selfId: number | null): Promise<ObjectiveFields> {
  const fields = { ...input };
  if (fields.level === "PORTFOLIO") {
    fields.valueStreamId = null;
    fields.teamId = null;
  } else if (fields.level === "VALUE_STREAM") {
    fields.teamId = null;
    const vs = await tx.valueStream.findUnique({ where: { id: fields.valueStreamId! }, select: { id: true } });
    if (!vs) throw refuse("INVALID", "That value stream no longer exists.", { fieldErrors: { valueStreamId: "Choose another value stream" } });
  } else {
    const team = await tx.team.findUnique({ where: { id: fields.teamId! }, select: { valueStreamId: true, archivedAt: true } });
    if (!team || team.archivedAt) throw refuse("INVALID", "That team no longer exists.", { fieldErrors: { teamId: "Choose another team" } });
    fields.valueStreamId = team.valueStreamId;
  }
  if (fields.parentId !== null) {
    const expected = PARENT_LEVEL[fields.level];
    const parent = await tx.objective.findUnique({ where: { id: fields.parentId }, select: { key: true, level: true, valueStreamId: true } });
    if (!parent) throw refuse("INVALID", "The parent objective no longer exists.", { fieldErrors: { parentId: "Choose another parent" } });
    if (parent.level !== expected) {
      throw refuse("INVALID", `A ${levelWord(fields.level)} objective cascades from a ${expected ? levelWord(expected) : "—"} objective; ${parent.key} is ${levelWord(parent.level)}.`, {
        fieldErrors: { parentId: "Not a valid parent for this level" },
      });
    }
    if (fields.level === "TEAM" && parent.valueStreamId !== fields.valueStreamId) {
      throw refuse("INVALID", `${parent.key} belongs to another value stream than the team.`, { fieldErrors: { parentId: "Choose an objective of the team's value stream" } });
    }
    if (selfId !== null) {
      // The levels already rule out most cycles; this catches the rest (an objective under its own descendant).
      const cycle = await tx.$queryRaw<{ found: boolean }[]>`
        WITH RECURSIVE up AS (
          SELECT id, parent_id FROM objective WHERE id = ${fields.parentId}
          UNION SELECT o.id, o.parent_id FROM objective o JOIN up ON o.id = up.parent_id
        ) SELECT EXISTS (SELECT 1 FROM up WHERE id = ${selfId}) AS found`;
      if (cycle[0]?.found) throw refuse("INVALID", "An objective cannot cascade from itself.", { fieldErrors: { parentId: "Choose another parent" } });
    }
  }
  if (fields.ownerPersonId !== null) {
    const owner = await tx.person.findUnique({ where: { id: fields.ownerPersonId }, select: { id: true } });
    if (!owner) throw refuse("INVALID", "That person no longer exists.", { fieldErrors: { ownerPersonId: "Choose another owner" } });
  }
  return fields;
}

/** The next free objective key (OBJ-13), serialised by an advisory lock; the unique index is the backstop. */
async function nextObjectiveKey(tx: Tx): Promise<string> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('objective-key'))`;
  const rows = await tx.$queryRaw<{ n: string }[]>`
    SELECT COALESCE(MAX(substring(key FROM '^OBJ-([0-9]{1,9})$')::bigint), 0)::text AS n FROM objective WHERE key LIKE 'OBJ-%'`;
  return `OBJ-${Number(rows[0]?.n ?? 0) + 1}`;
}

const dataOf = (f: ObjectiveFields) => ({
  title: f.title,
  description: f.description,
  level: f.level,
  status: f.status,
  parentId: f.parentId,
  valueStreamId: f.valueStreamId,
  teamId: f.teamId,
  ownerPersonId: f.ownerPersonId,
  periodStart: asDate(f.periodStart),
  periodEnd: asDate(f.periodEnd),
});

export async function createObjective(tx: Tx, input: ObjectiveFields): Promise<{ data: { id: number; key: string }; audit: AuditEntry[] }> {
  const fields = await resolveFields(tx, input, null);
  const key = await nextObjectiveKey(tx);
  const created = await tx.objective.create({ data: { key, ...dataOf(fields) }, select: objectiveSelect });
  return {
    data: { id: created.id, key },
    audit: [{ action: "objective.create", entityType: "Objective", entityId: created.id, teamId: created.teamId, after: created }],
  };
}

export async function updateObjective(
  tx: Tx,
  objective: ObjectiveRow,
  input: ObjectiveFields & { version: number },
): Promise<{ data: { version: number }; audit: AuditEntry[] }> {
  const fields = await resolveFields(tx, input, objective.id);
  if (fields.level !== objective.level) {
    const children = await tx.objective.count({ where: { parentId: objective.id } });
    if (children > 0) {
      throw refuse("INVALID", `${objective.key} has objectives cascading from it: move them first, or keep its level.`, { fieldErrors: { level: "It has child objectives" } });
    }
  }
  await expectVersion(
    tx,
    { type: "Objective", id: objective.id, label: objective.key },
    () => tx.objective.updateMany({ where: { id: objective.id, version: input.version }, data: { ...dataOf(fields), version: { increment: 1 } } }),
    async () => (await loadObjective(tx, objective.id))?.version ?? null,
  );
  const after = await loadObjective(tx, objective.id);
  return {
    data: { version: after!.version },
    audit: [{ action: "objective.update", entityType: "Objective", entityId: objective.id, teamId: after!.teamId, before: objective, after }],
  };
}

export interface KeyResultFields {
  title: string;
  unit: string;
  baseline: number;
  target: number;
  current: number;
  direction: Direction;
}

export async function createKeyResult(
  tx: Tx,
  objective: ObjectiveRow,
  input: KeyResultFields,
): Promise<{ data: { id: number }; audit: AuditEntry[] }> {
  const { title, unit, baseline, target, current, direction } = input;
  const created = await tx.keyResult.create({ data: { objectiveId: objective.id, title, unit, baseline, target, current, direction } });
  return {
    data: { id: created.id },
    audit: [{ action: "keyResult.create", entityType: "KeyResult", entityId: created.id, teamId: objective.teamId, after: { ...created, objective: objective.key } }],
  };
}

export function loadKeyResult(tx: Tx, keyResultId: number) {
  return tx.keyResult.findUnique({
    where: { id: keyResultId },
    include: { objective: { select: { id: true, key: true, teamId: true } } },
  });
}
export type KeyResultRow = NonNullable<Awaited<ReturnType<typeof loadKeyResult>>>;

export async function updateKeyResult(
  tx: Tx,
  keyResult: KeyResultRow,
  input: KeyResultFields & { version: number },
): Promise<{ data: { version: number }; audit: AuditEntry[] }> {
  const { title, unit, baseline, target, current, direction, version } = input;
  await expectVersion(
    tx,
    { type: "KeyResult", id: keyResult.id, label: `This key result of ${keyResult.objective.key}` },
    () =>
      tx.keyResult.updateMany({
        where: { id: keyResult.id, version },
        data: { title, unit, baseline, target, current, direction, version: { increment: 1 } },
      }),
    async () => (await tx.keyResult.findUnique({ where: { id: keyResult.id }, select: { version: true } }))?.version ?? null,
  );
  const after = await tx.keyResult.findUnique({ where: { id: keyResult.id } });
  const before = {
    id: keyResult.id, objectiveId: keyResult.objectiveId, title: keyResult.title, unit: keyResult.unit, baseline: keyResult.baseline,
    target: keyResult.target, current: keyResult.current, direction: keyResult.direction, version: keyResult.version,
  };
  return {
    data: { version: after!.version },
    audit: [{ action: "keyResult.update", entityType: "KeyResult", entityId: keyResult.id, teamId: keyResult.objective.teamId, before, after }],
  };
}

/**
 * Links an epic to the objective (traceability) or unlinks it, bumping the objective's version so two leaders
 * editing the same objective find out. Only epics are linked: features and stories trace through them.
 */
export async function setEpicLink(
  tx: Tx,
  objective: ObjectiveRow,
  input: { version: number; itemId: number },
  linked: boolean,
): Promise<{ data: { version: number }; audit: AuditEntry[] }> {
  const epic = await tx.backlogItem.findUnique({ where: { id: input.itemId }, select: { id: true, key: true, level: true } });
  if (!epic || epic.level !== "EPIC") throw refuse("INVALID", "Choose an epic of the portfolio.", { fieldErrors: { itemId: "Not an epic" } });
  const exists = await tx.objectiveItem.findUnique({ where: { objectiveId_itemId: { objectiveId: objective.id, itemId: epic.id } } });
  if (linked && exists) throw refuse("INVALID", `${epic.key} is already linked to ${objective.key}.`, { fieldErrors: { itemId: "Already linked" } });
  if (!linked && !exists) throw refuse("NOT_FOUND", `${epic.key} is not linked to ${objective.key}.`);
  await expectVersion(
    tx,
    { type: "Objective", id: objective.id, label: objective.key },
    () => tx.objective.updateMany({ where: { id: objective.id, version: input.version }, data: { version: { increment: 1 } } }),
    async () => (await loadObjective(tx, objective.id))?.version ?? null,
  );
  if (linked) await tx.objectiveItem.create({ data: { objectiveId: objective.id, itemId: epic.id } });
  else await tx.objectiveItem.delete({ where: { objectiveId_itemId: { objectiveId: objective.id, itemId: epic.id } } });
  return {
    data: { version: input.version + 1 },
    audit: [
      {
        action: linked ? "objective.linkEpic" : "objective.unlinkEpic",
        entityType: "Objective",
        entityId: objective.id,
        teamId: objective.teamId,
        ...(linked ? { after: { epic: epic.key } } : { before: { epic: epic.key } }),
      },
    ],
  };
}
