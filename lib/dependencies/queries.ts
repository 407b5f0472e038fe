import "server-only";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DependencyStatus, DependencyType, TeamKind } from "@/lib/generated/prisma/enums";
import { orgTodaySql } from "@/lib/organization/sql-fragments";

export interface DependencyRow {
  id: number;
  key: string;
  type: DependencyType;
  status: DependencyStatus;
  description: string;
  fromTeamId: number;
  fromTeam: string;
  fromItemKey: string | null;
  fromOwner: string;
  toTeamId: number;
  toTeam: string;
  toTeamKind: TeamKind;
  toItemKey: string | null;
  toOwner: string;
  /** `YYYY-MM-DD`. */
  neededBy: string;
  /** Not resolved or cancelled, and its needed-by date is before today in the organisation's zone (rule 6). */
  overdue: boolean;
}

/** Every dependency, overdue ones first, then by needed-by date; overdue is decided in SQL. */
export async function listDependencies(): Promise<DependencyRow[]> {
  return getDb().$queryRaw<DependencyRow[]>(Prisma.sql`
    SELECT d.id,
           d.key,
           d.type::text AS type,
           d.status::text AS status,
           d.description,
           ft.id AS "fromTeamId",
           ft.name AS "fromTeam",
           fi.key AS "fromItemKey",
           fo.name AS "fromOwner",
           tt.id AS "toTeamId",
           tt.name AS "toTeam",
           tt.kind::text AS "toTeamKind",
           ti.key AS "toItemKey",
           tow.name AS "toOwner",
           to_char(d.needed_by, 'YYYY-MM-DD') AS "neededBy",
           (d.status NOT IN ('RESOLVED', 'CANCELLED') AND d.needed_by < ${orgTodaySql}) AS overdue
      FROM dependency d
      JOIN team ft ON ft.id = d.from_team_id
      JOIN team tt ON tt.id = d.to_team_id
      JOIN person fo ON fo.id = d.from_owner_id
      JOIN person tow ON tow.id = d.to_owner_id
      LEFT JOIN backlog_item fi ON fi.id = d.from_item_id
      LEFT JOIN backlog_item ti ON ti.id = d.to_item_id
     ORDER BY overdue DESC, d.needed_by, d.key
  `);
}
