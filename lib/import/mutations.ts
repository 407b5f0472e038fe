import "server-only";
import { createHash } from "node:crypto";
import { refuse } from "@/lib/actions/result";
import type { AuditEntry } from "@/lib/audit/mutations";
import { bottomRanks, lockRankSpace } from "@/lib/backlog/mutations";
import type { Tx } from "@/lib/db/transaction";
import type { ItemLevel } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  assigneesToLookUp,
  isCommittable,
  keysToLookUp,
  planImport,
  readImportFile,
  type ExistingItem,
  type ImportOp,
  type ImportPlan,
  type PersonRef,
  type PlanRow,
} from "./plan";

export function loadImportTeam(tx: Tx, teamId: number) {
  return tx.team.findUnique({ where: { id: teamId }, select: { id: true, name: true, archivedAt: true } });
}
export type ImportTeam = NonNullable<Awaited<ReturnType<typeof loadImportTeam>>>;

/** What the client sees of a plan: every row with its outcome, the file's problems, and the plan's digest. */
export interface ImportResult {
  committed: boolean;
  digest: string;
  rows: PlanRow[];
  fileProblems: ImportPlan["fileProblems"];
  ignoredColumns: string[];
  notes: string[];
  counts: ImportPlan["counts"];
  /** Keys created and updated by a commit. */
  created: string[];
  updated: string[];
}

/** Reads the file and plans it against the backlog as it is inside this transaction. */
export async function planFromDatabase(tx: Tx, team: ImportTeam, csv: string, canEditPortfolio: boolean): Promise<ImportPlan> {
  const file = readImportFile(csv);
  const keys = keysToLookUp(file);
  const items = keys.length
    ? await tx.backlogItem.findMany({
        where: { key: { in: keys } },
        select: {
          id: true,
          key: true,
          level: true,
          isTask: true,
          teamId: true,
          title: true,
          status: true,
          estimate: true,
          ownerPersonId: true,
          labels: true,
          team: { select: { name: true } },
          parent: { select: { key: true } },
        },
      })
    : [];
  const existing = new Map<string, ExistingItem>(
    items.map((i) => [
      i.key,
      {
        id: i.id,
        key: i.key,
        level: i.level,
        isTask: i.isTask,
        teamId: i.teamId,
        teamName: i.team?.name ?? null,
        title: i.title,
        status: i.status,
        estimate: i.estimate,
        parentKey: i.parent?.key ?? null,
        ownerPersonId: i.ownerPersonId,
        labels: i.labels,
      },
    ]),
  );
  const wanted = assigneesToLookUp(file).map((a) => a.trim().replace(/\s+/g, " ").toLowerCase());
  const ownerIds = items.flatMap((i) => (i.ownerPersonId === null ? [] : [i.ownerPersonId]));
  const people =
    wanted.length || ownerIds.length
      ? await tx.$queryRaw<PersonRef[]>(Prisma.sql`
          SELECT p.id AS "personId", p.name, p.email,
                 EXISTS (SELECT 1 FROM membership m WHERE m.person_id = p.id AND m.team_id = ${team.id}) AS member
            FROM person p
           WHERE lower(p.email) = ANY(${wanted})
              OR lower(regexp_replace(trim(p.name), '\\s+', ' ', 'g')) = ANY(${wanted})
              OR p.id = ANY(${ownerIds})`)
      : [];
  return planImport(file, { team: { id: team.id, name: team.name }, existing, people, canEditPortfolio });
}

/** A fingerprint of what a plan would do: a commit with the preview's digest applies exactly what was shown. */
export function planDigest(plan: ImportPlan): string {
  return createHash("sha256").update(JSON.stringify({ ops: plan.ops, rows: plan.rows, problems: plan.fileProblems })).digest("hex");
}

const isPortfolio = (level: ItemLevel) => level === "THEME" || level === "EPIC";

/**
 * Applies a committable plan: creates (parents first, at the bottom of their rank space, with their first status
 * recorded), then updates (status changes recorded). One transaction: any failure leaves nothing behind.
 */
export async function applyPlan(tx: Tx, team: ImportTeam, plan: ImportPlan, actorUserId: number): Promise<{ created: string[]; updated: string[] }> {
  const now = new Date();
  const ids = new Map<string, number>();
  const parentKeys = [...new Set(plan.ops.flatMap((op) => (op.values.parentKey ? [op.values.parentKey] : [])))];
  if (parentKeys.length) {
    for (const p of await tx.backlogItem.findMany({ where: { key: { in: parentKeys } }, select: { id: true, key: true } })) ids.set(p.key, p.id);
  }
  const creates = plan.ops.filter((op): op is Extract<ImportOp, { kind: "create" }> => op.kind === "create");
  const updates = plan.ops.filter((op): op is Extract<ImportOp, { kind: "update" }> => op.kind === "update");

  // Ranks per space for the whole batch at once (a few characters longer than the last key, not one per row):
  // themes and epics each have a portfolio space; features and stories share the team's.
  const ranks = new Map<ImportOp, string>();
  const spaces: [ItemLevel, number | null, ImportOp[]][] = [
    ["THEME", null, creates.filter((op) => op.level === "THEME")],
    ["EPIC", null, creates.filter((op) => op.level === "EPIC")],
    ["STORY", team.id, creates.filter((op) => !isPortfolio(op.level))],
  ];
  for (const [level, teamId, batch] of spaces) {
    if (batch.length === 0) continue;
    const space = await lockRankSpace(tx, teamId, level);
    const keys = await bottomRanks(tx, space, batch.length);
    batch.forEach((op, i) => ranks.set(op, keys[i]!));
  }

  for (const op of creates) {
    const parentId = op.values.parentKey ? ids.get(op.values.parentKey) : null;
    if (parentId === undefined) throw new Error(`import: parent ${op.values.parentKey} of ${op.key} was not created`);
    const row = await tx.backlogItem.create({
      data: {
        key: op.key,
        level: op.level,
        isTask: op.isTask,
        title: op.values.title,
        status: op.values.status,
        rank: ranks.get(op)!,
        teamId: isPortfolio(op.level) ? null : team.id,
        parentId,
        estimate: op.values.estimate,
        ownerPersonId: op.values.ownerPersonId,
        labels: op.values.labels,
      },
      select: { id: true },
    });
    ids.set(op.key, row.id);
    await tx.statusChange.create({ data: { itemId: row.id, fromStatus: null, toStatus: op.values.status, changedAt: now, changedBy: actorUserId } });
  }
  for (const op of updates) {
    const parentId = op.values.parentKey ? ids.get(op.values.parentKey) : null;
    if (parentId === undefined) throw new Error(`import: parent ${op.values.parentKey} of ${op.key} is unknown`);
    await tx.backlogItem.update({
      where: { id: op.id },
      data: {
        title: op.values.title,
        status: op.values.status,
        estimate: op.values.estimate,
        parentId,
        ownerPersonId: op.values.ownerPersonId,
        labels: op.values.labels,
        version: { increment: 1 },
      },
    });
    if (op.values.status !== op.before.status) {
      await tx.statusChange.create({ data: { itemId: op.id, fromStatus: op.before.status, toStatus: op.values.status, changedAt: now, changedBy: actorUserId } });
    }
  }
  return { created: creates.map((op) => op.key), updated: updates.map((op) => op.key) };
}

/**
 * Preview or commit an import. A commit refuses (and changes nothing) while any row or the file has a problem,
 * and when the caller's digest no longer matches (the backlog changed since the preview). A commit with nothing
 * to change writes nothing, not even an audit event: importing the same file again changes nothing.
 */
export async function importBacklog(
  tx: Tx,
  team: ImportTeam,
  input: { csv: string; mode: "preview" | "commit"; expectedDigest?: string },
  canEditPortfolio: boolean,
  actorUserId: number,
): Promise<{ data: ImportResult; audit: AuditEntry[] }> {
  if (team.archivedAt) throw refuse("INVALID", "This team is archived: its backlog takes no new items.");
  // Two commits into one team are serialised, and each plans after taking the lock, so neither applies a stale plan.
  if (input.mode === "commit") await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`import:team:${team.id}`}))`;
  const plan = await planFromDatabase(tx, team, input.csv, canEditPortfolio);
  const digest = planDigest(plan);
  const result: ImportResult = {
    committed: false,
    digest,
    rows: plan.rows,
    fileProblems: plan.fileProblems,
    ignoredColumns: plan.ignoredColumns,
    notes: plan.notes,
    counts: plan.counts,
    created: [],
    updated: [],
  };
  if (input.mode === "preview") return { data: result, audit: [] };

  if (!isCommittable(plan)) {
    const bad = plan.counts.error + plan.fileProblems.length;
    throw refuse("INVALID", `Nothing was imported: ${bad} ${bad === 1 ? "problem needs" : "problems need"} fixing first (see the preview).`);
  }
  if (input.expectedDigest && input.expectedDigest !== digest) {
    throw refuse("CONFLICT", "The backlog changed since this preview. Preview the file again to see what it will do now.");
  }
  if (plan.ops.length === 0) return { data: { ...result, committed: true }, audit: [] };
  const { created, updated } = await applyPlan(tx, team, plan, actorUserId);
  return {
    data: { ...result, committed: true, created, updated },
    audit: [{ action: "backlog.import", entityType: "Team", entityId: team.id, teamId: team.id, after: { created, updated, rows: plan.rows.length } }],
  };
}
