/**
 * Twelve weeks of portfolio rank snapshots (portfolio_rank_snapshot), so priority stability has a history to
 * compare from the first dashboard load.
 *
 * Ranks are not historised, so the past is reconstructed with the rule the seed ranks epics by today
 * (backlog.ts): implementing first, then portfolio backlog, analysing, reviewing, funnel, done, cancelled; within a
 * stage by WSJF, then key — applied to each epic's status as it stood at the end of each day (from its status
 * history). Epics not yet created that day are not ranked. Today's snapshot is the live ranking (rank order,
 * as the portfolio page shows it), so it matches what the app itself takes on the first dashboard load.
 *
 * Idempotent: the snapshots of the twelve weeks are replaced whole on every run.
 */
import { addDays } from "./calendar";
import type { SeedContext, Tx } from "./context";

export const RANK_HISTORY_DAYS = 84;

export async function writeRankHistory(tx: Tx, ctx: SeedContext): Promise<number> {
  const from = addDays(ctx.today, -RANK_HISTORY_DAYS);
  await tx.$executeRaw`DELETE FROM portfolio_rank_snapshot WHERE taken_on BETWEEN ${from}::date AND ${ctx.today}::date`;
  const past = await tx.$executeRaw`
    INSERT INTO portfolio_rank_snapshot (taken_on, item_id, position)
    SELECT day::date, e.id,
           row_number() OVER (
             PARTITION BY day
             ORDER BY CASE st.status
                        WHEN 'IMPLEMENTING' THEN 0 WHEN 'PORTFOLIO_BACKLOG' THEN 1 WHEN 'ANALYZING' THEN 2
                        WHEN 'REVIEWING' THEN 3 WHEN 'FUNNEL' THEN 4 WHEN 'DONE' THEN 5 ELSE 6 END,
                      (COALESCE(e.business_value, 0) + COALESCE(e.time_criticality, 0) + COALESCE(e.risk_reduction, 0))::numeric
                        / COALESCE(NULLIF(e.job_size, 0), 1) DESC,
                      e.key)
      FROM generate_series(${from}::date, ${addDays(ctx.today, -1)}::date, interval '1 day') AS day
      JOIN backlog_item e ON e.level = 'EPIC' AND e.team_id IS NULL AND e.created_at < day + interval '1 day'
      CROSS JOIN LATERAL (
        SELECT COALESCE(
          (SELECT sc.to_status FROM status_change sc
            WHERE sc.item_id = e.id AND sc.changed_at < day + interval '1 day'
            ORDER BY sc.changed_at DESC, sc.id DESC LIMIT 1),
          'FUNNEL') AS status
      ) st`;
  const live = await tx.$executeRaw`
    INSERT INTO portfolio_rank_snapshot (taken_on, item_id, position)
    SELECT ${ctx.today}::date, e.id, row_number() OVER (ORDER BY e.rank COLLATE "C", e.id)
      FROM backlog_item e
     WHERE e.level = 'EPIC' AND e.team_id IS NULL`;
  return past + live;
}
