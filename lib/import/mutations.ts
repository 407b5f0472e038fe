import "server-only";
import { createHash } from "node:crypto";
import { refuse } from "@/lib/actions/result";
import type { AuditEntry } from "@/lib/audit/mutations";
import { bottomRanks, lockRankSpace } from "@/lib/backlog/mutations";
import type { Tx } from "@/lib/db/transaction";
import type { ItemLevel, ItemStatus } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { EMPTY_MAPPING, MappingSchema, mergeMappings, type Candidate, type Mapping } from "./mapping";
import {
  issueIdsToLookUp,
  keysToLookUp,
  planImport,
  readImportFile,
  skippedRows,
  type ExistingItem,
  type ImportOp,
  type ImportPlan,
  type PlanRow,
} from "./plan";
import { reportProgress } from "./progress";

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
  /** Rows a partial import leaves out, with the reason (the skipped-rows file is built from these). */
  skipped: { row: number; reason: string }[];
  /** How many items a commit created and updated. */
  created: number;
  updated: number;
}

/** The team's saved mapping (empty when none, or when what is stored no longer reads as a mapping). */
export async function loadSavedMapping(tx: Tx, teamId: number): Promise<Mapping> {
  const row = await tx.importMapping.findUnique({ where: { teamId }, select: { mapping: true } });
  const parsed = MappingSchema.safeParse(row?.mapping ?? {});
  return parsed.success ? parsed.data : EMPTY_MAPPING;
}

/** Reads the file and plans it against the backlog as it is inside this transaction. */
export async function planFromDatabase(tx: Tx, team: ImportTeam, csv: string, mapping: Mapping, canEditPortfolio: boolean): Promise<ImportPlan> {
  reportProgress("reading", 0, 1);
  const file = readImportFile(csv, mapping.columns);
  reportProgress("planning", 0, file.rows.length);
  const keys = keysToLookUp(file);
  const ids = issueIdsToLookUp(file);
  const [refs, org, members, sprints] = await Promise.all([
    ids.length
      ? tx.importedIssue.findMany({ where: { teamId: team.id, issueId: { in: ids } }, select: { issueId: true, item: { select: { key: true } } } })
      : Promise.resolve([]),
    tx.organization.findFirst({ select: { timezone: true }, orderBy: { id: "asc" } }),
    tx.membership.findMany({ where: { teamId: team.id, role: { not: "OVERSIGHT" } }, select: { person: { select: { id: true, name: true, email: true } } } }),
    tx.sprint.findMany({ where: { teamId: team.id }, select: { number: true } }),
  ]);
  const issueRefs = new Map(refs.flatMap((r) => (r.issueId ? [[r.issueId, r.item.key] as const] : [])));
  const wanted = [...new Set([...keys, ...issueRefs.values()])];
  const items = wanted.length
    ? await tx.backlogItem.findMany({
        where: { key: { in: wanted } },
        select: {
          id: true, key: true, level: true, isTask: true, teamId: true, title: true, description: true, status: true,
          estimate: true, ownerPersonId: true, labels: true, team: { select: { name: true } }, parent: { select: { key: true } },
        },
      })
    : [];
  const existing = new Map<string, ExistingItem>(
    items.map((i) => [
      i.key,
      {
        id: i.id, key: i.key, level: i.level, isTask: i.isTask, teamId: i.teamId, teamName: i.team?.name ?? null, title: i.title,
        description: i.description, status: i.status, estimate: i.estimate, parentKey: i.parent?.key ?? null,
        ownerPersonId: i.ownerPersonId, labels: i.labels,
      },
    ]),
  );
  const people: Candidate[] = members.map((m) => ({ personId: m.person.id, name: m.person.name, email: m.person.email }));
  const plan = planImport(file, mapping, {
    team: { id: team.id, name: team.name },
    existing,
    issueRefs,
    people,
    canEditPortfolio,
    timeZone: org?.timezone ?? "Europe/London",
    sprintNumbers: sprints.map((s) => s.number),
  });
  reportProgress("planning", file.rows.length, file.rows.length);
  return plan;
}

/** A fingerprint of what a plan would do: a commit with the preview's digest applies exactly what was shown. */
export function planDigest(plan: ImportPlan): string {
  return createHash("sha256").update(JSON.stringify({ ops: plan.ops, rows: plan.rows, problems: plan.fileProblems })).digest("hex");
}

const isPortfolio = (level: ItemLevel) => level === "THEME" || level === "EPIC";
const CHUNK = 500;
const chunks = <T,>(list: readonly T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));
const json = (value: unknown) => JSON.stringify(value);

/** The status history a new item starts with: its first status when Jira created it, then where it is now. */
function history(op: Extract<ImportOp, { kind: "create" }>, now: Date): { from: ItemStatus | null; to: ItemStatus; at: Date }[] {
  const initial: ItemStatus = isPortfolio(op.level) ? "FUNNEL" : "BACKLOG";
  const created = op.extras.createdAt ? new Date(op.extras.createdAt) : now;
  const status = op.values.status;
  if (status === initial) return [{ from: null, to: status, at: created }];
  const closed = status === "DONE" || status === "CANCELLED";
  // Done work is dated when Jira resolved it (so it does not count as done today); other states are known as of now.
  const resolved = op.extras.resolvedAt ? new Date(op.extras.resolvedAt) : null;
  let at = closed ? (resolved ?? created) : now;
  if (at < created) at = created;
  return [
    { from: null, to: initial, at: created },
    { from: initial, to: status, at },
  ];
}

/**
 * Applies a plan's operations in the caller's transaction, in bulk (a few statements per 500 rows, so 10,000 rows
 * fit the transaction's time): creates at the bottom of their rank space with their Jira history, parents linked
 * by key once every row exists, then updates with their status changes.
 */
export async function applyPlan(tx: Tx, team: ImportTeam, plan: ImportPlan, actorUserId: number): Promise<{ created: number; updated: number }> {
  const now = new Date();
  const creates = plan.ops.filter((op): op is Extract<ImportOp, { kind: "create" }> => op.kind === "create");
  const updates = plan.ops.filter((op): op is Extract<ImportOp, { kind: "update" }> => op.kind === "update");
  const total = creates.length + updates.length;
  let done = 0;
  reportProgress("writing", 0, total);

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
    // In the file's order (the product owner ranks from there), not the parents-first order of creation.
    [...batch].sort((a, b) => a.row - b.row).forEach((op, i) => ranks.set(op, keys[i]!));
  }

  for (const batch of chunks(creates)) {
    const rows = batch.map((op) => ({
      key: op.key, level: op.level, is_task: op.isTask, title: op.values.title, description: op.values.description,
      status: op.values.status, rank: ranks.get(op)!, team_id: isPortfolio(op.level) ? null : team.id, estimate: op.values.estimate,
      owner_person_id: op.values.ownerPersonId, labels: op.values.labels, created_at: op.extras.createdAt ?? now.toISOString(),
    }));
    const inserted = await tx.$queryRaw<{ id: number; key: string }[]>(Prisma.sql`
      INSERT INTO backlog_item (key, level, is_task, title, description, status, rank, team_id, estimate, owner_person_id, labels, created_at, updated_at)
      SELECT x.key, x.level, x.is_task, x.title, x.description, x.status, x.rank, x.team_id, x.estimate, x.owner_person_id,
             ARRAY(SELECT jsonb_array_elements_text(x.labels)), x.created_at, now()
        FROM jsonb_to_recordset(${json(rows)}::jsonb) AS x(key text, level "ItemLevel", is_task boolean, title text, description text,
             status "ItemStatus", rank text, team_id int, estimate int, owner_person_id int, labels jsonb, created_at timestamptz)
      RETURNING id, key`);
    const idOf = new Map(inserted.map((r) => [r.key, r.id]));
    const changes = batch.flatMap((op) => history(op, now).map((h) => ({ item_id: idOf.get(op.key)!, from_status: h.from, to_status: h.to, changed_at: h.at.toISOString() })));
    await tx.$executeRaw`
      INSERT INTO status_change (item_id, from_status, to_status, changed_at, changed_by)
      SELECT x.item_id, x.from_status, x.to_status, x.changed_at, ${actorUserId}
        FROM jsonb_to_recordset(${json(changes)}::jsonb) AS x(item_id int, from_status "ItemStatus", to_status "ItemStatus", changed_at timestamptz)`;
    const refs = batch.map((op) => ({ item_id: idOf.get(op.key)!, issue_id: op.extras.issueId, issue_type: op.extras.jiraType }));
    await tx.$executeRaw`
      INSERT INTO imported_issue (item_id, team_id, issue_id, issue_type)
      SELECT x.item_id, ${team.id}, x.issue_id, x.issue_type FROM jsonb_to_recordset(${json(refs)}::jsonb) AS x(item_id int, issue_id text, issue_type text)
      ON CONFLICT DO NOTHING`;
    done += batch.length;
    reportProgress("writing", done, total);
  }

  // Parents by key, now that every new item exists (parents may come after their children in the file).
  const links = creates.filter((op) => op.values.parentKey).map((op) => ({ key: op.key, parent_key: op.values.parentKey }));
  for (const batch of chunks(links)) {
    const linked = await tx.$executeRaw`
      UPDATE backlog_item c SET parent_id = p.id
        FROM jsonb_to_recordset(${json(batch)}::jsonb) AS x(key text, parent_key text)
        JOIN backlog_item p ON p.key = x.parent_key
       WHERE c.key = x.key`;
    if (linked !== batch.length) throw new Error(`import: ${batch.length - linked} parents were not found`);
  }

  for (const batch of chunks(updates)) {
    const rows = batch.map((op) => ({
      id: op.id, title: op.values.title, description: op.values.description, status: op.values.status, estimate: op.values.estimate,
      parent_key: op.values.parentKey, owner_person_id: op.values.ownerPersonId, labels: op.values.labels,
    }));
    await tx.$executeRaw`
      UPDATE backlog_item b SET title = x.title, description = x.description, status = x.status, estimate = x.estimate,
             parent_id = (SELECT p.id FROM backlog_item p WHERE p.key = x.parent_key), owner_person_id = x.owner_person_id,
             labels = ARRAY(SELECT jsonb_array_elements_text(x.labels)), version = b.version + 1, updated_at = now()
        FROM jsonb_to_recordset(${json(rows)}::jsonb) AS x(id int, title text, description text, status "ItemStatus", estimate int,
             parent_key text, owner_person_id int, labels jsonb)
       WHERE b.id = x.id`;
    const moved = batch.filter((op) => op.values.status !== op.before.status).map((op) => ({ item_id: op.id, from_status: op.before.status, to_status: op.values.status }));
    if (moved.length) {
      await tx.$executeRaw`
        INSERT INTO status_change (item_id, from_status, to_status, changed_at, changed_by)
        SELECT x.item_id, x.from_status, x.to_status, ${now}, ${actorUserId}
          FROM jsonb_to_recordset(${json(moved)}::jsonb) AS x(item_id int, from_status "ItemStatus", to_status "ItemStatus")`;
    }
    done += batch.length;
    reportProgress("writing", done, total);
  }
  return { created: creates.length, updated: updates.length };
}

/**
 * Preview or commit an import. A commit changes nothing when the file itself is broken, when any row is bad and
 * the caller asked for all-or-nothing, or when the caller's digest no longer matches (the backlog changed since the
 * preview). Otherwise it applies every valid row in this one transaction and saves the mapping for the team. A
 * commit with nothing to change and no new choices writes nothing: importing the same file again changes nothing.
 */
export async function importBacklog(
  tx: Tx,
  team: ImportTeam,
  input: { csv: string; mode: "preview" | "commit"; mapping: Mapping; skipInvalid: boolean; expectedDigest?: string },
  canEditPortfolio: boolean,
  actorUserId: number,
): Promise<{ data: ImportResult; audit: AuditEntry[] }> {
  if (team.archivedAt) throw refuse("INVALID", "This team is archived: its backlog takes no new items.");
  // Two commits into one team are serialised, and each plans after taking the lock, so neither applies a stale plan.
  if (input.mode === "commit") await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`import:team:${team.id}`}))`;
  const plan = await planFromDatabase(tx, team, input.csv, input.mapping, canEditPortfolio);
  const digest = planDigest(plan);
  const result: ImportResult = {
    committed: false,
    digest,
    rows: plan.rows,
    fileProblems: plan.fileProblems,
    ignoredColumns: plan.ignoredColumns,
    notes: plan.notes,
    counts: plan.counts,
    skipped: skippedRows(plan),
    created: 0,
    updated: 0,
  };
  if (input.mode === "preview") return { data: result, audit: [] };

  if (plan.fileProblems.length) {
    throw refuse("INVALID", `Nothing was imported: the file has ${plan.fileProblems.length === 1 ? "a problem" : `${plan.fileProblems.length} problems`} (see the preview).`);
  }
  const bad = plan.counts.error + plan.counts.skip;
  if (bad > 0 && !input.skipInvalid) {
    throw refuse("INVALID", `Nothing was imported: ${bad} ${bad === 1 ? "row needs" : "rows need"} fixing first. Fix ${bad === 1 ? "it" : "them"}, or choose to import the valid rows and skip the rest.`);
  }
  if (input.expectedDigest && input.expectedDigest !== digest) {
    throw refuse("CONFLICT", "The backlog changed since this preview. Preview the file again to see what it will do now.");
  }

  const saved = await loadSavedMapping(tx, team.id);
  const merged = mergeMappings(saved, input.mapping);
  const mappingChanged = JSON.stringify(merged) !== JSON.stringify(saved);
  if (plan.ops.length === 0 && !mappingChanged) return { data: { ...result, committed: true }, audit: [] };

  const { created, updated } = plan.ops.length ? await applyPlan(tx, team, plan, actorUserId) : { created: 0, updated: 0 };
  if (mappingChanged) {
    await tx.importMapping.upsert({
      where: { teamId: team.id },
      create: { teamId: team.id, mapping: merged, updatedBy: actorUserId },
      update: { mapping: merged, updatedBy: actorUserId, version: { increment: 1 } },
    });
  }
  reportProgress("done", created + updated, created + updated);
  const keys = (kind: ImportOp["kind"]) => plan.ops.filter((op) => op.kind === kind).map((op) => op.key);
  return {
    data: { ...result, committed: true, created, updated },
    audit: [
      {
        action: "backlog.import",
        entityType: "Team",
        entityId: team.id,
        teamId: team.id,
        // Keys are listed up to 200 (the counts are exact); the mapping is recorded when it changed.
        after: {
          created,
          updated,
          skipped: bad,
          rows: plan.rows.length,
          createdKeys: keys("create").slice(0, 200),
          updatedKeys: keys("update").slice(0, 200),
          ...(mappingChanged ? { mapping: merged } : {}),
        },
      },
    ],
  };
}

/** Forgets a team's saved mapping (the next import starts from the defaults). */
export async function forgetMapping(tx: Tx, team: ImportTeam): Promise<{ data: { forgotten: boolean }; audit: AuditEntry[] }> {
  const existing = await tx.importMapping.findUnique({ where: { teamId: team.id }, select: { mapping: true } });
  if (!existing) return { data: { forgotten: false }, audit: [] };
  await tx.importMapping.delete({ where: { teamId: team.id } });
  return { data: { forgotten: true }, audit: [{ action: "import.mapping.forget", entityType: "Team", entityId: team.id, teamId: team.id, before: existing.mapping }] };
}
