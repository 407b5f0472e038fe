import { Prisma } from "@/lib/generated/prisma/client";
import { AT_RISK_DAYS } from "./flow";

/*
 * SQL definitions shared by every query that asks "is this blocked?" or "how risky is this dependency?", so
 * the dependency board, the backlogs and the dashboard count the same things.
 */

const ALIAS = /^[a-z_][a-z0-9_]*$/;

function alias(name: string): Prisma.Sql {
  if (!ALIAS.test(name)) throw new Error(`sql-fragments: bad alias "${name}"`);
  return Prisma.raw(name);
}

/** Dependency statuses that still need work (not RESOLVED, not CANCELLED). */
export const UNRESOLVED_STATUSES_SQL = Prisma.sql`('OPEN', 'ACCEPTED', 'IN_PROGRESS', 'BLOCKED')`;

/**
 * Rule 6, "a story with an unresolved dependency is blocked": an unresolved dependency starts at the item
 * (`<item>.id`, where `item` is the alias of a backlog_item row in the surrounding query).
 */
export function itemHasUnresolvedDependencySql(item: string): Prisma.Sql {
  const i = alias(item);
  return Prisma.sql`EXISTS (
    SELECT 1 FROM dependency blocking_dep
     WHERE blocking_dep.from_item_id = ${i}.id AND blocking_dep.status IN ${UNRESOLVED_STATUSES_SQL})`;
}

/** A work item is blocked when its status says so or an unresolved dependency starts at it (rule 6). */
export function itemIsBlockedSql(item: string): Prisma.Sql {
  const i = alias(item);
  return Prisma.sql`(${i}.status = 'BLOCKED' OR ${itemHasUnresolvedDependencySql(item)})`;
}

/**
 * The risk of a dependency row `<dep>` on `today` (a `YYYY-MM-DD` in the organisation's zone), as text:
 * 'OVERDUE' | 'AT_RISK' | 'ON_TRACK' | 'DONE' (definitions on DependencyRisk in ./flow.ts).
 */
export function dependencyRiskSql(dep: string, today: string): Prisma.Sql {
  const d = alias(dep);
  return Prisma.sql`CASE
    WHEN ${d}.status IN ('RESOLVED', 'CANCELLED') THEN 'DONE'
    WHEN ${d}.needed_by < ${today}::date THEN 'OVERDUE'
    WHEN ${d}.status = 'BLOCKED'
      OR (${d}.status = 'OPEN' AND ${d}.needed_by <= ${today}::date + ${AT_RISK_DAYS}::int)
      OR (${d}.proposed_date IS NOT NULL AND ${d}.proposed_date > ${d}.needed_by) THEN 'AT_RISK'
    ELSE 'ON_TRACK'
  END`;
}
