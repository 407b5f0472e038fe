import "server-only";
import { getDb } from "@/lib/db/client";
import type { Tx } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_TIME_ZONE } from "@/lib/organization/sql-fragments";

const TODAY = Prisma.sql`(now() AT TIME ZONE COALESCE((SELECT o.timezone FROM organization o ORDER BY o.id LIMIT 1), ${DEFAULT_TIME_ZONE}))::date`;

/**
 * Records today's portfolio ranking (every epic's position in rank order, as the portfolio page numbers them) in
 * portfolio_rank_snapshot, unless today's is already there: idempotent, and safe when two requests race (the
 * loser's insert conflicts and does nothing). Priority stability reads these snapshots. Returns the rows written.
 *
 * The dashboard calls it on load; a portfolio re-rank may call it too (it takes the day's first ranking only, so
 * re-ranks later in the day show up in the next day's snapshot and, for a period ending today, in the live one).
 */
export async function takeRankSnapshot(tx: Tx): Promise<number> {
  return tx.$executeRaw`
    INSERT INTO portfolio_rank_snapshot (taken_on, item_id, position)
    SELECT ${TODAY}, e.id, row_number() OVER (ORDER BY e.rank COLLATE "C", e.id)
      FROM backlog_item e
     WHERE e.level = 'EPIC' AND e.team_id IS NULL
       AND NOT EXISTS (SELECT 1 FROM portfolio_rank_snapshot s WHERE s.taken_on = ${TODAY})
    ON CONFLICT DO NOTHING`;
}

/** takeRankSnapshot outside any transaction (one statement), for page loads. */
export function ensureTodayRankSnapshot(): Promise<number> {
  return takeRankSnapshot(getDb());
}
