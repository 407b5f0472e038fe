import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { listMigrations } from "@/lib/db/migrate";
import { testDatabase } from "@/tests/support/db";

/*
 * The migration that made planning intervals records (20261130000154_planning_intervals) turns the free-text tags
 * epics and features carried into intervals. Replayed here on a schema of its own: every migration before it,
 * items tagged the ways people typed them, then it.
 */
const MIGRATION = "planning_intervals";
const SCHEMA = `pi_migration_${Math.random().toString(36).slice(2, 8)}`;

/** Runs SQL (several statements allowed) with the replay schema first on the search path, then puts it back. */
async function inSchema<R extends Record<string, unknown>>(text: string): Promise<R[]> {
  const db = testDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query(`SET search_path TO "${SCHEMA}"`);
    const result = (await client.query(text)) as unknown as pg.QueryResult<R> | pg.QueryResult<R>[];
    return Array.isArray(result) ? (result[result.length - 1]?.rows ?? []) : result.rows;
  } finally {
    // An embedded database is one session shared with the app's client: never leave it on this schema.
    await client.query(`SET search_path TO "${db.schema}"`).catch(() => {});
    await client.end();
  }
}

afterAll(async () => {
  await testDatabase().sql(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
});

describe("migrating free-text planning-interval tags", () => {
  it("makes one interval per quarter named, links epics and features to it, and keeps every other tag as a label", async () => {
    const all = await listMigrations(path.resolve("prisma/migrations"));
    const at = all.findIndex((m) => m.name.endsWith(`_${MIGRATION}`));
    expect(at).toBeGreaterThan(0);
    await testDatabase().sql(`CREATE SCHEMA "${SCHEMA}"`);
    for (const m of all.slice(0, at)) await inSchema(m.sql);

    await inSchema(`
      INSERT INTO team (slug, name, kind, shape, cadence_anchor, wip_limit, updated_at)
      VALUES ('pod', 'Pod', 'DELIVERY_POD', 'CROSS_FUNCTIONAL', '2026-01-05', 5, now());
      INSERT INTO backlog_item (key, level, title, status, rank, planning_interval, team_id, updated_at) VALUES
        ('E1', 'EPIC', 'e', 'FUNNEL', 'a', 'PI 2026.2', NULL, now()),
        ('E2', 'EPIC', 'e', 'FUNNEL', 'b', '2026 Q2', NULL, now()),
        ('E3', 'EPIC', 'e', 'FUNNEL', 'c', 'Summer push', NULL, now()),
        ('E4', 'EPIC', 'e', 'FUNNEL', 'd', NULL, NULL, now()),
        ('F1', 'FEATURE', 'f', 'BACKLOG', 'a', ' PI 2026.2 ', (SELECT id FROM team), now()),
        ('F2', 'FEATURE', 'f', 'BACKLOG', 'b', 'q3 2026', (SELECT id FROM team), now()),
        ('F3', 'FEATURE', 'f', 'BACKLOG', 'c', 'PI-2099.1', (SELECT id FROM team), now()),
        ('S1', 'STORY', 's', 'BACKLOG', 'd', 'PI 2026.2', (SELECT id FROM team), now()),
        ('T1', 'THEME', 't', 'FUNNEL', 'a', 'PI 2025.4', NULL, now());`);
    await inSchema(all[at]!.sql);

    const intervals = await inSchema<{ name: string; start: string; end: string; state: string; closed: boolean }>(`
      SELECT name, to_char(start_date, 'YYYY-MM-DD') AS start, to_char(end_date, 'YYYY-MM-DD') AS "end", state::text AS state,
             closed_at IS NOT NULL AS closed
        FROM planning_interval ORDER BY start_date`);
    // "PI 2026.2" (three uses, one with spaces around it) and "2026 Q2" name the same quarter: one record, named
    // after the tag most items carry. Past quarters are closed, future ones still being planned.
    expect(intervals).toEqual([
      { name: "PI 2026.2", start: "2026-04-01", end: "2026-06-30", state: "CLOSED", closed: true },
      { name: "q3 2026", start: "2026-07-01", end: "2026-09-30", state: "CLOSED", closed: true },
      { name: "PI-2099.1", start: "2099-01-01", end: "2099-03-31", state: "PLANNING", closed: false },
    ]);
    const items = await inSchema<{ key: string; interval: string | null; labels: string[] }>(`
      SELECT b.key, pi.name AS interval, b.labels FROM backlog_item b LEFT JOIN planning_interval pi ON pi.id = b.planning_interval_id ORDER BY b.key`);
    expect(items).toEqual([
      { key: "E1", interval: "PI 2026.2", labels: [] },
      { key: "E2", interval: "PI 2026.2", labels: [] },
      { key: "E3", interval: null, labels: ["PI: Summer push"] },
      { key: "E4", interval: null, labels: [] },
      { key: "F1", interval: "PI 2026.2", labels: [] },
      { key: "F2", interval: "q3 2026", labels: [] },
      { key: "F3", interval: "PI-2099.1", labels: [] },
      { key: "S1", interval: null, labels: ["PI: PI 2026.2"] },
      { key: "T1", interval: null, labels: ["PI: PI 2025.4"] },
    ]);
    const columns = await inSchema<{ column_name: string }>(`
      SELECT column_name FROM information_schema.columns WHERE table_schema = '${SCHEMA}' AND table_name = 'backlog_item' AND column_name = 'planning_interval'`);
    expect(columns).toEqual([]);
  });

  it("refuses two intervals that share a day", async () => {
    await expect(
      inSchema(`INSERT INTO planning_interval (name, start_date, end_date, updated_at) VALUES ('Overlap', '2026-06-30', '2026-07-15', now())`),
    ).rejects.toThrow(/db_rule_interval_no_overlap/);
  });
});
