import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ItemLevel } from "@/lib/generated/prisma/enums";
import { EMPTY_MAPPING, MappingSchema, type Candidate, type Mapping } from "./mapping";

/** What the import page needs besides the file: the saved mapping, who may own items, the team's sprint numbers. */
export interface ImportSetup {
  mapping: Mapping;
  savedAt: string | null;
  people: Candidate[];
  sprintNumbers: number[];
}

/** The import page's setup for a team (members only: only they own its features and stories). */
export async function getImportSetup(teamId: number): Promise<ImportSetup> {
  const db = getDb();
  const [saved, members, sprints] = await Promise.all([
    db.importMapping.findUnique({ where: { teamId }, select: { mapping: true, updatedAt: true } }),
    db.membership.findMany({
      where: { teamId, role: { not: "OVERSIGHT" } },
      orderBy: { person: { name: "asc" } },
      take: 500,
      select: { person: { select: { id: true, name: true, email: true } } },
    }),
    db.sprint.findMany({ where: { teamId }, select: { number: true }, orderBy: { number: "asc" }, take: 1_000 }),
  ]);
  const parsed = MappingSchema.safeParse(saved?.mapping ?? {});
  return {
    mapping: parsed.success ? parsed.data : EMPTY_MAPPING,
    savedAt: saved ? saved.updatedAt.toISOString() : null,
    people: members.map((m) => ({ personId: m.person.id, name: m.person.name, email: m.person.email })),
    sprintNumbers: sprints.map((s) => s.number),
  };
}

/** Per item, what a Jira-shaped export adds to the backlog view. */
export interface ExportExtra {
  createdAt: Date;
  resolvedAt: Date | null;
  ownerEmail: string | null;
  jiraType: string | null;
  parentLevel: ItemLevel | null;
}

/** Export extras for the given items (created, resolved = last move to Done, owner's email, Jira's type). */
export async function getExportExtras(itemIds: readonly number[]): Promise<{ extras: Map<number, ExportExtra>; timeZone: string }> {
  const db = getDb();
  const [rows, org] = await Promise.all([
    itemIds.length
      ? db.$queryRaw<(ExportExtra & { id: number })[]>(Prisma.sql`
          SELECT bi.id, bi.created_at AS "createdAt",
                 CASE WHEN bi.status IN ('DONE', 'CANCELLED')
                      THEN (SELECT max(sc.changed_at) FROM status_change sc WHERE sc.item_id = bi.id AND sc.to_status = bi.status) END AS "resolvedAt",
                 p.email AS "ownerEmail", ii.issue_type AS "jiraType", parent.level::text AS "parentLevel"
            FROM backlog_item bi
            LEFT JOIN person p ON p.id = bi.owner_person_id
            LEFT JOIN imported_issue ii ON ii.item_id = bi.id
            LEFT JOIN backlog_item parent ON parent.id = bi.parent_id
           WHERE bi.id = ANY(${[...itemIds]})`)
      : Promise.resolve([]),
    db.organization.findFirst({ select: { timezone: true }, orderBy: { id: "asc" } }),
  ]);
  return { extras: new Map(rows.map(({ id, ...rest }) => [id, rest])), timeZone: org?.timezone ?? "Europe/London" };
}
